import LessonKit
import Localization
import Practice
import TermCanvas

extension ExerciseState {
    /// The header (practice, the exercise's title, its status), the page scrolled, the hint line;
    /// or the explorer on the first wrong cell.
    func draw(into buffer: inout CellBuffer, hits: inout Hits, status: ExerciseStatus, _ t: any Catalogue, tinted: Bool) {
        if let animation {
            animation.draw(into: &buffer, hits: &hits, t, tinted: tinted)
            return
        }
        let width = buffer.width
        let mark = t.practice(.status(status))
        let title = t.practice(.practice) + " · " + lesson.meta.title
        buffer.put(TextLayout.truncate(title, width: width - TextWidth.columns(mark) - 4), x: 1, y: 0, style: Style(bold: true))
        buffer.put(mark, x: width - TextWidth.columns(mark) - 1, y: 0)
        let viewport = Viewport(width: width, height: buffer.height)
        let visible = Self.visibleRows(viewport)
        let page = ScrollView(lines: self.page(width: Self.textWidth(viewport), t), position: scroll)
        page.draw(into: &buffer, Rect(x: 2, y: 2, width: Self.textWidth(viewport) + 1, height: visible))
        var hints = refusal.map { [$0] } ?? Keymap.hints(keyContext, t)
        if page.scrolls(visible: visible), refusal == nil {
            let shown = page.shown(visible: visible)
            hints.insert(t.lesson(.lines(LineRange(first: shown.lowerBound + 1, last: shown.upperBound, total: page.lines.count))), at: 0)
        }
        buffer.put(TextLayout.hints(hints, width: width - 2, keep: 1, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }

    /// The whole page at `width`: the statement, the learner's file, the last result, the hints
    /// and the solution as far as they were asked for.
    func page(width: Int, _ t: any Catalogue) -> [StyledLine] {
        let (above, below) = (statement(width: width, t), results(width: width, t))
        return above + below
    }

    /// The line where the results start: a new report is scrolled to it.
    func reportStart(width: Int, _ t: any Catalogue) -> Int {
        statement(width: width, t).count
    }

    /// Each step of the statement, its title in bold; then the learner's file.
    private func statement(width: Int, _ t: any Catalogue) -> [StyledLine] {
        var lines: [StyledLine] = []
        for step in lesson.steps {
            lines += Paragraph.wrap(step.title, width: width, style: Style(bold: true)) + [[]]
            lines += LessonText.lines(step.blocks, width: width, t) + [[]]
        }
        lines += Paragraph.wrap(t.practice(.yourFile(file)), width: width, style: Style(bold: true))
        if let fileProblem {
            lines += Paragraph.wrap("✗ " + fileProblem, width: width, style: Style(foreground: .red))
        } else {
            if starterWritten { lines += Paragraph.wrap(t.practice(.starterWritten), width: width, style: Style(dim: true)) }
            lines += Paragraph.wrap(t.practice(.watching), width: width, style: Style(dim: true))
        }
        return lines + [[]]
    }

    /// The check's state or report, the hints shown, the solution as far as asked.
    private func results(width: Int, _ t: any Catalogue) -> [StyledLine] {
        var lines: [StyledLine] = []
        if checking {
            lines.append([Span(t.practice(.checking), Style(bold: true))])
        } else if let report, let target = lesson.exercise?.spec.target {
            // A line wraps under its own text: after its indentation and its mark (✓ ✗ · !).
            for text in report.lines(target, t) {
                let indent = String(text.prefix { $0 == " " })
                var body = Substring(text.dropFirst(indent.count))
                let marked = ["✓ ", "✗ ", "· ", "! "].contains { body.hasPrefix($0) }
                let mark = marked ? String(body.prefix(2)) : ""
                body = body.dropFirst(mark.count)
                let style = Self.style(of: mark)
                lines += Paragraph.hanging(Span(indent + mark, style), [Span(String(body), style)], width: width)
            }
        } else {
            lines += Paragraph.wrap(t.practice(.notCheckedYet), width: width, style: Style(dim: true))
        }
        let hints = lesson.exercise?.spec.hints ?? []
        for (k, hint) in hints.prefix(self.hints).enumerated() {
            lines += [[]] + Paragraph.wrap(t.practice(.hint(k + 1, of: hints.count)), width: width, style: Style(bold: true))
            lines += Paragraph.wrap(hint, width: width)
        }
        if self.hints > hints.count { lines += [[]] + Paragraph.wrap(t.practice(.noMoreHints), width: width, style: Style(dim: true)) }
        switch solution {
        case .hidden: break
        case .asking: lines += [[]] + Paragraph.wrap(t.practice(.solutionAsk), width: width, style: Style(bold: true))
        case .shown:
            lines += [[]] + Paragraph.wrap(t.practice(.solution), width: width, style: Style(bold: true))
            lines += LessonText.lines([.code(language: "python", text: lesson.exercise?.solution ?? "")], width: width, t)
        }
        return lines
    }

    /// A report line's colour, by its mark: passed green, failed red, a known mistake yellow.
    private static func style(of line: String) -> Style {
        if line.hasPrefix("✓") { return Style(foreground: .green, bold: true) }
        if line.hasPrefix("✗") { return Style(foreground: .red, bold: true) }
        if line.hasPrefix("!") { return Style(foreground: .yellow, bold: true) }
        return .plain
    }
}
