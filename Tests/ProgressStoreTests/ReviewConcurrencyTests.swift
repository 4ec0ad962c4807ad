import Foundation
import QuizKit
import ProgressStore
import Testing

@Suite("Processes recording reviews at once: WAL and the busy timeout")
struct ReviewConcurrencyTests {
    static let reviews = 300

    /// Two writer processes (this test bundle, see ReviewWriter.swift) and two stores in this
    /// process, on two threads, each record `reviews` answers to five cards of their own into one
    /// file, all at once. Every `record` succeeds (writers wait their turn instead of failing
    /// with "busy"), every review is there once, and every card's reps equal its reviews.
    @Test("two writer processes and two stores in this one record 300 reviews each into one file",
          .enabled(if: ReviewWriter.available))
    func twoProcesses() throws {
        let temp = try TemporaryFolder()
        let stores = [try ProgressStore.open(at: temp.database), try ProgressStore.open(at: temp.database)]
        for w in 0..<2 { try ReviewWriter.register(stores[w], prefix: "here\(w)") }

        let writers = try ["a", "b"].map {
            try ReviewWriter.start(database: temp.database, prefix: "process-\($0)", count: Self.reviews)
        }
        writers.forEach { $0.killIfRunning(after: 300) }
        // Start recording here once both processes are recording too.
        for writer in writers { #expect(writer.lines(atLeast: 1).count >= 1) }
        let log = ErrorLog()
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for k in 0..<Self.reviews {
                do {
                    try ReviewWriter.answer(stores[w], cardID: "here\(w)-\(k % ReviewWriter.cardsPerWriter)", k: k)
                } catch {
                    log.add(error)
                }
            }
        }
        var printed: [Int64] = []
        for writer in writers {
            let (lines, errors) = writer.finish()
            #expect(writer.process.terminationReason == .exit && writer.process.terminationStatus == 0, "\(errors)")
            #expect(lines.count == Self.reviews, "\(errors)")
            printed += lines.compactMap { Int64($0) }
        }
        #expect(log.all.isEmpty, "\(log.all.prefix(5))")

        let reviews = try stores[0].reviews(since: .distantPast)
        let ids = Set(reviews.compactMap(\.id))
        #expect(reviews.count == 4 * Self.reviews)
        #expect(ids.count == reviews.count)
        #expect(Set(printed).isSubset(of: ids))
        let cards = try stores[1].cards()
        #expect(cards.count == 4 * ReviewWriter.cardsPerWriter)
        for card in cards {
            #expect(card.schedule.reps == Self.reviews / ReviewWriter.cardsPerWriter, "\(card.id)")
            #expect(try stores[1].reviews(of: card.id).count == card.schedule.reps, "\(card.id)")
        }
    }
}
