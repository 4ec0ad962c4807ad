import Foundation
import QuizKit
import GRDB

extension ProgressStore {
    /// The learner's statistics at `now`, with days as `calendar` counts them (its time zone says
    /// when a day starts).
    ///
    /// Read from one snapshot, so the numbers agree with each other even while another process
    /// records reviews.
    public func statistics(now: Date, calendar: Calendar) throws(ProgressError) -> ReviewStatistics {
        let today = calendar.startOfDay(for: now)
        let tomorrow = Self.day(after: today, days: 1, calendar: calendar)
        let weekEnd = Self.day(after: today, days: 7, calendar: calendar)
        return try read { db in
            // Every topic with a card, from the totals the triggers keep (see "v5-review-totals").
            let topics = try Row.fetchAll(db, sql: Self.topicTotalsSQL).map { row in
                ReviewStatistics.Topic(topic: row["topic"], reviews: row["review_count"], graded: row["graded_count"],
                                       correct: row["correct_count"])
            }
            // Every review is of a card, so the topics' reviews add up to the whole log.
            let totalReviews = topics.reduce(0) { $0 + $1.reviews }
            return ReviewStatistics(
                topics: topics, totalReviews: totalReviews, dueToday: try Self.dueCount(db, before: tomorrow),
                dueThisWeek: try Self.dueCount(db, before: weekEnd), streak: try Self.streak(db, today: today, calendar: calendar))
        }
    }

    /// Every topic with a card and its answers, from the totals (one row per topic, in order).
    static let topicTotalsSQL = "SELECT topic, review_count, graded_count, correct_count FROM topic_totals ORDER BY topic"

    /// The number of cards due before the date given, counted on the `card_due` index.
    static let dueCountSQL = "SELECT count(*) FROM card WHERE due < ?"

    /// The date of the latest review before the date given, one step down the `review_time` index.
    static let latestReviewSQL = "SELECT max(time) FROM review WHERE time < ?"

    /// The number of cards due before `date`, counted on the `card_due` index: the cost is the
    /// number of such cards, not of all cards.
    static func dueCount(_ db: Database, before date: Date) throws -> Int {
        try Int.fetchOne(db, sql: dueCountSQL, arguments: [date.timeIntervalSince1970]) ?? 0
    }

    /// The number of consecutive days with a review, ending today, or yesterday if today has none.
    ///
    /// Walks back one day at a time with one indexed query per day (the latest review before the
    /// day's end), so a long streak costs its length in queries, never the size of the log.
    /// Reviews dated after today (a clock set wrong) are ignored.
    private static func streak(_ db: Database, today: Date, calendar: Calendar) throws -> Int {
        var streak = 0
        var day = today  // the day that must have a review for the streak to go on
        var end = Self.day(after: today, days: 1, calendar: calendar)  // reviews before this count
        while let latest = try Double.fetchOne(db, sql: latestReviewSQL, arguments: [end.timeIntervalSince1970]) {
            let reviewDay = calendar.startOfDay(for: Date(timeIntervalSince1970: latest))
            if reviewDay != day {
                // Nothing today yet: the streak may still run up to yesterday.
                let yesterday = Self.day(after: today, days: -1, calendar: calendar)
                guard streak == 0, day == today, reviewDay == yesterday else { break }
                day = yesterday
            }
            streak += 1
            end = day
            day = Self.day(after: day, days: -1, calendar: calendar)
        }
        return streak
    }

    /// The start of the day `days` days after the day that starts at `start`.
    ///
    /// Goes through noon, so that days of 23 or 25 hours, and days that start at 01:00 because
    /// the clocks go forward at midnight, come out right.
    private static func day(after start: Date, days: Int, calendar: Calendar) -> Date {
        let noon = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: start) ?? start.addingTimeInterval(43_200)
        let later = calendar.date(byAdding: .day, value: days, to: noon) ?? noon.addingTimeInterval(Double(days) * 86_400)
        return calendar.startOfDay(for: later)
    }
}
