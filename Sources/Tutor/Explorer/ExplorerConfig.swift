import ConvCore

/// What the explorer animates.
public enum ExplorerMode: String, CaseIterable, Sendable {
    case conv1d, correlate1d
    case forward
    case backward
    case maxpool, avgpool
    case maxpoolBackward = "maxpool-backward"
    case avgpoolBackward = "avgpool-backward"
    case transposed

    /// The name shown in the header.
    public var title: String {
        switch self {
        case .conv1d: "1-D convolution (flip and slide)"
        case .correlate1d: "1-D correlation"
        case .forward: "2-D convolution"
        case .backward: "2-D convolution, backward"
        case .maxpool: "max pooling"
        case .avgpool: "average pooling"
        case .maxpoolBackward: "max pooling, backward"
        case .avgpoolBackward: "average pooling, backward"
        case .transposed: "transposed convolution"
        }
    }

    public var isPooling: Bool { [.maxpool, .avgpool, .maxpoolBackward, .avgpoolBackward].contains(self) }
    public var is1D: Bool { self == .conv1d || self == .correlate1d }
}

/// Every parameter of the explorer, as the learner sets it. Plain values: validating them and
/// computing the scene is `Scene.build`.
public struct ExplorerConfig: Equatable, Sendable {
    public var mode: ExplorerMode = .forward
    /// Input height and width (1-D uses the width as the length of `a`).
    public var input = Pair(5, 5)
    /// Kernel (or pooling window) height and width (1-D uses the width as the length of `v`).
    public var kernel = Pair(3, 3)
    public var stride = Pair(1, 1)
    public var padding = Pair(0, 0)
    public var dilation = Pair(1, 1)
    public var outputPadding = Pair(0, 0)
    public var channels = 1
    public var filters = 1
    public var groups = 1
    public var bias = false
    public var convention: Convention = .crossCorrelation
    public var mode1D: Conv1D.Mode = .full
    public var values: Values = .ramp
    /// How the backward pass and the transposed convolution are shown.
    public var presentation: Presentation = .cells
    /// Values the learner typed into cells, replacing the generated ones.
    public var overrides: [Override] = []

    /// One typed value: `tensor[index] = value`.
    public struct Override: Equatable, Sendable {
        public var tensor: String
        public var index: [Int]
        public var value: Double
    }

    /// `t` with the typed values for `name` applied (indices outside `t` are ignored).
    func applyingOverrides(_ t: Tensor, as name: String) -> Tensor {
        var t = t
        for o in overrides where o.tensor == name && o.index.count == t.rank
            && zip(o.index, t.shape).allSatisfy({ $0 >= 0 && $0 < $1 }) {
            t[o.index] = o.value
        }
        return t
    }

    public init() {}

    /// The largest sizes the explorer draws: beyond these the grids would not fit any screen.
    public static let maxExtent = 12
    public static let maxChannels = 4
}
