import ConvCore
import LessonKit
import Localization

/// The continuous convolution's compute block: sampled against exact, point by point.
extension Computation.Technique {
    /// The sampling, the Riemann sum, the closed form when it is one of the set, and each point's
    /// sampled and exact values and error; the value is the sampled values, the exact ones
    /// (`show: exact`) or the errors (`show: error`).
    static func continuous(_ f: ContinuousFunction, _ g: ContinuousFunction, dt: Double, at: [Double],
                           _ show: Computation.Show, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let conv = try ContinuousConvolution(f, g, dt: dt)
        let n = Text.number
        var lines = [
            t.technique(.sampling(f: f.description, g: g.description, dt: n(dt), fSamples: conv.fSamples.count,
                                  gSamples: conv.gSamples.count)),
            "(f ∗ g)(t) ≈ Δt · Σₖ f(k·Δt)·g(t − k·Δt)",
        ]
        if let form = closedForm(f, g) { lines.append(t.technique(.exactly(form.description))) }
        var (sampled, exact) = ([Double](), [Double]())
        for point in at {
            sampled.append(try conv.sampled(at: point))
            exact.append(conv.exact(at: point))
        }
        let errors = zip(sampled, exact).map { $0 - $1 }
        for k in at.indices {
            lines.append(t.technique(.continuousAt(t: n(at[k]), sampled: n(sampled[k]), exact: n(exact[k]),
                                                   error: Text.compact(errors[k]))))
        }
        let value = switch show {
        case .exact: exact
        case .error: errors
        default: sampled
        }
        return ComputedResult(lines: lines, value: .list(value))
    }

    /// `f ∗ g` as a function of the set, when it is one: two boxes of one width `a` give
    /// `a·triangle(a)` (written `triangle(a)` when `a = 1`), two Gaussians a Gaussian.
    static func closedForm(_ f: ContinuousFunction, _ g: ContinuousFunction) -> CustomStringConvertible? {
        switch (f, g) {
        case let (.box(a), .box(b)) where a == b:
            let triangle = ContinuousFunction.triangle(halfWidth: a)
            return a == 1 ? triangle.description : "\(Text.number(a))·\(triangle)"
        case let (.gaussian(m1, s1), .gaussian(m2, s2)):
            return ContinuousFunction.gaussian(mean: m1 + m2, sd: (s1 * s1 + s2 * s2).squareRoot()).description
        default:
            return nil
        }
    }
}
