/// Styled text wrapped into lines of a given width, as every screen lays out prose: a word may
/// run across spans (`h,` stays with its comma), a run of wide characters may break between any
/// two of them as Chinese text does, except before closing punctuation (，。）) and after opening
/// punctuation (（“), and a word wider than the line is cut, never a wide character. Pure.
public enum Paragraph {
    /// `spans` wrapped at `width` columns; `\n` in the text starts a new line.
    public static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        let width = max(1, width)
        var lines: [StyledLine] = [[]]
        var used = 0
        var pendingSpace: Style?
        // The word being gathered, as styled pieces, and whether a line may break before the
        // next character (after a wide character) or must not (after opening punctuation).
        var word: [Span] = []
        var breakBeforeNext = false

        func append(_ text: some StringProtocol, _ style: Style) {
            if let last = lines[lines.count - 1].last, last.style == style {
                lines[lines.count - 1][lines[lines.count - 1].count - 1].text += text
            } else {
                lines[lines.count - 1].append(Span(String(text), style))
            }
            used += TextWidth.columns(text)
        }
        func newLine() {
            lines.append([])
            used = 0
        }
        func emitWord() {
            defer { word = [] }
            guard !word.isEmpty else { return }
            let w = word.reduce(0) { $0 + TextWidth.columns($1.text) }
            let space = pendingSpace.map { used > 0 ? $0 : nil } ?? nil
            if used > 0 && used + (space == nil ? 0 : 1) + w > width {
                newLine()
            } else if let space {
                append(" ", space)
            }
            pendingSpace = nil
            for piece in word {
                var rest = Substring(piece.text)
                while used + TextWidth.columns(rest) > width {
                    let head = TextLayout.fit(rest, width: width - used)
                    if head.isEmpty && used == 0 { break }
                    append(head, piece.style)
                    newLine()
                    rest = rest.dropFirst(head.count)
                }
                append(rest, piece.style)
            }
        }
        func add(_ ch: Character, _ style: Style) {
            if let last = word.last, last.style == style {
                word[word.count - 1].text.append(ch)
            } else {
                word.append(Span(String(ch), style))
            }
        }
        for span in spans {
            for ch in span.text {
                if ch == "\n" {
                    emitWord()
                    newLine()
                    pendingSpace = nil
                    breakBeforeNext = false
                } else if ch == " " {
                    emitWord()
                    pendingSpace = span.style
                    breakBeforeNext = false
                } else if TextWidth.columns(ch) == 2 {
                    if !closing.contains(ch) && (breakBeforeNext || !opensWord(word)) { emitWord() }
                    add(ch, span.style)
                    breakBeforeNext = !opening.contains(ch)
                } else {
                    if breakBeforeNext { emitWord() }
                    add(ch, span.style)
                    breakBeforeNext = false
                }
            }
        }
        emitWord()
        return lines.map(merge)
    }

    /// Plain text wrapped at `width` columns, in one style.
    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        wrap([Span(text, style)], width: width)
    }

    /// A line laid out with runs of spaces (aligned columns, spaced choices): kept as written
    /// when it fits in `width`, wrapped as prose when not.
    public static func laidOut(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        TextWidth.columns(text) <= width ? [[Span(text, style)]] : wrap(text, width: width, style: style)
    }

    /// Lines indented by `indent` on the first line and `hanging` on the rest: `label` then the
    /// wrapped `spans`, continuation lines lined up under the text (`a) ` before a choice).
    public static func hanging(_ label: Span, _ spans: [Span], width: Int) -> [StyledLine] {
        let indent = TextWidth.columns(label.text)
        return wrap(spans, width: width - indent).enumerated().map { n, line in
            [n == 0 ? label : Span(String(repeating: " ", count: indent))] + line
        }
    }

    /// True when `word` ends in opening punctuation, which keeps the next character with it.
    private static func opensWord(_ word: [Span]) -> Bool {
        word.last?.text.last.map(opening.contains) ?? false
    }

    /// Characters that may not end a line of Chinese text.
    public static let opening: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘"]

    /// Characters that may not start a line of Chinese text.
    public static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "”", "’", "…"]

    /// Adjacent spans of one style joined, so each line is a few spans.
    public static func merge(_ line: StyledLine) -> StyledLine {
        var out: StyledLine = []
        for span in line {
            if let last = out.last, last.style == span.style {
                out[out.count - 1].text += span.text
            } else {
                out.append(span)
            }
        }
        return out
    }
}
