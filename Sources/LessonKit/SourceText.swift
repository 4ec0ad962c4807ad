/// A lesson's text as UTF-8 bytes with the offset of every line, for turning the byte columns
/// cmark-gfm reports into the character columns diagnostics use.
///
/// Diagnostics count columns in Unicode scalars (characters), from 1, as libyaml does; cmark-gfm
/// counts bytes.
struct SourceText {
    let bytes: [UInt8]
    /// The byte offset where each line starts: `lineStarts[0]` is line 1.
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (k, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(k + 1)
        }
        lineStarts = starts
    }

    /// The character column of the 1-based byte column `byteColumn` on the 1-based `line`.
    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        var characters = 0
        var k = start
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { characters += 1 }
            k += 1
        }
        return characters + 1
    }

    /// The 1-based line and character column of a byte offset.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var (low, high) = (0, lineStarts.count - 1)
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, column(line: low + 1, byteColumn: offset - lineStarts[low] + 1))
    }
}
