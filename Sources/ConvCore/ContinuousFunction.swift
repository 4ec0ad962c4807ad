import Foundation

/// A function of time for the continuous convolution: a box, a triangle or a Gaussian, each
/// with a closed form for its convolution with any other.
public enum ContinuousFunction: Equatable, Sendable, CustomStringConvertible {
    /// Height 1 on `(−a/2, a/2)`, ½ at `±a/2` (the midpoint of the jump), 0 elsewhere.
    case box(width: Double)
    /// `1 − |t|/w` on `[−w, w]`: peak 1, half-width `w`; `box(w) ∗ box(w) = w·triangle(w)`.
    case triangle(halfWidth: Double)
    /// The normal density `N(μ, σ²)`: `e^{−(t−μ)²/(2σ²)} / (σ√(2π))`.
    case gaussian(mean: Double, sd: Double)

    /// `box(1)`, `triangle(1)`, `gaussian(0, 1)`: as a lesson writes it.
    public var description: String {
        switch self {
        case .box(let a): "box(\(Text.number(a)))"
        case .triangle(let w): "triangle(\(Text.number(w)))"
        case .gaussian(let mu, let sigma): "gaussian(\(Text.number(mu)), \(Text.number(sigma)))"
        }
    }

    /// The function `description` writes: `box(1)`, `triangle(0.5)`, `gaussian(0, 1)`; nil for
    /// any other text.
    public init?(parsing text: String) {
        let trimmed = text.filter { !$0.isWhitespace }
        guard trimmed.hasSuffix(")"), let open = trimmed.firstIndex(of: "(") else { return nil }
        let arguments = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
        let values = arguments.compactMap { $0 }.filter(\.isFinite)
        guard values.count == arguments.count else { return nil }
        switch (trimmed[..<open], values.count) {
        case ("box", 1): self = .box(width: values[0])
        case ("triangle", 1): self = .triangle(halfWidth: values[0])
        case ("gaussian", 2): self = .gaussian(mean: values[0], sd: values[1])
        default: return nil
        }
    }

    /// Checks the width or standard deviation, named as `field` in the error.
    public func validated(field: String) throws(ConvError) -> ContinuousFunction {
        let size = switch self {
        case .box(let a): a
        case .triangle(let w): w
        case .gaussian(_, let sigma): sigma
        }
        guard size > 0 else { throw .notPositive(field: field, value: size) }
        return self
    }

    /// The function's value at `t`; a box's edge counts as an edge when `t` is within
    /// `edgeTolerance` of it (sample points `k·Δt` carry rounding).
    public func value(at t: Double, edgeTolerance: Double = 0) -> Double {
        switch self {
        case .box(let a):
            let distance = abs(t) - a / 2
            return abs(distance) <= edgeTolerance ? 0.5 : distance < 0 ? 1 : 0
        case .triangle(let w):
            return max(0, 1 - abs(t) / w)
        case .gaussian(let mu, let sigma):
            let z = (t - mu) / sigma
            return exp(-z * z / 2) / (sigma * (2 * Double.pi).squareRoot())
        }
    }

    /// Where the function is not zero: a box's and a triangle's support, a Gaussian's `μ ± 10σ`
    /// (beyond which its density is below `10⁻²²` of its peak).
    public var support: ClosedRange<Double> {
        switch self {
        case .box(let a): -a / 2...a / 2
        case .triangle(let w): -w...w
        case .gaussian(let mu, let sigma): mu - 10 * sigma...mu + 10 * sigma
        }
    }

    /// The function as a sum of shifted powers `weight · R_p(t − shift)`, `R_p(x) = max(0, x)^p / p!`
    /// (nil for a Gaussian): a box is `R₀(t + a/2) − R₀(t − a/2)`, a triangle
    /// `(R₁(t + w) − 2R₁(t) + R₁(t − w)) / w`.
    var ramps: [Ramp]? {
        switch self {
        case .box(let a): [Ramp(weight: 1, shift: -a / 2, order: 0), Ramp(weight: -1, shift: a / 2, order: 0)]
        case .triangle(let w): [Ramp(weight: 1 / w, shift: -w, order: 1), Ramp(weight: -2 / w, shift: 0, order: 1),
                                Ramp(weight: 1 / w, shift: w, order: 1)]
        case .gaussian: nil
        }
    }

    /// `weight · max(0, t − shift)^order / order!`.
    struct Ramp {
        var weight: Double, shift: Double, order: Int

        func value(at t: Double) -> Double {
            let x = t - shift
            guard x > 0 else { return 0 }
            return weight * pow(x, Double(order)) / Double((1...max(1, order)).reduce(1, *))
        }

        /// `R_p(· − a) ∗ R_q(· − b) = R_{p+q+1}(· − a − b)`.
        static func * (p: Ramp, q: Ramp) -> Ramp {
            Ramp(weight: p.weight * q.weight, shift: p.shift + q.shift, order: p.order + q.order + 1)
        }

        /// `(R_p(· − shift) ∗ N(μ, σ²))(t) = E[R_p(X)]` with `X ~ N(t − shift − μ, σ²)`, for
        /// `p` 0 (`Φ(m/σ)`) or 1 (`m·Φ(m/σ) + σ·φ(m/σ)`).
        func convolved(withGaussian mu: Double, _ sigma: Double, at t: Double) -> Double {
            let m = t - shift - mu
            let z = m / sigma
            let cdf = erfc(-z / 2.squareRoot()) / 2
            let pdf = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
            return weight * (order == 0 ? cdf : m * cdf + sigma * pdf)
        }
    }
}
