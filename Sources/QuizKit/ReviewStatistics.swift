/// The review log summed up: accuracy by topic, the reviews coming due, and the streak; what the
/// stats screen and `stats --json` show of the reviews.
///
/// Computed by `ProgressStore.statistics(now:calendar:)` from one consistent snapshot.
public struct ReviewStatistics: Sendable, Equatable, Codable {
    /// The answers given for the cards of one topic (a lesson id or a problem family).
    public struct Topic: Sendable, Equatable, Codable {
        /// The topic.
        public let topic: String
        /// How many reviews its cards have had.
        public let reviews: Int
        /// How many of them were graded automatically (self-graded answers are neither right nor
        /// wrong).
        public let graded: Int
        /// How many of the graded ones were right.
        public let correct: Int
        /// `correct / graded`, from 0 to 1; `nil` when nothing was graded yet.
        public let accuracy: Double?

        public init(topic: String, reviews: Int, graded: Int, correct: Int) {
            self.topic = topic
            self.reviews = reviews
            self.graded = graded
            self.correct = correct
            self.accuracy = graded > 0 ? Double(correct) / Double(graded) : nil
        }

        private enum CodingKeys: String, CodingKey {
            case topic, reviews, graded, correct, accuracy
        }

        /// Encodes every field, `accuracy` as `null` when there is none (rather than leaving the
        /// key out), so that JSON readers always find it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(topic, forKey: .topic)
            try container.encode(reviews, forKey: .reviews)
            try container.encode(graded, forKey: .graded)
            try container.encode(correct, forKey: .correct)
            try container.encode(accuracy, forKey: .accuracy)
        }
    }

    /// Every topic that has a card, sorted by name; topics without reviews yet count zero.
    public var topics: [Topic]
    /// Reviews in the log, all cards together.
    public var totalReviews: Int
    /// Cards due by the end of today (overdue ones included).
    public var dueToday: Int
    /// Cards due by the end of the sixth day after today: this week, 7 calendar days counting
    /// today (`dueToday` included).
    public var dueThisWeek: Int
    /// Consecutive calendar days with at least one review, ending today, or yesterday while
    /// nothing has been reviewed yet today; 0 when neither day has a review.
    public var streak: Int

    public init(topics: [Topic], totalReviews: Int, dueToday: Int, dueThisWeek: Int, streak: Int) {
        self.topics = topics
        self.totalReviews = totalReviews
        self.dueToday = dueToday
        self.dueThisWeek = dueThisWeek
        self.streak = streak
    }
}
