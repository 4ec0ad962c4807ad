/// The words of a quiz, on the screen and in `quiz --plain`.
public enum QuizPhrase: Equatable, Sendable {
    /// The session's title, and the counter beside it.
    case quiz
    case questionCounter(Int, of: Int)
    case done
    /// Before the answer being typed.
    case yourAnswer
    /// An open question: the model answer, then the request to grade oneself, with when each grade
    /// brings the card back (grades 1 to 4), when the runner has said.
    case modelAnswer
    case howWell([ReviewInterval]?)
    /// Whether the card is met for the first time or comes back for review.
    case newCard, reviewCard
    /// Above a lesson question's settings and given grids: the computation it works on.
    case given(String)
    /// The verdict.
    case right
    case wrong
    case youAnswered(String)
    case theAnswer(String)
    case gradedByYou(Int)
    /// When the card comes back, or why it was not saved.
    case nextReview(ReviewInterval)
    case notSaved(String)
    /// The computation behind the answer, on one line.
    case worked(String)
    /// The session's end.
    case sessionDone
    case answered(Int, of: Int)
    case tally(right: Int, wrong: Int, selfGraded: Int)
    case nothingToAsk
    /// The quiz as text: a question's heading with its topic, what to type, a grid's heading, the
    /// summary.
    case plainQuestion(Int, of: Int, topic: String)
    case ask(AnswerKind)
    case gridHeading(String)
    case plainSummary(answered: Int, of: Int, right: Int, wrong: Int, selfGraded: Int)
}

/// What kind of answer a question takes, for what to type.
public enum AnswerKind: Equatable, Sendable {
    case choice, choices, number, open, cells
}

/// When a card comes back, as a learner reads it: `in 10 minutes`, `tomorrow`, `in 4 days` (and
/// in short beside a grade: `10m`, `1d`, `4d`).
public enum ReviewInterval: Equatable, Sendable {
    case aMinute
    case minutes(Int)
    case hours(Int)
    case tomorrow
    case days(Int)
    case months(Int)
    case years(Int)
}

/// The words of the statistics, on the screen and in `stats --plain`.
public enum StatsPhrase: Equatable, Sendable {
    case title
    case lessonsCompleted(Int, of: Int)
    case reviewsDue(today: Int, week: Int)
    case answersAndStreak(answers: Int, streakDays: Int)
    case noAnswersYet
    case accuracyByTopic
    /// Practice: how many exercises pass, and when one first passed (`2026-12-04`).
    case exercisesPassing(Int, of: Int)
    case firstPass(String)
    /// One topic's line after its name: `(3 of 4 right, 5 answers)`.
    case topicCounts(correct: Int, graded: Int, reviews: Int)
}
