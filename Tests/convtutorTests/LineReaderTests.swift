import Foundation
import Testing
@testable import convtutor

/// Reading requests line by line from a file descriptor, with a bound on a line's length.
@Suite("Line reader")
struct LineReaderTests {
    /// All lines read from a pipe that was fed `bytes` and closed.
    func lines(_ bytes: [UInt8], maxLine: Int) -> [LineReader.Line] {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Feed from another thread: the pipe buffer is smaller than some inputs.
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writeEnd)
        }
        writer.start()
        var reader = LineReader(fd: readEnd, maxLine: maxLine)
        var result: [LineReader.Line] = []
        while let line = reader.next() { result.append(line) }
        close(readEnd)
        return result
    }

    @Test("splits on newlines, drops a CR before them, keeps a last line without newline")
    func splitting() {
        #expect(lines(Array("a\r\nbb\n\nccc".utf8), maxLine: 100) == [
            .text(Array("a".utf8)), .text(Array("bb".utf8)), .text([]), .text(Array("ccc".utf8)),
        ])
        #expect(lines([], maxLine: 100) == [])
    }

    @Test("an over-long line is skipped and reported, and the next line still arrives")
    func overLong() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        let input = Array("ok\n".utf8) + long + Array("\nafter\n".utf8) + long
        #expect(lines(input, maxLine: 1000) == [
            .text(Array("ok".utf8)), .tooLong(bytes: 300_000), .text(Array("after".utf8)), .tooLong(bytes: 300_000),
        ])
    }

    @Test("a line of exactly the limit is accepted, one byte more is not")
    func boundary() {
        let input = [UInt8](repeating: 0x31, count: 10) + [0x0A] + [UInt8](repeating: 0x32, count: 11) + [0x0A]
        #expect(lines(input, maxLine: 10) == [.text([UInt8](repeating: 0x31, count: 10)), .tooLong(bytes: 11)])
    }
}
