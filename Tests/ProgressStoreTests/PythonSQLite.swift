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
typealias PythonProcess = ChildProcess

extension ChildProcess {
    /// Starts `python3 -c script arguments...`.
    convenience init(_ script: String, _ arguments: [String]) throws {
        try self.init(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", script] + arguments)
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
