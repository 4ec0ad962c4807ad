/// Why typed text is not an answer yet: it is refused, not graded, and the learner sees the hint
/// this names.
public enum Refusal: Error, Equatable, Sendable {
    /// An open question's grade was not 1–4.
    case grade
    /// Nothing was typed for a number.
    case number
    /// Nothing was typed for cells.
    case cells
    /// Nothing was chosen.
    case choose(ChoiceRange)
    /// Nothing was chosen where several choices may be right.
    case chooseSeveral(ChoiceRange)
    /// The text names no choice.
    case notAChoice(String, ChoiceRange)
    /// The text is not a number.
    case notANumber(String)
    /// The text is not a `row,col` pair.
    case notACell(String)
}

/// The keys that pick a question's choices.
public enum ChoiceRange: Equatable, Sendable {
    /// `a` to the `last` letter, or `1` to `count`.
    case letters(last: Character, count: Int)
    /// `1` to `count` (more choices than letters).
    case numbers(count: Int)
}
