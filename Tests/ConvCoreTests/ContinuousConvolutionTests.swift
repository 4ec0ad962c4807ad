import ConvCore
import Testing
import TestSupport

/// One case of `continuous.json`.
struct ContinuousCase: Decodable, Sendable, CustomStringConvertible {
    struct Function: Decodable, Sendable {
        let kind: String
        let parameters: [Double]

        var function: ContinuousFunction {
            switch kind {
            case "box": .box(width: parameters[0])
            case "triangle": .triangle(halfWidth: parameters[0])
            default: .gaussian(mean: parameters[0], sd: parameters[1])
            }
        }
    }

    let name: String
    let f: Function, g: Function
    let dt: Double
    let at: [Double], sampled: [Double], exact: [Double]
    let f_samples: Int, g_samples: Int
    var description: String { name }
}

/// The convolution integral sampled and in closed form, against numpy's sampled sums and
/// scipy's closed forms and quadrature.
@Suite("Continuous convolution")
struct ContinuousConvolutionTests {
    @Test("sampled × Δt is numpy's; exact is the closed form or the quadrature", arguments: goldenCases("continuous.json", as: ContinuousCase.self))
    func golden(_ c: ContinuousCase) throws {
        let conv = try ContinuousConvolution(c.f.function, c.g.function, dt: c.dt)
        #expect(conv.fSamples.count == c.f_samples && conv.gSamples.count == c.g_samples)
        for (k, t) in c.at.enumerated() {
            #expect(abs(try conv.sampled(at: t) - c.sampled[k]) < 1e-12, "sampled at \(t)")
            #expect(abs(conv.exact(at: t) - c.exact[k]) < 1e-10, "exact at \(t): \(conv.exact(at: t)) vs \(c.exact[k])")
        }
    }

    @Test("box ∗ box = triangle; two Gaussians give N(μ₁ + μ₂, σ₁² + σ₂²); the error shrinks with Δt")
    func identities() throws {
        for t in stride(from: -1.5, through: 1.5, by: 0.125) {
            let exact = ContinuousConvolution.exact(.box(width: 1), .box(width: 1), at: t)
            #expect(abs(exact - ContinuousFunction.triangle(halfWidth: 1).value(at: t)) < 1e-15, "t = \(t)")
            let twice = ContinuousConvolution.exact(.box(width: 2), .box(width: 2), at: t)
            #expect(abs(twice - 2 * ContinuousFunction.triangle(halfWidth: 2).value(at: t)) < 1e-15)
        }
        let sum = ContinuousConvolution.exact(.gaussian(mean: 1, sd: 3), .gaussian(mean: -2, sd: 4), at: 0.5)
        #expect(abs(sum - ContinuousFunction.gaussian(mean: -1, sd: 5).value(at: 0.5)) < 1e-16)
        // The box's error at the triangle's peak is Δt/2; a Gaussian's is far below Δt².
        for dt in [0.1, 0.05, 0.01] {
            let boxes = try ContinuousConvolution(.box(width: 1), .box(width: 1), dt: dt)
            #expect(abs(try boxes.sampled(at: 0) - boxes.exact(at: 0) + dt / 2) < 1e-12)
            let gaussians = try ContinuousConvolution(.gaussian(mean: 0, sd: 1), .gaussian(mean: 0, sd: 1), dt: dt)
            #expect(abs(try gaussians.sampled(at: 0) - gaussians.exact(at: 0)) < 1e-12)
        }
    }

    @Test("refusals: a step or width not above 0, a point off the grid, too many samples")
    func refusals() {
        #expect(throws: ConvError.notPositive(field: "dt", value: 0)) { try ContinuousConvolution(.box(width: 1), .box(width: 1), dt: 0) }
        #expect(throws: ConvError.notPositive(field: "g", value: -1)) { try ContinuousConvolution(.box(width: 1), .box(width: -1), dt: 0.1) }
        #expect(throws: ConvError.offGrid(field: "at", value: 0.25, step: 0.1)) {
            try ContinuousConvolution(.box(width: 1), .box(width: 1), dt: 0.1).sampled(at: 0.25)
        }
        #expect(throws: ConvError.self) { try ContinuousConvolution(.gaussian(mean: 0, sd: 1), .gaussian(mean: 0, sd: 1), dt: 1e-4) }
    }
}
