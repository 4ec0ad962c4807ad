import Foundation

// A second process for the concurrency and kill tests: python3's own sqlite3 module (a different
// SQLite library in a different process) writing to the same file in the same format.

/// Whether `python3` with its `sqlite3` module can be run; tests that need it are skipped if not.
let pythonAvailable: Bool = {
    guard let result = try? runPython("import sqlite3", [], timeout: 30) else { return false }
    return result.status == 0
}()

/// Python that upserts lesson positions, one committed transaction each, printing the step after
/// each commit: `writer.py PATH LESSON COUNT same|distinct`. A negative `COUNT` writes forever.
/// With `same`, every write goes to lesson `LESSON` with step k; with `distinct`, write k goes to
/// lesson `LESSON-k`.
let pythonWriter = """
    import sqlite3, sys
    path, lesson, count, same = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "same"
    db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
    k = 0
    while count < 0 or k < count:
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT INTO lesson_progress (lesson_id, step, step_count, completed_at, updated_at) "
            "VALUES (?, ?, ?, NULL, ?) ON CONFLICT (lesson_id) DO UPDATE SET "
            "step = excluded.step, step_count = excluded.step_count, updated_at = excluded.updated_at",
            (lesson if same else f"{lesson}-{k}", k, 1000000000, 1700000000.0 + k))
        db.execute("COMMIT")
        print(k, flush=True)
        k += 1
    """

/// A running `python3 -c script arguments...`, its output readable as it comes.
final class PythonProcess {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()

    init(_ script: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The complete lines printed so far, waiting until at least `count` have come; fewer if the
    /// process ended first.
    func lines(atLeast count: Int) -> [String] {
        while complete.count < count, Self.readSome(output, into: &buffer) {}
        return complete
    }

    /// Everything printed until the process ended (it must end, or be killed, for this to return),
    /// as complete lines, and its standard error.
    func finish() -> (lines: [String], errors: String) {
        while Self.readSome(output, into: &buffer) {}
        var errorData = Data()
        while Self.readSome(errors, into: &errorData) {}
        process.waitUntilExit()
        let errorText = String(decoding: errorData, as: UTF8.self)
        return (complete, errorText)
    }

    /// Appends what `pipe` has (waiting for something); false at end of file.
    ///
    /// Plain read(2), retried on EINTR: Foundation's `availableData` and `readDataToEndOfFile`
    /// trap when a signal (SIGCHLD from another test's child) interrupts them.
    private static func readSome(_ pipe: Pipe, into data: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe.fileHandleForReading.fileDescriptor, &chunk, chunk.count)
            if count > 0 {
                data.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    /// The lines of `buffer` ended by a newline (a line cut short by a kill is not one).
    private var complete: [String] {
        var lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return lines.map(String.init)
    }

    /// Kills the process with SIGKILL: no handler, no clean-up, like a power cut for the process.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// Kills the process if it is still running after `seconds`, so that a hang fails the test
    /// instead of blocking the suite.
    func killIfRunning(after seconds: Double) {
        let pid = process.processIdentifier
        let process = UncheckedBox(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            if process.value.isRunning { Foundation.kill(pid, SIGKILL) }
        }
    }
}

/// Runs `python3 -c script arguments...` to the end (killed after `timeout` seconds).
func runPython(_ script: String, _ arguments: [String], timeout: Double = 60)
    throws -> (status: Int32, lines: [String], errors: String)
{
    let python = try PythonProcess(script, arguments)
    python.killIfRunning(after: timeout)
    let (lines, errors) = python.finish()
    return (python.process.terminationStatus, lines, errors)
}

/// A value handed to another thread that only reads thread-safe state of it.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
