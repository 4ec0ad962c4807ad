/// One value read from a tensor while computing a cell: which tensor, where, and what it held.
public struct Factor: Equatable, Sendable {
    /// The tensor it was read from: `x`, `w`, `b`, `dOut`, `a`, `v`.
    public var tensor: TensorName
    /// The index in the tensor's own (unpadded) coordinates; outside the tensor when `inPadding`.
    public var index: [Int]
    /// The value used: the element, or the padding value (0, or −∞ for max pooling).
    public var value: Double
    /// True when `index` falls in the padding around the tensor.
    public var inPadding: Bool
    /// For a padding cell of reflect, replicate or circular padding: the cell whose value it
    /// holds. `nil` for a real cell and for zero padding.
    public var copy: PaddingCopy?

    public init(tensor: TensorName, index: [Int], value: Double, inPadding: Bool = false, copy: PaddingCopy? = nil) {
        self.tensor = tensor
        self.index = index
        self.value = value
        self.inPadding = inPadding
        self.copy = copy
    }
}

/// A padding cell that holds a copy of a real cell of the same tensor, e.g. `x[0,0,-1,2]` holding
/// `x[0,0,1,2]` in reflect padding.
public struct PaddingCopy: Equatable, Sendable {
    public var mode: PaddingMode
    /// The padding cell, in the tensor's unpadded coordinates (outside the tensor).
    public var cell: [Int]
    /// The real cell whose value it holds.
    public var source: [Int]

    public init(mode: PaddingMode, cell: [Int], source: [Int]) {
        self.mode = mode
        self.cell = cell
        self.source = source
    }
}

/// One term of a cell: a product of factors (one factor for sums and pooling, two for
/// convolution), e.g. `x[0,0,1,2] · w[0,0,0,1]`.
public struct Term: Equatable, Sendable {
    public var factors: [Factor]
    /// For a gradient term of a real cell that arrived through a padding cell copying it (the
    /// window read `via.cell`, which holds `via.source`): that copy. `nil` otherwise.
    public var via: PaddingCopy?

    public init(_ factors: [Factor], via: PaddingCopy? = nil) {
        self.factors = factors
        self.via = via
    }

    /// The product of the factors' values, in order.
    public var product: Double {
        factors.dropFirst().reduce(factors.first?.value ?? 1) { $0 * $1.value }
    }
}

/// How a cell combines its terms.
public enum Reduction: Equatable, Sendable {
    /// `Σ products (+ bias)`.
    case sum
    /// `max values`; the trace marks which term won.
    case max
    /// `(Σ values) / divisor`.
    case average(divisor: Int)
    /// `Σ values[k] / divisors[k]`: each term divided by its own divisor, then added (the
    /// gradient of an average pooling whose windows have different divisors).
    case shares(divisors: [Int])
}

/// The complete arithmetic of one cell: every term, in the order the compute core added them.
///
/// Built by the same loop that computes the cell, so `recomputed()` equals `value` exactly.
public struct Trace: Equatable, Sendable {
    /// The tensor the cell belongs to: `out`, `dx`, `dw` or `db`.
    public var tensor: TensorName
    /// The cell's index in that tensor.
    public var index: [Int]
    public var reduction: Reduction
    public var terms: [Term]
    /// The bias added once at the end of a convolution cell, if the convolution has one.
    public var bias: Factor?
    /// For `.max`, the position in `terms` of the first maximum in row-major order.
    public var selected: Int?
    /// The cell's value as the compute core computed it.
    public var value: Double

    public init(
        tensor: TensorName, index: [Int], reduction: Reduction, terms: [Term],
        bias: Factor? = nil, selected: Int? = nil, value: Double
    ) {
        self.tensor = tensor
        self.index = index
        self.reduction = reduction
        self.terms = terms
        self.bias = bias
        self.selected = selected
        self.value = value
    }

    /// The sums of the terms grouped by `key` (e.g. the input channel of a convolution term), in
    /// the order the groups first appear, each added with the core's summation. The bias is not
    /// in any group. For `.sum` traces, the groups plus the bias add up to `value` (up to the
    /// rounding of the regrouping).
    public func sums(groupedBy key: (Term) -> Int) -> [(key: Int, sum: Double)] {
        var order: [Int] = []
        var groups: [Int: Accumulator] = [:]
        for term in terms {
            let k = key(term)
            if groups[k] == nil { order.append(k) }
            groups[k, default: Accumulator()].add(term.product)
        }
        return order.map { ($0, groups[$0]!.value) }
    }

    /// The same trace with tensors renamed, e.g. `[.out: .dx]` when a convolution computes a
    /// gradient. Values are untouched.
    public func renamed(_ names: [TensorName: TensorName]) -> Trace {
        var t = self
        t.tensor = names[tensor] ?? tensor
        for k in t.terms.indices {
            for f in t.terms[k].factors.indices {
                t.terms[k].factors[f].tensor = names[t.terms[k].factors[f].tensor] ?? t.terms[k].factors[f].tensor
            }
        }
        if let bias = t.bias { t.bias?.tensor = names[bias.tensor] ?? bias.tensor }
        return t
    }

    /// The cell recomputed from the listed terms alone, with the core's own summation.
    public func recomputed() -> Double {
        switch reduction {
        case .sum, .average:
            var total = Accumulator()
            for term in terms { total.add(term.product) }
            if let bias { total.add(bias.value) }
            if case .average(let divisor) = reduction { return total.value / Double(divisor) }
            return total.value
        case .max:
            return terms.map(\.product).reduce(-Double.infinity) { Pool2D.isGreater($1, than: $0) ? $1 : $0 }
        case .shares(let divisors):
            var total = Accumulator()
            for (term, divisor) in zip(terms, divisors) { total.add(term.product / Double(divisor)) }
            return total.value
        }
    }
}
