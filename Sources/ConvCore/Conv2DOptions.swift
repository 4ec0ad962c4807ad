/// The hyper-parameters of a 2-D convolution, per axis as in PyTorch's `conv2d`.
public struct Conv2DOptions: Equatable, Sendable {
    public var stride: Pair
    /// Padding added on both sides of each axis (with the `.symmetric` layout).
    public var padding: Pair
    /// Spacing between kernel taps: a kernel of size K covers `D·(K−1)+1` input cells.
    public var dilation: Pair
    /// Input channels and filters are split into `groups` independent convolutions.
    public var groups: Int
    public var convention: Convention
    /// What the padding cells hold: zeros, or copies of the input's cells.
    public var paddingMode: PaddingMode
    /// Where the padding goes: `padding` on both sides, `"same"`, or explicit sides.
    public var paddingLayout: PaddingLayout

    public init(
        stride: Pair = Pair(1), padding: Pair = Pair(0), dilation: Pair = Pair(1), groups: Int = 1,
        convention: Convention = .crossCorrelation, paddingMode: PaddingMode = .zeros,
        paddingLayout: PaddingLayout = .symmetric
    ) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        self.convention = convention
        self.paddingMode = paddingMode
        self.paddingLayout = paddingLayout
    }
}

/// Which operation "convolution" means.
public enum Convention: String, Equatable, Sendable, CaseIterable {
    /// Deep learning's convolution: the kernel slides unflipped, `out[i] = Σ x[i+k]·w[k]`.
    case crossCorrelation = "cross-correlation"
    /// The mathematical convolution: the kernel is flipped first, `out[i] = Σ x[i+k]·w[K−1−k]`.
    case convolution
}
