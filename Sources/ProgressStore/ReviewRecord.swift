import Foundation

/// One answer to one card, as the review log keeps it. Reviews are only ever added.
public struct ReviewRecord: Sendable, Hashable {
    /// The review's number in the log, increasing in the order reviews were recorded; `nil` for a
    /// review not recorded yet.
    public var id: Int64?
    /// The card answered.
    public var cardID: String
    /// When the answer was given.
    public var time: Date
    /// FSRS's grade: 1 again (forgotten), 2 hard, 3 good, 4 easy.
    public var rating: Int
    /// Whether the answer was right; `nil` for a self-graded answer.
    public var correct: Bool?
    /// How long the learner took to answer, in seconds.
    public var duration: TimeInterval
    /// What the learner answered, as text (a number, the choices picked, the cells selected).
    public var answer: String

    public init(
        cardID: String, time: Date, rating: Int, correct: Bool?, duration: TimeInterval, answer: String,
        id: Int64? = nil
    ) {
        self.id = id
        self.cardID = cardID
        self.time = time
        self.rating = rating
        self.correct = correct
        self.duration = duration
        self.answer = answer
    }
}
