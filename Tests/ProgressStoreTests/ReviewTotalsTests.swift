import ConvCore
import Foundation
import QuizKit
import ProgressStore
import Testing

/// python3 comparing the review totals kept in the database `argv[1]` with the same numbers
/// counted from the review log, as statistics counted them before v5 (cards joined to their
/// reviews, grouped by topic). Prints the numbers of cards and topics, then one line per
/// disagreement: a card whose totals differ, or the topics as kept and as counted.
let pythonTotalsCheck = """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    cards = db.execute('''
        SELECT card.id, card.review_count, card.graded_count, card.correct_count,
            count(review.id), count(review.correct), coalesce(sum(review.correct), 0)
        FROM card LEFT JOIN review ON review.card_id = card.id GROUP BY card.id''').fetchall()
    kept = db.execute('''
        SELECT topic, card_count, review_count, graded_count, correct_count FROM topic_totals ORDER BY topic''').fetchall()
    counted = db.execute('''
        SELECT card.topic, count(DISTINCT card.id), count(review.id), count(review.correct), coalesce(sum(review.correct), 0)
        FROM card LEFT JOIN review ON review.card_id = card.id GROUP BY card.topic ORDER BY card.topic''').fetchall()
    print(len(cards), len(kept))
    for card in cards:
        if card[1:4] != card[4:7]:
            print("card", card)
    if kept != counted:
        print("topics kept", kept, "counted", counted)
    db.close()
    """

@Suite("Review totals: kept by triggers, always equal to counting the log")
struct ReviewTotalsTests {
    /// The learner's actions in a random order: cards registered (new, or again under another
    /// topic or text) and answers recorded (right, wrong or self-graded).
    @Test("after random registers, topic changes and answers, the totals equal a recount of the log",
          arguments: [1, 2, 3, 4] as [UInt64])
    func randomHistory(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let ids = (0..<10).map { "lesson:l\($0 % 3)/q\($0)" } + ["gen:output-size", "gen:params"]
        let topics = ["padding", "stride", "gen:output-size", "卷积"]
        var topicOf: [String: String] = [:]  // what the store should hold: each card's topic
        var log: [(card: String, correct: Bool?)] = []
        let utc = try calendar("UTC")

        for step in 0..<400 {
            if topicOf.isEmpty || random.chance(1, in: 4) {
                let id = random.pick(ids), topic = random.pick(topics)
                try store.register(id: id, topic: topic, contentHash: random.pick(["a", "b"]), now: day(Double(step)))
                topicOf[id] = topic
            } else {
                let id = random.pick(topicOf.keys.sorted())
                var card = try #require(try store.card(id))
                (card.schedule.reps, card.schedule.lastReview) = (card.schedule.reps + 1, day(Double(step)))
                let correct: Bool? = random.pick([true, false, nil])
                try store.record(ReviewRecord(cardID: id, time: day(Double(step)), rating: random.int(in: 1...4),
                                              correct: correct, duration: 1, answer: "a"), updating: card)
                log.append((id, correct))
            }
            if step % 25 == 24 {
                let statistics = try store.statistics(now: day(Double(step)), calendar: utc)
                #expect(statistics.topics == recount(topicOf: topicOf, log: log), "seed \(seed), step \(step)")
                #expect(statistics.totalReviews == log.count, "seed \(seed), step \(step)")
            }
        }
        try store.close()
        if pythonAvailable {
            let check = try runPython(pythonTotalsCheck, [temp.database.path])
            let topicCount = Set(topicOf.values).count
            #expect(check.lines == ["\(topicOf.count) \(topicCount)"], "seed \(seed): \(check.errors)")
        }
    }

    /// Each topic with a card, and its cards' reviews, graded and correct answers counted from `log`.
    func recount(topicOf: [String: String], log: [(card: String, correct: Bool?)]) -> [ReviewStatistics.Topic] {
        var counts: [String: (reviews: Int, graded: Int, correct: Int)] = [:]
        for topic in topicOf.values { counts[topic] = (0, 0, 0) }
        for review in log {
            guard let topic = topicOf[review.card] else { continue }
            counts[topic]?.reviews += 1
            if let correct = review.correct {
                counts[topic]?.graded += 1
                if correct { counts[topic]?.correct += 1 }
            }
        }
        return counts.keys.sorted().map { topic in
            let c = counts[topic] ?? (0, 0, 0)
            return ReviewStatistics.Topic(topic: topic, reviews: c.reviews, graded: c.graded, correct: c.correct)
        }
    }

    @Test("a v4 file's long review log is totalled by v5's backfill", .enabled(if: pythonAvailable))
    func backfill() throws {
        let temp = try TemporaryFolder()
        // A v4-era file through the store's own migrations up to v4 is not at hand, so python3 writes
        // v2's schema (MigrationTests' v2 fixture) and the store migrates it through v3 and v4 to v5.
        let made = try runPython(v2SchemaScript + "\n" + """
            rng = random.Random(7)
            topics = ["padding", "stride", "卷积", "gen:output-size"]
            cards = [(f"lesson:l/q{k}", rng.choice(topics)) for k in range(60)]
            for card, topic in cards:
                db.execute("INSERT INTO card VALUES (?, ?, 'h', 2, NULL, 1.0, 5.0, 1700000000.0, NULL, 0, 0, 0)", (card, topic))
            for k in range(3000):
                card = rng.choice(cards[:50])[0]
                db.execute("INSERT INTO review (cardId, time, rating, correct, duration, answer) VALUES (?, ?, ?, ?, 1.0, 'a')",
                           (card, 1700000000.0 + k, rng.randint(1, 4), rng.choice([0, 1, None])))
            db.commit()
            db.close()
            """, [temp.database.path])
        try #require(made.status == 0, "\(made.errors)")

        let store = try ProgressStore.open(at: temp.database)
        let statistics = try store.statistics(now: day(), calendar: try calendar("UTC"))
        #expect(statistics.totalReviews == 3000)
        try store.close()
        let check = try runPython(pythonTotalsCheck, [temp.database.path])
        #expect(check.lines == ["60 4"], "\(check.errors)")
    }

    @Test("a card moved to another topic takes its answers with it; a topic left without cards goes")
    func topicMoves() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        var card = try store.register(id: "lesson:a/q", topic: "a", contentHash: "h", now: day())
        card.schedule.reps = 1
        try store.record(ReviewRecord(cardID: card.id, time: day(1), rating: 3, correct: true, duration: 1, answer: "x"),
                         updating: card)
        try store.register(id: card.id, topic: "b", contentHash: "h", now: day(2))
        let statistics = try store.statistics(now: day(3), calendar: try calendar("UTC"))
        #expect(statistics.topics == [ReviewStatistics.Topic(topic: "b", reviews: 1, graded: 1, correct: 1)])
    }

    @Test("knownCards(among:) answers for the ids asked, past one chunk of the query too")
    func knownCards() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        for k in stride(from: 0, to: 1_200, by: 3) {
            try store.register(id: "lesson:l/q\(k)", topic: "l", contentHash: "h", now: day())
        }
        let asked = (0..<1_200).map { "lesson:l/q\($0)" } + ["gen:nothing"]
        let expected = Set(stride(from: 0, to: 1_200, by: 3).map { "lesson:l/q\($0)" })
        #expect(try store.knownCards(among: asked) == expected)
        #expect(try store.knownCards(among: asked) == Set(try store.cards().map(\.id)).intersection(asked))
        #expect(try store.knownCards(among: []).isEmpty)
    }
}
