/// The arithmetic every pooling layer shares, over windows given per axis: the forward and
/// backward passes and their traces.
///
/// Shapes: `x (N, C, H, W)` → `out (N, C, rows.output, cols.output)`; window `(i, j)` reads the
/// cells `rows.taps(i) × cols.taps(j)`, row-major, in unpadded coordinates.
///
///     max: out[n,c,i,j] = the first maximum, row-major, of the window's input cells
///          (padding and a ceil_mode window's overhang never compete)
///     avg: out[n,c,i,j] = Σ window's input cells / divisor(i, j),
///          divisor(i, j) = divisor_override ?? rows.counted(i) · cols.counted(j)
///
/// Backward: max pooling sends each `dOut` cell to its window's maximum; average pooling sends
/// `dOut / divisor(i, j)` to every input cell of the window; overlapping windows add up.
struct PoolWindows: Sendable {
    let kind: Pool2D.Kind
    let x: Tensor
    let rows: PoolAxis
    let cols: PoolAxis
    let divisorOverride: Int?

    /// Validates the work; a max window must read at least one input cell.
    init(_ kind: Pool2D.Kind, x: Tensor, rows: PoolAxis, cols: PoolAxis, divisorOverride: Int?) throws(ConvError) {
        self.kind = kind
        self.x = x
        self.rows = rows
        self.cols = cols
        self.divisorOverride = divisorOverride
        _ = try Limits.checkElements(outShape, field: "out")
        _ = try Limits.product(outShape + [rows.largestWindow, cols.largestWindow], field: "x",
                               what: .windowReads, limit: Limits.maxMultiplyAdds)
        if kind == .max {
            for (axis, windows) in [(Axis.height, rows), (.width, cols)] {
                if let window = windows.windowReadingNothing { throw .windowReadsOnlyPadding(axis: axis, window: window) }
            }
        }
    }

    var outShape: [Int] { [x.shape[0], x.shape[1], rows.output, cols.output] }

    /// The divisor of an average over window `(i, j)`.
    func divisor(_ i: Int, _ j: Int) -> Int {
        divisorOverride ?? rows.counted(i) * cols.counted(j)
    }

    // MARK: Forward

    func forward() -> Tensor {
        var out = Tensor(shape: outShape)
        for offset in out.data.indices {
            out.data[offset] = cell(out.index(ofOffset: offset)).value
        }
        return out
    }

    /// Every tap of the window of output `[n, c, i, j]`, row-major, cells outside the input
    /// marked as padding (reading −∞ for max, 0 for average); the maximum selected.
    func traceOutput(_ index: [Int]) throws(ConvError) -> Trace {
        try Conv2D.checkIndex(index, shape: outShape, field: "cell")
        let (value, winner) = cell(index)
        let (n, c, i, j) = (index[0], index[1], index[2], index[3])
        var terms: [Term] = []
        for h in rows.taps(i) {
            for w in cols.taps(j) {
                let inside = isInside(h, w)
                terms.append(Term([Factor(tensor: .x, index: [n, c, h, w],
                                          value: inside ? x[n, c, h, w] : paddingValue, inPadding: !inside)]))
            }
        }
        let reduction: Reduction = kind == .max ? .max : .average(divisor: divisor(i, j))
        return Trace(tensor: .out, index: index, reduction: reduction, terms: terms, selected: winner?.tap, value: value)
    }

    private var paddingValue: Double { kind == .max ? -.infinity : 0 }

