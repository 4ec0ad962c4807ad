import Foundation
import ProgressStore
import Testing

@Suite("A writer killed at a random moment loses at most the change in flight")
struct KillTests {
    @Test("SIGKILL a process writing steps in a tight loop, then reopen", .enabled(if: pythonAvailable),
          arguments: 0..<4)
    func killMidWrite(round: Int) throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.setPosition(lessonID: "kill", step: 0, stepCount: 1, at: day())
            try store.close()
        }
        var random = SystemRandomNumberGenerator()
        let target = Int.random(in: 20...300, using: &random)
        let delay = UInt32.random(in: 0...3_000, using: &random)

        // The child prints each step after its commit, forever.
        let python = try PythonProcess(pythonWriter, [temp.database.path, "kill", "-1", "same"])
        python.killIfRunning(after: 120)
        let seen = python.lines(atLeast: target)
        try #require(seen.count >= target, "the writer stopped early: \(python.finish().errors)")
        usleep(delay)
        python.kill()
        let (lines, _) = python.finish()
        #expect(python.process.terminationReason == .uncaughtSignal)
        let last = try #require(lines.last.flatMap { Int($0) }, "round \(round): no step printed")

        // The file is whole (python3's SQLite checks every page and index, which opening no longer
        // does); the step is the last one reported committed, or the next one if it was committed
        // but not yet printed.
        let check = try runPython(pythonIntegrityCheck, [temp.database.path])
        #expect(check.lines == ["ok"], "round \(round): integrity_check says \(check.lines) \(check.errors)")
        let store = try ProgressStore.open(at: temp.database)
        let step = try #require(try store.position(of: "kill")).step
        #expect(step == last || step == last + 1,
                "round \(round): killed after \(target)+ steps and \(delay) µs; last printed \(last), stored \(step)")
    }
}
