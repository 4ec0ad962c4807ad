import Foundation
import QuizKit
import ProgressStore
import Testing

/// A Gregorian calendar in time zone `identifier`.
func calendar(_ identifier: String) throws -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: identifier), "no time zone \(identifier)")
    return calendar
}

extension Calendar {
    /// The moment of a wall-clock time in this calendar's time zone.
    func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Double = 0) throws -> Date {
        let whole = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: Int(second))
        let moment = try #require(self.date(from: whole), "\(year)-\(month)-\(day) \(hour):\(minute)")
        return moment.addingTimeInterval(second - second.rounded(.down))
    }
}

@Suite("ReviewStatistics: accuracy by topic, reviews coming due, the streak")
struct StatisticsTests {
    /// Records an answer to card `id` at `time` (one more rep, nothing else moves).
    func answer(_ store: ProgressStore, _ id: String, at time: Date, correct: Bool?) throws {
        var card = try #require(try store.card(id))
        (card.schedule.reps, card.schedule.lastReview) = (card.schedule.reps + 1, time)
        let rating = correct.map { $0 ? 3 : 1 } ?? 2
        try store.record(
            ReviewRecord(cardID: id, time: time, rating: rating, correct: correct, duration: 3, answer: "a"),
            updating: card)
    }

    /// A store with one card, answered at each of `times`.
    func store(reviewedAt times: [Date], in temp: TemporaryFolder) throws -> ProgressStore {
        let store = try ProgressStore.open(at: temp.database)
        try store.register(id: "c", topic: "t", contentHash: "h", now: day())
        for time in times { try answer(store, "c", at: time, correct: true) }
        return store
    }

