/// Max or average pooling over 2-D windows: PyTorch's `max_pool2d` / `avg_pool2d` with
/// `ceil_mode=False`, `count_include_pad=True`, dilation 1.
///
/// Shapes: `x (N, C, H, W)` → `out (N, C, outH, outW)`, `outH = ⌊(H + 2P − KH)/S⌋ + 1`, with
/// `P ≤ K/2` so that every window holds at least one real cell.
///
///     max: out[n,c,i,j] = max_{kh,kw} x[n, c, i·S−P+kh, j·S−P+kw]    (padding reads −∞ and never wins)
///     avg: out[n,c,i,j] = Σ_{kh,kw} x[n, c, i·S−P+kh, j·S−P+kw] / (KH·KW)   (padding reads 0)
///
/// Backward: max pooling sends each `dOut` cell to the first maximum of its window in row-major
/// order; average pooling spreads it evenly, `dOut / (KH·KW)`, over the whole window.
public struct Pool2D: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case max
        case average = "avg"
    }

    public let kind: Kind
    public let x: Tensor
    public let kernel: Pair
    public let stride: Pair
    public let padding: Pair
    public let output: Pair

    /// Validates the window; `stride` defaults to the window size, as in PyTorch.
    public init(_ kind: Kind, x: Tensor, kernel: Pair, stride: Pair? = nil, padding: Pair = Pair(0)) throws(ConvError) {
        try Conv2DGeometry.checkRank(x.shape, field: "x")
        let stride = stride ?? kernel
        var output = Pair(0)
        for axis in Axis.allCases {
            output[axis] = try OutputSize.pooling(
                input: x.shape[2 + axis.offset], kernel: kernel[axis], stride: stride[axis],
                padding: padding[axis], axis: axis)
        }
        _ = try Limits.checkElements(x.shape, field: "x")
        let outShape = [x.shape[0], x.shape[1], output.h, output.w]
        _ = try Limits.checkElements(outShape, field: "out")
        _ = try Limits.product(outShape + [kernel.h, kernel.w], field: "x",
                               what: .windowReads, limit: Limits.maxMultiplyAdds)
        self.kind = kind
        self.x = x
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.output = output
    }

    public var outShape: [Int] { [x.shape[0], x.shape[1], output.h, output.w] }

    /// `a` replaces the running maximum `b`: strictly greater, or the first NaN (as PyTorch).
    @inline(__always)
    static func isGreater(_ a: Double, than b: Double) -> Bool {
        a > b || (a.isNaN && !b.isNaN)
    }

    // MARK: Forward

    /// The pooled output `(N, C, outH, outW)`.
    public func forward() -> Tensor {
        var out = Tensor(shape: outShape)
        for offset in out.data.indices {
            out.data[offset] = cell(out.index(ofOffset: offset)).value
        }
        return out
    }

    /// Every cell of the window of output `[n, c, i, j]`, with the maximum marked for max pooling.
    public func traceOutput(_ index: [Int]) throws(ConvError) -> Trace {
        try Conv2D.checkIndex(index, shape: outShape, field: "cell")
        let (value, winner) = cell(index)
        let (n, c, i, j) = (index[0], index[1], index[2], index[3])
        var terms: [Term] = []
        forEachWindowCell(i: i, j: j) { h, w in
            let inside = isInside(h, w)
            terms.append(Term([Factor(tensor: .x, index: [n, c, h, w],
                                      value: inside ? x[n, c, h, w] : paddingValue, inPadding: !inside)]))
        }
        return Trace(tensor: .out, index: index, reduction: reduction, terms: terms,
                     selected: winner.map { ($0.h - (i * stride.h - padding.h)) * kernel.w + $0.w - (j * stride.w - padding.w) },
                     value: value)
    }

    private var paddingValue: Double { kind == .max ? -.infinity : 0 }

    private var reduction: Reduction {
        kind == .max ? .max : .average(divisor: kernel.h * kernel.w)
    }

    /// The value of output `[n, c, i, j]` and, for max pooling, the input cell that won.
    private func cell(_ index: [Int]) -> (value: Double, winner: Pair?) {
        let (n, c, i, j) = (index[0], index[1], index[2], index[3])
        switch kind {
        case .max:
            // As PyTorch: the candidate starts at the window's first real cell and padding never
            // competes, so an input of −∞ still wins over the −∞ of the padding.
            var best = -Double.infinity
            var winner: Pair?
            forEachWindowCell(i: i, j: j) { h, w in
                guard isInside(h, w) else { return }
                let v = x[n, c, h, w]
                if winner == nil || Self.isGreater(v, than: best) {
                    best = v
                    winner = Pair(h, w)
                }
            }
            return (best, winner)
        case .average:
            var total = Accumulator()
            forEachWindowCell(i: i, j: j) { h, w in
                total.add(isInside(h, w) ? x[n, c, h, w] : 0)
            }
            return (total.value / Double(kernel.h * kernel.w), nil)
        }
    }

    // MARK: Backward

    /// `dx (N, C, H, W)` from `dOut (N, C, outH, outW)`.
    public func backward(_ dOut: Tensor) throws(ConvError) -> Tensor {
        try Conv2D.checkShape(dOut, outShape, field: "dout", because: .outputShape)
        let winners = kind == .max ? winnerOffsets() : []
        var dx = Tensor(shape: x.shape)
        for offset in dx.data.indices {
            dx.data[offset] = gradientCell(dx.index(ofOffset: offset), dOut, winners).value
        }
        return dx
    }

    /// Every `dOut` cell whose window sends gradient to `dx[n, c, h, w]`.
    public func traceGradient(at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try Conv2D.checkShape(dOut, outShape, field: "dout", because: .outputShape)
        try Conv2D.checkIndex(index, shape: x.shape, field: "cell")
        let (value, terms) = gradientCell(index, dOut, kind == .max ? winnerOffsets() : [])
        let reduction: Reduction = kind == .max ? .sum : self.reduction
        return Trace(tensor: .dx, index: index, reduction: reduction, terms: terms, value: value)
    }

    /// For every output cell, the row-major offset in `x` of its window's first maximum.
    private func winnerOffsets() -> [Int] {
        (0..<outShape.reduce(1, *)).map { offset in
            let index = Tensor.index(ofOffset: offset, in: outShape)
            let winner = cell(index).winner!
            return x.offset([index[0], index[1], winner.h, winner.w])
        }
    }

    /// `dx[n,c,h,w]` and its terms: max pooling sums `dOut` over the windows that chose this
    /// cell; average pooling sums `dOut` over every window that covers it, then divides.
    private func gradientCell(_ index: [Int], _ dOut: Tensor, _ winners: [Int]) -> (value: Double, terms: [Term]) {
        let (n, c, h, w) = (index[0], index[1], index[2], index[3])
        let me = x.offset(index)
        var total = Accumulator()
        var terms: [Term] = []
        forEachWindowCovering(h: h, w: w) { i, j in
            let o = dOut.offset([n, c, i, j])
            guard kind == .average || winners[o] == me else { return }
            total.add(dOut.data[o])
            terms.append(Term([Factor(tensor: .dOut, index: [n, c, i, j], value: dOut.data[o])]))
        }
        let value = kind == .max ? total.value : total.value / Double(kernel.h * kernel.w)
        return (value, terms)
    }

    // MARK: Windows

    /// Calls `body(h, w)` for every cell of window `(i, j)`, row-major, in unpadded coordinates.
    @inline(__always)
    private func forEachWindowCell(i: Int, j: Int, _ body: (Int, Int) -> Void) {
        for kh in 0..<kernel.h {
            for kw in 0..<kernel.w {
                body(i * stride.h - padding.h + kh, j * stride.w - padding.w + kw)
            }
        }
    }

    /// Calls `body(i, j)` for every window that covers input cell `(h, w)`, in row-major order:
    /// window row `i` covers rows `i·S−P … i·S−P+K−1`.
    @inline(__always)
    private func forEachWindowCovering(h: Int, w: Int, _ body: (Int, Int) -> Void) {
        let rows = Self.windows(covering: h, kernel: kernel.h, stride: stride.h, padding: padding.h, count: output.h)
        let cols = Self.windows(covering: w, kernel: kernel.w, stride: stride.w, padding: padding.w, count: output.w)
        guard let rows, let cols else { return }
        for i in rows {
            for j in cols { body(i, j) }
        }
    }

    /// The windows `i` with `i·S − P ≤ p ≤ i·S − P + K − 1`, clipped to `0 ..< count`.
    private static func windows(covering p: Int, kernel: Int, stride: Int, padding: Int, count: Int) -> ClosedRange<Int>? {
        let first = max(0, ceilDiv(p + padding - kernel + 1, stride))
        let last = min(count - 1, (p + padding) / stride)
        return first <= last ? first...last : nil
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }

    @inline(__always)
    private func isInside(_ h: Int, _ w: Int) -> Bool {
        h >= 0 && h < x.shape[2] && w >= 0 && w < x.shape[3]
    }
}

extension Axis {
    /// 0 for height, 1 for width: the axis's position among the trailing spatial axes.
    var offset: Int { self == .height ? 0 : 1 }
}
