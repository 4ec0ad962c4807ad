import Foundation
import ProgressStore
import QuizKit
import Testing

/// Errors collected from several threads.
final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func add(_ error: any Error) { add(String(describing: error)) }

    func add(_ message: String) {
        lock.lock()
        errors.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

@Suite("Two writers at once: WAL and the busy timeout")
struct ConcurrentAccessTests {
    static let writes = 500

    @Test("two stores (two connection pools) on one file, 500 writes each from two threads")
    func twoPools() throws {
        let temp = try TemporaryFolder()
        let stores = [try ProgressStore.open(at: temp.database), try ProgressStore.open(at: temp.database)]
        let log = ErrorLog()
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for k in 0..<Self.writes {
                do {
                    // A row of its own per write, and a row both fight over.
                    try stores[w].setPosition(lessonID: "w\(w)-\(k)", step: k % 3, stepCount: 3, at: day(Double(k)))
                    try stores[w].setPosition(lessonID: "shared", step: k, stepCount: Self.writes, at: day(Double(k)))
                    // Reading through the other pool sees committed writes at once.
                    if try stores[1 - w].position(of: "w\(w)-\(k)") == nil { log.add("w\(w)-\(k) not visible") }
                } catch {
                    log.add(error)
                }
            }
        }
        #expect(log.all.isEmpty, "\(log.all.prefix(5))")
        let all = try ProgressStore.open(at: temp.database).allPositions()
        #expect(all.count == 2 * Self.writes + 1)
        for w in 0..<2 {
            for k in 0..<Self.writes {
                #expect(all["w\(w)-\(k)"]?.step == k % 3, "w\(w)-\(k)")
            }
        }
        #expect(all["shared"]?.step == Self.writes - 1)
    }

    /// Without the retry in `migrate()`, about one round in a hundred failed with "table
    /// lesson_progress already exists": GRDB's migrator reads the applied migrations before it
    /// takes the write lock.
    @Test("eight first opens at once on a new file: one applies the migration, none fails",
          arguments: 0..<15)
    func simultaneousFirstOpen(round: Int) throws {
        let temp = try TemporaryFolder()
        let log = ErrorLog()
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            do {
                let store = try ProgressStore.open(at: temp.database)
                try store.setPosition(lessonID: "opener-\(k)", step: 0, stepCount: 1, at: day())
            } catch {
                log.add(error)
            }
        }
        #expect(log.all.isEmpty, "\(log.all)")
        #expect(try ProgressStore.open(at: temp.database).allPositions().count == 8)
    }

    @Test("another process (python3's sqlite3) writes while two stores in this one do",
          .enabled(if: pythonAvailable))
    func secondProcess() throws {
        let temp = try TemporaryFolder()
        let stores = [try ProgressStore.open(at: temp.database), try ProgressStore.open(at: temp.database)]

        let python = try PythonProcess(pythonWriter, [temp.database.path, "py", "\(Self.writes)", "distinct"])
        python.killIfRunning(after: 120)
        // Start writing here once the other process is writing too.
        #expect(python.lines(atLeast: 1).count >= 1)
        let log = ErrorLog()
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for k in 0..<Self.writes {
                do {
                    try stores[w].setPosition(lessonID: "w\(w)-\(k)", step: k % 3, stepCount: 3, at: day(Double(k)))
                } catch {
                    log.add(error)
                }
            }
        }
        let (lines, errors) = python.finish()
        #expect(python.process.terminationStatus == 0, "python: \(errors)")
        #expect(lines.count == Self.writes)
        #expect(log.all.isEmpty, "\(log.all.prefix(5))")

        let all = try stores[0].allPositions()
        #expect(all.count == 3 * Self.writes)
        for k in 0..<Self.writes {
            #expect(all["py-\(k)"] == LessonPosition(step: k, stepCount: 1_000_000_000, updatedAt: day(Double(k))))
            #expect(all["w0-\(k)"]?.step == k % 3)
            #expect(all["w1-\(k)"]?.step == k % 3)
        }
    }
}
