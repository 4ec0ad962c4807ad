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
        let status = phase == .summary ? "done" : "question \(index + 1)/\(questions.count)"
        buffer.put(TextLayout.truncate(title, width: width - TextWidth.columns(status) - 4), x: 1, y: 0, style: Style(bold: true))
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)
        var lines: [StyledLine] = []
        let text = width - 4
        let hints: [String]
        if phase == .summary {
            lines = summaryLines()
            hints = ["Enter or q leave"]
        } else if let q = current {
            lines += promptLines(q.prompt, width: text)
            lines.append([])
            lines += body(q, width: text)
            switch phase {
            case .answered(let verdict):
                lines.append([])
                lines += verdictLines(q, verdict, width: text)
                hints = (q.animation == nil ? [] : ["a watch the computation"]) + ["Enter next", "q finish"]
            case .revealed:
                lines.append([])
                lines.append([Span("Model answer:", Style(bold: true))])
                lines += LessonText.wrap([Span(q.expectedText)], width: text - 2).map { [Span("  ")] + $0 }
                lines.append([])
                lines.append([Span("How well did you know it?  1 again   2 hard   3 good   4 easy", Style(bold: true))])
                hints = ["1–4 grade yourself", "Esc finish"]
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
            let prompt = "Your answer: "
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
        switch q.kind {
        case .single, .spotTheMistake: ["a–\(Question.label(max(0, optionCount(q) - 1)).dropLast()) or 1–\(optionCount(q)) answer", "q finish"]
        case .multiple: ["letters pick and unpick", "Enter answer", "q finish"]
        case .numeric: ["type a number (or invalid)", "Enter answer", "Esc clear / finish"]
        case .open: ["type your answer (optional)", "Enter show the model answer", "Esc finish"]
        case .selectCells: ["arrows move", "space mark", "Enter answer", "q finish"]
        }
    }

    private func optionCount(_ q: Question) -> Int {
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _): choices.count
        case .spotTheMistake(let lines, _, _): lines.count
        default: 0
        }
    }

    /// ✓ or ✗, the right answer, the explanation, when the card comes back.
    private func verdictLines(_ q: Question, _ verdict: Verdict, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        switch verdict.correct {
        case true?: out.append([Span("✓ Right.", Style(foreground: .green, bold: true))])
        case false?:
            out.append([Span("✗ Not quite.", Style(foreground: .red, bold: true)), Span(" You answered: " + verdict.given)])
            out += LessonText.wrap([Span("The answer: ", Style(bold: true)), Span(verdict.expected)], width: width)
        case nil:
            out.append([Span("Graded by you: \(["", "again", "hard", "good", "easy"][verdict.rating.rawValue]).", Style(bold: true))])
        }
        if !q.explanation.isEmpty {
            out.append([])
            out += LessonText.wrap([Span(q.explanation)], width: width)
        }
        if let nextReview {
            out.append([])
            out.append([Span("Next review: \(nextReview).", Style(dim: true))])
        }
        return out
    }

    private func summaryLines() -> [StyledLine] {
        let (right, wrong, selfGraded) = tally
        var out: [StyledLine] = [[Span("Session done.", Style(bold: true))], []]
        out.append([Span("answered: \(verdicts.count) of \(questions.count)")])
        out.append([Span("right: \(right)   wrong: \(wrong)   graded by you: \(selfGraded)")])
        if questions.isEmpty {
            out = [[Span("Nothing to ask right now.", Style(bold: true))], [],
                   [Span("No reviews are due and no lesson is finished yet: finish a lesson, or try")],
                   [Span("convtutor quiz --generated for problems made on the spot.")]]
        }
        return out
    }
}
