/// The learner's progress as the stats screen, `stats --plain` and `stats --json` show it.
public struct StatsSummary: Equatable, Sendable, Codable {
    /// Right and wrong answers on one topic: a lesson, or a family of generated problems.
    public struct Topic: Equatable, Sendable, Codable {
        public var topic: String
        public var reviews: Int
        /// Answers graded right; self-graded answers are not counted either way.
        public var correct: Int
        public var graded: Int

        public init(topic: String, reviews: Int, correct: Int, graded: Int) {
            self.topic = topic
            self.reviews = reviews
            self.correct = correct
            self.graded = graded
        }

        /// Right answers over graded ones, nil before any.
        public var accuracy: Double? { graded == 0 ? nil : Double(correct) / Double(graded) }

        enum CodingKeys: String, CodingKey {
            case topic, reviews, correct, graded, accuracy
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(topic: try c.decode(String.self, forKey: .topic), reviews: try c.decode(Int.self, forKey: .reviews),
                      correct: try c.decode(Int.self, forKey: .correct), graded: try c.decode(Int.self, forKey: .graded))
        }

        /// The counts, and the accuracy they give (null before any graded answer).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(topic, forKey: .topic)
            try c.encode(reviews, forKey: .reviews)
            try c.encode(correct, forKey: .correct)
            try c.encode(graded, forKey: .graded)
            try c.encode(accuracy, forKey: .accuracy)
        }
    }

    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var topics: [Topic]
    public var dueToday: Int
    public var dueThisWeek: Int
    public var totalReviews: Int
    /// Days in a row, up to today (or yesterday), with at least one review.
    public var streakDays: Int

    public init(lessonsCompleted: Int, lessonsTotal: Int, topics: [Topic], dueToday: Int, dueThisWeek: Int,
                totalReviews: Int, streakDays: Int) {
        self.lessonsCompleted = lessonsCompleted
        self.lessonsTotal = lessonsTotal
        self.topics = topics
        self.dueToday = dueToday
        self.dueThisWeek = dueThisWeek
        self.totalReviews = totalReviews
        self.streakDays = streakDays
    }

    /// The summary as lines of text: the stats screen's body and `stats --plain`.
    public var lines: [String] {
        var out = [
            "lessons completed: \(lessonsCompleted) of \(lessonsTotal)",
            "reviews due today: \(dueToday); this week: \(dueThisWeek)",
            "answers given: \(totalReviews); streak: \(streakDays) day\(streakDays == 1 ? "" : "s")",
        ]
        guard !topics.isEmpty else { return out + ["", "no answers yet: start with convtutor quiz"] }
        out += ["", "accuracy by topic:"]
        let width = topics.map(\.topic.count).max() ?? 0
        for t in topics {
            let name = t.topic + String(repeating: " ", count: width - t.topic.count)
            let accuracy = t.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
            out.append("  \(name)  \(accuracy.leftPadded(to: 4))  (\(t.correct) of \(t.graded) right, \(t.reviews) answer\(t.reviews == 1 ? "" : "s"))")
        }
        return out
    }
}
