#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line without ever holding more than `maxLine` bytes of one
/// line: a longer line is skipped to its end and reported as `.tooLong`.
struct LineReader {
    enum Line: Equatable {
        case text([UInt8])
        case tooLong(bytes: Int)
    }

    let fd: Int32
    let maxLine: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var scanned = 0
    private var finished = false

    init(fd: Int32, maxLine: Int) {
        self.fd = fd
        self.maxLine = maxLine
    }

    /// The next line without its `\n` (and without a `\r` before it), or `nil` at the end.
    mutating func next() -> Line? {
        var skipped = 0
        while true {
            if let newline = buffer[min(max(start, scanned), buffer.count)...].firstIndex(of: 0x0A) {
                var end = newline
                let length = newline - start
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                defer { start = newline + 1 }
                if skipped > 0 || length > maxLine { return .tooLong(bytes: skipped + length) }
                return .text(Array(buffer[start..<end]))
            }
            scanned = buffer.count
            if buffer.count - start > maxLine {
                // Drop what we hold of an over-long line and keep reading until its end.
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if finished {
                guard start < buffer.count || skipped > 0 else { return nil }
                let rest = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                scanned = 0
                return skipped > 0 ? .tooLong(bytes: skipped + rest.count) : .text(rest)
            }
            fill()
        }
    }

    /// Reads one chunk, compacting consumed bytes first.
    private mutating func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
        } else if n == 0 || errno != EINTR {
            finished = true
        }
    }
}
