import ConvCore
import QuizKit
import TermCanvas

/// A quiz as lines of plain text, for `quiz --plain`: questions on stdout, answers read line by
/// line, so screen readers and scripts can use it. No escape sequences; lesson text shown inert.
public enum QuizPlain {
    /// The question: its number, prompt, choices or listing, or the grid with coordinates.
    public static func question(_ q: Question, number: Int, of total: Int) -> [String] {
        var lines = ["", "Question \(number) of \(total) (\(q.topic)):", q.prompt]
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            lines += choices.enumerated().map { "  \(Question.label($0)) \($1)" }
        case .spotTheMistake(let rows, _, let isCode):
            lines += rows.enumerated().map { k, row in isCode ? "  \(Question.label(k)) \(String(k + 1).leftPadded(to: 3))  \(row)" : "  \(Question.label(k)) \(row)" }
        case .selectCells(let title, _):
            lines += grid(q, title)
        case .numeric, .open:
            break
        }
        return inert(lines)
    }

    /// Lines split at their line breaks, each made inert (no escape sequence reaches stdout).
    static func inert(_ lines: [String]) -> [String] {
        lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { InertText.sanitize(String($0)) }
    }

    /// What to type: the line that asks for the answer.
    public static func ask(_ q: Question) -> String {
        switch q.kind {
        case .single, .spotTheMistake: "Answer with a letter or a number:"
        case .multiple: "Answer with every right letter (e.g. a c):"
        case .numeric: "Answer with a number (or invalid):"
        case .open: "Your answer (any text; then the model answer is shown):"
        case .selectCells: "Answer with the cells as row,col pairs (e.g. 0,0 0,1):"
        }
    }

    /// After an open question's answer: the model answer and the grade to give.
    public static func reveal(_ q: Question) -> [String] {
        inert(["Model answer: " + q.expectedText, "Grade yourself: 1 again, 2 hard, 3 good, 4 easy:"])
    }

    /// Right or wrong, the right answer, the explanation, when the card comes back.
    public static func verdict(_ q: Question, _ v: Verdict, next: String?) -> [String] {
        var lines: [String]
        switch v.correct {
        case true?: lines = ["Right."]
        case false?: lines = ["Wrong. You answered: \(v.given)", "The answer: \(v.expected)"]
        case nil: lines = ["Graded by you: \(["", "again", "hard", "good", "easy"][v.rating.rawValue])."]
        }
        if !q.explanation.isEmpty { lines.append(q.explanation) }
        if let animation = q.animation {
            // The computation, as its animation shows it: the asked cell's arithmetic.
            var config = ExplorerConfig(animation: animation)
            let step = q.animationStep ?? q.computation?.animationStep()
            if q.animationStep == nil { config.presentation = .cells }
            if let step, let scene = try? Scene.build(config), scene.steps.indices.contains(step - 1) {
                lines.append("Worked: " + scene.steps[step - 1].equation)
            }
        }
        if let next { lines.append("Next review: \(next).") }
        return inert(lines)
    }

    /// The session's end: how many were answered, right, wrong, self-graded.
    public static func summary(_ verdicts: [Verdict], of total: Int) -> [String] {
        let right = verdicts.filter { $0.correct == true }.count
        let wrong = verdicts.filter { $0.correct == false }.count
        return ["", "Session done: answered \(verdicts.count) of \(total); right \(right), wrong \(wrong), graded by you \(verdicts.count - right - wrong)."]
    }

    /// A select-the-cells question's grid with row and column numbers (padding cells as `·`).
    static func grid(_ q: Question, _ title: String) -> [String] {
        guard let animation = q.animation, let scene = try? Scene.build(ExplorerConfig(animation: animation)),
              let panel = scene.panels.first(where: { $0.title == title }) else { return [] }
        let (rows, cols) = (panel.grid.shape[0] + 2 * panel.padding.h, panel.grid.shape[1] + 2 * panel.padding.w)
        var cells = Array(repeating: Array(repeating: "·", count: cols), count: rows)
        for r in 0..<panel.grid.shape[0] {
            for c in 0..<panel.grid.shape[1] { cells[r + panel.padding.h][c + panel.padding.w] = Text.number(panel.grid[[r, c]]) }
        }
        let width = max(2, (cells.flatMap { $0 } + (0..<cols).map(String.init)).map(\.count).max() ?? 1)
        let pad = { (s: String) in String(repeating: " ", count: width - s.count) + s }
        var lines = ["\(title), rows and columns numbered from 0:", "     " + (0..<cols).map { pad(String($0)) }.joined(separator: " ")]
        for r in 0..<rows { lines.append(pad(String(r)).leftPadded(to: 3) + "  " + cells[r].map(pad).joined(separator: " ")) }
        return lines
    }
}
