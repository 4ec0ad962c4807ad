import Foundation
import LessonKit
import ProgressStore
import QuizKit
import Tutor

/// The quiz at the edge: the clock, the progress database and the scheduler. It carries out the
/// tutor's effects (progress, answers, choosing questions, stats) and answers with messages.
final class QuizRunner {
    let store: ProgressStore
    /// The lessons of the learner's language, in order.
    let lessons: [Lesson]
    let options: QuizOptions
    let scheduler = Scheduler()
    let calendar = Calendar.current
    /// When each question went on screen, for the time an answer took.
    private var shownAt: [String: Date] = [:]
    /// The first failure to save, reported when the screen has closed.
    private(set) var failure: String?

    init(store: ProgressStore, lessons: [Lesson], options: QuizOptions = QuizOptions()) {
        self.store = store
        self.lessons = lessons
        self.options = options
    }

    /// Carries out one effect now and returns the messages that answer it.
    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .saveProgress, .markCompleted:
            if let problem = store.perform(effect) { fail(problem) }
            return []
        case .questionShown(let id):
            shownAt[id] = Date()
            return []
        case .recordAnswer(let answer):
            do {
                let next = try record(answer, at: Date())
                return [.reviewScheduled(id: answer.questionID, next: next)]
            } catch {
                fail(error.description)
                return [.reviewScheduled(id: answer.questionID, next: "not saved: \(error.description)")]
            }
        case .startQuiz:
            do {
                return [.quizReady(try plan(at: Date()))]
            } catch {
                // An empty session says there is nothing to ask; the reason follows on exit.
                fail(error.description)
                return [.quizReady([])]
            }
        case .loadStats:
            do {
                return [.statsReady(try stats(at: Date()))]
            } catch {
                fail(error.description)
                return []
            }
        case .scheduleTick, .quit:
            return []
        }
    }

    private func fail(_ problem: String) {
        if failure == nil { failure = problem }
    }

    // MARK: Answers

    /// Keeps an answer and reschedules its card, in one transaction; returns when the card comes
    /// back, as "in 10 minutes", "tomorrow", "in 4 days".
    func record(_ answer: QuizAnswer, at now: Date) throws(ProgressError) -> String {
        let stored = try store.register(id: answer.questionID, topic: answer.topic, contentHash: answer.contentHash, now: now)
        var next = stored
        next.schedule = scheduler.review(stored.schedule, rating: answer.verdict.rating, at: now)
        let duration = shownAt[answer.questionID].map { now.timeIntervalSince($0) } ?? 0
        let review = ReviewRecord(cardID: stored.id, time: now, rating: answer.verdict.rating.rawValue,
                                  correct: answer.verdict.correct, duration: max(0, duration), answer: answer.verdict.given)
        _ = try store.record(review, updating: next)
        return Self.describe(from: now, to: next.schedule.due, calendar: calendar, lang: lessons.first?.meta.lang ?? "en")
    }

    /// `in 10 minutes`, `in 3 hours`, `tomorrow`, `in 4 days`, `in 2 months` (in Chinese for `zh`).
    static func describe(from now: Date, to due: Date, calendar: Calendar, lang: String = "en") -> String {
        let zh = lang == "zh"
        let seconds = due.timeIntervalSince(now)
        if seconds < 90 { return zh ? "1 分钟后" : "in a minute" }
        if seconds < 3600 {
            let minutes = Int((seconds / 60).rounded())
            return zh ? "\(minutes) 分钟后" : "in \(minutes) minutes"
        }
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: due)).day ?? 0
        if days == 0 {
            let hours = Int((seconds / 3600).rounded())
            return zh ? "\(hours) 小时后" : hours == 1 ? "in an hour" : "in \(hours) hours"
        }
        if days == 1 { return zh ? "明天" : "tomorrow" }
        if days < 60 { return zh ? "\(days) 天后" : "in \(days) days" }
        if days < 730 { return zh ? "\(days / 30) 个月后" : "in \(days / 30) months" }
        return zh ? "\(days / 365) 年后" : "in \(days / 365) years"
    }

    // MARK: Choosing the questions

    /// The session's questions: due cards, new questions of finished lessons, generated problems.
    func plan(at now: Date) throws(ProgressError) -> [Question] {
        let cards = try store.cards()
        let due = cards.filter { $0.schedule.due <= now }.sorted { $0.schedule.due < $1.schedule.due }.map(\.id)
        let finished = Set(try store.allPositions().filter { $0.value.completed }.keys)
        let families = ProblemFamily.allCases.map { "gen:\($0.rawValue)" }
        let lang = lessons.first?.meta.lang ?? "en"
        let seed = options.seed ?? UInt64(now.timeIntervalSince1970 * 1000)
        let plan = QuizPlan(due: due, known: Set(cards.map(\.id)),
                            lessonQuestions: lessons.flatMap { lesson in lesson.quizzes.map { Question($0, lesson: lesson.meta.id) } },
                            finishedLessons: finished, families: families, lesson: options.lesson,
                            onlyGenerated: options.generated, count: options.count)
        return plan.questions { family, k in
            ProblemFamily(rawValue: String(family.dropFirst(4)))
                .map { ProblemGenerator.question($0, seed: seed &+ UInt64(k) &* 7919, lang: lang) }
        }
    }

    // MARK: Stats

    func stats(at now: Date) throws(ProgressError) -> StatsSummary {
        let completed = try store.allPositions().filter { $0.value.completed }.keys
        let ids = Set(lessons.map(\.meta.id))
        return StatsSummary(lessonsCompleted: completed.filter(ids.contains).count, lessonsTotal: lessons.count,
                            reviews: try store.statistics(now: now, calendar: calendar))
    }
}

/// What a quiz session asks: `--lesson`, `--count`, `--generated`, `--seed`.
struct QuizOptions {
    var lesson: String?
    var count = 20
    var generated = false
    var seed: UInt64?
}
