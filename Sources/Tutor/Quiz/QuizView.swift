import QuizKit
import TermCanvas

extension QuizState {
    /// The question with its choices or its answer field, the verdict and explanation after it,
    /// the summary at the end; or the explorer replaying the computation.
    func draw(into buffer: inout CellBuffer) {
        let width = buffer.width
        if let explorer = animation {
            explorer.draw(into: &buffer)
            return
        }
        let w = words
        let status = phase == .summary ? w.done : w.question(index + 1, questions.count)
        buffer.put(TextLayout.truncate(title, width: width - TextWidth.columns(status) - 4), x: 1, y: 0, style: Style(bold: true))
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)
        var lines: [StyledLine] = []
        let text = width - 4
        let hints: [String]
        if phase == .summary {
            lines = summaryLines()
            hints = [w.leave]
        } else if let q = current {
            lines += promptLines(q.prompt, width: text)
            lines.append([])
            lines += body(q, width: text)
            switch phase {
            case .answered(let verdict):
                lines.append([])
                lines += verdictLines(q, verdict, width: text)
                hints = (q.animation == nil ? [] : [w.watch]) + [w.next, w.finish]
            case .revealed:
                lines.append([])
                lines.append([Span(w.modelAnswer, Style(bold: true))])
                lines += LessonText.wrap([Span(q.expectedText)], width: text - 2).map { [Span("  ")] + $0 }
                lines.append([])
                lines.append([Span(w.howWell, Style(bold: true))])
                hints = [w.gradeKeys, w.finish]
            default:
                hints = askingHints(q)
            }
            if let hint {
                lines.append([])
                lines += LessonText.wrap([Span("! " + hint, Style(bold: true))], width: text)
            }
        } else {
            hints = []
        }
        for (row, line) in lines.prefix(buffer.height - 3).enumerated() {
            var x = 2
            for span in line { x = buffer.put(span.text, x: x, y: 2 + row, style: span.style) }
        }
        buffer.put(TextLayout.hints(hints, width: width - 2, keep: 1, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }

    /// The prompt wrapped to the page; a line laid out with runs of spaces (a small grid, an
    /// indented listing) is kept as written.
    private func promptLines(_ prompt: String, width: Int) -> [StyledLine] {
        prompt.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [StyledLine] in
            let text = String(line)
            if text.contains("  ") || text.hasPrefix(" ") {
                return [[Span(TextLayout.truncate(text, width: width), Style(bold: true))]]
            }
            return LessonText.wrap([Span(text, Style(bold: true))], width: width)
        }
    }

    /// Choices, the listing, the answer field or the grid.
    private func body(_ q: Question, width: Int) -> [StyledLine] {
        let answered: Bool = { if case .answered = phase { return true } else { return false } }()
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            return choices.enumerated().flatMap { k, choice -> [StyledLine] in
                let mark = picked.contains(k) ? "[x] " : (isMultiple(q) ? "[ ] " : "")
                let label = "  \(Question.label(k)) \(mark)"
                let style = picked.contains(k) && !answered ? Style(bold: true) : .plain
                return LessonText.wrap([Span(choice, style)], width: width - TextWidth.columns(label)).enumerated().map { n, line in
                    [Span(n == 0 ? label : String(repeating: " ", count: TextWidth.columns(label)))] + line
                }
            }
        case .spotTheMistake(let lines, _, let isCode):
            return lines.enumerated().map { k, line in
                let label = isCode ? "  \(Question.label(k)) \(String(k + 1).leftPadded(to: 3))  " : "  \(Question.label(k)) "
                return [Span(label), Span(TextLayout.truncate(line, width: width - TextWidth.columns(label)), isCode ? Style(foreground: .cyan) : .plain)]
            }
        case .numeric, .open:
            let prompt = words.yourAnswer
            guard phase == .asking else { return [[Span(prompt, Style(bold: true)), Span(editor.string)]] }
            // The cursor where the next character goes.
            let before = String(editor.text[..<editor.cursor]), after = String(editor.text[editor.cursor...])
            return [[Span(prompt, Style(bold: true)), Span(before), Span("▏", Style(bold: true)), Span(after)]]
        case .selectCells(let panelTitle, let answer):
            guard let scene, let panel = scene.panels.first(where: { $0.title == panelTitle }) else { return [] }
            var marks: ExplorerState.Marks = [:]
            let cols = panel.grid.shape[1] + 2 * panel.padding.w
            let verdictShown = answered
            for cell in marked { marks[panelTitle, default: [:]][cell.row * cols + cell.col] = .highlight }
            if verdictShown {
                for cell in answer { marks[panelTitle, default: [:]][cell.row * cols + cell.col] = .target }
            } else {
                marks[panelTitle, default: [:]][cursor.row * cols + cursor.col] = .cursor
            }
            let widget = ExplorerState.widget(panel, marks: marks)
            var grid = CellBuffer(width: width, height: widget.size.height)
            widget.draw(into: &grid, x: 0, y: 0)
            // The grid's rows as styled spans, so the marks keep their reverse video.
            return (0..<grid.height).map { y in
                (0..<grid.width).map { x in Span(grid[x, y].symbol, grid[x, y].style) }
            }
        }
    }

    private func isMultiple(_ q: Question) -> Bool {
        if case .multiple = q.kind { return true }
        return false
    }

    private func askingHints(_ q: Question) -> [String] {
        let w = words
        switch q.kind {
        case .single, .spotTheMistake: return [w.pickKeys(String(Question.label(max(0, q.optionCount - 1)).dropLast()), q.optionCount), w.finish]
        case .multiple: return w.multipleKeys
        case .numeric: return w.numericKeys
        case .open: return w.openKeys
        case .selectCells: return w.cellKeys
        }
    }

    /// ✓ or ✗, the right answer, the explanation, when the card comes back.
    private func verdictLines(_ q: Question, _ verdict: Verdict, width: Int) -> [StyledLine] {
        let w = words
        var out: [StyledLine] = []
        switch verdict.correct {
        case true?: out.append([Span(w.right, Style(foreground: .green, bold: true))])
        case false?:
            out.append([Span(w.wrong, Style(foreground: .red, bold: true)), Span(w.youAnswered + verdict.given)])
            out += LessonText.wrap([Span(w.theAnswer, Style(bold: true)), Span(verdict.expected)], width: width)
        case nil:
            out.append([Span(w.gradedByYou(verdict.rating), Style(bold: true))])
        }
        if !q.explanation.isEmpty {
            out.append([])
            out += LessonText.wrap([Span(q.explanation)], width: width)
        }
        if let nextReview {
            out.append([])
            out.append([Span(w.nextReview(nextReview), Style(dim: true))])
        }
        return out
    }

    private func summaryLines() -> [StyledLine] {
        let w = words
        let (right, wrong, selfGraded) = tally
        if questions.isEmpty {
            return w.nothingToAsk.enumerated().map { k, line in [Span(line, Style(bold: k == 0))] }
        }
        return [[Span(w.sessionDone, Style(bold: true))], [], [Span(w.answered(verdicts.count, questions.count))],
                [Span(w.tally(right, wrong, selfGraded))]]
    }
}
