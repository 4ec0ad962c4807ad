/// Other ways of computing the same gradient, for teaching: `dx` as a direct convolution, and
/// `dx` built up by scattering one output gradient at a time.
extension Conv2D {
    /// A convolution whose forward pass is `dx` for this `dOut`: the output gradient with `S − 1`
    /// zeros inserted between its cells, framed so that a stride-1 window of the dilated kernel
    /// fits every input row, correlated with the kernel rotated by 180° and with its input and
    /// output channels swapped.
    ///
    /// The frame has `H + D·(KH−1)` rows; row `t` holds the zero-inserted `dOut` row
    /// `t − (D·(KH−1) − P)`, so the frame pads by `D·(K−1) − P` (or crops, when the padding is
    /// larger) and adds the rows no window reached. Weights `w′[c, f, kh, kw] = w[f, c, KH−1−kh,
    /// KW−1−kw]`, grouped as the layer is. For stride 1 and no padding this is the textbook
    /// "full convolution of `dOut` with the flipped kernel".
    public func inputGradientAsConvolution(_ dOut: Tensor) throws(ConvError) -> Conv2D {
        try Self.checkShape(dOut, geometry.outShape, field: "dout", because: .outputShape)
        return try Self.adjointConvolution(of: geometry, applyingTo: dOut, w: w, bias: nil)
    }

    /// The convolution behind `inputGradientAsConvolution`, shared with the transposed
    /// convolution (whose forward pass is the same adjoint).
    ///
    /// Padding that copies cells has no such convolution: what reaches a padding cell folds back
    /// onto the cell it copies.
    static func adjointConvolution(
        of g: Conv2DGeometry, applyingTo dOut: Tensor, w: Tensor, bias: Tensor?
    ) throws(ConvError) -> Conv2D {
        guard g.paddingMode == .zeros else { throw .foldedPaddingGradient(mode: g.paddingMode) }
        let frame = Pair(g.input.h + g.dilation.h * (g.kernel.h - 1), g.input.w + g.dilation.w * (g.kernel.w - 1))
        let shift = Pair(g.dilation.h * (g.kernel.h - 1) - g.padding.h, g.dilation.w * (g.kernel.w - 1) - g.padding.w)
        _ = try Limits.checkElements([g.batch, g.filters, frame.h, frame.w], field: "dout")
        var framed = Tensor(shape: [g.batch, g.filters, frame.h, frame.w])
        for n in 0..<g.batch {
            for f in 0..<g.filters {
                for i in 0..<g.output.h {
                    for j in 0..<g.output.w {
                        let (t, u) = (i * g.stride.h + shift.h, j * g.stride.w + shift.w)
                        if t >= 0, t < frame.h, u >= 0, u < frame.w { framed[n, f, t, u] = dOut[n, f, i, j] }
                    }
                }
            }
        }
        // w′[g·C/G + c′, f′, kh, kw] = w[g·F/G + f′, c′, KH−1−kh, KW−1−kw]
        let flipped = w.flippedSpatially()
        var swapped = Tensor(shape: [g.inChannels, g.filtersPerGroup, g.kernel.h, g.kernel.w])
        for c in 0..<g.inChannels {
            let group = c / g.channelsPerGroup
            for f in 0..<g.filtersPerGroup {
                for kh in 0..<g.kernel.h {
                    for kw in 0..<g.kernel.w {
                        swapped[c, f, kh, kw] = flipped[group * g.filtersPerGroup + f, c % g.channelsPerGroup, kh, kw]
                    }
                }
            }
        }
        return try Conv2D(x: framed, w: swapped, b: bias,
                          options: Conv2DOptions(dilation: g.dilation, groups: g.groups))
    }

    /// One step of `dx` built by scattering: output gradient `dOut[n, f, i, j]` sends
    /// `w[f, c, kh, kw] · dOut[n, f, i, j]` to every input cell its window covered, and through
    /// each padding cell that copies an input cell to that cell (the term's `via`).
    public struct ScatterStep: Equatable, Sendable {
        /// The output-gradient cell being scattered.
        public var source: Factor
        /// The contributions, each `weight × source`, with the cell of `dx` it is added to.
        public var contributions: [(target: [Int], term: Term)]
        /// `dx` after this step and all before it.
        public var partial: Tensor

        public static func == (a: ScatterStep, b: ScatterStep) -> Bool {
            a.source == b.source && a.partial == b.partial
                && a.contributions.map(\.target) == b.contributions.map(\.target)
                && a.contributions.map(\.term) == b.contributions.map(\.term)
        }
    }

    /// `dx` built one output-gradient cell at a time, in row-major order of `dOut`. The last
    /// step's `partial` equals `backward(dOut).dx` up to the order of rounding.
    public func scatterInputGradient(_ dOut: Tensor) throws(ConvError) -> [ScatterStep] {
        try Self.checkShape(dOut, geometry.outShape, field: "dout", because: .outputShape)
        return Self.scatter(dOut, w, geometry, names: .standard)
    }

    /// The scatter loop, shared with the transposed convolution (whose forward pass is this
    /// scatter with the roles renamed).
    static func scatter(_ dOut: Tensor, _ w: Tensor, _ g: Conv2DGeometry, names: Names) -> [ScatterStep] {
        var sums = Array(repeating: Accumulator(), count: g.xShape.reduce(1, *))
        var steps: [ScatterStep] = []
        for n in 0..<g.batch {
            for f in 0..<g.filters {
                for i in 0..<g.output.h {
                    for j in 0..<g.output.w {
                        let source = Factor(tensor: names.dOut, index: [n, f, i, j], value: dOut[n, f, i, j])
                        var contributions: [(target: [Int], term: Term)] = []
                        // The window of output (i, j) is exactly where its gradient lands.
                        g.forEachOutputTerm(f: f, i: i, j: j) { c, h, ww, wc, kh, kw in
                            guard let (sh, sw) = g.source(h, ww) else { return }
                            let via = g.isInside(h, ww)
                                ? nil : PaddingCopy(mode: g.paddingMode, cell: [n, c, h, ww], source: [n, c, sh, sw])
                            let term = Term([Factor(tensor: names.w, index: [f, wc, kh, kw], value: w[f, wc, kh, kw]), source],
                                            via: via)
                            sums[((n * g.inChannels + c) * g.input.h + sh) * g.input.w + sw].add(term.product)
                            contributions.append(([n, c, sh, sw], term))
                        }
                        steps.append(ScatterStep(source: source, contributions: contributions,
                                                 partial: Tensor(shape: g.xShape, data: sums.map(\.value))))
                    }
                }
            }
        }
        return steps
    }
}

extension ConvTranspose2D {
    /// The same output as `forward()`, as a direct convolution: the input with `S − 1` zeros
    /// inserted between its cells, framed by `D·(K−1) − P` (plus the output padding), correlated
    /// with the kernel rotated by 180° and with its channels swapped (see
    /// `Conv2D.inputGradientAsConvolution`).
    public func asConvolution() throws(ConvError) -> Conv2D {
        try Conv2D.adjointConvolution(of: geometry, applyingTo: x, w: w, bias: b)
    }

    /// The output built one input cell at a time: `x[n, c, i, j]` scatters `x · w[c, o, kh, kw]`
    /// to the output cells `(i·S − P + kh·D, j·S − P + kw·D)`. The bias is not included.
    public func scatter() -> [Conv2D.ScatterStep] {
        Conv2D.scatter(x, w, geometry, names: Self.forwardNames)
    }
}
