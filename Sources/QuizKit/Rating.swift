/// How well a card was recalled, as FSRS grades a review: `again` (forgotten), `hard`, `good`,
/// `easy`. Automatic grading gives `again` for a wrong answer and `good` for a right one; an open
/// question is graded by the learner.
public enum Rating: Int, CaseIterable, Sendable, Codable {
    case again = 1, hard, good, easy

    /// The rating an automatically graded answer earns.
    public init(correct: Bool) {
        self = correct ? .good : .again
    }
}
