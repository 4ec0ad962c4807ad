import Localization
import QuizKit
import Testing

/// Due cards first, then new questions of finished lessons, then generated problems.
@Suite("Quiz plan")
struct QuizPlanTests {
    static func q(_ lesson: String, _ id: String) -> Question {
        Question(id: .lesson(lesson, question: id), prompt: id, kind: .open(modelAnswer: ""), explanation: "")
    }

    static let questions = [q("padding", "p1"), q("padding", "p2"), q("stride", "s1"), q("stride", "s2"), q("pooling", "x1")]

    /// A generated problem: the family's card, numbered so tests can see which one came.
    static func generate(_ family: ProblemFamily, _ k: Int) -> Question? {
        let id = CardID.generated(family)
        return Question(id: id, prompt: "\(id.rawValue) #\(k)", kind: .numeric(answer: .number(1), tolerance: 0), explanation: "")
    }

    @Test("due first (in order), then new from finished lessons, then generated to fill")
    func order() {
        let plan = QuizPlan(due: [.lesson("stride", question: "s2"), .generated(.macs), .lesson("padding", question: "p1")],
                            known: [.lesson("stride", question: "s2"), .lesson("padding", question: "p1"), .generated(.macs)],
                            lessonQuestions: Self.questions, finishedLessons: ["padding", "stride"],
                            families: [.outputSize, .macs], count: 8)
        let ids = plan.questions(generate: Self.generate).map(\.prompt)
        #expect(ids == ["s2", "gen:macs #0", "p1", "p2", "s1", "gen:output-size #1", "gen:macs #2", "gen:output-size #3"])
    }

    @Test("lessons not finished give no new cards; count caps the session")
    func unfinished() {
        let plan = QuizPlan(due: [], known: [], lessonQuestions: Self.questions, finishedLessons: ["stride"],
                            families: [], count: 1)
        #expect(plan.questions(generate: Self.generate).map(\.prompt) == ["s1"])
    }

    @Test("--lesson: that lesson's questions, due or new, finished or not; no generated ones")
    func oneLesson() {
        let plan = QuizPlan(due: [.lesson("stride", question: "s2"), .lesson("padding", question: "p2")],
                            known: [.lesson("stride", question: "s2"), .lesson("padding", question: "p2")],
                            lessonQuestions: Self.questions, finishedLessons: [], families: [.macs],
                            lesson: "padding", count: 10)
        #expect(plan.questions(generate: Self.generate).map(\.prompt) == ["p2", "p1"])
    }

    @Test("--generated: only generated problems, due families first")
    func onlyGenerated() {
        let plan = QuizPlan(due: [.lesson("padding", question: "p1"), .generated(.macs)],
                            known: [.lesson("padding", question: "p1"), .generated(.macs)],
                            lessonQuestions: Self.questions, finishedLessons: ["padding"],
                            families: [.outputSize, .macs], onlyGenerated: true, count: 3)
        #expect(plan.questions(generate: Self.generate).map(\.prompt) == ["gen:macs #0", "gen:output-size #1", "gen:macs #2"])
    }

    @Test("a generator that makes nothing ends the session instead of hanging")
    func emptyGenerator() {
        let plan = QuizPlan(due: [], known: [], lessonQuestions: [], finishedLessons: [], families: [.macs], count: 5)
        #expect(plan.questions(generate: { _, _ in nil }).isEmpty)
    }
}
