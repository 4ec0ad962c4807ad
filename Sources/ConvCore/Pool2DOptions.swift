/// PyTorch's pooling arguments besides the window, under their PyTorch names.
///
/// `stride` (default: the window), `padding` (at most half the window), `ceil_mode` (round the
/// output size up, keeping a last window that hangs past the padded input, unless it would start
/// in the right padding); max pooling's `dilation`; average pooling's `count_include_pad` (padding
/// cells count in the divisor) and `divisor_override` (one divisor for every window).
///
///     torch.nn.functional.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)
///     torch.nn.functional.avg_pool2d(x, kernel_size, stride, padding, ceil_mode,
///                                    count_include_pad, divisor_override)
public struct Pool2DOptions: Equatable, Sendable {
    /// `nil`: the window size, as PyTorch's `stride=None`.
    public var stride: Pair?
    public var padding: Pair
    /// Max pooling only: the gap between the window's taps (1 = adjacent cells).
    public var dilation: Pair
    public var ceilMode: Bool
    /// Average pooling only: padding cells count in the divisor (PyTorch's default, true).
    public var countIncludePad: Bool
    /// Average pooling only: the divisor of every window, instead of its cell count. PyTorch takes
    /// any integer but 0.
    public var divisorOverride: Int?

    public init(stride: Pair? = nil, padding: Pair = Pair(0), dilation: Pair = Pair(1), ceilMode: Bool = false,
                countIncludePad: Bool = true, divisorOverride: Int? = nil) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        self.divisorOverride = divisorOverride
    }

    /// Refuses an option that `kind` of pooling does not take, as PyTorch's functions have no such
    /// argument: dilation for average pooling, `count_include_pad` and `divisor_override` for max.
    func check(for kind: Pool2D.Kind) throws(ConvError) {
        switch kind {
        case .max:
            if !countIncludePad { throw .optionNotTaken(field: "count_include_pad", kind: kind) }
            if divisorOverride != nil { throw .optionNotTaken(field: "divisor_override", kind: kind) }
        case .average:
            if dilation != Pair(1) { throw .optionNotTaken(field: "dilation", kind: kind) }
            if let divisor = divisorOverride {
                guard divisor != 0 else { throw .zeroDivisor(field: "divisor_override") }
                try Limits.check(divisor, field: "divisor_override", minimum: -Limits.maxParameter)
            }
        }
    }
}
