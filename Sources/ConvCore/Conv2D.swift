/// A 2-D convolution layer applied to one input: PyTorch's `conv2d(x, w, b, stride, padding,
/// dilation, groups)`, forward and backward, with a trace of any cell.
///
/// Shapes: `x (N, C, H, W)`, `w (F, C/G, KH, KW)`, `b (F)` optional, `out (N, F, outH, outW)`.
///
///     out[n,f,i,j] = b[f] + Σ_{c,kh,kw} x[n, c, i·S−P+kh·D, j·S−P+kw·D] · w[f, c, kh, kw]
///
/// (cross-correlation; with `.convolution` the kernel is flipped first). Inputs outside the
/// tensor read the padding: zeros, or copies of the input's cells (`PaddingMode`).
public struct Conv2D: Sendable {
    public let x: Tensor
    public let w: Tensor
    public let b: Tensor?
    public let geometry: Conv2DGeometry

    /// Validates the shapes and options; every invalid combination throws a `ConvError`.
    public init(x: Tensor, w: Tensor, b: Tensor? = nil, options: Conv2DOptions = .init()) throws(ConvError) {
        let geometry = try Conv2DGeometry(xShape: x.shape, wShape: w.shape, options: options)
        try Self.checkBias(b, count: geometry.filters, because: .oneBiasPerFilter)
        self.x = x
        self.w = w
        self.b = b
        self.geometry = geometry
    }

    static func checkBias(_ b: Tensor?, count: Int, because: ConvError.ShapeRule) throws(ConvError) {
        guard let b else { return }
        guard b.rank == 1 else { throw .wrongRank(field: "b", expected: [1], got: b.rank) }
        guard b.count == count else {
            throw .shapeMismatch(field: "b", axis: 0, expected: count, got: b.count, because: because)
        }
    }

    // MARK: Forward

    /// The output `(N, F, outH, outW)`.
    public func forward() -> Tensor {
        Self.correlate(x, w, b, geometry)
    }

    /// Every term of output cell `[n, f, i, j]`, and the bias.
    public func traceOutput(_ index: [Int]) throws(ConvError) -> Trace {
        try Self.checkIndex(index, shape: geometry.outShape, field: "cell")
        return Self.traceCorrelation(x, w, b, geometry, index, names: .standard)
    }

    // MARK: Backward

    /// The gradients of a scalar loss `L` with respect to `x`, `w` and `b`, given
    /// `dOut = ∂L/∂out`.
    public struct Gradients: Equatable, Sendable {
        /// `∂L/∂x`, shaped like `x`.
        public var dx: Tensor
        /// `∂L/∂w`, shaped like `w`.
        public var dw: Tensor
        /// `∂L/∂b`, one per filter (given whether or not the layer has a bias).
        public var db: Tensor

        /// One of the three.
        public subscript(_ gradient: Gradient) -> Tensor {
            switch gradient {
            case .dx: dx
            case .dw: dw
            case .db: db
            }
        }
    }

    /// Back-propagates `dOut (N, F, outH, outW)`:
    ///
    ///     db[f]          = Σ_{n,i,j} dOut[n,f,i,j]
    ///     dw[f,c,kh,kw]  = Σ_{n,i,j} dOut[n,f,i,j] · x[n, c, i·S−P+kh·D, j·S−P+kw·D]
    ///     dx[n,c,h,w]    = Σ over every (f, i, j, kh, kw) whose window put w[f,c,kh,kw] on x[n,c,h,w]
    ///                      of w[f,c,kh,kw] · dOut[n,f,i,j]
    ///
    /// `dx` is the full convolution of `dOut` (dilated by the stride) with the flipped kernel,
    /// cropped by the padding; `dw` is the correlation of the padded input with `dOut`. With
    /// reflect, replicate or circular padding, what reaches a padding cell is added to the input
    /// cell it copies.
    public func backward(_ dOut: Tensor) throws(ConvError) -> Gradients {
        try Self.checkShape(dOut, geometry.outShape, field: "dout", because: .outputShape)
        return Gradients(
            dx: Self.inputGradient(dOut, w, geometry),
            dw: Self.weightGradient(x, dOut, geometry),
            db: Self.biasGradient(dOut))
    }

    /// Which gradient a trace is about.
    public enum Gradient: String, Sendable, CaseIterable {
        case dx, dw, db

        /// The gradient's tensor name: `dx`, `dw`, `db`.
        public var tensor: TensorName {
            switch self {
            case .dx: .dx
            case .dw: .dw
            case .db: .db
            }
        }
    }

