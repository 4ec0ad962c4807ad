import Foundation
import QuizKit
import ProgressStore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A second process for the kill and concurrency tests of the review log that goes through
// `ProgressStore.record` itself: this test bundle started again, running only the one test below,
// which its environment switches on. (python3's sqlite3, as in PythonSQLite.swift, would test
// SQLite, not the store's transaction.)

/// Answers cards the way the quiz does: read the card, schedule it, record the review with it.
enum ReviewWriter {
    /// The environment variables that make the bundle a writer: the database, a card-id prefix,
    /// and how many reviews to record (negative: forever).
    static let databaseVariable = "CONVTUTOR_TEST_REVIEW_WRITER_DB"
    static let prefixVariable = "CONVTUTOR_TEST_REVIEW_WRITER_PREFIX"
    static let countVariable = "CONVTUTOR_TEST_REVIEW_WRITER_COUNT"

    /// How many cards each writer takes turns on: `prefix-0` ... `prefix-4`.
    static let cardsPerWriter = 5

    /// The running test bundle (on Linux, an executable ending in `.xctest`).
    static let testBundle: URL? = {
        guard let url = Bundle.main.executableURL, url.lastPathComponent.hasSuffix(".xctest"),
              FileManager.default.isExecutableFile(atPath: url.path)
        else { return nil }
        return url
    }()

    /// Whether the bundle can start itself as a writer; tests that need one are skipped if not.
    static var available: Bool { testBundle != nil }

    /// Starts a writer process on `database` recording `count` reviews (forever if negative) on
    /// the cards `prefix-0` ... `prefix-4`. It prints each review's id, one a line, as soon as
    /// `record` has returned.
    static func start(database: URL, prefix: String, count: Int) throws -> ChildProcess {
        try ChildProcess(
            executable: testBundle ?? URL(fileURLWithPath: CommandLine.arguments[0]),
            arguments: ["--testing-library", "swift-testing", "--filter", "ReviewWriterProcess"],
            environment: [
                databaseVariable: database.path, prefixVariable: prefix, countVariable: "\(count)",
                "SWIFT_BACKTRACE": "enable=no",
            ])
    }

    /// The ids of the cards a writer with `prefix` uses.
    static func cardIDs(_ prefix: String) -> [String] {
        (0..<cardsPerWriter).map { "\(prefix)-\($0)" }
    }

    /// Registers the cards a writer with `prefix` uses (again is harmless).
    static func register(_ store: ProgressStore, prefix: String) throws {
        for id in cardIDs(prefix) {
            try store.register(id: id, topic: "writer \(prefix)", contentHash: "v1", now: day())
        }
    }

    /// Answers card `cardID` for the `k`-th time this run: reads it, schedules the next review
    /// from what is stored (so a restarted writer carries on), records both; returns the review id.
    @discardableResult
    static func answer(_ store: ProgressStore, cardID: String, k: Int) throws -> Int64 {
        guard let card = try store.card(cardID) else { throw WriterError.missingCard(cardID) }
        let rating = k % 4 + 1
        let time = (card.schedule.lastReview ?? day()).addingTimeInterval(60.125)
        var next = card
        next.schedule.reps += 1
        if rating == 1 {
            (next.schedule.state, next.schedule.step, next.schedule.lapses) = (.relearning, 0, card.schedule.lapses + 1)
        } else {
            (next.schedule.state, next.schedule.step) = (.review, nil)
        }
        next.schedule.stability = 1.5 * Double(next.schedule.reps)
        next.schedule.difficulty = 4 + Double(rating) / 8
        next.schedule.lastReview = time
        next.schedule.due = time.addingTimeInterval(86_400 * next.schedule.stability!)
        // A few hundred bytes, so a commit spans more of the WAL and a kill can land inside it.
        let answer = "answer \(k) to \(cardID): " + String(repeating: "卷积 conv ", count: 20 + k % 40)
        let review = ReviewRecord(
            cardID: cardID, time: time, rating: rating, correct: rating == 2 ? nil : rating > 1,
            duration: 0.5 + Double(k % 50), answer: answer)
        return try store.record(review, updating: next)
    }

    enum WriterError: Error { case missingCard(String) }
}

/// Writes `line` and a newline to standard output at once (one `write(2)`, no buffer to lose).
private func printNow(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
    }
}

@Suite("The review writer (runs only as a child process of the kill and concurrency tests)")
struct ReviewWriterProcess {
    static let environment = ProcessInfo.processInfo.environment

    @Test("records reviews through ProgressStore.record, printing each id once it returned",
          .enabled(if: environment[ReviewWriter.databaseVariable] != nil))
    func run() throws {
        let database = URL(fileURLWithPath: try #require(Self.environment[ReviewWriter.databaseVariable]))
        let prefix = Self.environment[ReviewWriter.prefixVariable] ?? "card"
        let count = Int(Self.environment[ReviewWriter.countVariable] ?? "") ?? -1
        let store = try ProgressStore.open(at: database)
        try ReviewWriter.register(store, prefix: prefix)
        let ids = ReviewWriter.cardIDs(prefix)
        var k = 0
        while count < 0 || k < count {
            let reviewID = try ReviewWriter.answer(store, cardID: ids[k % ids.count], k: k)
            printNow("\(reviewID)")
            k += 1
        }
    }
}
