import Foundation
import GRDB
@testable import ProgressStore
import Testing

/// One query the store runs on every statistics screen or quiz: its SQL as the store has it,
/// arguments to bind, and the index SQLite must search (nil: it reads the totals, not cards or
/// reviews).
struct PlannedQuery: Sendable, CustomTestStringConvertible {
    var name: String
    var sql: String
    var arguments: @Sendable () -> StatementArguments
    var index: String?

    var testDescription: String { name }
}

@Suite("Query plans: statistics, due counts and the quiz's cards are read through indexes, never by a full scan")
struct QueryPlanTests {
    static let queries: [PlannedQuery] = [
        PlannedQuery(name: "statistics: the topics' totals", sql: ProgressStore.topicTotalsSQL, arguments: { [] }, index: nil),
        PlannedQuery(name: "due today and this week", sql: ProgressStore.dueCountSQL,
                     arguments: { [day(86_400).timeIntervalSince1970] }, index: "card_due"),
        PlannedQuery(name: "the streak: the latest review before a day's end", sql: ProgressStore.latestReviewSQL,
                     arguments: { [day(86_400).timeIntervalSince1970] }, index: "review_time"),
        PlannedQuery(name: "the quiz's due cards", sql: ProgressStore.dueCardsSQL,
                     arguments: { [day(86_400).timeIntervalSince1970, 20] }, index: "card_due"),
        PlannedQuery(name: "the due cards of a session of one lesson", sql: ProgressStore.dueCardsInTopicsSQL(count: 1),
                     arguments: { [day(86_400).timeIntervalSince1970, "topic-1", 20] }, index: "card_due"),
        PlannedQuery(name: "the due cards of a session of generated problems", sql: ProgressStore.dueCardsInTopicsSQL(count: 3),
                     arguments: { [day(86_400).timeIntervalSince1970, "topic-1", "topic-2", "topic-3", 20] }, index: "card_due"),
        PlannedQuery(name: "which lesson questions are known cards, one id", sql: ProgressStore.knownCardsSQL(count: 1),
                     arguments: { ["lesson:l/q1"] }, index: "sqlite_autoindex_card_1"),
        PlannedQuery(name: "which lesson questions are known cards, a chunk of ids", sql: ProgressStore.knownCardsSQL(count: 500),
                     arguments: { StatementArguments((0..<500).map { "lesson:l/q\($0)" }) }, index: "sqlite_autoindex_card_1"),
        PlannedQuery(name: "a card shown by the quiz", sql: ProgressStore.cardSQL, arguments: { ["lesson:l/q1"] },
                     index: "sqlite_autoindex_card_1"),
    ]

    /// A store of 200 cards in 5 topics and 4,000 reviews, written in one transaction (the triggers
    /// keep the totals): plans are made for a file with data, as the learner's is.
    static func filledStore(in temp: TemporaryFolder) throws -> ProgressStore {
        let store = try ProgressStore.open(at: temp.database)
        try store.queue.write { db in
            for k in 0..<200 {
                try db.execute(
                    sql: """
                        INSERT INTO card (id, topic, content_hash, state, step, stability, difficulty, due, last_review, reps, lapses)
                        VALUES (?, ?, 'h', 2, NULL, 3.0, 5.0, ?, ?, 20, 1)
                        """,
                    arguments: ["lesson:l/q\(k)", "topic\(k % 5)", day(Double(k) * 3_600).timeIntervalSince1970,
                                day(-86_400).timeIntervalSince1970])
            }
            for k in 0..<4_000 {
                try db.execute(
                    sql: "INSERT INTO review (card_id, time, rating, correct, duration, answer) VALUES (?, ?, 3, ?, 1, 'a')",
                    arguments: ["lesson:l/q\(k % 200)", day(Double(k) * 600 - 3_000_000).timeIntervalSince1970,
                                [true, false, nil][k % 3]])
            }
        }
        return store
    }

    @Test("the query searches its index and scans neither cards nor reviews", arguments: queries)
    func plan(_ query: PlannedQuery) throws {
        let temp = try TemporaryFolder()
        let store = try Self.filledStore(in: temp)
        let details = try store.queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(query.sql)", arguments: query.arguments()).map { row -> String in row["detail"] }
        }
        for table in ["card", "review"] {
            #expect(!details.contains { Self.isFullScan($0, of: table) }, "\(query.name): \(details)")
        }
        if let index = query.index {
            #expect(details.contains { $0.hasPrefix("SEARCH") && $0.contains("INDEX \(index) (") }, "\(query.name): \(details)")
        } else {
            // All the totals, one row per topic, in the order of their key: no sort, no other table.
            #expect(details == ["SCAN topic_totals"] || details == ["SCAN TABLE topic_totals"], "\(query.name): \(details)")
        }
    }

    /// Whether a line of a query plan reads all of `table`, in its own order or an index's
    /// (`SCAN card`, `SCAN card USING INDEX …`; SQLite before 3.36 says `SCAN TABLE card`).
    static func isFullScan(_ detail: String, of table: String) -> Bool {
        let words = detail.split(separator: " ")
        guard words.first == "SCAN", words.count > 1 else { return false }
        return words[1] == table || (words[1] == "TABLE" && words.count > 2 && words[2] == table)
    }
}