    /// Every contribution to one cell of `dx`, `dw` or `db`.
    public func traceGradient(_ gradient: Gradient, at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try Self.checkShape(dOut, geometry.outShape, field: "dout", because: .outputShape)
        switch gradient {
        case .dx:
            try Self.checkIndex(index, shape: geometry.xShape, field: "cell")
            return Self.traceInputGradient(dOut, w, geometry, index, names: .standard)
        case .dw:
            try Self.checkIndex(index, shape: geometry.wShape, field: "cell")
            return Self.traceWeightGradient(x, dOut, geometry, index, names: .standard)
        case .db:
            try Self.checkIndex(index, shape: [geometry.filters], field: "cell")
            return Self.traceBiasGradient(dOut, filter: index[0])
        }
    }
}

// MARK: - The loops, shared with the transposed convolution

extension Conv2D {
    /// What the tensors are called in traces: a transposed convolution runs the same loops with
    /// the roles renamed.
    struct Names {
        var x, w, b, dOut, out, dx, dw: TensorName
        static let standard = Names(x: .x, w: .w, b: .b, dOut: .dOut, out: .out, dx: .dx, dw: .dw)
    }

    /// `out = correlate(x, w) + b` over the whole output.
    static func correlate(_ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: Conv2DGeometry) -> Tensor {
        var out = Tensor(shape: g.outShape)
        var o = 0
        x.data.withUnsafeBufferPointer { xs in
            w.data.withUnsafeBufferPointer { ws in
                for n in 0..<g.batch {
                    for f in 0..<g.filters {
                        for i in 0..<g.output.h {
                            for j in 0..<g.output.w {
                                var total = Accumulator()
                                g.forEachOutputTerm(f: f, i: i, j: j) { c, h, ww, wc, kh, kw in
                                    let xv = g.source(h, ww).map { xs[((n * g.inChannels + c) * g.input.h + $0.h) * g.input.w + $0.w] } ?? 0
                                    total.add(xv * ws[((f * g.channelsPerGroup + wc) * g.kernel.h + kh) * g.kernel.w + kw])
                                }
                                if let b { total.add(b.data[f]) }
                                out.data[o] = total.value
                                o += 1
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    static func traceCorrelation(
        _ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: Conv2DGeometry, _ index: [Int], names: Names
    ) -> Trace {
        let (n, f, i, j) = (index[0], index[1], index[2], index[3])
        var terms: [Term] = []
        var total = Accumulator()
        g.forEachOutputTerm(f: f, i: i, j: j) { c, h, ww, wc, kh, kw in
            let term = Term([
                g.inputFactor(x, name: names.x, n, c, h, ww),
                Factor(tensor: names.w, index: [f, wc, kh, kw], value: w[f, wc, kh, kw]),
            ])
            total.add(term.product)
            terms.append(term)
        }
        let bias = b.map { Factor(tensor: names.b, index: [f], value: $0.data[f]) }
        if let bias { total.add(bias.value) }
        return Trace(tensor: names.out, index: index, reduction: .sum, terms: terms, bias: bias,
                     value: total.value)
    }

    /// `dx`: for every input cell, the sum of weight × output gradient over the windows that
    /// covered it or a padding cell copying it, plus `b[c]` when given (the transposed
    /// convolution's bias).
    static func inputGradient(_ dOut: Tensor, _ w: Tensor, _ g: Conv2DGeometry, bias b: Tensor? = nil) -> Tensor {
        var dx = Tensor(shape: g.xShape)
        let (rows, cols) = (g.copies(along: .height), g.copies(along: .width))
        var o = 0
        dOut.data.withUnsafeBufferPointer { ds in
            w.data.withUnsafeBufferPointer { ws in
                for n in 0..<g.batch {
                    for c in 0..<g.inChannels {
                        let wc = c % g.channelsPerGroup
                        for h in 0..<g.input.h {
                            for ww in 0..<g.input.w {
                                var total = Accumulator()
                                g.forEachInputGradientTerm(c: c, copies: (rows[h], cols[ww])) { _, _, f, i, j, kh, kw in
                                    total.add(ws[((f * g.channelsPerGroup + wc) * g.kernel.h + kh) * g.kernel.w + kw]
                                        * ds[((n * g.filters + f) * g.output.h + i) * g.output.w + j])
                                }
                                if let b { total.add(b.data[c]) }
                                dx.data[o] = total.value
                                o += 1
                            }
                        }
                    }
                }
            }
        }
        return dx
    }

    static func traceInputGradient(
        _ dOut: Tensor, _ w: Tensor, _ g: Conv2DGeometry, _ index: [Int], names: Names,
        bias: Factor? = nil
    ) -> Trace {
        let (n, c, h, ww) = (index[0], index[1], index[2], index[3])
        let wc = c % g.channelsPerGroup
        var terms: [Term] = []
        var total = Accumulator()
        let copies = (g.copies(along: .height)[h], g.copies(along: .width)[ww])
        g.forEachInputGradientTerm(c: c, copies: copies) { ph, pw, f, i, j, kh, kw in
            let via = (ph, pw) == (h, ww) ? nil : PaddingCopy(mode: g.paddingMode, cell: [n, c, ph, pw], source: index)
            let term = Term([
                Factor(tensor: names.w, index: [f, wc, kh, kw], value: w[f, wc, kh, kw]),
                Factor(tensor: names.dOut, index: [n, f, i, j], value: dOut[n, f, i, j]),
            ], via: via)
            total.add(term.product)
            terms.append(term)
        }
        if let bias { total.add(bias.value) }
        return Trace(tensor: names.dx, index: index, reduction: .sum, terms: terms, bias: bias,
                     value: total.value)
    }

    /// `dw`: for every weight, the sum over all windows of output gradient × the input it met.
    static func weightGradient(_ x: Tensor, _ dOut: Tensor, _ g: Conv2DGeometry) -> Tensor {
        var dw = Tensor(shape: g.wShape)
        var o = 0
        x.data.withUnsafeBufferPointer { xs in
            dOut.data.withUnsafeBufferPointer { ds in
                for f in 0..<g.filters {
                    for wc in 0..<g.channelsPerGroup {
                        for th in 0..<g.kernel.h {
                            for tw in 0..<g.kernel.w {
                                var total = Accumulator()
                                g.forEachWeightGradientTerm(f: f, wc: wc, th: th, tw: tw) { n, i, j, c, h, ww in
                                    let xv = g.source(h, ww).map { xs[((n * g.inChannels + c) * g.input.h + $0.h) * g.input.w + $0.w] } ?? 0
                                    total.add(ds[((n * g.filters + f) * g.output.h + i) * g.output.w + j] * xv)
                                }
                                dw.data[o] = total.value
                                o += 1
                            }
                        }
                    }
                }
            }
        }
        return dw
    }

    static func traceWeightGradient(
        _ x: Tensor, _ dOut: Tensor, _ g: Conv2DGeometry, _ index: [Int], names: Names
    ) -> Trace {
        let (f, wc, th, tw) = (index[0], index[1], index[2], index[3])
        var terms: [Term] = []
        var total = Accumulator()
        g.forEachWeightGradientTerm(f: f, wc: wc, th: th, tw: tw) { n, i, j, c, h, ww in
            let term = Term([
                Factor(tensor: names.dOut, index: [n, f, i, j], value: dOut[n, f, i, j]),
                g.inputFactor(x, name: names.x, n, c, h, ww),
            ])
            total.add(term.product)
            terms.append(term)
        }
        return Trace(tensor: names.dw, index: index, reduction: .sum, terms: terms, value: total.value)
    }

    /// `db[f] = Σ_{n,i,j} dOut[n,f,i,j]`, for a 4-D `dOut` of any size.
    static func biasGradient(_ dOut: Tensor) -> Tensor {
        Tensor(shape: [dOut.shape[1]], data: (0..<dOut.shape[1]).map { f in
            var total = Accumulator()
            forEachBiasGradientTerm(dOut, filter: f) { total.add(dOut.data[$0]) }
            return total.value
        })
    }

    static func traceBiasGradient(_ dOut: Tensor, filter f: Int) -> Trace {
        var terms: [Term] = []
        var total = Accumulator()
        forEachBiasGradientTerm(dOut, filter: f) { offset in
            let term = Term([Factor(tensor: .dOut, index: dOut.index(ofOffset: offset), value: dOut.data[offset])])
            total.add(term.product)
            terms.append(term)
        }
        return Trace(tensor: .db, index: [f], reduction: .sum, terms: terms, value: total.value)
    }

    /// Calls `body(offset)` for every element `dOut[n, f, :, :]`, batch by batch, row-major.
    @inline(__always)
    static func forEachBiasGradientTerm(_ dOut: Tensor, filter f: Int, _ body: (Int) -> Void) {
        let plane = dOut.shape[2] * dOut.shape[3]
        for n in 0..<dOut.shape[0] {
            let start = (n * dOut.shape[1] + f) * plane
            for offset in start..<start + plane { body(offset) }
        }
    }

    static func checkShape(_ t: Tensor, _ shape: [Int], field: String, because: ConvError.ShapeRule) throws(ConvError) {
        guard t.rank == shape.count else { throw .wrongRank(field: field, expected: [shape.count], got: t.rank) }
        for axis in shape.indices where t.shape[axis] != shape[axis] {
            throw .shapeMismatch(field: field, axis: axis, expected: shape[axis], got: t.shape[axis],
                                 because: because)
        }
    }

    static func checkIndex(_ index: [Int], shape: [Int], field: String) throws(ConvError) {
        guard index.count == shape.count,
              zip(index, shape).allSatisfy({ $0 >= 0 && $0 < $1 })
        else { throw .indexOutOfRange(field: field, index: index, shape: shape) }
    }
}
