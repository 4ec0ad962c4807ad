import Foundation

/// Where a card stands in the FSRS cycle; the raw values are py-fsrs's `State`.
///
/// There is no separate "new" state: as in py-fsrs, a card starts in `learning` at step 0 with
/// no stability or difficulty.
public enum CardState: Int, Sendable, Codable, CaseIterable {
    /// New, or still going through the learning steps (minutes apart).
    case learning = 1
    /// Graduated: reviewed at intervals of whole days set by its stability.
    case review = 2
    /// Forgotten in review, going through the relearning steps before returning to review.
    case relearning = 3
}

/// One card's memory and schedule as FSRS keeps them: state, step, stability S, difficulty D,
/// when it is due and when it was last reviewed.
///
/// A value: `Scheduler.review` returns the card after a review and never mutates its argument.
/// The fields mirror py-fsrs's `Card` (without its id); `reps` and `lapses` are extra counters
/// py-fsrs 6 does not keep. They never influence scheduling.
public struct SchedulingCard: Sendable, Hashable, Codable {
    /// Learning, review or relearning.
    public var state: CardState
    /// The index into the learning or relearning steps; `nil` in review.
    public var step: Int?
    /// S: the interval in days after which retrievability has fallen to 90 %; `nil` before the
    /// first review.
    public var stability: Double?
    /// D: how hard the card is, from 1 (easiest) to 10 (hardest); `nil` before the first review.
    public var difficulty: Double?
    /// When the card should next be reviewed.
    public var due: Date
    /// When the card was last reviewed; `nil` before the first review.
    public var lastReview: Date?
    /// How many reviews the card has had (not part of py-fsrs; informational).
    public var reps: Int
    /// How many times the card was forgotten in review, i.e. rated Again in the review state
    /// (not part of py-fsrs; informational).
    public var lapses: Int

    /// A card from all its fields.
    public init(
        state: CardState, step: Int?, stability: Double?, difficulty: Double?,
        due: Date, lastReview: Date?, reps: Int = 0, lapses: Int = 0
    ) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A new card: learning at step 0, no memory yet, due at `due` (usually its creation).
    public init(due: Date) {
        self.init(state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }
}
