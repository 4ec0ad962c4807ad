import Localization
import QuizKit
import Scenes
import TermCanvas

extension Panel.ID {
    /// The panel showing a question's grid.
    init(_ grid: GridName) {
        self.init(tensor: grid.tensor, prefix: grid.plane)
    }
}

extension QuizState {
    /// The question with its choices or its answer field, the verdict and explanation after it,
    /// the summary at the end, scrolled as one page; or the explorer replaying the computation.
    /// While a question waits for its answer, its choices and its grid's cells can be clicked;
    /// `tinted`: grids show their values as a heat map.
    func draw(into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue, tinted: Bool) {
        if let explorer = animation {
            explorer.draw(into: &buffer, hits: &hits, t, tinted: tinted)
            return
        }
        let width = buffer.width
        var status = phase == .summary ? t.quiz(.done) : t.quiz(.questionCounter(session.index + 1, of: session.questions.count))
        if phase != .summary, let info { status = t.quiz(info.isNew ? .newCard : .reviewCard) + " · " + status }
        let title = ([t.quiz(.quiz)] + (phase == .summary ? [] : info.map { [$0.topic] } ?? [])).joined(separator: " · ")
        if titled {
            buffer.put(TextLayout.truncate(title, width: width - TextWidth.columns(status) - 4), x: 1, y: 0, style: Style(bold: true))
        }
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)
        let viewport = Viewport(width: width, height: buffer.height)
        let visible = Self.visibleRows(viewport)
        let (lines, pageHits) = self.page(width: Self.textWidth(viewport), t, tinted: tinted)
        let page = ScrollView(lines: lines, position: scroll)
        let area = Rect(x: 2, y: 2, width: Self.textWidth(viewport) + 1, height: visible)
        page.draw(into: &buffer, area)
        page.place(pageHits, in: area, into: &hits)
        var hints = Keymap.hints(keyContext, t)
        if page.scrolls(visible: visible) {
            let shown = page.shown(visible: visible)
            hints.insert(t.lesson(.lines(LineRange(first: shown.lowerBound + 1, last: shown.upperBound, total: page.lines.count))), at: 0)
        }
        buffer.put(TextLayout.hints(hints, width: width - 2, keep: 1, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }

    /// The whole page at `width`: the question, then what its phase adds; with the choices and
    /// cells a click answers, in the page's coordinates (column, line), while it waits for one.
    /// `tinted` only changes styles, never the lines: counting them can leave it off.
    func page(width: Int, _ t: any Catalogue, tinted: Bool = false) -> (lines: [StyledLine], hits: Hits) {
        guard phase != .summary, let q = current else { return (summaryLines(width: width, t), Hits()) }
        var (lines, hits) = questionPage(q, width: width, t, tinted: tinted)
        if phase != .asking { hits = Hits() }
        switch phase {
        case .answered:
            if let verdict = session.verdict {
                lines.append([])
                lines += verdictLines(q, verdict, width: width, t)
            }
        case .revealed:
            lines.append([])
            lines.append([Span(t.quiz(.modelAnswer), Style(bold: true))])
            lines += Paragraph.wrap([Span(q.expectedText)], width: width - 2).map { [Span("  ")] + $0 }
            lines.append([])
            lines += Paragraph.laidOut(t.quiz(.howWell(info?.intervals)), width: width, style: Style(bold: true))
        case .asking, .summary:
            break
        }
        if let refusal {
            lines.append([])
            lines += Paragraph.wrap("! " + t.refusal(refusal), width: width, style: Style(bold: true))
        }
        return (lines, hits)
    }

    /// The prompt, the computation it works on, then the choices, the listing, the answer field or
    /// the grid (a heat map when `tinted`), with where each choice and cell is.
    func questionPage(_ q: Question, width: Int, _ t: any Catalogue, tinted: Bool = false) -> (lines: [StyledLine], hits: Hits) {
        let context = context.map { $0.lines(width: width, t, tinted: tinted) + [[]] } ?? []
        let above = promptLines(q.prompt, width: width) + [[]] + context
        let (body, bodyHits) = body(q, width: width, t, tinted: tinted)
        var hits = Hits()
        hits.add(bodyHits, x: 0, y: above.count, clip: Rect(x: 0, y: above.count, width: width, height: body.count))
        return (above + body, hits)
    }

    /// The prompt wrapped to the page; a line laid out with runs of spaces (a small grid, an
    /// indented listing) is kept as written where it fits.
    private func promptLines(_ prompt: String, width: Int) -> [StyledLine] {
        prompt.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [StyledLine] in
            let text = String(line)
            let style = Style(bold: true)
            return text.contains("  ") || text.hasPrefix(" ") ? Paragraph.laidOut(text, width: width, style: style)
                : Paragraph.wrap(text, width: width, style: style)
        }
    }

