import Foundation
import QuizKit
import ProgressStore
import Testing

/// python3 printing the result of `PRAGMA integrity_check` on the database `argv[1]`, one line a
/// row ("ok" alone when all is well). It checks everything `quick_check` does, plus that every
/// index agrees with its table.
let pythonIntegrityCheck = """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    for (line,) in db.execute("PRAGMA integrity_check"):
        print(line)
    db.close()
    """

@Suite("Reviews survive kill -9: every review reported recorded is in the file")
struct ReviewKillTests {
    /// How many times the writer is killed; `CONVTUTOR_KILL_ROUNDS` asks for more (or fewer).
    static let rounds = Int(ProcessInfo.processInfo.environment["CONVTUTOR_KILL_ROUNDS"] ?? "") ?? 40

    /// The writer (this test bundle, see ReviewWriter.swift) records reviews through
    /// `ProgressStore.record` in a loop and prints each id once `record` has returned. It is killed
    /// with SIGKILL at a random moment: mostly after 1 to 150 reviews plus up to 3 ms, sometimes
    /// within 150 ms of starting (while it opens, checks, migrates, registers). Then, on the same
    /// file every round: the store opens it; every printed id is in the log; at
    /// most one review was committed and not yet printed; every card's reps and last review agree
    /// with its reviews (the review and the card went in together); and python3's SQLite finds
    /// `PRAGMA integrity_check` ok.
    @Test("SIGKILL a process recording reviews at random moments, round after round on one file",
          .enabled(if: pythonAvailable && ReviewWriter.available))
    func killWhileRecording() throws {
        let temp = try TemporaryFolder()
        var random = SystemRandomNumberGenerator()
        var printed = Set<Int64>()
        var stored = 0  // reviews in the file after the previous round
        var (kills, killsWhileStarting, committedUnprinted) = (0, 0, 0)

        for round in 0..<Self.rounds {
            let writer = try ReviewWriter.start(database: temp.database, prefix: "kill", count: -1)
            writer.killIfRunning(after: 120)
            if Int.random(in: 0..<5, using: &random) == 0 {
                usleep(UInt32.random(in: 0...150_000, using: &random))
                killsWhileStarting += 1
            } else {
                let target = Int.random(in: 1...150, using: &random)
                let seen = writer.lines(atLeast: target)
                try #require(seen.count >= target, "round \(round): the writer stopped early: \(writer.finish().errors)")
                usleep(UInt32.random(in: 0...3_000, using: &random))
            }
            writer.kill()
            let (lines, errors) = writer.finish()
            #expect(writer.process.terminationReason == .uncaughtSignal, "round \(round): the writer ended: \(errors)")
            kills += 1
            let ids = lines.compactMap { Int64($0) }
            #expect(ids.count == lines.count, "round \(round): unexpected output \(lines.prefix(3))")
            printed.formUnion(ids)

            let store = try ProgressStore.open(at: temp.database)
            let reviews = try store.reviews(since: .distantPast)
            let lost = printed.subtracting(reviews.compactMap(\.id))
            #expect(lost.isEmpty, "round \(round): reported recorded, then missing: \(lost.sorted().prefix(10))")
            let unprinted = reviews.count - stored - ids.count
            #expect((0...1).contains(unprinted), "round \(round): \(unprinted) reviews committed but not printed")
            committedUnprinted += unprinted
            for card in try store.cards() {
                let history = try store.reviews(of: card.id)
                #expect(card.schedule.reps == history.count, "round \(round): \(card.id)")
                #expect(card.schedule.lastReview == history.last?.time, "round \(round): \(card.id)")
            }
            try store.close()
            let check = try runPython(pythonIntegrityCheck, [temp.database.path])
            #expect(check.lines == ["ok"], "round \(round): integrity_check says \(check.lines) \(check.errors)")
            stored = reviews.count
        }
        #expect(printed.count >= Self.rounds / 2, "the writer hardly wrote: \(printed.count) reviews")
        print("review kill test: \(kills) kills (\(killsWhileStarting) while starting), \(printed.count) reviews "
              + "reported recorded, \(stored) in the file (\(committedUnprinted) committed but not yet printed), 0 lost")
    }
}
