import ConvCore
import Testing
import TestSupport

/// One case of `batchnorm_fold.json`.
struct BatchNormCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let w: GoldenTensor, x: GoldenTensor
    let b: [Double], gamma: [Double], beta: [Double], mean: [Double], `var`: [Double]
    let eps: Double
    let w_folded: GoldenTensor
    let b_folded: [Double]
    let bn: GoldenTensor
    var description: String { name }

    var statistics: BatchNormFold.Statistics {
        BatchNormFold.Statistics(gamma: gamma, beta: beta, mean: mean, variance: `var`, epsilon: eps)
    }
}

/// Folding a batch norm into the convolution before it, against numpy's broadcasting and a
/// batch norm applied to scipy's correlation.
@Suite("Batch-norm folding")
struct BatchNormFoldTests {
    @Test("w′ and b′, and conv(x; w′, b′) = BN(conv(x; w, b)) = numpy's", arguments: goldenCases("batchnorm_fold.json", as: BatchNormCase.self))
    func golden(_ c: BatchNormCase) throws {
        let fold = try BatchNormFold(w: c.w.tensor, b: c.b, statistics: c.statistics)
        #expect(mismatch(fold.foldedW, c.w_folded.tensor, relative: 1e-12) == nil)
        #expect(mismatch(fold.foldedB, c.b_folded, relative: 1e-12) == nil)
        let check = try fold.check(x: c.x.tensor)
        #expect(mismatch(check.batchNormed, c.bn.tensor, relative: 1e-12) == nil)
        #expect(mismatch(check.folded, c.bn.tensor, relative: 1e-12) == nil)
        #expect(check.largestDifference < 1e-14)
    }

    @Test("by hand: γ = 2, σ² + ε = 4, so s = 1; b′ = 1·(b − μ) + β")
    func byHand() throws {
        let w = Tensor(shape: [1, 1, 1, 2], data: [3, -1])
        let fold = try BatchNormFold(w: w, b: [0.5], statistics: .init(gamma: [2], beta: [0.25], mean: [1.5], variance: [4], epsilon: 0))
        #expect(fold.scale == [1] && fold.foldedW.data == [3, -1] && fold.foldedB == [-0.75])
        // Without a bias, b = 0: b′ = −s·μ + β.
        let unbiased = try BatchNormFold(w: w, b: nil, statistics: .init(gamma: [1], beta: [2], mean: [3], variance: [0.25], epsilon: 0))
        #expect(unbiased.scale == [2] && unbiased.foldedW.data == [6, -2] && unbiased.foldedB == [-4])
    }

    @Test("folding holds with stride, padding and groups too")
    func options() throws {
        var random = SeededRandom(seed: 9)
        let x = random.tensor([2, 4, 5, 6], -3...3)
        let w = random.tensor([4, 2, 3, 3], -3...3)
        let stats = BatchNormFold.Statistics(gamma: [1, 0.5, 2, -1], beta: [0, 1, -1, 0.5], mean: [0.5, -1, 2, 0], variance: [1, 2, 0.5, 3])
        let fold = try BatchNormFold(w: w, b: [1, 2, 3, 4], statistics: stats)
        let check = try fold.check(x: x, options: Conv2DOptions(stride: Pair(2), padding: Pair(1), groups: 2))
        #expect(check.largestDifference < 1e-12)
    }

    @Test("refusals: one value per filter, a positive σ² + ε")
    func refusals() {
        let w = Tensor(shape: [2, 1, 1, 1], data: [1, 2])
        #expect(throws: ConvError.shapeMismatch(field: "gamma", axis: 0, expected: 2, got: 1, because: .oneValuePerFilter)) {
            try BatchNormFold(w: w, b: nil, statistics: .init(gamma: [1], beta: [0, 0], mean: [0, 0], variance: [1, 1]))
        }
        #expect(throws: ConvError.notPositive(field: "var", value: -1)) {
            try BatchNormFold(w: w, b: nil, statistics: .init(gamma: [1, 1], beta: [0, 0], mean: [0, 0], variance: [1, -1], epsilon: 0))
        }
    }
}
