import LessonKit
import TermCanvas

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of rendered lesson text.
public typealias StyledLine = [Span]

/// Lesson blocks as lines of styled text for a given width: paragraphs wrapped (CJK-aware, never
/// splitting a wide character), lists with hanging indents, quotes with a bar, tables with
/// measured columns, code indented and lightly highlighted. Pure.
public enum LessonText {
    /// What an animation or quiz block shows in the text; the player and replay add the rest.
    public static func lines(_ blocks: [Block], width: Int, labels: LessonLabels = .english) -> [StyledLine] {
        var out: [StyledLine] = []
        for (k, block) in blocks.enumerated() {
            if k > 0 { out.append([]) }
            out += lines(block, width: max(8, width), labels: labels)
        }
        return out
    }

    /// The plain text of styled lines.
    public static func plain(_ lines: [StyledLine]) -> [String] {
        lines.map { $0.map(\.text).joined() }
    }

    static func lines(_ block: Block, width: Int, labels: LessonLabels) -> [StyledLine] {
        switch block {
        case .heading(_, let inlines):
            return wrap(spans(inlines, base: Style(bold: true)), width: width)
        case .paragraph(let inlines):
            return wrap(spans(inlines), width: width)
        case .list(let ordered, let start, let items):
            var out: [StyledLine] = []
            for (k, item) in items.enumerated() {
                let marker = ordered ? "\(start + k). " : "• "
                let indent = TextWidth.columns(marker)
                let body = lines(item, width: width - indent, labels: labels)
                for (n, line) in body.enumerated() {
                    out.append([Span(n == 0 ? marker : String(repeating: " ", count: indent))] + line)
                }
            }
            return out
        case .quote(let blocks):
            return lines(blocks, width: width - 2, labels: labels).map { [Span("│ ", Style(dim: true))] + $0 }
        case .table(let table):
            return self.table(table, width: width)
        case .code(let language, let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                [Span("    ")] + CodeHighlight.spans(String(line), language: language, width: width - 4)
            }
        case .math(let text):
            return text.split(separator: "\n").map { [Span("    " + TextLayout.truncate(String($0), width: width - 4), Style(bold: true))] }
        case .animation(let a):
            return [[Span(labels.animation + labels.title(a.kind), Style(bold: true))]]
        case .compute(let c):
            // The core's answer behind a bar; a line too long for the page wraps (grid rows,
            // which are short, keep their alignment).
            let bar = Span("  │ ", Style(dim: true))
            return c.evaluate(labels.compute).lines.flatMap { line -> [StyledLine] in
                guard TextWidth.columns(line) > width - 4 else { return [[bar, Span(line, Style(bold: true))]] }
                return wrap([Span(line, Style(bold: true))], width: width - 4).map { [bar] + $0 }
            }
        case .quiz(let q):
            var out = wrap([Span(labels.question, Style(bold: true))] + [Span(q.prompt)], width: width)
            if let code = q.code {
                // YAML's `|` keeps the listing's final line break: no empty last line for it.
                let listing = code.hasSuffix("\n") ? String(code.dropLast()) : code
                out += listing.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
                    [Span(String(n + 1).leftPadded(to: 4) + "  "), Span(TextLayout.truncate(String(line), width: width - 6))]
                }
            }
            for (k, choice) in q.choices.enumerated() {
                let label = "  \(choiceLabel(k)) "
                let indent = TextWidth.columns(label)
                out += wrap([Span(choice)], width: width - indent).enumerated().map { n, line in
                    [Span(n == 0 ? label : String(repeating: " ", count: indent))] + line
                }
            }
            return out
        case .thematicBreak:
            return [[Span(String(repeating: "─", count: min(width, 40)), Style(dim: true))]]
        }
    }

    /// `a)`, `b)`, …: the keys that pick a choice.
    public static func choiceLabel(_ k: Int) -> String {
        k < 26 ? "\(Character(Unicode.Scalar(UInt8(97 + k))))" + ")" : "\(k + 1))"
    }

    // MARK: Inlines

    /// Inline content as spans: emphasis underlined, strong bold, code and math in colour and
    /// bold, links as their text and address, images as their alt text.
    static func spans(_ inlines: [Inline], base: Style = .plain) -> [Span] {
        var out: [Span] = []
        for (k, inline) in inlines.enumerated() {
            switch inline {
            case .text(let t): out.append(Span(t, base))
            case .emphasis(let children): out += spans(children, base: with(base) { $0.underline = true })
            case .strong(let children): out += spans(children, base: with(base) { $0.bold = true })
            case .code(let t): out.append(Span(t, with(base) { $0.foreground = .cyan }))
            case .math(let t): out.append(Span(t, with(base) { $0.foreground = .yellow }))
            case .link(let text, let destination):
                out += spans(text, base: with(base) { $0.underline = true })
                out.append(Span(" <\(destination)>", with(base) { $0.dim = true }))
            case .image(let alt): out.append(Span("[image: \(alt)]", with(base) { $0.dim = true }))
            case .softBreak:
                // A line break between two Chinese characters joins them, as CJK text has no
                // spaces between words; between other words it is a space.
                let before = out.last?.text.last
                let after = inlines.dropFirst(k + 1).first.flatMap(firstCharacter)
                if let before, let after, TextWidth.columns(before) == 2, TextWidth.columns(after) == 2 {
                    break
                }
                out.append(Span(" ", base))
            case .lineBreak: out.append(Span("\n", base))
            }
        }
        return out
    }

    /// The first character an inline shows, if it starts with text.
    private static func firstCharacter(_ inline: Inline) -> Character? {
        switch inline {
        case .text(let t), .code(let t), .math(let t): t.first
        case .emphasis(let children), .strong(let children): children.first.flatMap(firstCharacter)
        default: nil
        }
    }

    private static func with(_ style: Style, _ change: (inout Style) -> Void) -> Style {
        var s = style
        change(&s)
        return s
    }

    // MARK: Wrapping

    /// Fills lines of at most `width` columns with the spans' words. A word may run across spans
    /// (`$`h`$,` stays together with its comma); a run of wide characters may break between any
    /// two of them, as Chinese text does, except before closing punctuation (，。）) and after
    /// opening punctuation (（“). A word wider than the line is cut, never a wide character.
    static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
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

    /// True when `word` ends in opening punctuation, which keeps the next character with it.
    private static func opensWord(_ word: [Span]) -> Bool {
        word.last?.text.last.map(opening.contains) ?? false
    }

    /// Characters that may not end a line of Chinese text.
    static let opening: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘"]

    /// Characters that may not start a line of Chinese text.
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "”", "’", "…"]

    /// Adjacent spans of one style joined, so each line is a few spans.
    private static func merge(_ line: StyledLine) -> StyledLine {
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

    // MARK: Tables

    /// Columns as wide as their widest cell, shrunk evenly to fit; cells are cut with `…`.
    static func table(_ table: Table, width: Int) -> [StyledLine] {
        let header = table.header.map { plainText($0) }
        let rows = table.rows.map { $0.map { plainText($0) } }
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        var widths = (0..<columns).map { c in
            ([header] + rows).map { c < $0.count ? TextWidth.columns($0[c]) : 0 }.max() ?? 0
        }
        let available = width - 3 * (columns - 1)
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }
        func line(_ cells: [String], _ style: Style) -> StyledLine {
            var spans: StyledLine = []
            for c in 0..<columns {
                if c > 0 { spans.append(Span(" │ ", Style(dim: true))) }
                let text = TextLayout.truncate(c < cells.count ? cells[c] : "", width: widths[c])
                let pad = widths[c] - TextWidth.columns(text)
                let alignment = c < table.alignments.count ? table.alignments[c] : .none
                let (left, right) = alignment == .right ? (pad, 0) : alignment == .center ? (pad / 2, pad - pad / 2) : (0, pad)
                spans.append(Span(String(repeating: " ", count: left) + text + String(repeating: " ", count: right), style))
            }
            return merge(spans)
        }
        let rule: StyledLine = [Span(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), Style(dim: true))]
        return [line(header, Style(bold: true)), rule] + rows.map { line($0, .plain) }
    }

    /// Inline content as plain text (table cells).
    static func plainText(_ inlines: [Inline]) -> String {
        spans(inlines).map(\.text).joined().replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self
    }
}
