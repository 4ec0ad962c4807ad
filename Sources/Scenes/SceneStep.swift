import ConvCore

/// One step of an animation: the complete arithmetic of one cell, or one cell's contribution
/// scattered into the cells it reaches.
public enum SceneStep: Equatable, Sendable {
    case cell(Trace)
    /// A scatter step, and the tensor receiving the contributions.
    case scatter(Conv2D.ScatterStep, into: TensorName)

    /// The trace, for a cell step.
    public var trace: Trace? {
        if case .cell(let t) = self { return t }
        return nil
    }

    /// The cell this step is about: the one computed, or the one scattered.
    public var subject: (tensor: TensorName, index: [Int]) {
        switch self {
        case .cell(let t): (t.tensor, t.index)
        case .scatter(let s, _): (s.source.tensor, s.source.index)
        }
    }

    /// True when the step is about `tensor[index]`.
    public func isAbout(_ tensor: TensorName, _ index: [Int]) -> Bool {
        let s = subject
        return s.tensor == tensor && s.index == index
    }

    /// True when the step reads or writes `tensor[index]` (besides its subject).
    public func touches(_ tensor: TensorName, _ index: [Int]) -> Bool {
        switch self {
        case .cell(let t):
            return t.terms.contains { $0.factors.contains { $0.tensor == tensor && $0.index == index } }
                || (t.bias?.tensor == tensor && t.bias?.index == index)
        case .scatter(let s, let target):
            return s.contributions.contains { c in
                (target == tensor && c.target == index) || c.term.factors.contains { $0.tensor == tensor && $0.index == index }
            }
        }
    }

    /// What `tensor[index]` meets in this step: the other factors of its terms (the weights an
    /// input cell is multiplied by), and for a scatter the cells it is added into.
    public func partners(of tensor: TensorName, _ index: [Int]) -> [Factor] {
        let isIt = { (f: Factor) in f.tensor == tensor && f.index == index }
        switch self {
        case .cell(let t):
            return t.terms.filter { $0.factors.contains(where: isIt) }.flatMap { $0.factors.filter { !isIt($0) } }
        case .scatter(let s, let target):
            return s.contributions.flatMap { c -> [Factor] in
                let others = c.term.factors.filter { !isIt($0) }
                if c.term.factors.contains(where: isIt) { return others + [Factor(tensor: target, index: c.target, value: 0)] }
                if target == tensor && c.target == index { return others }
                return []
            }
        }
    }

    /// Where the step reads `tensor`, in unpadded coordinates (so `-1` is the padding row above):
    /// the rows and columns for a 2-D tensor (`nil` when one position), or the positions of a
    /// 1-D one; `nil` when it does not read it.
    public func window(on tensor: TensorName) -> (rows: ClosedRange<Int>?, cols: ClosedRange<Int>)? {
        var indices: [[Int]] = []
        switch self {
        case .cell(let t):
            indices = t.terms.flatMap { $0.factors.filter { $0.tensor == tensor }.map(\.index) }
        case .scatter(let s, _):
            indices = s.source.tensor == tensor ? [s.source.index] : []
        }
        guard let first = indices.first else { return nil }
        let span = { (v: [Int]) in (v.min() ?? 0)...(v.max() ?? 0) }
        if first.count == 1 { return (nil, span(indices.map { $0[0] })) }
        return (span(indices.map { $0[$0.count - 2] }), span(indices.map { $0[$0.count - 1] }))
    }
}
