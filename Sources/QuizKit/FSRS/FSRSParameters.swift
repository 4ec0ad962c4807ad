import Foundation

/// The settings of an FSRS-6 scheduler: the 21 model weights w₀…w₂₀, the desired retention, the
/// learning and relearning steps, and the longest interval.
///
/// The defaults are those of py-fsrs 6.3.2 (`fsrs.scheduler.DEFAULT_PARAMETERS` and the defaults
/// of `Scheduler.__init__`), the reference this scheduler is tested against. What each weight
/// does:
///
/// | weights | role |
/// |---|---|
/// | w₀…w₃ | initial stability S₀ after a first Again, Hard, Good, Easy (days) |
/// | w₄, w₅ | initial difficulty D₀(G) = w₄ − e^(w₅·(G−1)) + 1 |
/// | w₆, w₇ | difficulty step ΔD = −w₆·(G−3) and mean reversion weight towards D₀(Easy) |
/// | w₈…w₁₀ | stability after a recall: growth scale e^w₈, damping S^−w₉, retrievability gain w₁₀ |
/// | w₁₁…w₁₄ | stability after a lapse: scale, D^−w₁₂, (S+1)^w₁₃, retrievability gain w₁₄ |
/// | w₁₅, w₁₆ | Hard penalty and Easy bonus on a recall |
/// | w₁₇…w₁₉ | short-term (same-day) stability: e^(w₁₇·(G−3+w₁₈))·S^−w₁₉ |
/// | w₂₀ | decay of the forgetting curve R(t, S) = (1 + F·t/S)^−w₂₀ |
public struct FSRSParameters: Sendable, Equatable, Codable {
    /// The model weights w₀…w₂₀; FSRS-6 has exactly 21.
    public var weights: [Double]
    /// The retrievability r at which a review card falls due: 0.9 schedules each review when the
    /// predicted chance of recall has dropped to 90 %.
    public var desiredRetention: Double
    /// Waits between the reviews of a new card, in seconds, before it graduates to review.
    public var learningSteps: [TimeInterval]
    /// Waits between the reviews of a forgotten card, in seconds, before it returns to review.
    public var relearningSteps: [TimeInterval]
    /// The longest interval, in days, to which a review card is scheduled.
    public var maximumInterval: Int

    /// Parameters from their parts; every argument defaults to py-fsrs's default.
    public init(
        weights: [Double] = FSRSParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
    }

    /// py-fsrs's defaults: FSRS-6 default weights, retention 0.9, learning steps 1 min and 10 min,
    /// one relearning step of 10 min, at most 36500 days between reviews.
    public static let `default` = FSRSParameters()

    /// The FSRS-6 default weights w₀…w₂₀ (py-fsrs 6.3.2 `DEFAULT_PARAMETERS`).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The smallest value of each weight py-fsrs accepts (`LOWER_BOUNDS_PARAMETERS`).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// The largest value of each weight py-fsrs accepts (`UPPER_BOUNDS_PARAMETERS`).
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// What is wrong with these weights, one message each, as py-fsrs would refuse them; empty
    /// when they are usable. A `Scheduler` needs 21 weights; out-of-bounds values it still
    /// computes with, but the results mean little.
    public var problems: [String] {
        guard weights.count == Self.lowerBounds.count else {
            return ["expected \(Self.lowerBounds.count) weights, got \(weights.count)"]
        }
        return weights.indices.compactMap { k in
            let (w, low, high) = (weights[k], Self.lowerBounds[k], Self.upperBounds[k])
            return low <= w && w <= high ? nil : "w\(k) = \(w) is outside [\(low), \(high)]"
        }
    }
}
