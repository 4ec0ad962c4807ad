import Foundation
import GRDB
import QuizKit

extension ProgressStore {
    /// The card `id`, or `nil` if it was never registered.
    public func card(_ id: String) throws(ProgressError) -> CardRecord? {
        try read { db in try fetchCard(db, id) }
    }

    /// Every registered card, by id.
    public func cards() throws(ProgressError) -> [CardRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM card ORDER BY id").map(card(from:))
        }
    }

    /// Which of `ids` are registered cards.
    ///
    /// Asks for those ids only, by primary key, so the cost follows `ids`, not the number of cards
    /// (the quiz asks this of every lesson question it may ask as new).
    public func knownCards(among ids: [String]) throws(ProgressError) -> Set<String> {
        // SQLite before 3.32 allows at most 999 parameters in a statement.
        let chunkSize = 500
        return try read { db in
            var known = Set<String>()
            for start in stride(from: 0, to: ids.count, by: chunkSize) {
                let chunk = Array(ids[start..<min(start + chunkSize, ids.count)])
                known.formUnion(try String.fetchAll(db, sql: Self.knownCardsSQL(count: chunk.count), arguments: StatementArguments(chunk)))
            }
            return known
        }
    }

    /// Which of `count` ids given are registered cards, by primary key.
    static func knownCardsSQL(count: Int) -> String {
        "SELECT id FROM card WHERE id IN (\(repeatElement("?", count: count).joined(separator: ", ")))"
    }

    /// The card of the id given, by primary key.
    static let cardSQL = "SELECT * FROM card WHERE id = ?"

    /// The cards due at the date given, the longest overdue first, at most as many as the limit
    /// given: read in order from the `card_due` index.
    static let dueCardsSQL = "SELECT * FROM card WHERE due <= ? ORDER BY due, id LIMIT ?"

    /// The same, of cards in one of `count` topics (a session of one lesson, or of generated
    /// problems): still in order from the `card_due` index, the others passed over in SQLite.
    static func dueCardsInTopicsSQL(count: Int) -> String {
        "SELECT * FROM card WHERE due <= ? AND topic IN (\(repeatElement("?", count: count).joined(separator: ", "))) ORDER BY due, id LIMIT ?"
    }

    /// Makes sure card `id` exists, as the quiz does for each card it may ask, and returns it as
    /// stored.
    ///
    /// A new card starts in `learning` at step 0, due `now`, never reviewed. An existing card keeps
    /// its schedule and history; if its text changed (`contentHash` differs) it takes the new hash
    /// and is marked `changed` until its next review. Its topic is updated if it differs (the topic
    /// only groups statistics).
    @discardableResult
    public func register(id: String, topic: String, contentHash: String, now: Date) throws(ProgressError) -> CardRecord {
        try write { db in
            if let card = try fetchCard(db, id) {
                guard card.contentHash != contentHash || card.topic != topic else { return card }
                try db.execute(
                    sql: """
                        UPDATE card SET topic = ?, content_hash = ?, changed = changed OR content_hash != ?
                        WHERE id = ?
                        """,
                    arguments: [topic, contentHash, contentHash, id])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO card (id, topic, content_hash, state, step, due, reps, lapses, changed)
                        VALUES (?, ?, ?, ?, 0, ?, 0, 0, 0)
                        """,
                    arguments: [id, topic, contentHash, CardState.learning.rawValue, now.timeIntervalSince1970])
            }
            // Read back, so that the caller holds exactly what is stored (dates included).
            guard let card = try fetchCard(db, id) else {
                throw ProgressError.database(path: file.path, message: "card \(id) vanished while registering it")
            }
            return card
        }
    }

    /// Records an answer: adds `review` to the log and replaces `card`'s schedule (state, step,
    /// stability, difficulty, due, last review, reps, lapses) with the one given, clearing
    /// `changed`. The card's topic and hash stay as registered.
    ///
    /// Both happen in one transaction, committed before this returns: after it returns a kill
    /// loses nothing, and a kill before leaves neither.
    ///
    /// - Returns: the review's id in the log (`review.id` is ignored).
    /// - Throws: `.invalidReview` when the review is of another card than `card`, its rating is not
    ///   1...4, its duration is negative or not finite, or the card was never registered (nothing
    ///   is written then); database errors otherwise.
    @discardableResult
    public func record(_ review: ReviewRecord, updating card: CardRecord) throws(ProgressError) -> Int64 {
        if let reason = Self.problem(with: review, updating: card) {
            throw .invalidReview(cardID: review.cardID, reason: reason)
        }
        let s = card.schedule
        return try write { db in
            try db.execute(
                sql: """
                    UPDATE card SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?,
                        reps = ?, lapses = ?, changed = 0
                    WHERE id = ?
                    """,
                arguments: [
                    s.state.rawValue, s.step, s.stability, s.difficulty, s.due.timeIntervalSince1970,
                    s.lastReview?.timeIntervalSince1970, s.reps, s.lapses, card.id,
                ])
            guard db.changesCount == 1 else {
                throw ProgressError.invalidReview(cardID: card.id, reason: "no such card: register it first")
            }
            try db.execute(
                sql: "INSERT INTO review (card_id, time, rating, correct, duration, answer) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    review.cardID, review.time.timeIntervalSince1970, review.rating, review.correct, review.duration,
                    review.answer,
                ])
            return db.lastInsertedRowID
        }
    }

    /// The cards due at `date` (due at or before it), the longest overdue first, at most `limit`
    /// of them (none when `limit <= 0`); only those of `topics` when given.
    public func dueCards(at date: Date, limit: Int, topics: [String]? = nil) throws(ProgressError) -> [CardRecord] {
        guard limit > 0, topics?.isEmpty != true else { return [] }
        return try read { db in
            guard let topics else {
                return try Row.fetchAll(db, sql: Self.dueCardsSQL, arguments: [date.timeIntervalSince1970, limit]).map(card(from:))
            }
            let arguments = StatementArguments([date.timeIntervalSince1970] as [any DatabaseValueConvertible])
                + StatementArguments(topics) + StatementArguments([limit])
            return try Row.fetchAll(db, sql: Self.dueCardsInTopicsSQL(count: topics.count), arguments: arguments).map(card(from:))
        }
    }

    /// The reviews given at or after `date`, all cards together, in the order they were given.
    public func reviews(since date: Date) throws(ProgressError) -> [ReviewRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM review WHERE time >= ? ORDER BY time, id", arguments: [date.timeIntervalSince1970]
            ).map(Self.review(from:))
        }
    }

    /// Every review of card `cardID`, in the order they were given: its history.
    public func reviews(of cardID: String) throws(ProgressError) -> [ReviewRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review WHERE card_id = ? ORDER BY time, id", arguments: [cardID])
                .map(Self.review(from:))
        }
    }

    /// Why `review` cannot be recorded with `card`, or `nil` if it can be.
    private static func problem(with review: ReviewRecord, updating card: CardRecord) -> String? {
        if review.cardID != card.id { return "the card given to update is \(card.id)" }
        if !(1...4).contains(review.rating) { return "rating \(review.rating) is not 1 (again) to 4 (easy)" }
        if !review.duration.isFinite || review.duration < 0 { return "duration \(review.duration) s is not 0 or more" }
        return nil
    }

    /// The card `id` read in `db`, or `nil`.
    private func fetchCard(_ db: Database, _ id: String) throws -> CardRecord? {
        try Row.fetchOne(db, sql: Self.cardSQL, arguments: [id]).map(card(from:))
    }

    /// The card stored in a `card` row.
    ///
    /// - Throws: `.database` for a state the schema's CHECK should have kept out.
    private func card(from row: Row) throws -> CardRecord {
        let id: String = row["id"]
        let rawState: Int = row["state"]
        guard let state = CardState(rawValue: rawState) else {
            throw ProgressError.database(path: file.path, message: "card \(id) has an unknown state \(rawState)")
        }
        let due: Double = row["due"]
        let lastReview: Double? = row["last_review"]
        let schedule = SchedulingCard(
            state: state, step: row["step"], stability: row["stability"], difficulty: row["difficulty"],
            due: Date(timeIntervalSince1970: due), lastReview: lastReview.map(Date.init(timeIntervalSince1970:)),
            reps: row["reps"], lapses: row["lapses"])
        return CardRecord(id: id, topic: row["topic"], contentHash: row["content_hash"], schedule: schedule,
                          changed: row["changed"])
    }

    /// The review stored in a `review` row.
    private static func review(from row: Row) -> ReviewRecord {
        let time: Double = row["time"]
        return ReviewRecord(
            cardID: row["card_id"], time: Date(timeIntervalSince1970: time), rating: row["rating"],
            correct: row["correct"], duration: row["duration"], answer: row["answer"], id: row["id"])
    }
}
