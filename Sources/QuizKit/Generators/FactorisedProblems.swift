import ConvCore
import Localization

/// Factorised kernels: what a separable kernel or Inception-v3's 1×n then n×1 layers cost, and
/// the bias of a convolution with its batch norm folded in. The answers come from
/// `SeparableKernel`, `Conv2DGeometry` and `BatchNormFold`.
extension ProblemGenerator {
    // MARK: separable-cost

    /// Two seeds in three, a separable kernel (3 to 7 per side, from binomial, derivative and box
    /// factors or small integers) and its multiplications per output, or half the time what
    /// they save; otherwise Inception-v3's factorisation of an n×n layer (n 3, 5 or 7, channels
    /// 32–192) and its multiply-accumulates per output position.
    static func separableCost(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        guard r.chance(2, in: 3) else { return try inception(&r, t) }
        let factors: [Int: [[Double]]] = [
            3: [[1, 2, 1], [-1, 0, 1], [1, 1, 1], [1, -2, 1]],
            5: [[1, 4, 6, 4, 1], [-1, -2, 0, 2, 1], [1, 1, 1, 1, 1]],
            7: [[1, 6, 15, 20, 15, 6, 1], [1, 1, 1, 1, 1, 1, 1], [-3, -2, -1, 0, 1, 2, 3]],
        ]
        let side = { (r: inout SeededRandom) in r.pick([3, 3, 5, 5, 7]) }
        let (kh, kw) = (side(&r), r.chance(1, in: 4) ? side(&r) : 0)
        let factor = { (r: inout SeededRandom, n: Int) -> [Double] in
            r.chance(1, in: 3) ? (0..<n).map { _ in Double(r.int(in: 1...4)) } : r.pick(factors[n]!)
        }
        let column = factor(&r, kh)
        let row = factor(&r, kw == 0 ? kh : kw)
        // The compute core factors the kernel again, as a lesson's `of: separable` would show it.
        let kernel = try SeparableKernel(column.map { c in row.map { c * $0 } })
        guard let (c, rw) = kernel.factors else { throw .empty(field: "w") }
        let size = Pair(c.count, rw.count)
        let cost = SeparableKernel.costPerOutput(kernel: size)
        let saving = r.chance(1, in: 2)
        let list = { (v: [Double]) in "[" + v.map(Text.number).joined(separator: ", ") + "]" }
        let prompt = t.problem(.separableKernelPrompt(kernel: size, column: list(c), row: list(rw), saving: saving))
        let lines = [t.problem(.separableKernelCount(kernel: size, direct: cost.direct, separable: cost.separable)),
                     t.problem(.separableAsProduct)]
        let answer = saving ? cost.direct - cost.separable : cost.separable
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(answer)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .separableKernel(column: c, row: rw, saving: saving))
    }

    /// `nn.Conv2d(C, F, n, padding=n//2)` as a 1×n layer C → F then an n×1 layer F → F: per
    /// output position, each layer costs its weight count (the layers are checked on an n×n
    /// input; the count per position does not depend on the grid).
    static func inception(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        let (c, f, n) = (r.pick([32, 48, 64, 128, 192]), r.pick([32, 48, 64, 96, 128, 192]), r.pick([3, 5, 7]))
        let layer = { (channels: Int, kernel: Pair) throws(ConvError) in
            try Conv2DGeometry(xShape: [1, channels, n, n], wShape: [f, channels, kernel.h, kernel.w],
                               options: Conv2DOptions(padding: Pair(kernel.h / 2, kernel.w / 2)))
        }
        let (first, second, square) = (try layer(c, Pair(1, n)), try layer(f, Pair(n, 1)), try layer(c, Pair(n)))
        // One multiply-accumulate per weight at every output position (stride 1, same size).
        let perPosition = { (g: Conv2DGeometry) in g.wShape.reduce(1, *) }
        let total = perPosition(first) + perPosition(second)
        let prompt = t.problem(.inceptionPrompt(call: "nn.Conv2d(\(c), \(f), kernel_size=\(n), padding=\(n / 2))",
                                                first: "nn.Conv2d(\(c), \(f), kernel_size=(1, \(n)), padding=(0, \(n / 2)))",
                                                second: "nn.Conv2d(\(f), \(f), kernel_size=(\(n), 1), padding=(\(n / 2), 0))"))
        let lines = [t.problem(.inceptionCount(channels: c, filters: f, n: n, first: perPosition(first), second: perPosition(second),
                                               total: total, square: perPosition(square))),
                     t.problem(.inceptionLearned)]
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(total)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"), setup: .inception(channels: c, filters: f, n: n))
    }

    // MARK: folded-bias

    /// A convolution's bias (none a quarter of the time) and the batch norm after it, with
    /// σ² a square so that √σ² reads easily; the folded bias to 2 decimals.
    static func foldedBias(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        let tenths = { (r: inout SeededRandom, range: ClosedRange<Int>) in Double(r.int(in: range)) / 10 }
        let b: Double? = r.chance(1, in: 4) ? nil : tenths(&r, -10...10)
        let gamma = r.pick([0.5, 0.8, 1, 1.2, 1.5, 2, 2.5])
        let beta = tenths(&r, -10...10)
        let mean = tenths(&r, -20...20)
        let variance = r.pick([0.04, 0.09, 0.16, 0.25, 0.36, 0.49, 0.64, 0.81, 1, 1.44, 2.25, 4])
        let fold = try BatchNormFold(w: Tensor(shape: [1, 1, 1, 1], data: [1]), b: b.map { [$0] },
                                     statistics: .init(gamma: [gamma], beta: [beta], mean: [mean], variance: [variance]))
        let n = Text.number
        let signed = { (v: Double) in v < 0 ? "(\(n(v)))" : n(v) }
        let prompt = t.problem(.foldedBiasPrompt(b: b.map(n), gamma: n(gamma), beta: n(beta), mean: n(mean), variance: n(variance)))
        let lines = [t.problem(.foldedBias(gamma: n(gamma), variance: n(variance), scale: n(fold.scale[0]), b: n(b ?? 0),
                                           mean: signed(mean), beta: signed(beta), result: n(fold.foldedB[0]))),
                     t.problem(.foldedBiasMistakes)]
        return Problem(prompt: prompt, kind: .numeric(answer: .number(fold.foldedB[0]), tolerance: 0.005),
                       explanation: lines.joined(separator: "\n"),
                       setup: .foldedBias(b: b, gamma: gamma, beta: beta, mean: mean, variance: variance))
    }
}
