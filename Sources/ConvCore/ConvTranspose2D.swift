/// A transposed 2-D convolution: PyTorch's `conv_transpose2d(x, w, b, stride, padding,
/// output_padding, groups, dilation)`, defined as the input gradient of a convolution.
///
/// Shapes: `x (N, Cin, H, W)`, `w (Cin, Cout/G, KH, KW)`, `b (Cout)` optional,
/// `out (N, Cout, outH, outW)` with `outH = (H−1)·S − 2P + D·(KH−1) + OP + 1`.
///
/// Each input cell scatters a scaled copy of the kernel into the output:
///
///     out[n, o, i·S−P+kh·D, j·S−P+kw·D] += x[n, c, i, j] · w[c, o, kh, kw]   (then + b[o])
///
/// which is exactly `dx` of the convolution `out → x` with the same `w`, stride, padding and
/// dilation: the code runs that convolution's backward loops with the roles renamed.
public struct ConvTranspose2D: Sendable {
    public let x: Tensor
    public let w: Tensor
    public let b: Tensor?
    public let outputPadding: Pair
    /// The convolution whose input gradient this is: its input is our output, its output our input.
    public let geometry: Conv2DGeometry

    /// Validates the shapes and options. `options.convention` does not apply: like PyTorch's,
    /// the transposed convolution has no flipped-kernel variant, and it pads only with zeros, the
    /// same amount on both sides of each axis (no padding mode, `"same"` or explicit sides).
    public init(
        x: Tensor, w: Tensor, b: Tensor? = nil, options: Conv2DOptions = .init(),
        outputPadding: Pair = Pair(0)
    ) throws(ConvError) {
        guard options.paddingMode == .zeros else { throw .transposedPadding(.mode(options.paddingMode)) }
        switch options.paddingLayout {
        case .symmetric: break
        case .same: throw .transposedPadding(.same)
        case .sides: throw .transposedPadding(.sides)
        }
        try Conv2DGeometry.checkRank(x.shape, field: "x")
        try Conv2DGeometry.checkRank(w.shape, field: "w")
        let (inChannels, groups) = (x.shape[1], options.groups)
        try Limits.check(groups, field: "groups", minimum: 1)
        guard inChannels % groups == 0 else {
            throw .groupsDoNotDivide(channels: inChannels, of: .inputChannels, groups: groups)
        }
        guard w.shape[0] == inChannels else {
            throw .shapeMismatch(field: "w", axis: 0, expected: inChannels, got: w.shape[0],
                                 because: .oneKernelStackPerInputChannel)
        }
        let kernel = Pair(w.shape[2], w.shape[3])
        let input = Pair(x.shape[2], x.shape[3])
        var output = Pair(0)
        for axis in Axis.allCases {
            try Limits.check(outputPadding[axis], field: "output_padding", axis: axis, minimum: 0)
            output[axis] = try OutputSize.transposed(
                input: input[axis], kernel: kernel[axis], stride: options.stride[axis],
                padding: options.padding[axis], outputPadding: outputPadding[axis],
                dilation: options.dilation[axis], axis: axis)
        }
        var conv = options
        conv.convention = .crossCorrelation
        let geometry = try Conv2DGeometry(
            batch: x.shape[0], inChannels: w.shape[1] * groups, input: output, filters: inChannels,
            kernel: kernel, options: conv, sides: PaddingSides(symmetric: options.padding), output: input,
            names: (x: "out", w: "w", out: "x"))
        try Conv2D.checkBias(b, count: geometry.inChannels, because: .oneBiasPerOutputChannel)
        self.x = x
        self.w = w
        self.b = b
        self.outputPadding = outputPadding
        self.geometry = geometry
    }

    /// The names of the convolution loops' roles as this operation sees them.
    static let forwardNames = Conv2D.Names(
        x: .out, w: .w, b: .b, dOut: .x, out: .x, dx: .out, dw: .dw)
    static let backwardNames = Conv2D.Names(
        x: .dOut, w: .w, b: .b, dOut: .x, out: .dx, dx: .out, dw: .dw)

    /// The output `(N, Cout, outH, outW)`.
    public func forward() -> Tensor {
        Conv2D.inputGradient(x, w, geometry, bias: b)
    }

    /// Every contribution `x[n,c,i,j] · w[c,o,kh,kw]` to output cell `[n, o, y, z]`, and the bias.
    public func traceOutput(_ index: [Int]) throws(ConvError) -> Trace {
        try Conv2D.checkIndex(index, shape: geometry.xShape, field: "cell")
        let bias = b.map { Factor(tensor: .b, index: [index[1]], value: $0.data[index[1]]) }
        return Conv2D.traceInputGradient(x, w, geometry, index, names: Self.forwardNames, bias: bias)
    }

    /// Back-propagates `dOut (N, Cout, outH, outW)`: `dx` is the ordinary convolution of `dOut`
    /// with `w`, `dw[c,o,kh,kw] = Σ x[n,c,i,j] · dOut[n, o, i·S−P+kh·D, j·S−P+kw·D]`,
    /// `db[o] = Σ dOut[n,o,:,:]`.
    public func backward(_ dOut: Tensor) throws(ConvError) -> Conv2D.Gradients {
        try Conv2D.checkShape(dOut, geometry.xShape, field: "dout", because: .outputShape)
        return Conv2D.Gradients(
            dx: Conv2D.correlate(dOut, w, nil, geometry),
            dw: Conv2D.weightGradient(dOut, x, geometry),
            db: Conv2D.biasGradient(dOut))
    }

    /// Every contribution to one cell of `dx`, `dw` or `db`.
    public func traceGradient(_ gradient: Conv2D.Gradient, at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try Conv2D.checkShape(dOut, geometry.xShape, field: "dout", because: .outputShape)
        switch gradient {
        case .dx:
            try Conv2D.checkIndex(index, shape: geometry.outShape, field: "cell")
            return Conv2D.traceCorrelation(dOut, w, nil, geometry, index, names: Self.backwardNames)
        case .dw:
            try Conv2D.checkIndex(index, shape: geometry.wShape, field: "cell")
            return Conv2D.traceWeightGradient(dOut, x, geometry, index, names: Self.backwardNames)
        case .db:
            try Conv2D.checkIndex(index, shape: [geometry.inChannels], field: "cell")
            return Conv2D.traceBiasGradient(dOut, filter: index[0])
        }
    }
}
