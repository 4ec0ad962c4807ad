import ConvCore
import Testing

/// The gradient check a lesson shows: `backward` against central differences of the forward pass.
@Suite("Gradient check")
struct GradientCheckTests {
    /// Seeded values in [-1, 1).
    func tensor(_ shape: [Int], _ random: inout SeededRandom) -> Tensor {
        Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in Double(random.next() % 2000) / 1000 - 1 })
    }

    @Test("backward passes the check on a strided, padded, grouped layer with bias")
    func passes() throws {
        var random = SeededRandom(seed: 7)
        let layer = try Conv2D(
            x: tensor([2, 4, 5, 6], &random), w: tensor([2, 2, 3, 2], &random), b: tensor([2], &random),
            options: Conv2DOptions(stride: Pair(2, 1), padding: Pair(1, 0), dilation: Pair(1, 2), groups: 2))
        let checks = try layer.gradientCheck(tensor(layer.geometry.outShape, &random))
        #expect(checks.map(\.name) == [.dx, .dw, .db])
        for check in checks {
            #expect(check.passes, "\(check.summary)")
            #expect(check.summary.hasPrefix("\(check.name.rawValue): max relative error "))
            #expect(check.summary.hasSuffix("✓"))
        }
    }

    @Test("a wrong gradient fails the check and the summary points at it")
    func fails() {
        let analytic = Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4])
        let numeric = Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3.5, 4])
        let check = GradientCheck(name: .dx, analytic: analytic, numeric: numeric)
        #expect(!check.passes)
        #expect(check.worstOffset == 2)
        // |3 − 3.5| / (3 + 3.5) = 0.0769…
        #expect(check.summary == "dx: max relative error 7.7e-02 at dx[0,0,1,0] (analytic 3, numeric 3.5) ✗")
    }

    @Test("numeric db exists even for a layer without bias")
    func numericBiasWithoutBias() throws {
        let layer = try Conv2D(x: Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4]), w: Tensor(shape: [1, 1, 1, 1], data: [2]))
        let dOut = Tensor(shape: [1, 1, 2, 2], data: [1, -1, 0.5, 2])
        let numeric = try layer.numericGradients(dOut)
        // db = Σ dOut = 2.5; dw = Σ x·dOut = 1 − 2 + 1.5 + 8 = 8.5; dx = 2·dOut.
        #expect(abs(numeric.db.data[0] - 2.5) < 1e-9)
        #expect(abs(numeric.dw.data[0] - 8.5) < 1e-9)
        #expect(NumericGradient.relativeError(numeric.dx, Tensor(shape: [1, 1, 2, 2], data: [2, -2, 1, 4])) < 1e-9)
    }

    @Test("a probe shows L(v ± h), their centred difference and the analytic value: a worked example")
    func workedProbe() throws {
        // out = 2·x, L = Σ 2·x·dOut = 2·(1 − 2 + 1.5 + 8) = 17; L = w·Σ x·dOut = w·8.5.
        let layer = try Conv2D(x: Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4]), w: Tensor(shape: [1, 1, 1, 1], data: [2]))
        let dOut = Tensor(shape: [1, 1, 2, 2], data: [1, -1, 0.5, 2])
        let dx = try layer.gradientProbe(.dx, at: [0, 0, 0, 0], dOut: dOut, step: 0.5)
        #expect(dx == GradientProbe(tensor: .dx, index: [0, 0, 0, 0], step: 0.5, lossPlus: 18, lossMinus: 16, analytic: 2))
        #expect(dx.numeric == 2 && dx.relativeError == 0)
        let dw = try layer.gradientProbe(.dw, at: [0, 0, 0, 0], dOut: dOut, step: 0.5)
        #expect((dw.lossPlus, dw.lossMinus, dw.numeric, dw.analytic) == (21.25, 12.75, 8.5, 8.5))
        let db = try layer.gradientProbe(.db, at: [0], dOut: dOut, step: 0.5)
        #expect((db.lossPlus, db.lossMinus, db.numeric, db.analytic) == (18.25, 15.75, 2.5, 2.5))
    }

    @Test("the relative error is |a − n| / max(|a|, |n|), and 0 when both are 0")
    func probeRelativeError() {
        let wrong = GradientProbe(tensor: .dx, index: [0], step: 0.5, lossPlus: 3.5, lossMinus: 0, analytic: 3)
        #expect(wrong.numeric == 3.5)
        #expect(wrong.relativeError == 0.5 / 3.5)
        #expect(GradientProbe(tensor: .dw, index: [0], step: 1, lossPlus: 4, lossMinus: 4, analytic: 0).relativeError == 0)
        #expect(GradientProbe(tensor: .dw, index: [0], step: 1, lossPlus: 4, lossMinus: 4, analytic: -1).relativeError == 1)
    }

    @Test("every cell of dx, dw and db of a reflect-padded layer passes, probes agreeing with numericGradients")
    func probesOfPaddedLayer() throws {
        var random = SeededRandom(seed: 11)
        let layer = try Conv2D(
            x: tensor([1, 2, 4, 5], &random), w: tensor([2, 2, 3, 3], &random), b: tensor([2], &random),
            options: Conv2DOptions(stride: Pair(1, 2), padding: Pair(2, 1), paddingMode: .reflect))
        let dOut = tensor(layer.geometry.outShape, &random)
        let probes = try layer.gradientProbes(dOut)
        #expect(probes.map(\.tensor) == Array(repeating: .dx, count: 40) + Array(repeating: .dw, count: 36) + [.db, .db])
        #expect(probes.allSatisfy { $0.relativeError < GradientCheck.tolerance }, "\(probes.map(\.relativeError).max() ?? 0)")
        let numeric = try layer.numericGradients(dOut)
        #expect(probes.filter { $0.tensor == .dx }.map(\.numeric) == numeric.dx.data)
        #expect(probes.filter { $0.tensor == .dw }.map(\.numeric) == numeric.dw.data)
        let one = try layer.gradientProbe(.dw, at: [1, 0, 2, 1], dOut: dOut)
        #expect(probes.contains(one))
    }
}
