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

    public init(lessonsCompleted: Int, lessonsTotal: Int, reviews: ReviewStatistics, topicNames: [String: String] = [:]) {
        self.lessonsCompleted = lessonsCompleted
        self.lessonsTotal = lessonsTotal
        self.reviews = reviews
        self.topicNames = topicNames
    }

    /// The summary as lines of text: the stats screen's body and `stats --plain`.
    public func lines(_ t: any Catalogue) -> [String] {
        let r = reviews
        var out = [
            t.stats(.lessonsCompleted(lessonsCompleted, of: lessonsTotal)),
            t.stats(.reviewsDue(today: r.dueToday, week: r.dueThisWeek)),
            t.stats(.answersAndStreak(answers: r.totalReviews, streakDays: r.streak)),
        ]
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
}
