import ArgumentParser
import ConvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `convtutor compute`: the calculator. With `--json`, a JSON Lines service on stdin/stdout
/// (English, as an API); otherwise one subcommand per operation that prints the grids and, with
/// `--cell`, the arithmetic of one cell, in the learner's language (`--lang`).
struct Compute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute convolutions, pooling, gradients and output sizes, with every term shown.",
        discussion: """
            With --json, reads one JSON request per line on standard input and writes one JSON \
            object per line on standard output, in the same order, e.g.
              {"op": "conv2d", "x": [[[[1,2],[3,4]]]], "w": [[[[1]]]], "stride": 1}
            Operations: \(ComputeOperation.allCases.map(\.name).joined(separator: ", ")) \
            (the older spellings with underscores, such as conv2d_backward, are accepted too). \
            A failed request answers {"error": "<field>: <reason>"} and the rest continue; \
            the exit status is 1 if any request failed. See the README for every field.
            """,
        subcommands: [
            Conv1DCommand.self, Correlate1DCommand.self, Conv2DCommand.self, Conv2DBackwardCommand.self,
            ConvTranspose2DCommand.self, ConvTranspose2DBackwardCommand.self,
            MaxPool2DCommand.self, AvgPool2DCommand.self, MaxPool2DBackwardCommand.self,
            AvgPool2DBackwardCommand.self, AdaptiveMaxPool2DCommand.self, AdaptiveAvgPool2DCommand.self,
            AdaptiveMaxPool2DBackwardCommand.self, AdaptiveAvgPool2DBackwardCommand.self, OutputSizeCommand.self,
        ])

    @Flag(help: "Answer JSON Lines requests from standard input.")
    var json = false

    /// The longest request line accepted: enough for the largest tensor `Limits` allows.
    static let maxLine = 128 << 20

    func run() throws {
        guard json else { throw CleanExit.helpRequest(self) }
        // A reader that closes the pipe early ends the run quietly instead of killing it.
        signal(SIGPIPE, SIG_IGN)
        var reader = LineReader(fd: STDIN_FILENO, maxLine: Self.maxLine)
        var failed = false
        while let line = reader.next() {
            let answer: (json: String, failed: Bool)
            switch line {
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                answer = ComputeService.answer(bytes)
            case .tooLong(let count):
                var writer = JSONWriter()
                writer.write(.object([("error", .string(
                    "request: the line has \(count) bytes, more than the limit of \(Self.maxLine)"))]))
                answer = (writer.text, true)
            }
            failed = failed || answer.failed
            guard writeLine(answer.json) else { throw ExitCode.failure }
        }
        if failed { throw ExitCode.failure }
    }

    /// Writes one line and flushes it, so a caller in a pipe gets each answer at once.
    private func writeLine(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}
