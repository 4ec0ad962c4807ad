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
}
