import Foundation
import LessonKit
import Localization
import ProgressStore
import QuizKit
import Testing
@testable import convtutor

/// The quiz parses only the lessons a session can reach, and chooses exactly what it would choose
/// with every lesson parsed.
@Suite struct QuizPlanningTests {
    /// Sixty more lessons (the bundled English ones copied under new ids), all finished, with the
    /// cards of the last copies' questions met and due: due lessons late in the order, the case
    /// where parsing only a prefix could go wrong.
    static func learner(count: Int) throws -> (runner: QuizRunner, store: ProgressStore, lessons: [LessonSummary], now: Date) {
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
        let lessons = LessonOptions.lessons(of: LessonOptions.summaries(folders: [folder.path], .en, index: nil))
        let store = try ProgressStore.open(at: root.appendingPathComponent("progress.sqlite"))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for lesson in lessons { try store.markCompleted(lessonID: lesson.meta.id, at: start) }
        for lesson in LessonOptions.parse(Array(lessons.suffix(3))) {
            for quiz in lesson.quizzes.prefix(2) {
                let question = Question(quiz, lesson: lesson.meta.id)
                _ = try store.register(id: question.id.rawValue, topic: question.topic.rawValue, contentHash: "h", now: start)
            }
        }
        let runner = QuizRunner(store: store, lessons: lessons, language: .en, options: QuizOptions(count: count, seed: 7))
        return (runner, store, lessons, start.addingTimeInterval(86_400))
    }

    /// With 80 questions the session reaches past the first lessons parsed, where the due lessons'
    /// own new questions must not be counted as the ones it needs.
    @Test("a session of due reviews and new questions is the one every lesson parsed would give", arguments: [20, 80])
    func sameSession(count: Int) throws {
        let (runner, store, lessons, now) = try Self.learner(count: count)
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
}
