import Foundation
import QuizKit
import ProgressStore
import Testing

/// Whether two dates are within a microsecond: what the store promises for a date read back.
func nearly(_ a: Date?, _ b: Date?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): abs(a.timeIntervalSince(b)) <= 1e-6
    default: false
    }
}

/// Whether `a` is `b` read back: every field equal, dates within a microsecond.
func sameCard(_ a: CardRecord?, _ b: CardRecord?) -> Bool {
    guard var a, let b else { return a == nil && b == nil }
    guard nearly(a.schedule.due, b.schedule.due), nearly(a.schedule.lastReview, b.schedule.lastReview) else { return false }
    (a.schedule.due, a.schedule.lastReview) = (b.schedule.due, b.schedule.lastReview)
    return a == b
}

/// Whether `a` is `b` read back: every field equal, dates within a microsecond.
func sameReview(_ a: ReviewRecord, _ b: ReviewRecord) -> Bool {
    var a = a
    guard nearly(a.time, b.time) else { return false }
    a.time = b.time
    return a == b
}

@Suite("Cards and reviews: registering, recording, reading back")
struct CardTests {
    @Test("register adds a new card in learning at step 0, due now, never reviewed")
    func registerNew() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        #expect(try store.card("lesson:padding/pad-same-k7") == nil)
        let card = try store.register(id: "lesson:padding/pad-same-k7", topic: "padding", contentHash: "3f2a", now: day(5))
        #expect(card == CardRecord(
            id: "lesson:padding/pad-same-k7", topic: "padding", contentHash: "3f2a",
            schedule: SchedulingCard(state: .learning, step: 0, stability: nil, difficulty: nil, due: day(5), lastReview: nil,
                                     reps: 0, lapses: 0), changed: false))
        #expect(try store.card(card.id) == card)
        #expect(try store.cards() == [card])
        #expect(try store.reviews(of: card.id).isEmpty)
    }

    @Test("register again with the same text changes nothing; new text marks the card changed and keeps its history")
    func registerChanged() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let new = try store.register(id: "gen:output-size", topic: "gen:output-size", contentHash: "v1", now: day(0))
        var reviewed = new
        (reviewed.schedule.state, reviewed.schedule.step, reviewed.schedule.stability, reviewed.schedule.difficulty) = (.review, nil, 3.2, 5.1)
        (reviewed.schedule.due, reviewed.schedule.lastReview, reviewed.schedule.reps) = (day(86_400 * 3), day(10), 1)
        try store.record(
            ReviewRecord(cardID: new.id, time: day(10), rating: 3, correct: true, duration: 4, answer: "7"),
            updating: reviewed)

        // Same text a day later: nothing moves, the due date included.
        #expect(try store.register(id: new.id, topic: "gen:output-size", contentHash: "v1", now: day(86_400)) == reviewed)
        // New text: the hash changes and the card is marked, its schedule and history stay.
        var changed = reviewed
        (changed.contentHash, changed.changed) = ("v2", true)
        #expect(try store.register(id: new.id, topic: "gen:output-size", contentHash: "v2", now: day(86_401)) == changed)
        #expect(try store.reviews(of: new.id).count == 1)
        // Back to the old text before a review: still changed since the last review.
        (changed.contentHash, changed.changed) = ("v1", true)
        #expect(try store.register(id: new.id, topic: "gen:output-size", contentHash: "v1", now: day(86_402)) == changed)
        // A new topic is taken without marking anything.
        changed.topic = "sizes"
        #expect(try store.register(id: new.id, topic: "sizes", contentHash: "v1", now: day(86_403)) == changed)

        // The next review clears the mark.
        var next = changed
        (next.schedule.reps, next.schedule.lastReview, next.changed) = (2, day(86_500), true)
        try store.record(
            ReviewRecord(cardID: new.id, time: day(86_500), rating: 4, correct: true, duration: 1, answer: "7"),
            updating: next)
        next.changed = false
        #expect(try store.card(new.id) == next)
        #expect(try store.reviews(of: new.id).map(\.rating) == [3, 4])
    }

    @Test("record adds the review and replaces the schedule, keeping the topic and hash as registered")
    func recordUpdatesCard() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let card = try store.register(id: "lesson:stride/s2", topic: "stride", contentHash: "h", now: day(0))
        var next = CardRecord(
            id: card.id, topic: "ignored", contentHash: "ignored",
            schedule: SchedulingCard(state: .relearning, step: 1, stability: 0.4, difficulty: 8.75, due: day(600),
                                     lastReview: day(20), reps: 4, lapses: 2), changed: true)
        let review = ReviewRecord(cardID: card.id, time: day(20), rating: 1, correct: false, duration: 12.5, answer: "3x3")
        let id = try store.record(review, updating: next)
        #expect(id == 1)
        (next.topic, next.contentHash, next.changed) = ("stride", "h", false)
        #expect(try store.card(card.id) == next)
        var stored = review
        stored.id = id
        #expect(try store.reviews(of: card.id) == [stored])
        // Ids grow in the order reviews are recorded.
        #expect(try store.record(review, updating: next) == 2)
    }

    @Test("every field of cards and reviews round-trips through the file, dates within a microsecond")
    func roundTrip() throws {
        let temp = try TemporaryFolder()
        var random = SystemRandomNumberGenerator()
        // Dates as `Date()` makes them (from 2001) across two centuries, to the nanosecond.
        func anyDate() -> Date {
            Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...3e9, using: &random).rounded(.down)
                + Double(Int.random(in: 0..<1_000_000_000, using: &random)) / 1e9)
        }
        var cards: [CardRecord] = []
        var reviews: [ReviewRecord] = []
        do {
            let store = try ProgressStore.open(at: temp.database)
            for k in 0..<60 {
                let id = k == 0 ? "lesson:it's \"quoted\"; 中文 -- ok/q1" : "gen:family-\(k)"
                try store.register(id: id, topic: k == 0 ? "卷积 basics" : "gen:family-\(k % 4)", contentHash: "h\(k)", now: day())
                let schedule = SchedulingCard(
                    state: CardState.allCases[k % 3], step: k % 2 == 0 ? nil : k % 5,
                    stability: k % 3 == 0 ? nil : Double.random(in: 0.001...36_500, using: &random),
                    difficulty: k % 3 == 0 ? nil : Double.random(in: 1...10, using: &random), due: anyDate(),
                    lastReview: k % 4 == 0 ? nil : anyDate(), reps: k * 1000, lapses: k)
                let card = CardRecord(id: id, topic: k == 0 ? "卷积 basics" : "gen:family-\(k % 4)", contentHash: "h\(k)",
                                      schedule: schedule, changed: false)
                let review = ReviewRecord(
                    cardID: id, time: anyDate(), rating: k % 4 + 1, correct: [true, false, nil][k % 3],
                    duration: Double.random(in: 0...3_600, using: &random),
                    answer: k == 1 ? "" : "答案 \(k)\n\ttab 'quote' \"double\" \u{1}\u{7f} 🙂 " + String(repeating: "x", count: k * 50))
                let id64 = try store.record(review, updating: card)
                cards.append(card)
                reviews.append(ReviewRecord(
                    cardID: id, time: review.time, rating: review.rating, correct: review.correct,
                    duration: review.duration, answer: review.answer, id: id64))
            }
            try store.close()
        }
        let store = try ProgressStore.open(at: temp.database)
        let storedCards = try store.cards()
        #expect(storedCards.count == cards.count)
        for card in cards {
            let stored = try store.card(card.id)
            #expect(sameCard(stored, card), "\(card.id): \(String(describing: stored)) vs \(card)")
            #expect(storedCards.contains { sameCard($0, card) }, "\(card.id)")
        }
        let storedReviews = try store.reviews(since: .distantPast)
        #expect(storedReviews.count == reviews.count)
        for review in reviews {
            let history = try store.reviews(of: review.cardID)
            #expect(history.count == 1 && sameReview(history[0], review), "\(history) vs \(review)")
            #expect(storedReviews.contains { sameReview($0, review) }, "\(review.cardID)")
        }
        // Dates that fit a millisecond grid (what a review time usually looks like) come back exactly.
        let exact = Date(timeIntervalSince1970: 1_718_000_123.456)
        var card = try #require(try store.card("gen:family-1"))
        (card.schedule.due, card.schedule.lastReview) = (exact, exact)
        try store.record(ReviewRecord(cardID: card.id, time: exact, rating: 2, correct: nil, duration: 0, answer: "x"),
                         updating: card)
        #expect(try store.card(card.id)?.schedule.due == exact)
        #expect(try store.reviews(of: card.id).first { $0.answer == "x" }?.time == exact)
    }

    @Test("dueCards of some topics: only theirs, still longest overdue first and at most the limit")
    func dueCardsOfTopics() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        for (id, topic, at) in [("a1", "a", 10.0), ("b1", "b", 5.0), ("a2", "a", 3.0), ("c1", "c", 1.0), ("a3", "a", 50.0)] {
            try store.register(id: id, topic: topic, contentHash: "h", now: day(at))
        }
        #expect(try store.dueCards(at: day(20), limit: 10, topics: ["a"]).map(\.id) == ["a2", "a1"])
        #expect(try store.dueCards(at: day(20), limit: 1, topics: ["a"]).map(\.id) == ["a2"])
        #expect(try store.dueCards(at: day(20), limit: 10, topics: ["a", "c"]).map(\.id) == ["c1", "a2", "a1"])
        #expect(try store.dueCards(at: day(20), limit: 10, topics: []).isEmpty)
        #expect(try store.dueCards(at: day(20), limit: 10, topics: nil).map(\.id) == ["c1", "a2", "b1", "a1"])
    }

    @Test("dueCards: due at or before the date, longest overdue first, at most the limit")
    func dueCards() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        // Registered at different moments: each is due when registered.
        for (id, at) in [("c", 30.0), ("a", 10.0), ("b", 20.0), ("e", 50.0), ("d", 40.0), ("b2", 20.0)] {
            try store.register(id: id, topic: "t", contentHash: "h", now: day(at))
        }
        #expect(try store.dueCards(at: day(5), limit: 10).isEmpty)
        #expect(try store.dueCards(at: day(10), limit: 10).map(\.id) == ["a"])
        #expect(try store.dueCards(at: day(35), limit: 10).map(\.id) == ["a", "b", "b2", "c"])
        #expect(try store.dueCards(at: day(100), limit: 3).map(\.id) == ["a", "b", "b2"])
        #expect(try store.dueCards(at: day(100), limit: 0).isEmpty)
        #expect(try store.dueCards(at: day(100), limit: -1).isEmpty)
        // Reviewing a card moves it to its new due date.
        var a = try #require(try store.card("a"))
        (a.schedule.due, a.schedule.lastReview, a.schedule.reps) = (day(45), day(35), 1)
        try store.record(ReviewRecord(cardID: "a", time: day(35), rating: 3, correct: true, duration: 1, answer: "1"),
                         updating: a)
        #expect(try store.dueCards(at: day(100), limit: 10).map(\.id) == ["b", "b2", "c", "d", "a", "e"])
    }

    @Test("reviews(since:) and reviews(of:) in the order given")
    func reviewQueries() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let x = try store.register(id: "x", topic: "t", contentHash: "h", now: day())
        let y = try store.register(id: "y", topic: "t", contentHash: "h", now: day())
        // Recorded out of time order (a second process's answer may commit later).
        for (card, t) in [(x, 30.0), (y, 10.0), (x, 20.0), (y, 40.0), (x, 40.0)] {
            try store.record(ReviewRecord(cardID: card.id, time: day(t), rating: 3, correct: true, duration: 1,
                                          answer: "\(card.id)@\(Int(t))"), updating: card)
        }
        #expect(try store.reviews(of: "x").map(\.answer) == ["x@20", "x@30", "x@40"])
        #expect(try store.reviews(of: "y").map(\.answer) == ["y@10", "y@40"])
        #expect(try store.reviews(of: "nobody").isEmpty)
        #expect(try store.reviews(since: day(20)).map(\.answer) == ["x@20", "x@30", "y@40", "x@40"])
        #expect(try store.reviews(since: day(41)).isEmpty)
        #expect(try store.reviews(since: .distantPast).map(\.id) == [2, 3, 1, 4, 5])
    }

    @Test("invalid reviews are refused and write nothing")
    func invalidReviews() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let card = try store.register(id: "k", topic: "t", contentHash: "h", now: day())
        var moved = card
        (moved.schedule.due, moved.schedule.reps) = (day(999), 1)
        let good = ReviewRecord(cardID: "k", time: day(1), rating: 3, correct: true, duration: 1, answer: "a")
        let cases: [(ReviewRecord, CardRecord, String)] = [
            ({ var r = good; r.rating = 0; return r }(), moved, "rating 0 is not 1 (again) to 4 (easy)"),
            ({ var r = good; r.rating = 5; return r }(), moved, "rating 5 is not 1 (again) to 4 (easy)"),
            ({ var r = good; r.duration = -1; return r }(), moved, "duration -1.0 s is not 0 or more"),
            ({ var r = good; r.duration = .nan; return r }(), moved, "duration nan s is not 0 or more"),
            ({ var r = good; r.cardID = "other"; return r }(), moved, "the card given to update is k"),
        ]
        for (review, card, reason) in cases {
            let error = #expect(throws: ProgressError.self) { try store.record(review, updating: card) }
            #expect(error == .invalidReview(cardID: review.cardID, reason: reason))
        }
        // A card never registered: the transaction rolls back, the review is not kept.
        var ghost = moved
        ghost.id = "ghost"
        let error = #expect(throws: ProgressError.self) {
            try store.record(ReviewRecord(cardID: "ghost", time: day(1), rating: 3, correct: true, duration: 1, answer: "a"),
                             updating: ghost)
        }
        #expect(error == .invalidReview(cardID: "ghost", reason: "no such card: register it first"))
        #expect(error?.description == "cannot record a review of card ghost: no such card: register it first")
        #expect(try store.card("k") == card)
        #expect(try store.card("ghost") == nil)
        #expect(try store.reviews(since: .distantPast).isEmpty)
    }
}