    /// The value of output `[n, c, i, j]` and, for max pooling, its maximum: the position among
    /// the window's taps (row-major) and the input cell.
    private func cell(_ index: [Int]) -> (value: Double, winner: (tap: Int, h: Int, w: Int)?) {
        let (n, c, i, j) = (index[0], index[1], index[2], index[3])
        switch kind {
        case .max:
            // As PyTorch: the candidate starts at the window's first input cell and padding never
            // competes, so an input of −∞ still wins over the −∞ of the padding.
            var best = -Double.infinity
            var winner: (tap: Int, h: Int, w: Int)?
            var tap = 0
            for h in rows.taps(i) {
                for w in cols.taps(j) {
                    if isInside(h, w), winner == nil || Pool2D.isGreater(x[n, c, h, w], than: best) {
                        best = x[n, c, h, w]
                        winner = (tap, h, w)
                    }
                    tap += 1
                }
            }
            return (best, winner)
        case .average:
            // Cells outside the input add 0, in the trace's order.
            var total = Accumulator()
            for h in rows.taps(i) {
                for w in cols.taps(j) { total.add(isInside(h, w) ? x[n, c, h, w] : 0) }
            }
            return (total.value / Double(divisor(i, j)), nil)
        }
    }

    // MARK: Backward

    func backward(_ dOut: Tensor) throws(ConvError) -> Tensor {
        try Conv2D.checkShape(dOut, outShape, field: "dout", because: .outputShape)
        let winners = kind == .max ? winnerOffsets() : []
        var dx = Tensor(shape: x.shape)
        for offset in dx.data.indices {
            dx.data[offset] = gradientCell(dx.index(ofOffset: offset), dOut, winners).value
        }
        return dx
    }

    /// Every `dOut` cell whose window sends gradient to `dx[n, c, h, w]`.
    func traceGradient(at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try Conv2D.checkShape(dOut, outShape, field: "dout", because: .outputShape)
        try Conv2D.checkIndex(index, shape: x.shape, field: "cell")
        let (value, terms, reduction) = gradientCell(index, dOut, kind == .max ? winnerOffsets() : [])
        return Trace(tensor: .dx, index: index, reduction: reduction, terms: terms, value: value)
    }

    /// For every output cell, the row-major offset in `x` of its window's maximum.
    private func winnerOffsets() -> [Int] {
        (0..<outShape.reduce(1, *)).map { offset in
            let index = Tensor.index(ofOffset: offset, in: outShape)
            let winner = cell(index).winner!
            return x.offset([index[0], index[1], winner.h, winner.w])
        }
    }

    /// `dx[n,c,h,w]`, its terms and how they combine. Max pooling: the sum of `dOut` over the
    /// windows whose maximum this cell is. Average pooling: `(Σ dOut) / d` over the windows that
    /// read this cell when they share one divisor `d`, else `Σ dOut / divisor` term by term.
    private func gradientCell(_ index: [Int], _ dOut: Tensor, _ winners: [Int])
        -> (value: Double, terms: [Term], reduction: Reduction) {
        let (n, c, h, w) = (index[0], index[1], index[2], index[3])
        let me = x.offset(index)
        var terms: [Term] = []
        var divisors: [Int] = []
        if let windowRows = rows.covering(h), let windowCols = cols.covering(w) {
            for i in windowRows {
                for j in windowCols {
                    let o = dOut.offset([n, c, i, j])
                    guard kind == .average || winners[o] == me else { continue }
                    terms.append(Term([Factor(tensor: .dOut, index: [n, c, i, j], value: dOut.data[o])]))
                    divisors.append(divisor(i, j))
                }
            }
        }
        var total = Accumulator()
        switch kind {
        case .max:
            for term in terms { total.add(term.product) }
            return (total.value, terms, .sum)
        case .average:
            if let d = divisors.first, divisors.allSatisfy({ $0 == d }) {
                for term in terms { total.add(term.product) }
                return (total.value / Double(d), terms, .average(divisor: d))
            }
            for (term, d) in zip(terms, divisors) { total.add(term.product / Double(d)) }
            return (total.value, terms, .shares(divisors: divisors))
        }
    }

    @inline(__always)
    private func isInside(_ h: Int, _ w: Int) -> Bool {
        h >= 0 && h < x.shape[2] && w >= 0 && w < x.shape[3]
    }
}