    /// Choices, the listing, the answer field or the grid; with the rows of each choice, or each
    /// cell of the grid.
    private func body(_ q: Question, width: Int, _ t: any Catalogue, tinted: Bool) -> (lines: [StyledLine], hits: Hits) {
        let answered = phase == .answered
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            let multiple = { if case .multiple = q.kind { true } else { false } }()
            return Self.choices(choices.enumerated().map { k, choice -> [StyledLine] in
                let mark = picked.contains(k) ? "[x] " : (multiple ? "[ ] " : "")
                let style = picked.contains(k) && !answered ? Style(bold: true) : .plain
                return Paragraph.hanging(Span("  \(Question.label(k)) \(mark)"), [Span(choice, style)], width: width)
            }, width: width)
        case .spotTheMistake(let lines, _, let isCode):
            return Self.choices(lines.enumerated().map { k, line -> [StyledLine] in
                let label = isCode ? "  \(Question.label(k)) \(String(k + 1).leftPadded(to: 3))  " : "  \(Question.label(k)) "
                guard isCode else { return Paragraph.hanging(Span(label), [Span(line)], width: width) }
                return [[Span(label), Span(TextLayout.truncate(line, width: width - TextWidth.columns(label)), Style(foreground: .cyan))]]
            }, width: width)
        case .numeric, .open:
            let prompt = Span(t.quiz(.yourAnswer), Style(bold: true))
            guard phase == .asking else { return (Paragraph.hanging(prompt, [Span(editor.string)], width: width), Hits()) }
            // The cursor where the next character goes; a long answer wraps.
            let before = String(editor.text[..<editor.cursor]), after = String(editor.text[editor.cursor...])
            return (Paragraph.hanging(prompt, [Span(before), Span("▏", Style(bold: true)), Span(after)], width: width), Hits())
        case .selectCells(_, let answer):
            guard let panel = grid else { return ([], Hits()) }
            var marks: ExplorerState.Marks = [:]
            let cols = panel.drawnSize.cols
            for cell in marked { marks[panel.id, default: [:]][cell.row * cols + cell.col] = .highlight }
            if answered {
                for cell in answer { marks[panel.id, default: [:]][cell.row * cols + cell.col] = .target }
            }
            let widget = ExplorerState.widget(panel, marks: marks, cursor: answered ? nil : (cursor.row, cursor.col),
                                              valuesShown: Self.showsValues(panel), tinted: tinted, t)
            var buffer = CellBuffer(width: width, height: widget.size.height)
            widget.draw(into: &buffer, x: 0, y: 0)
            var hits = Hits()
            for row in 0..<panel.drawnSize.rows {
                for col in 0..<cols { hits.add(widget.cellRect(row: row, col: col), .questionCell(GridCell(row: row, col: col))) }
            }
            // The grid's rows as styled spans, so the marks keep their reverse video.
            return (buffer.styledLines, hits)
        }
    }

    /// Each choice's lines one after the other, each choice's rows across the page being where a
    /// click picks it.
    private static func choices(_ choices: [[StyledLine]], width: Int) -> (lines: [StyledLine], hits: Hits) {
        var lines: [StyledLine] = []
        var hits = Hits()
        for (k, choice) in choices.enumerated() {
            hits.add(Rect(x: 0, y: lines.count, width: width, height: choice.count), .choice(k))
            lines += choice
        }
        return (lines, hits)
    }

    /// ✓ or ✗, the right answer, the explanation, when the card comes back.
    private func verdictLines(_ q: Question, _ verdict: Verdict, width: Int, _ t: any Catalogue) -> [StyledLine] {
        var out: [StyledLine] = []
        switch verdict.correct {
        case true?: out.append([Span(t.quiz(.right), Style(foreground: .green, bold: true))])
        case false?:
            // The mark and what was answered, as sentences of the language (a space between them
            // in English, none in Chinese).
            let wrong = t.quiz(.wrong)
            let both = t.sentences([wrong, t.quiz(.youAnswered(verdict.given))])
            out += Paragraph.wrap([Span(wrong, Style(foreground: .red, bold: true)), Span(String(both.dropFirst(wrong.count)))], width: width)
            out += Paragraph.wrap([Span(t.quiz(.theAnswer(verdict.expected)), Style(bold: true))], width: width)
        case nil:
            out.append([Span(t.quiz(.gradedByYou(verdict.rating.rawValue)), Style(bold: true))])
        }
        if !q.explanation.isEmpty {
            out.append([])
            out += Paragraph.wrap(q.explanation, width: width)
        }
        if let outcome {
            out.append([])
            let text = switch outcome {
            case .due(let interval): t.quiz(.nextReview(interval))
            case .failed(let reason): t.quiz(.notSaved(reason))
            }
            out += Paragraph.wrap(text, width: width, style: Style(dim: true))
        }
        return out
    }

    private func summaryLines(width: Int, _ t: any Catalogue) -> [StyledLine] {
        if session.questions.isEmpty {
            return Paragraph.wrap(t.quiz(.nothingToAsk), width: width, style: Style(bold: true))
        }
        let (right, wrong, selfGraded) = session.tally
        return [[Span(t.quiz(.sessionDone), Style(bold: true))], []]
            + Paragraph.laidOut(t.quiz(.answered(session.verdicts.count, of: session.questions.count)), width: width)
            + Paragraph.laidOut(t.quiz(.tally(right: right, wrong: wrong, selfGraded: selfGraded)), width: width)
    }
}
