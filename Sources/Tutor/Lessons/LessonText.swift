import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas

/// Lesson blocks as lines of styled text for a given width: paragraphs wrapped (CJK-aware, never
/// splitting a wide character), lists with hanging indents, quotes with a bar, tables with
/// measured columns, code indented and lightly highlighted. Pure.
public enum LessonText {
    /// The blocks at `width`, with the interface's words (before a question, naming an
    /// animation, around a computation) from `t`; the player and replay add the rest.
    public static func lines(_ blocks: [Block], width: Int, _ t: any Catalogue) -> [StyledLine] {
        var out: [StyledLine] = []
        for (k, block) in blocks.enumerated() {
            if k > 0 { out.append([]) }
            out += lines(block, width: max(8, width), t)
        }
        return out
    }

    /// The plain text of styled lines.
    public static func plain(_ lines: [StyledLine]) -> [String] {
        lines.map { $0.map(\.text).joined() }
    }

    static func lines(_ block: Block, width: Int, _ t: any Catalogue) -> [StyledLine] {
        switch block {
        case .heading(_, let inlines):
            return Paragraph.wrap(spans(inlines, base: Style(bold: true), t), width: width)
        case .paragraph(let inlines):
            return Paragraph.wrap(spans(inlines, t), width: width)
        case .list(let ordered, let start, let items):
            var out: [StyledLine] = []
            for (k, item) in items.enumerated() {
                let marker = ordered ? "\(start + k). " : "• "
                let indent = TextWidth.columns(marker)
                let body = lines(item, width: width - indent, t)
                for (n, line) in body.enumerated() {
                    out.append([Span(n == 0 ? marker : String(repeating: " ", count: indent))] + line)
                }
            }
            return out
        case .quote(let blocks):
            return lines(blocks, width: width - 2, t).map { [Span("│ ", Style(dim: true))] + $0 }
        case .table(let table):
            return self.table(table, width: width, t)
        case .code(let language, let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                [Span("    ")] + CodeHighlight.spans(String(line), language: language, width: width - 4)
            }
        case .math(let text):
            return text.split(separator: "\n").map { [Span("    " + TextLayout.truncate(String($0), width: width - 4), Style(bold: true))] }
        case .animation(let a):
            return [[Span(t.lesson(.animationLabel) + t.operation(a.kind), Style(bold: true))]]
        case .compute(let c):
            // The core's answer behind a bar; a line too long for the page wraps (grid rows,
            // which are short, keep their alignment).
            let bar = Span("  │ ", Style(dim: true))
            return c.evaluate(t).lines.flatMap { line -> [StyledLine] in
                guard TextWidth.columns(line) > width - 4 else { return [[bar, Span(line, Style(bold: true))]] }
                return Paragraph.wrap([Span(line, Style(bold: true))], width: width - 4).map { [bar] + $0 }
            }
        case .quiz(let q):
            var out = Paragraph.wrap([Span(t.lesson(.questionLabel), Style(bold: true))] + [Span(q.prompt)], width: width)
            if let code = q.code {
                // YAML's `|` keeps the listing's final line break: no empty last line for it.
                let listing = code.hasSuffix("\n") ? String(code.dropLast()) : code
                out += listing.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
                    [Span(String(n + 1).leftPadded(to: 4) + "  "), Span(TextLayout.truncate(String(line), width: width - 6))]
                }
            }
            for (k, choice) in q.choices.enumerated() {
                out += Paragraph.hanging(Span("  \(Question.label(k)) "), [Span(choice)], width: width)
            }
            return out
        case .thematicBreak:
            return [[Span(String(repeating: "─", count: min(width, 40)), Style(dim: true))]]
        }
    }

    // MARK: Inlines

    /// Inline content as spans: emphasis underlined, strong bold, code and math in colour and
    /// bold, links as their text and address, images as their alt text.
    static func spans(_ inlines: [Inline], base: Style = .plain, _ t: any Catalogue) -> [Span] {
        var out: [Span] = []
        for (k, inline) in inlines.enumerated() {
            switch inline {
            case .text(let t): out.append(Span(t, base))
            case .emphasis(let children): out += spans(children, base: with(base) { $0.underline = true }, t)
            case .strong(let children): out += spans(children, base: with(base) { $0.bold = true }, t)
            case .code(let t): out.append(Span(t, with(base) { $0.foreground = .cyan }))
            case .math(let t): out.append(Span(t, with(base) { $0.foreground = .yellow }))
            case .link(let text, let destination):
                out += spans(text, base: with(base) { $0.underline = true }, t)
                out.append(Span(" <\(destination)>", with(base) { $0.dim = true }))
            case .image(let alt): out.append(Span(t.lesson(.image(alt: alt)), with(base) { $0.dim = true }))
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

    // MARK: Tables

    /// Columns as wide as their widest cell, shrunk evenly to fit; cells are cut with `…`.
    static func table(_ table: Table, width: Int, _ t: any Catalogue) -> [StyledLine] {
        let header = table.header.map { plainText($0, t) }
        let rows = table.rows.map { $0.map { plainText($0, t) } }
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
            return Paragraph.merge(spans)
        }
        let rule: StyledLine = [Span(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), Style(dim: true))]
        return [line(header, Style(bold: true)), rule] + rows.map { line($0, .plain) }
    }

    /// Inline content as plain text (table cells).
    static func plainText(_ inlines: [Inline], _ t: any Catalogue) -> String {
        spans(inlines, t).map(\.text).joined().replacingOccurrences(of: "\n", with: " ")
    }
}
