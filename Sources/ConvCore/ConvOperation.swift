/// The operations of the compute core, each with one name: the `compute` subcommand, the `op` of
/// `compute --json`, the explorer's `--mode` and a lesson's animation block all call it the same.
public enum ConvOperation: String, CaseIterable, Sendable {
    /// `numpy.convolve`: the kernel flipped, then slid.
    case conv1d
    /// `numpy.correlate`: the kernel slid as it is.
    case correlate1d
    /// PyTorch's `conv2d` (a cross-correlation, or with `convention: convolution` the kernel flipped).
    case conv2d
    /// Its gradients `dx`, `dw`, `db` from `dOut`.
    case conv2dBackward = "conv2d-backward"
    /// PyTorch's `conv_transpose2d`.
    case convTranspose2d = "conv-transpose2d"
    /// Its gradients from `dOut`.
    case convTranspose2dBackward = "conv-transpose2d-backward"
    /// PyTorch's `max_pool2d` and `avg_pool2d`.
    case maxpool2d, avgpool2d
    /// Their input gradients from `dOut`.
    case maxpool2dBackward = "maxpool2d-backward"
    case avgpool2dBackward = "avgpool2d-backward"
    /// PyTorch's `adaptive_max_pool2d` and `adaptive_avg_pool2d`: windows chosen for an `output_size`.
    case adaptiveMaxpool2d = "adaptive-maxpool2d"
    case adaptiveAvgpool2d = "adaptive-avgpool2d"
    /// Their input gradients from `dOut`.
    case adaptiveMaxpool2dBackward = "adaptive-maxpool2d-backward"
    case adaptiveAvgpool2dBackward = "adaptive-avgpool2d-backward"

    /// The operations the explorer animates (and a lesson's animation block may name), in the
    /// order its `m` key steps through them.
    public static let animated: [ConvOperation] = [
        .conv1d, .correlate1d, .conv2d, .conv2dBackward, .maxpool2d, .avgpool2d, .maxpool2dBackward,
        .avgpool2dBackward, .convTranspose2d, .adaptiveMaxpool2d, .adaptiveAvgpool2d, .adaptiveMaxpool2dBackward,
        .adaptiveAvgpool2dBackward,
    ]

    /// `conv1d` and `correlate1d`: lists, not grids.
    public var is1D: Bool { self == .conv1d || self == .correlate1d }

    /// Max and average pooling over fixed windows (a kernel, a stride), forward or backward.
    public var isPooling: Bool { [.maxpool2d, .avgpool2d, .maxpool2dBackward, .avgpool2dBackward].contains(self) }

    /// Adaptive max and average pooling (windows chosen for an output size), forward or backward.
    public var isAdaptivePooling: Bool {
        [.adaptiveMaxpool2d, .adaptiveAvgpool2d, .adaptiveMaxpool2dBackward, .adaptiveAvgpool2dBackward].contains(self)
    }

    /// The gradient of another operation.
    public var isBackward: Bool {
        [.conv2dBackward, .convTranspose2dBackward, .maxpool2dBackward, .avgpool2dBackward, .adaptiveMaxpool2dBackward,
         .adaptiveAvgpool2dBackward].contains(self)
    }

    /// The pooling kind, for the pooling operations (adaptive or not).
    public var poolKind: Pool2D.Kind? {
        switch self {
        case .maxpool2d, .maxpool2dBackward, .adaptiveMaxpool2d, .adaptiveMaxpool2dBackward: .max
        case .avgpool2d, .avgpool2dBackward, .adaptiveAvgpool2d, .adaptiveAvgpool2dBackward: .average
        default: nil
        }
    }
}
