/// Max or average pooling over 2-D windows: PyTorch's `max_pool2d` / `avg_pool2d`, with
/// `ceil_mode`, max pooling's `dilation`, average pooling's `count_include_pad` and
/// `divisor_override` (`Pool2DOptions`).
///
/// Shapes: `x (N, C, H, W)` → `out (N, C, outH, outW)`,
/// `outH = ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1` (`⌈…⌉` in ceil mode, less a last window that would
/// start in the right padding; `OutputSize.pooling`), with `P ≤ K/2`. Window `(i, j)` has the
/// taps `x[n, c, i·S−P+kh·D, j·S−P+kw·D]`.
///
///     max: out[n,c,i,j] = max over the taps inside x    (padding reads −∞ and never wins)
///     avg: out[n,c,i,j] = Σ taps inside x / divisor,   divisor = divisor_override, else
///          (min(hs+KH, H+P) − hs)·(min(ws+KW, W+P) − ws) with count_include_pad (hs = i·S−P),
///          else the count of taps inside x
///
/// The divisor is ATen's `cpu_avg_pool`: with `ceil_mode`, cells past the padding count in no
/// divisor. Backward: max pooling sends each `dOut` cell to the first maximum of its window in
/// row-major order; average pooling sends `dOut / divisor` to every cell of the window inside x.
public struct Pool2D: PoolingLayer {
    public enum Kind: String, Sendable, CaseIterable {
        case max
        case average = "avg"
    }

    public let kind: Kind
    public let kernel: Pair
    /// The stride, the window's size when the options give none.
    public let stride: Pair
    public let options: Pool2DOptions
    public let output: Pair
    let windows: PoolWindows

    /// Validates the window and the options for `kind`.
    public init(_ kind: Kind, x: Tensor, kernel: Pair, options: Pool2DOptions) throws(ConvError) {
        try Conv2DGeometry.checkRank(x.shape, field: "x")
        try options.check(for: kind)
        let stride = options.stride ?? kernel
        var axes: [PoolAxis] = []
        for axis in Axis.allCases {
            let input = x.shape[2 + axis.offset]
            let (k, s, p, d) = (kernel[axis], stride[axis], options.padding[axis], options.dilation[axis])
            let output = try OutputSize.pooling(input: input, kernel: k, stride: s, padding: p, dilation: d,
                                                ceilMode: options.ceilMode, axis: axis)
            axes.append(.sliding(input: input, output: output, kernel: k, stride: s, padding: p, dilation: d,
                                 countIncludePad: options.countIncludePad))
        }
        _ = try Limits.checkElements(x.shape, field: "x")
        windows = try PoolWindows(kind, x: x, rows: axes[0], cols: axes[1], divisorOverride: options.divisorOverride)
        self.kind = kind
        self.kernel = kernel
        self.stride = stride
        self.options = options
        output = Pair(axes[0].output, axes[1].output)
    }

    /// PyTorch's defaults but for the stride (`nil`: the window) and the padding.
    public init(_ kind: Kind, x: Tensor, kernel: Pair, stride: Pair? = nil, padding: Pair = Pair(0)) throws(ConvError) {
        try self.init(kind, x: x, kernel: kernel, options: Pool2DOptions(stride: stride, padding: padding))
    }

    public var x: Tensor { windows.x }
    public var padding: Pair { options.padding }
    public var outShape: [Int] { windows.outShape }

    /// `a` replaces the running maximum `b`: strictly greater, or the first NaN (as PyTorch).
    @inline(__always)
    static func isGreater(_ a: Double, than b: Double) -> Bool {
        a > b || (a.isNaN && !b.isNaN)
    }

    public func forward() -> Tensor { windows.forward() }

    /// Every tap of the window of output `[n, c, i, j]` (padding and a ceil-mode overhang marked
    /// as padding), with the maximum marked for max pooling and the divisor for average pooling.
    public func traceOutput(_ index: [Int]) throws(ConvError) -> Trace { try windows.traceOutput(index) }

    public func backward(_ dOut: Tensor) throws(ConvError) -> Tensor { try windows.backward(dOut) }

    public func traceGradient(at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try windows.traceGradient(at: index, dOut: dOut)
    }

    /// How far the last window reaches past the padded input, in rows and columns: only a
    /// `ceil_mode` window does, over cells that no padding covers and nothing reads.
    public var overhang: Pair {
        var reach = Pair(0)
        for axis in Axis.allCases {
            let lastTap = (output[axis] - 1) * stride[axis] - padding[axis] + options.dilation[axis] * (kernel[axis] - 1)
            reach[axis] = max(0, lastTap - (x.shape[2 + axis.offset] + padding[axis] - 1))
        }
        return reach
    }
}

extension Axis {
    /// 0 for height, 1 for width: the axis's position among the trailing spatial axes.
    var offset: Int { self == .height ? 0 : 1 }
}
