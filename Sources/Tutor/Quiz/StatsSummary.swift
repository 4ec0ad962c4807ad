import Foundation
import Localization
import QuizKit
import TermCanvas

/// The learner's progress as the stats screen, `stats --plain` and `stats --json` show it: the
/// lessons completed, and the review log summed up.
public struct StatsSummary: Equatable, Sendable, Codable {
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var reviews: ReviewStatistics
    /// The name of each topic as a learner reads it (a lesson's title, a problem family's name),
    /// by the topic's stored form.
    public var topicNames: [String: String]
    /// The practice exercises checked at least once, in order, and how many there are.
    public var exercises: [ExerciseRecord]
    public var exercisesTotal: Int

    public init(lessonsCompleted: Int, lessonsTotal: Int, reviews: ReviewStatistics, topicNames: [String: String] = [:],
                exercises: [ExerciseRecord] = [], exercisesTotal: Int = 0) {
        self.lessonsCompleted = lessonsCompleted
        self.lessonsTotal = lessonsTotal
        self.reviews = reviews
        self.topicNames = topicNames
        self.exercises = exercises
        self.exercisesTotal = exercisesTotal
    }

    /// The summary as lines of text: the stats screen's body and `stats --plain`.
    public func lines(_ t: any Catalogue) -> [String] {
        let r = reviews
        var out = [
            t.stats(.lessonsCompleted(lessonsCompleted, of: lessonsTotal)),
            t.stats(.reviewsDue(today: r.dueToday, week: r.dueThisWeek)),
            t.stats(.answersAndStreak(answers: r.totalReviews, streakDays: r.streak)),
        ]
        out += practiceLines(t)
        guard !r.topics.isEmpty else { return out + ["", t.stats(.noAnswersYet)] }
        out += ["", t.stats(.accuracyByTopic)]
        let names = r.topics.map { topicNames[$0.topic] ?? $0.topic }
        let width = names.map { TextWidth.columns($0) }.max() ?? 0
        for (topic, name) in zip(r.topics, names) {
            let padded = name + String(repeating: " ", count: width - TextWidth.columns(name))
            let accuracy = topic.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
            out.append("  \(padded)  \(accuracy.leftPadded(to: 4))  " + t.stats(.topicCounts(correct: topic.correct, graded: topic.graded, reviews: topic.reviews)))
        }
        return out
    }

    /// How many exercises pass, then each exercise checked: its status and first pass.
    private func practiceLines(_ t: any Catalogue) -> [String] {
        guard exercisesTotal > 0 else { return [] }
        var out = ["", t.stats(.exercisesPassing(exercises.filter(\.passed).count, of: exercisesTotal))]
        let width = exercises.map { TextWidth.columns($0.title) }.max() ?? 0
        for e in exercises {
            let padded = e.title + String(repeating: " ", count: width - TextWidth.columns(e.title))
            let status: ExerciseStatus = e.passed ? .passed(attempts: e.attempts) : .failing(attempts: e.attempts)
            out.append("  \(padded)  " + t.practice(.status(status))
                       + (e.firstPass.map { t.stats(.firstPass(String($0.ISO8601Format().prefix(10)))) } ?? ""))
        }
        return out
    }
}

/// One practice exercise in the statistics.
public struct ExerciseRecord: Equatable, Sendable, Codable {
    public var id: String
    public var title: String
    public var attempts: Int
    /// The last check passed.
    public var passed: Bool
    /// When every case first passed.
    public var firstPass: Date?

    public init(id: String, title: String, attempts: Int, passed: Bool, firstPass: Date?) {
        self.id = id
        self.title = title
        self.attempts = attempts
        self.passed = passed
        self.firstPass = firstPass
    }
}
