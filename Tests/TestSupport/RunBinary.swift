import Foundation

/// What a finished run of the `convtutor` binary printed and how it ended.
public struct RunResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// True when the process ended by a signal (`status` is then the signal number).
    public let signaled: Bool

    /// The lines of standard output, without the final newline.
    public var lines: [String] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The built `convtutor` executable: `$CONVTUTOR_BIN`, else next to the test bundle.
public var convtutorBinary: URL {
    if let path = ProcessInfo.processInfo.environment["CONVTUTOR_BIN"] { return URL(fileURLWithPath: path) }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("convtutor")
}

/// Runs `convtutor` with `arguments`, feeding `stdin` and collecting both outputs; the process is
/// killed after `timeout` seconds so a hang fails the test instead of blocking the suite.
public func runConvtutor(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], timeout: TimeInterval = 60
) throws -> RunResult {
    let binary = convtutorBinary
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw RunError.missingBinary(binary.path)
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    // A known locale, so that the words do not depend on the machine's; `environment` may set
    // another.
    var inherited = ProcessInfo.processInfo.environment
    inherited["LC_ALL"] = nil
    inherited["LC_MESSAGES"] = nil
    inherited["LANG"] = "C.UTF-8"
    process.environment = inherited.merging(environment) { $1 }
    let (input, output, errors) = (Pipe(), Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()

    // Write and read on separate threads so that neither side blocks on a full pipe.
    let feeder = Thread {
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    }
    feeder.start()
    let collected = Collected()
    let readers = [output, errors].enumerated().map { k, pipe in
        Thread { collected.set(k, pipe.fileHandleForReading.readDataToEndOfFile()) }
    }
    readers.forEach { $0.start() }

    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            throw RunError.timeout(arguments)
        }
        usleep(2_000)
    }
    while !collected.done { usleep(1_000) }
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: collected.data[0], as: UTF8.self),
        stderr: String(decoding: collected.data[1], as: UTF8.self),
        signaled: process.terminationReason == .uncaughtSignal)
}

public enum RunError: Error, CustomStringConvertible {
    case missingBinary(String)
    case timeout([String])

    public var description: String {
        switch self {
        case .missingBinary(let path): "no convtutor binary at \(path): run `swift build` first (make test does)"
        case .timeout(let args): "convtutor \(args.joined(separator: " ")) did not finish in time"
        }
    }
}

/// The two outputs, filled in by reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Data?] = [nil, nil]

    func set(_ k: Int, _ data: Data) {
        lock.lock()
        slots[k] = data
        lock.unlock()
    }

    var done: Bool {
        lock.lock()
        defer { lock.unlock() }
        return slots.allSatisfy { $0 != nil }
    }

    var data: [Data] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? Data() }
    }
}
