import Foundation

/// The FSRS-6 scheduler: after each review, a card's new stability, difficulty, state and due date.
///
/// A port of py-fsrs 6.3.2 `Scheduler.review_card` with fuzzing off, checked review by review
/// against it (`Tests/QuizKitTests/Reference/`). Pure and deterministic: the time of a review is
/// an argument, never read from a clock.
///
/// The cycle of a card:
/// - **learning** (new cards start here, at step 0): the first review sets S = S₀(G) and
///   D = D₀(G). Again goes back to step 0, Hard stays on the step, Good moves to the next step,
///   Easy, or Good on the last step, graduates to review.
/// - **review**: due after I(S) whole days. Again is a lapse: on to relearning at step 0.
/// - **relearning**: the same steps logic as learning, over the relearning steps.
///
/// In every state, a review less than 24 hours after the previous one (not a calendar day) uses
/// the short-term stability S′s; a later one uses S′r (recall) or S′f (Again) with R taken at
/// the whole number of days elapsed. Difficulty moves by `nextDifficulty` on every review but
/// the first.
public struct Scheduler: Sendable, Equatable {
    /// The weights and scheduling settings.
    public var parameters: FSRSParameters

    /// A scheduler with the given parameters (py-fsrs's defaults unless told otherwise).
    /// The weights must number 21 (see `FSRSParameters.problems`).
    public init(parameters: FSRSParameters = .default) {
        self.parameters = parameters
    }

    /// The card after a review graded `rating` at `now`.
    ///
    /// Stability and difficulty update first (from their values before the review), then the
    /// state and step move and the card is due `now` plus a step (seconds) or I(S) (days).
    /// `lastReview` becomes `now`; `reps` counts up, and `lapses` counts up on Again in review.
    public func review(_ card: SchedulingCard, rating: Rating, at now: Date) -> SchedulingCard {
        var next = card
        next.reps += 1

        // Memory: S and D from their values before this review.
        if let s = card.stability, let d = card.difficulty {
            let sameDay = card.lastReview.map { elapsedDays(from: $0, to: now) < 1 } ?? false
            next.stability = sameDay
                ? shortTermStability(s, rating: rating)
                : nextStability(difficulty: d, stability: s,
                                retrievability: retrievability(of: card, at: now), rating: rating)
            next.difficulty = nextDifficulty(d, rating: rating)
        } else {
            // A first review. (py-fsrs only expects this in learning; it asserts S and D in the
            // other states.)
            next.stability = initialStability(rating)
            next.difficulty = initialDifficulty(rating)
        }
        let s = next.stability!

        // Schedule: the wait until due, in seconds.
        let wait: TimeInterval
        switch card.state {
        case .learning:
            wait = advance(&next, through: parameters.learningSteps, rating: rating, stability: s)
        case .relearning:
            wait = advance(&next, through: parameters.relearningSteps, rating: rating, stability: s)
        case .review:
            if rating == .again {
                next.lapses += 1
                if let first = parameters.relearningSteps.first {
                    next.state = .relearning
                    next.step = 0
                    wait = first
                } else {
                    wait = days(nextInterval(stability: s))
                }
            } else {
                wait = days(nextInterval(stability: s))
            }
        }

        next.due = now + wait
        next.lastReview = now
        return next
    }

    /// The chance of recalling `card` at `now`: R(t, S) with t the whole days since the last
    /// review (rounded down, never negative), as py-fsrs's `get_card_retrievability`; 0 for a
    /// card never reviewed.
    public func retrievability(of card: SchedulingCard, at now: Date) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        return forgettingCurve(elapsedDays: Double(max(0, elapsedDays(from: last, to: now))), stability: s)
    }

    /// Whole days from `start` to `end`, rounded down (towards −∞), as Python's `timedelta.days`.
    public func elapsedDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / secondsPerDay).rounded(.down))
    }

    /// Moves a learning or relearning card along `steps` after `rating` and returns the wait in
    /// seconds: Again → step 0; Hard → same step, waiting 1.5 × the only step, or the mean of the
    /// first two at step 0, or the step itself; Good → next step, graduating after the last;
    /// Easy → graduates. Graduating means review, no step, due after I(S) days. A card whose step
    /// is past the end (the steps were shortened) graduates on anything but Again.
    private func advance(_ card: inout SchedulingCard, through steps: [TimeInterval], rating: Rating,
                         stability s: Double) -> TimeInterval {
        let step = card.step ?? 0
        func graduate() -> TimeInterval {
            card.state = .review
            card.step = nil
            return days(nextInterval(stability: s))
        }
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            return graduate()
        }
        switch rating {
        case .again:
            card.step = 0
            return steps[0]
        case .hard:
            if step == 0 && steps.count == 1 { return steps[0] * 1.5 }
            if step == 0 { return (steps[0] + steps[1]) / 2.0 }
            return steps[step]
        case .good:
            if step + 1 == steps.count { return graduate() }
            card.step = step + 1
            return steps[step + 1]
        case .easy:
            return graduate()
        }
    }

    /// `n` days in seconds.
    private func days(_ n: Int) -> TimeInterval { Double(n) * secondsPerDay }
}

private let secondsPerDay: TimeInterval = 86_400
