import Foundation

/// The convolution integral `(f ∗ g)(t) = ∫ f(τ) g(t − τ) dτ`, exactly and by sampling.
///
/// Sampled: both functions at `t_k = k·Δt` over their supports, the discrete convolution
/// (`numpy.convolve`, full) times `Δt` (a Riemann sum of the integral):
///
///     (f ∗ g)(n·Δt) ≈ Δt · Σ_k f(k·Δt) · g((n − k)·Δt)
///
/// Exact: boxes and triangles are sums of shifted powers `R_p(t) = max(0, t)^p / p!`, and
/// `R_p ∗ R_q = R_{p+q+1}`; against a Gaussian a power gives `Φ` and `φ`; two Gaussians give
/// `N(μ₁ + μ₂, σ₁² + σ₂²)`. So `box(1) ∗ box(1)` is the triangle `1 − |t|` on `[−1, 1]`.
public struct ContinuousConvolution: Equatable, Sendable {
    public let f: ContinuousFunction, g: ContinuousFunction
    public let dt: Double
    /// The samples of `f` and `g`, and the index `k` of each one's first sample (`t = k·Δt`).
    public let fSamples: [Double], gSamples: [Double]
    public let fStart: Int, gStart: Int
    /// `Δt · (f_samples ∗ g_samples)`, the first at `t = (fStart + gStart)·Δt`.
    public let sampled: [Double]

    /// Samples `f` and `g` with step `dt` and convolves them.
    public init(_ f: ContinuousFunction, _ g: ContinuousFunction, dt: Double) throws(ConvError) {
        guard dt > 0, dt.isFinite else { throw .notPositive(field: "dt", value: dt) }
        self.f = try f.validated(field: "f")
        self.g = try g.validated(field: "g")
        self.dt = dt
        let grid = { (h: ContinuousFunction) throws(ConvError) -> (start: Int, count: Int) in
            let (lo, hi) = (h.support.lowerBound / dt, h.support.upperBound / dt)
            guard abs(lo) < Double(Limits.maxElements), abs(hi) < Double(Limits.maxElements) else {
                throw .tooLarge(field: "dt", what: .elements, amount: hi - lo, limit: Limits.maxElements)
            }
            let start = Int((lo - 1e-9).rounded(.up))
            return (start, Int((hi + 1e-9).rounded(.down)) - start + 1)
        }
        let (fGrid, gGrid) = (try grid(f), try grid(g))
        _ = try Limits.product([fGrid.count, gGrid.count], field: "dt", what: .multiplyAdds, limit: Limits.maxMultiplyAdds)
        let sample = { (h: ContinuousFunction, k: Int) in h.value(at: Double(k) * dt, edgeTolerance: 1e-9 * dt) }
        fStart = fGrid.start
        gStart = gGrid.start
        fSamples = (0..<fGrid.count).map { sample(f, fGrid.start + $0) }
        gSamples = (0..<gGrid.count).map { sample(g, gGrid.start + $0) }
        sampled = try Conv1D.convolve(fSamples, gSamples, mode: .full).map { $0 * dt }
    }

    /// The sampled convolution at `t`, a multiple of `Δt` (0 beyond the samples).
    public func sampled(at t: Double) throws(ConvError) -> Double {
        let k = (t / dt).rounded()
        guard abs(t / dt - k) <= 1e-6, abs(k) < Double(Limits.maxElements) else {
            throw .offGrid(field: "at", value: t, step: dt)
        }
        let n = Int(k) - fStart - gStart
        return sampled.indices.contains(n) ? sampled[n] : 0
    }

    /// The exact `(f ∗ g)(t)`.
    public func exact(at t: Double) -> Double {
        Self.exact(f, g, at: t)
    }

    /// `(f ∗ g)(t)` in closed form.
    public static func exact(_ f: ContinuousFunction, _ g: ContinuousFunction, at t: Double) -> Double {
        switch (f.ramps, g.ramps) {
        case let (p?, q?):
            // Outside the sum of the supports the powers cancel: 0, without their rounding.
            let lo = f.support.lowerBound + g.support.lowerBound, hi = f.support.upperBound + g.support.upperBound
            guard t > lo, t < hi else { return 0 }
            var total = Accumulator()
            for a in p { for b in q { total.add((a * b).value(at: t)) } }
            return total.value
        case let (p?, nil):
            return gaussianAgainst(p, g, at: t)
        case let (nil, q?):
            return gaussianAgainst(q, f, at: t)
        case (nil, nil):
            guard case .gaussian(let m1, let s1) = f, case .gaussian(let m2, let s2) = g else { return 0 }
            return ContinuousFunction.gaussian(mean: m1 + m2, sd: (s1 * s1 + s2 * s2).squareRoot()).value(at: t)
        }
    }

    /// A box or a triangle, as `ramps`, convolved with the Gaussian `gaussian`.
    private static func gaussianAgainst(_ ramps: [ContinuousFunction.Ramp], _ gaussian: ContinuousFunction, at t: Double) -> Double {
        guard case .gaussian(let mu, let sigma) = gaussian else { return 0 }
        var total = Accumulator()
        for r in ramps { total.add(r.convolved(withGaussian: mu, sigma, at: t)) }
        return total.value
    }
}
