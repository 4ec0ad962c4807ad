import ConvCore
import LessonKit
import Localization

/// The compute blocks of factorised kernels: batch-norm folding, separable kernels, He
/// initialisation.
extension Computation.Technique {
    // MARK: Batch-norm folding

    /// The scales and `w′` (value: `w′`, a one-filter kernel's rows or one flattened row per
    /// filter), the scales and `b′` (value: `b′`), or both sides of the fold on `x` (value: their
    /// largest difference).
    static func batchNormFold(_ w: [[[Double]]], _ b: [Double]?, _ s: BatchNormFold.Statistics, _ x: [[Double]]?,
                              _ show: Computation.Show, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        guard let first = w.first?.first, !first.isEmpty else { throw .empty(field: "w") }
        for kernel in w where kernel.count != w[0].count || kernel.contains(where: { $0.count != first.count }) {
            throw .shapeMismatch(field: "w", axis: 2, expected: w[0].count, got: kernel.count, because: .sameRowLengths)
        }
        let shape = [w.count, 1, w[0].count, first.count]
        let fold = try BatchNormFold(w: Tensor(shape: shape, data: w.flatMap { $0.flatMap { $0 } }), b: b, statistics: s)
        let n = Text.number
        var lines = w.indices.map { f in
            "s[\(f)] = γ/√(σ² + ε) = \(n(s.gamma[f]))/√(\(n(s.variance[f])) + \(n(s.epsilon))) = \(n(fold.scale[f]))"
        }
        switch show {
        case .bias:
            if b == nil { lines.append(t.technique(.noBias)) }
            lines += w.indices.map { f in
                "b′[\(f)] = s·(b − μ) + β = \(n(fold.scale[f]))·(\(n(fold.b[f])) − \(n(s.mean[f]))) + \(n(s.beta[f])) = \(n(fold.foldedB[f]))"
            }
            return ComputedResult(lines: lines, value: .list(fold.foldedB))
        case .check:
            let input = x ?? []
            let check = try fold.check(x: Tensor(shape: [1, 1, input.count, input.first?.count ?? 0], data: input.flatMap { $0 }))
            for f in w.indices {
                lines += grid("BN(conv(x; w, b))[\(f)]", check.batchNormed.plane(0, f).rows)
                lines += grid("conv(x; w′, b′)[\(f)]", check.folded.plane(0, f).rows)
            }
            lines.append(t.technique(.sidesDiffer(by: Text.compact(check.largestDifference))))
            return ComputedResult(lines: lines, value: .number(check.largestDifference))
        default:
            lines.append(t.technique(.foldedWeights))
            let planes = w.indices.map { fold.foldedW.plane($0, 0) }
            for (f, plane) in planes.enumerated() { lines += grid("w′[\(f)]", plane.rows) }
            let value = planes.count == 1 ? ComputedValue.grid(planes[0].rows) : .grid(planes.map(\.data))
            return ComputedResult(lines: lines, value: value)
        }
    }

    // MARK: Separable kernels

    /// The factors (value: `[c, r]`; a rank other than 1 is invalid), the rank (value: the rank)
    /// or the multiplications per output (value: `[direct, separable]`).
    static func separable(_ w: [[Double]]?, _ kernel: Pair, _ input: Pair?, _ show: Computation.Show,
                          _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let analysis = try w.map { rows throws(ConvError) in try SeparableKernel(rows) }
        switch show {
        case .cost:
            let rank = analysis?.rank ?? 1
            let cost = SeparableKernel.costPerOutput(kernel: kernel, rank: rank)
            var lines = [t.technique(.separableCost(kernel: kernel, rank: rank, direct: cost.direct, separable: cost.separable))]
            if let input {
                let total = try SeparableKernel.totalCost(input: input, kernel: kernel)
                let output = Pair(input.h - kernel.h + 1, input.w - kernel.w + 1)
                lines.append(t.technique(.separableTotal(input: input, output: output, kernel: kernel,
                                                         direct: total.direct, separable: total.separable)))
            }
            return ComputedResult(lines: lines, value: .list([Double(cost.direct), Double(cost.separable)]))
        case .rank:
            guard let k = analysis else { throw .empty(field: "w") }
            let lines = [t.technique(.singularValues(list(k.singularValues.map { Double(Text.compact($0)) ?? $0 }))),
                         t.technique(.rank(k.rank, exact: k.exact))]
            return ComputedResult(lines: lines, value: .number(Double(k.rank)))
        default:
            guard let k = analysis else { throw .empty(field: "w") }
            var lines = grid("w", k.w)
            guard let (column, row) = k.factors else {
                lines.append(t.technique(.notSeparable(rank: k.rank)))
                return ComputedResult(lines: lines, value: .invalid(.notSeparable(rank: k.rank)))
            }
            lines.append(t.technique(.factorisation(column: list(column), row: list(row))))
            lines.append(t.technique(.passes(kernel: kernel)))
            return ComputedResult(lines: lines, value: .grid([column, row]))
        }
    }

    // MARK: He initialisation

    /// The fan-in (value with `show: fan-in`), the standard deviation (value otherwise) and the
    /// uniform bound.
    static func heInit(_ given: Int?, _ channels: Int, _ groups: Int, _ kernel: Pair, _ show: Computation.Show,
                       _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        var lines: [String] = []
        let fanIn: Int
        if let given {
            fanIn = given
        } else {
            fanIn = try HeInitialization.fanIn(channels: channels, groups: groups, kernel: kernel)
            lines.append(t.technique(.fanIn(channels: channels, groups: groups, kernel: kernel, fanIn: fanIn)))
        }
        let std = try HeInitialization.std(fanIn: fanIn)
        lines.append(t.technique(.heStd(fanIn: fanIn, std: Text.number(std))))
        lines.append(t.technique(.heBound(fanIn: fanIn, bound: Text.number(try HeInitialization.uniformBound(fanIn: fanIn)))))
        return ComputedResult(lines: lines, value: .number(show == .fanIn ? Double(fanIn) : std))
    }
}
