import Foundation

/// One quiz card as the store keeps it: what it is, which topic it counts for, and where it is in
/// its review schedule.
///
/// A plain value: the scheduler (FSRS, in QuizKit) computes the next one and hands it back to
/// `ProgressStore.record(_:updating:)` with the review that led to it.
public struct CardRecord: Sendable, Hashable {
    /// Where a card is in FSRS's cycle. A new card starts in `learning` at step 0.
    public enum State: Int, Sendable, Hashable, CaseIterable {
        /// Being learnt: short intervals through the learning steps.
        case learning = 1
        /// Learnt: intervals grow with stability.
        case review = 2
        /// Forgotten after being learnt: back through the relearning steps.
        case relearning = 3
    }

    /// The card's stable id: `lesson:<lesson id>/<quiz id>` for a lesson's question, or
    /// `gen:<family>` for a generated problem family, for example `lesson:padding/pad-same-k7`.
    public var id: String
    /// What the card's answers count for in the statistics: a lesson id or a problem family.
    public var topic: String
    /// A hash of the card's text when it was registered (or last changed).
    public var contentHash: String
    /// Where the card is in the cycle.
    public var state: State
    /// The learning or relearning step, from 0; `nil` in `review`.
    public var step: Int?
    /// FSRS stability in days; `nil` before the first review.
    public var stability: Double?
    /// FSRS difficulty (1 to 10); `nil` before the first review.
    public var difficulty: Double?
    /// When the card is next due.
    public var due: Date
    /// When it was last reviewed; `nil` if never.
    public var lastReview: Date?
    /// How many times it has been reviewed.
    public var reps: Int
    /// How many times it was forgotten after being learnt.
    public var lapses: Int
    /// Whether the card's text changed since its last review (its history is kept); reset by the
    /// next review.
    public var changed: Bool

    public init(
        id: String, topic: String, contentHash: String, state: State, step: Int? = nil,
        stability: Double? = nil, difficulty: Double? = nil, due: Date, lastReview: Date? = nil,
        reps: Int = 0, lapses: Int = 0, changed: Bool = false
    ) {
        self.id = id
        self.topic = topic
        self.contentHash = contentHash
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.changed = changed
    }
}
