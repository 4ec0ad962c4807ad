#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TermCanvas

/// glibc's `wcwidth`, the width the terminal library itself uses (not exported by the Glibc module).
@_silgen_name("wcwidth") private func c_wcwidth(_ c: Int32) -> Int32

/// `wcwidth` needs a UTF-8 locale; the locale is process-global, so it is set once.
private let utf8Locale: Bool = setlocale(LC_CTYPE, "C.UTF-8") != nil

@Suite("Text width, inert text, wrapping")
struct TermCanvasTextTests {
    @Test("widths agree with glibc's wcwidth on the scripts a lesson uses")
    func widthsAgreeWithGlibc() throws {
        try #require(utf8Locale)
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x2FF, 0x300...0x36F, 0x391...0x3C9, 0x2190...0x21FF, 0x2200...0x22FF,
            0x2500...0x257F, 0x3000...0x303F, 0x3040...0x30FF, 0x4E00...0x4FFF, 0x9F00...0x9FFF,
            0xAC00...0xAD00, 0xFF01...0xFF60, 0x1F600...0x1F64F,
        ]
        var disagreements: [String] = []
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let glibc = Int(c_wcwidth(Int32(v)))
                guard glibc >= 0 else { continue }  // unassigned or control: we never draw those raw
                if TextWidth.columns(scalar) != glibc { disagreements.append(String(v, radix: 16)) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("mixed text: CJK counts two, combining marks zero")
    func mixed() {
        #expect(TextWidth.columns("卷积 convolution") == 16)
        #expect(TextWidth.columns("e\u{301}") == 1)
        #expect(TextWidth.columns("∂L/∂x ⌊x⌋ × · −") == 15)
    }

    @Test("control characters, escape sequences included, are shown inert")
    func inert() {
        #expect(InertText.sanitize("a\u{1B}[31mred\u{07}\tb\u{7F}\u{9B}") == "a␛[31mred␇ b␡\u{FFFD}")
        var buffer = CellBuffer(width: 20, height: 1)
        buffer.put("\u{1B}]0;title\u{07}", x: 0, y: 0)
        #expect(buffer.lines == ["␛]0;title␇"])
    }

    @Test("a wide character is never split at the edge; it becomes a space")
    func wideAtEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        let end = buffer.put("ab卷积", x: 0, y: 0)
        #expect(buffer.lines == ["ab卷"])
        #expect(end == 5)
        #expect(buffer[2, 0].symbol == "卷" && buffer[3, 0].isContinuation && buffer[4, 0].symbol == " ")
        // Overwriting the right half of a wide character blanks its left half.
        buffer.put("x", x: 3, y: 0)
        #expect(buffer.lines == ["ab x"])
    }

    @Test("wrapping never exceeds the width and never splits a wide character", arguments: [4, 7, 10, 23])
    func wrap(_ width: Int) {
        let text = "卷积神经网络 uses convolution: out[i,j] = Σ x[i+m, j+n]·w[m,n] 梯度反向传播"
        let lines = TextLayout.wrap(text, width: width)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= width })
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test("truncation ends in an ellipsis within the width")
    func truncate() {
        #expect(TextLayout.truncate("convolution", width: 6) == "convo…")
        #expect(TextLayout.truncate("卷积神经网络", width: 6) == "卷积…")
        #expect(TextLayout.truncate("short", width: 6) == "short")
    }
}
