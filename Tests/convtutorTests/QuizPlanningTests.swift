import Foundation
import LessonKit
import Localization
import ProgressStore
import QuizKit
import Testing
@testable import convtutor

/// The quiz parses only the lessons a session can reach (those of due cards, and finished ones with
/// a question not met yet, as their summaries say), and chooses exactly what it would choose with
/// every lesson parsed.
@Suite struct QuizPlanningTests {
    /// Sixty more lessons (the bundled English ones copied under new ids), all finished, with the
    /// cards of the last copies' questions met and due: due lessons late in the order, the case
    /// where parsing only a prefix could go wrong. The first `answered` lessons have every question
    /// answered and due next month, and the one after them all but its last: lessons the session
    /// must pass over, and one with a single new question.
    /// With `indexed`, the quiz reads question ids from the lesson index; without, it parses.
    static func learner(count: Int, answered: Int, indexed: Bool) throws
        -> (runner: QuizRunner, store: ProgressStore, lessons: [LessonSummary], now: Date) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-plan-\(UUID().uuidString.prefix(8))")
        let folder = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bundled = try #require(LessonLibrary.bundledFolder()).appendingPathComponent("en")
        let sources = try FileManager.default.contentsOfDirectory(atPath: bundled.path).filter { $0.first?.isNumber == true }.sorted()
        for k in 0..<60 {
            let text = try String(contentsOf: bundled.appendingPathComponent(sources[k % sources.count]), encoding: .utf8)
            let copy = text.replacingOccurrences(of: #"(?m)^id: (.*)$"#, with: "id: $1-copy-\(k)", options: .regularExpression)
                .replacingOccurrences(of: #"(?m)^order: \d+$"#, with: "order: \(100 + k)", options: .regularExpression)
            try copy.write(to: folder.appendingPathComponent("\(k)-copy.md"), atomically: true, encoding: .utf8)
        }
        let index = indexed ? root.appendingPathComponent("lesson-index.sqlite") : nil
        let lessons = LessonOptions.lessons(of: LessonOptions.summaries(folders: [folder.path], .en, index: index))
        let store = try ProgressStore.open(at: root.appendingPathComponent("progress.sqlite"))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for lesson in lessons { try store.markCompleted(lessonID: lesson.meta.id, at: start) }
        let first = Array(lessons.prefix(answered + 1))
        for (k, (lesson, questions)) in zip(first, LessonOptions.questions(of: first, index: nil)).enumerated() {
            for quiz in k < answered ? questions : questions.dropLast() {
                let question = CardID.lesson(lesson.meta.id, question: quiz)
                var card = try store.register(id: question.rawValue, topic: lesson.meta.id, contentHash: "h", now: start)
                card.schedule.due = start.addingTimeInterval(30 * 86_400)
                _ = try store.record(ReviewRecord(cardID: card.id, time: start, rating: 3, correct: true, duration: 1, answer: "a"),
                                     updating: card)
            }
        }
        for lesson in LessonOptions.parse(Array(lessons.suffix(3))) {
            for quiz in lesson.quizzes.prefix(2) {
                let question = Question(quiz, lesson: lesson.meta.id)
                _ = try store.register(id: question.id.rawValue, topic: question.topic.rawValue, contentHash: "h", now: start)
            }
        }
        let runner = QuizRunner(store: store, lessons: lessons, index: index, language: .en, options: QuizOptions(count: count, seed: 7))
        return (runner, store, lessons, start.addingTimeInterval(86_400))
    }

    /// With 80 questions the session reaches past the first lessons looked at, where the due
    /// lessons' own new questions must not be counted as the ones it needs; with the first lessons
    /// answered, it passes over them (all of a first store query's worth, with 55) to the first
    /// lessons with new questions.
    @Test("a session of due reviews and new questions is the one every lesson parsed would give",
          arguments: [(20, 0, true), (80, 0, true), (20, 20, true), (80, 55, true), (80, 55, false)])
    func sameSession(count: Int, answered: Int, indexed: Bool) throws {
        let (runner, store, lessons, now) = try Self.learner(count: count, answered: answered, indexed: indexed)
        let all = LessonOptions.parse(lessons)
        let questions = all.flatMap { lesson in lesson.quizzes.map { Question($0, lesson: lesson.meta.id) } }
        let known = Set(try store.knownCards(among: questions.map(\.id.rawValue)).compactMap(CardID.init(rawValue:)))
        let due = try store.dueCards(at: now, limit: count).compactMap { CardID(rawValue: $0.id) }
        #expect(due.count == 6)
        let expected = QuizPlan(due: due, known: known, lessonQuestions: questions, finishedLessons: Set(lessons.map(\.meta.id)),
                                families: ProblemFamily.allCases, count: count)
            .questions { family, k in ProblemGenerator.question(family, seed: 7 &+ UInt64(k) &* 7919, language: .en) }
        let planned = try runner.plan(at: now)
        #expect(planned.map(\.id) == expected.map(\.id))
        #expect(planned.prefix(6).map(\.id) == due, "the due reviews first, from lessons far down the list")
    }

    /// Cards of questions the learner's lessons no longer hold (a lesson's folder not read, a
    /// question taken out of a lesson), more of them than a session and due before the others,
    /// are passed over: the six due reviews that can be asked still come first.
    @Test func dueCardsOfQuestionsNoLongerThereTakeNoPlace() throws {
        let (runner, store, lessons, now) = try Self.learner(count: 20, answered: 0, indexed: true)
        let start = now.addingTimeInterval(-86_400)
        let lesson = try #require(lessons.first).meta.id
        let gone = (0..<25).map { CardID.lesson("removed-lesson", question: "q\($0)") }
            + (0..<25).map { CardID.lesson(lesson, question: "removed-\($0)") }
        for (k, card) in gone.enumerated() {
            var stored = try store.register(id: card.rawValue, topic: "removed", contentHash: "h", now: start)
            stored.schedule.due = start.addingTimeInterval(-Double(gone.count - k) * 60)
            _ = try store.record(ReviewRecord(cardID: stored.id, time: stored.schedule.due, rating: 3, correct: true, duration: 1, answer: "a"),
                                 updating: stored)
        }
        let storeDue = try store.dueCards(at: now, limit: 20).compactMap { CardID(rawValue: $0.id) }
        #expect(Set(storeDue).isSubset(of: Set(gone)), "the store's first twenty due cards are all gone ones")
        let due = try store.dueCards(at: now, limit: 100).compactMap { CardID(rawValue: $0.id) }.filter { !gone.contains($0) }
        #expect(due.count == 6)
        let planned = try runner.plan(at: now)
        #expect(planned.count == 20)
        #expect(planned.prefix(6).map(\.id) == due)
        #expect(planned.allSatisfy { !gone.contains($0.id) })
    }
}