    @Test("accuracy by topic counts only graded answers; topics without reviews show zero")
    func byTopic() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        for (id, topic) in [("lesson:padding/q1", "padding"), ("lesson:padding/q2", "padding"),
                            ("gen:output-size", "gen:output-size"), ("lesson:stride/q1", "stride"),
                            ("lesson:open/why", "open")] {
            try store.register(id: id, topic: topic, contentHash: "h", now: day())
        }
        for (id, correct) in [("lesson:padding/q1", true), ("lesson:padding/q1", false), ("lesson:padding/q1", nil),
                              ("lesson:padding/q2", true), ("gen:output-size", true), ("gen:output-size", true),
                              ("lesson:open/why", nil)] as [(String, Bool?)] {
            try answer(store, id, at: day(60), correct: correct)
        }
        let stats = try store.statistics(now: day(120), calendar: try calendar("UTC"))
        #expect(stats.topics == [
            ReviewStatistics.Topic(topic: "gen:output-size", reviews: 2, graded: 2, correct: 2),
            ReviewStatistics.Topic(topic: "open", reviews: 1, graded: 0, correct: 0),
            ReviewStatistics.Topic(topic: "padding", reviews: 4, graded: 3, correct: 2),
            ReviewStatistics.Topic(topic: "stride", reviews: 0, graded: 0, correct: 0),
        ])
        #expect(stats.topics.map(\.accuracy) == [1, nil, 2.0 / 3, nil])
        #expect(stats.totalReviews == 7)
    }

    @Test("due today and this week follow the calendar's days, overdue cards included")
    func due() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let shanghai = try calendar("Asia/Shanghai")
        let utc = try calendar("UTC")
        let now = try shanghai.at(2024, 5, 15, 9, 30)
        let dues = [
            try shanghai.at(2024, 5, 1),  // overdue
            now,
            try shanghai.at(2024, 5, 15, 23, 59, 59.999),  // the last moment of today
            try shanghai.at(2024, 5, 16),  // tomorrow
            try utc.at(2024, 5, 15, 20),  // today in UTC, tomorrow in Shanghai
            try shanghai.at(2024, 5, 21, 23, 59, 59),  // the last moment of the sixth day after today
            try shanghai.at(2024, 5, 22),  // the seventh day after today
            try shanghai.at(2024, 6, 1),
        ]
        for (k, due) in dues.enumerated() {
            try store.register(id: "card-\(k)", topic: "t", contentHash: "h", now: due)
        }
        let inShanghai = try store.statistics(now: now, calendar: shanghai)
        #expect((inShanghai.dueToday, inShanghai.dueThisWeek) == (3, 6))
        // The same moment is 01:30 in UTC, where the Shanghai days end 8 hours later.
        let inUTC = try store.statistics(now: now, calendar: utc)
        #expect((inUTC.dueToday, inUTC.dueThisWeek) == (5, 7))
        #expect(inShanghai.totalReviews == 0 && inShanghai.streak == 0)
    }

    /// Reviews on these days (wall-clock times in Shanghai, `now` 2024-05-15 09:30 there) give
    /// this streak.
    @Test("the streak: consecutive days with a review up to today, or up to yesterday", arguments: [
        ([], 0),
        ([(15, 8, 0)], 1),
        ([(14, 23, 59)], 1),  // nothing yet today: the streak still counts yesterday
        ([(13, 12, 0)], 0),  // the day before yesterday: broken
        ([(15, 8, 0), (14, 23, 59), (13, 0, 0), (12, 12, 0), (12, 12, 1), (12, 13, 0), (10, 9, 0)], 4),
        ([(14, 0, 0), (13, 23, 0), (12, 6, 0), (11, 6, 0)], 4),
        ([(15, 9, 0), (13, 9, 0), (12, 9, 0)], 1),  // a gap yesterday
        ([(16, 9, 0)], 0),  // dated tomorrow (a clock set wrong): ignored
        ([(16, 9, 0), (15, 9, 0), (14, 9, 0)], 2),
    ] as [([(Int, Int, Int)], Int)])
    func streak(days: [(Int, Int, Int)], expected: Int) throws {
        let temp = try TemporaryFolder()
        let shanghai = try calendar("Asia/Shanghai")
        let times = try days.map { try shanghai.at(2024, 5, $0.0, $0.1, $0.2) }
        let store = try store(reviewedAt: times.shuffled(), in: temp)
        #expect(try store.statistics(now: try shanghai.at(2024, 5, 15, 9, 30), calendar: shanghai).streak == expected)
    }

    @Test("the streak follows the calendar's time zone")
    func streakTimeZone() throws {
        let temp = try TemporaryFolder()
        let utc = try calendar("UTC")
        // 23:30 on the 14th and 00:30 on the 15th in Shanghai; both on the 14th in UTC.
        let store = try store(reviewedAt: [try utc.at(2024, 5, 14, 15, 30), try utc.at(2024, 5, 14, 16, 30)], in: temp)
        let now = try utc.at(2024, 5, 15, 1, 30)
        #expect(try store.statistics(now: now, calendar: try calendar("Asia/Shanghai")).streak == 2)
        #expect(try store.statistics(now: now, calendar: utc).streak == 1)
    }

    @Test("days of 23 and 25 hours, and a day that starts at 01:00, break nothing")
    func daylightSaving() throws {
        // Berlin: clocks go forward on 2024-03-31 (23 hours) and back on 2024-10-27 (25 hours).
        let berlin = try calendar("Europe/Berlin")
        do {
            let temp = try TemporaryFolder()
            let times = try [(3, 29), (3, 30), (3, 31), (4, 1)].map { try berlin.at(2024, $0.0, $0.1, 12) }
            let store = try store(reviewedAt: times, in: temp)
            #expect(try store.statistics(now: try berlin.at(2024, 4, 1, 18), calendar: berlin).streak == 4)
            // Reviews after today (the 31st and the 1st, seen on the 30th) do not count.
            #expect(try store.statistics(now: try berlin.at(2024, 3, 30, 18), calendar: berlin).streak == 2)
        }
        do {
            let temp = try TemporaryFolder()
            let times = try [(26, 23, 30), (27, 23, 30), (28, 0, 30)].map { try berlin.at(2024, 10, $0.0, $0.1, $0.2) }
            let store = try store(reviewedAt: times, in: temp)
            #expect(try store.statistics(now: try berlin.at(2024, 10, 28, 12), calendar: berlin).streak == 3)
        }
        // São Paulo, 2018-11-04: clocks went from 00:00 to 01:00, so that day started at 01:00.
        let saoPaulo = try calendar("America/Sao_Paulo")
        do {
            let temp = try TemporaryFolder()
            let times = try [(2, 12, 0), (3, 23, 50), (4, 1, 5), (5, 0, 0)].map { try saoPaulo.at(2018, 11, $0.0, $0.1, $0.2) }
            let store = try store(reviewedAt: times, in: temp)
            #expect(try store.statistics(now: try saoPaulo.at(2018, 11, 5, 8), calendar: saoPaulo).streak == 4)
            #expect(try store.statistics(now: try saoPaulo.at(2018, 11, 4, 8), calendar: saoPaulo).streak == 3)
            // On the 3rd, a card due at 23:59 is due today, one due at 01:00 on the 4th (the first
            // moment of that day) tomorrow; "c", due in 2023, neither.
            try store.register(id: "d", topic: "t", contentHash: "h", now: try saoPaulo.at(2018, 11, 3, 23, 59))
            try store.register(id: "e", topic: "t", contentHash: "h", now: try saoPaulo.at(2018, 11, 4, 1))
            let stats = try store.statistics(now: try saoPaulo.at(2018, 11, 3, 20), calendar: saoPaulo)
            #expect((stats.dueToday, stats.dueThisWeek) == (1, 2))
        }
    }

    @Test("ReviewStatistics encodes to JSON for stats --json (accuracy null when nothing was graded) and back")
    func json() throws {
        let stats = ReviewStatistics(
            topics: [ReviewStatistics.Topic(topic: "padding", reviews: 3, graded: 2, correct: 1),
                     ReviewStatistics.Topic(topic: "stride", reviews: 0, graded: 0, correct: 0)],
            totalReviews: 3, dueToday: 1, dueThisWeek: 2, streak: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(stats), as: UTF8.self)
        #expect(json == #"{"dueThisWeek":2,"dueToday":1,"streak":5,"topics":["#
            + #"{"accuracy":0.5,"correct":1,"graded":2,"reviews":3,"topic":"padding"},"#
            + #"{"accuracy":null,"correct":0,"graded":0,"reviews":0,"topic":"stride"}],"totalReviews":3}"#)
        #expect(try JSONDecoder().decode(ReviewStatistics.self, from: Data(json.utf8)) == stats)
    }
}
