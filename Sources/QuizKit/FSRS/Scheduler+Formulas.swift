import Foundation

// The FSRS-6 memory model, one formula per function, in the notation of the FSRS papers and
// wiki: w = weights, G = grade (Again 1, Hard 2, Good 3, Easy 4), S = stability in days,
// D = difficulty in [1, 10], R = retrievability, t = days since the last review.
//
// Each function follows py-fsrs 6.3.2 operation for operation (including e^x computed as
// pow(e, x), as Python's `math.e ** x` does), so results agree with it to the last bit or two.

/// Euler's number as Python's `math.e`.
private let e = 2.718281828459045

extension Scheduler {
    /// The smallest stability, in days (py-fsrs `STABILITY_MIN`).
    public static let minimumStability = 0.001

    /// The range difficulty is clamped to (py-fsrs `MIN_DIFFICULTY`, `MAX_DIFFICULTY`).
    public static let difficultyRange: ClosedRange<Double> = 1...10

    /// The exponent of the forgetting curve: decay = −w₂₀.
    public var decay: Double { -parameters.weights[20] }

    /// The forgetting curve's scale, chosen so that R(S, S) = 0.9: F = 0.9^(1/decay) − 1.
    public var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// The forgetting curve: R(t, S) = (1 + F·t/S)^decay, the chance of recall t days after a
    /// review that left stability S.
    public func forgettingCurve(elapsedDays t: Double, stability s: Double) -> Double {
        pow(1 + factor * t / s, decay)
    }

    /// The interval in days at which R falls to the desired retention r:
    /// I(S) = S/F · (r^(1/decay) − 1), rounded half to even (Python's `round`), at least 1 day
    /// and at most the maximum interval. With r = 0.9 this is S rounded.
    public func nextInterval(stability s: Double) -> Int {
        let days = (s / factor) * (pow(parameters.desiredRetention, 1 / decay) - 1)
        let rounded = days.rounded(.toNearestOrEven)
        return Int(min(max(rounded, 1), Double(parameters.maximumInterval)))
    }

    /// Initial stability after the first review: S₀(G) = w[G−1], at least 0.001.
    public func initialStability(_ rating: Rating) -> Double {
        max(parameters.weights[rating.rawValue - 1], Self.minimumStability)
    }

    /// Initial difficulty after the first review: D₀(G) = w₄ − e^(w₅·(G−1)) + 1, clamped to
    /// [1, 10] when `clamped` (unclamped it serves as the mean-reversion target).
    public func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let w = parameters.weights
        let d0 = w[4] - pow(e, w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(d0) : d0
    }

    /// Difficulty after a review, with linear damping and mean reversion (FSRS-6):
    /// ΔD = −w₆·(G−3); D′ = D + (10 − D)·ΔD/9; D″ = w₇·D₀(Easy) + (1 − w₇)·D′, clamped to [1, 10].
    /// D₀(Easy) is taken unclamped (−4.77 with the default weights).
    public func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let w = parameters.weights
        let target = initialDifficulty(.easy, clamped: false)
        let deltaD = -(w[6] * Double(rating.rawValue - 3))
        let damped = d + (10.0 - d) * deltaD / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    /// Stability after a review on the same day (less than 24 hours after the last):
    /// SInc = e^(w₁₇·(G − 3 + w₁₈)) · S^−w₁₉, at least 1 unless G = Again; S′ = S·SInc, at least 0.001.
    public func shortTermStability(_ s: Double, rating: Rating) -> Double {
        let w = parameters.weights
        var increase = pow(e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(s * increase, Self.minimumStability)
    }

    /// Stability after a successful recall (Hard, Good, Easy) a day or more after the last review:
    /// S′r = S · (1 + e^w₈ · (11 − D) · S^−w₉ · (e^((1−R)·w₁₀) − 1) · hard · easy),
    /// hard = w₁₅ for Hard (else 1), easy = w₁₆ for Easy (else 1). Not clamped.
    public func recallStability(difficulty d: Double, stability s: Double, retrievability r: Double,
                                rating: Rating) -> Double {
        let w = parameters.weights
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return s * (1 + pow(e, w[8]) * (11 - d) * pow(s, -w[9]) * (pow(e, (1 - r) * w[10]) - 1)
            * hardPenalty * easyBonus)
    }

    /// Stability after a lapse (Again) a day or more after the last review:
    /// S′f = min(w₁₁ · D^−w₁₂ · ((S+1)^w₁₃ − 1) · e^((1−R)·w₁₄), S / e^(w₁₇·w₁₈)). Not clamped.
    public func forgetStability(difficulty d: Double, stability s: Double, retrievability r: Double) -> Double {
        let w = parameters.weights
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(e, (1 - r) * w[14])
        let shortTerm = s / pow(e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    /// Stability after a review a day or more after the last: S′f for Again, S′r otherwise,
    /// at least 0.001.
    public func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double,
                              rating: Rating) -> Double {
        let next = rating == .again
            ? forgetStability(difficulty: d, stability: s, retrievability: r)
            : recallStability(difficulty: d, stability: s, retrievability: r, rating: rating)
        return max(next, Self.minimumStability)
    }

    /// D clamped to [1, 10].
    func clampDifficulty(_ d: Double) -> Double {
        min(max(d, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }
}
