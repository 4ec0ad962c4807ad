import Foundation
import QuizKit

/// One quiz card as the store keeps it: what it is, which topic it counts for, and where it is in
/// its review schedule.
///
/// The scheduler (FSRS, in QuizKit) computes the next `schedule` and the quiz hands it back to
/// `ProgressStore.record(_:updating:)` with the review that led to it.
public struct CardRecord: Sendable, Hashable {
    /// The card's stable id: `lesson:<lesson id>/<quiz id>` for a lesson's question, or
    /// `gen:<family>` for a generated problem family, for example `lesson:padding/pad-same-k7`.
    public var id: String
    /// What the card's answers count for in the statistics: a lesson id or a problem family.
    public var topic: String
    /// A hash of the card's text when it was registered (or last changed).
    public var contentHash: String
    /// Where the card is in its FSRS schedule: state, step, stability, difficulty, due date, last
    /// review, reps and lapses, as the scheduler computes them.
    public var schedule: SchedulingCard
    /// Whether the card's text changed since its last review (its history is kept); reset by the
    /// next review.
    public var changed: Bool

    public init(id: String, topic: String, contentHash: String, schedule: SchedulingCard, changed: Bool = false) {
        self.id = id
        self.topic = topic
        self.contentHash = contentHash
        self.schedule = schedule
        self.changed = changed
    }
}
