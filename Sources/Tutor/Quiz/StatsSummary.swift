import QuizKit

/// The learner's progress as the stats screen, `stats --plain` and `stats --json` show it: the
/// lessons completed, and the review log summed up.
public struct StatsSummary: Equatable, Sendable, Codable {
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var reviews: ReviewStatistics

    public init(lessonsCompleted: Int, lessonsTotal: Int, reviews: ReviewStatistics) {
        self.lessonsCompleted = lessonsCompleted
        self.lessonsTotal = lessonsTotal
        self.reviews = reviews
    }

    /// The summary as lines of text: the stats screen's body and `stats --plain`.
    public var lines: [String] {
        let r = reviews
        var out = [
            "lessons completed: \(lessonsCompleted) of \(lessonsTotal)",
            "reviews due today: \(r.dueToday); this week: \(r.dueThisWeek)",
            "answers given: \(r.totalReviews); streak: \(r.streak) day\(r.streak == 1 ? "" : "s")",
        ]
        guard !r.topics.isEmpty else { return out + ["", "no answers yet: start with convtutor quiz"] }
        out += ["", "accuracy by topic:"]
        let width = r.topics.map(\.topic.count).max() ?? 0
        for t in r.topics {
            let name = t.topic + String(repeating: " ", count: width - t.topic.count)
            let accuracy = t.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
            out.append("  \(name)  \(accuracy.leftPadded(to: 4))  (\(t.correct) of \(t.graded) right, \(t.reviews) answer\(t.reviews == 1 ? "" : "s"))")
        }
        return out
    }
}
