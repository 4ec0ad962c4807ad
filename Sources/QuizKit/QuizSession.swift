import Localization

/// A quiz session as a value: the questions in order, each answered (or its answer refused),
/// graded, and counted. The quiz screen and `quiz --plain` both drive this one engine; keeping the
/// answers and scheduling the cards is the runner's.
public struct QuizSession: Equatable, Sendable {
    public private(set) var questions: [Question]
    /// The question being asked (`questions.count` once the session is over).
    public private(set) var index = 0
    /// The verdict of the current question, once it is answered.
    public private(set) var verdict: Verdict?
    /// Every verdict so far, in order.
    public private(set) var verdicts: [Verdict] = []
    /// The learner stopped before the last question.
    public private(set) var stopped = false

    public init(questions: [Question]) {
        self.questions = questions
    }

    /// The question being asked, until the session is over.
    public var current: Question? {
        !stopped && questions.indices.contains(index) ? questions[index] : nil
    }

    /// True when every question is done or the learner stopped.
    public var isOver: Bool { current == nil }

    /// Reads typed text as the current question's answer and grades it; a refused answer (empty,
    /// letters in a number, a choice out of range) is returned as the refusal and not graded.
    /// Open questions are graded with `grade(_:answer:)`. `nil` once the session is over.
    public mutating func submit(_ text: String) -> Result<Verdict, Refusal>? {
        guard let q = current else { return nil }
        return q.read(text).map { answer($0) }
    }

    /// Grades an open question's answer with the learner's own rating, read from text (`1`–`4`
    /// or `again`, `hard`, `good`, `easy`).
    public mutating func grade(_ rating: String, answer text: String) -> Result<Verdict, Refusal> {
        Question.readRating(rating).map { answer(.selfGraded(answer: text, $0)) }
    }

    /// Grades `response` to the current question and keeps the verdict.
    @discardableResult
    public mutating func answer(_ response: Response) -> Verdict {
        guard let q = current else { return Verdict(correct: nil, rating: .again, expected: "", given: "") }
        let v = q.grade(response)
        verdict = v
        verdicts.append(v)
        return v
    }

    /// The next question (or the end of the session).
    public mutating func advance() {
        index += 1
        verdict = nil
    }

    /// Ends the session before its last question.
    public mutating func stop() {
        stopped = true
        verdict = nil
    }

    /// Right answers, wrong ones, and self-graded ones so far.
    public var tally: (right: Int, wrong: Int, selfGraded: Int) {
        (verdicts.filter { $0.correct == true }.count, verdicts.filter { $0.correct == false }.count,
         verdicts.filter { $0.correct == nil }.count)
    }
}

/// An answer for the runner to keep: which card, what the learner gave, how it was graded.
public struct QuizAnswer: Equatable, Sendable {
    public var card: CardID
    public var contentHash: String
    public var verdict: Verdict

    public init(_ question: Question, _ verdict: Verdict) {
        card = question.id
        contentHash = question.contentHash
        self.verdict = verdict
    }

    /// What the card's answers count towards.
    public var topic: Topic { card.topic }
}
