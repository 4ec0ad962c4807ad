import Foundation

/// A running child process, its standard output readable line by line as it comes.
final class ChildProcess {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()

    /// Starts `executable` with `arguments`, in this process's environment plus `environment`.
    init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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
