/// Decides whether cmark-gfm's table extension may parse a text, so that no file can make it hang.
///
/// The table extension of cmark-gfm 0.29.0.gfm.6 (Debian 12) is slow on two shapes of input:
/// a row's cells cost time quadratic in their number (20,000 `|` on one line: 1.5 s), and a line
/// that looks like a table's delimiter row (`|-|`) right after a paragraph costs time proportional
/// to the paragraph's lines times its bytes (90,000 short lines, then `|-|`: 51 s). Both are
/// bounded here: at most `LessonLimits.maxTablePipesPerLine` `|` on a line, and a budget for
/// delimiter-like rows after long runs of text. A file beyond them is parsed without tables and
/// gets a diagnostic; no real lesson comes near either bound.
enum TableGuard {
    /// The most `lines × bytes` of text before delimiter-like rows, summed over the file
    /// (about 0.1 s of the extension's time).
    static let delimiterBudget = 200_000_000

    /// Where and why tables must be off, or `nil` when they are safe.
    static func problem(in source: SourceText) -> (position: SourcePosition, message: String)? {
        let bytes = source.bytes
        var spent = 0
        var runLines = 0, runBytes = 0
        for (k, start) in source.lineStarts.enumerated() {
            let end = k + 1 < source.lineStarts.count ? source.lineStarts[k + 1] : bytes.count
            var pipes = 0, dashes = 0
            var blank = true, delimiterLike = true
            for byte in bytes[start..<end] {
                switch byte {
                case UInt8(ascii: "|"): pipes += 1; blank = false
                case UInt8(ascii: "-"): dashes += 1; blank = false
                case UInt8(ascii: ":"): blank = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): break
                default: blank = false; delimiterLike = false
                }
            }
            let line = k + 1
            if pipes > LessonLimits.maxTablePipesPerLine {
                return (SourcePosition(line: line, column: 1),
                        "too many '|' on one line (\(pipes); a table may have at most \(LessonLimits.maxTablePipesPerLine)); tables are off for this file")
            }
            if blank {
                (runLines, runBytes) = (0, 0)
                continue
            }
            if delimiterLike, dashes > 0 {
                spent += runLines * runBytes
                if spent > delimiterBudget {
                    return (SourcePosition(line: line, column: 1),
                            "this line looks like a table's delimiter row after \(runLines) lines of text; put a blank line before a table (tables are off for this file)")
                }
            }
            runLines += 1
            runBytes += end - start
        }
        return nil
    }
}
