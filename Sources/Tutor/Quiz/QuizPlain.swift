import ConvCore
import QuizKit
import TermCanvas

/// A quiz as lines of plain text, for `quiz --plain`: questions on stdout, answers read line by
/// line, so screen readers and scripts can use it. No escape sequences; lesson text shown inert.
public enum QuizPlain {
    /// The question: its number, prompt, choices or listing, or the grid with coordinates.
    public static func question(_ q: Question, number: Int, of total: Int, _ words: QuizWords = .english) -> [String] {
        var lines = ["", words.plainQuestion(number, total, q.topic), q.prompt]
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            lines += choices.enumerated().map { "  \(Question.label($0)) \($1)" }
        case .spotTheMistake(let rows, _, let isCode):
            lines += rows.enumerated().map { k, row in isCode ? "  \(Question.label(k)) \(String(k + 1).leftPadded(to: 3))  \(row)" : "  \(Question.label(k)) \(row)" }
        case .selectCells(let title, _):
            lines += grid(q, title, words)
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
    public static func ask(_ q: Question, _ words: QuizWords = .english) -> String {
        words.ask(q.kind)
    }

    /// After an open question's answer: the model answer and the grade to give.
    public static func reveal(_ q: Question, _ words: QuizWords = .english) -> [String] {
        inert([words.modelAnswer + " " + q.expectedText, words.howWell])
    }

    /// Right or wrong, the right answer, the explanation, when the card comes back.
    public static func verdict(_ q: Question, _ v: Verdict, next: String?, _ words: QuizWords = .english) -> [String] {
        // The screen's words without its marks: ✓ and ✗ are for eyes, not for screen readers.
        let plain = { (text: String) in String(text.drop { $0 == "✓" || $0 == "✗" || $0 == " " }) }
        var lines: [String]
        switch v.correct {
        case true?: lines = [plain(words.right)]
        case false?: lines = [plain(words.wrong) + words.youAnswered + v.given, words.theAnswer + v.expected]
        case nil: lines = [words.gradedByYou(v.rating)]
        }
        if !q.explanation.isEmpty { lines.append(q.explanation) }
        if let animation = q.animation {
            // The computation, as its animation shows it: the asked cell's arithmetic.
            var config = ExplorerConfig(animation: animation)
            let step = q.animationStep ?? q.computation?.animationStep()
            if q.animationStep == nil { config.presentation = .cells }
            if let step, let scene = try? Scene.build(config), scene.steps.indices.contains(step - 1) {
                lines.append(words.worked + scene.steps[step - 1].equation)
            }
        }
        if let next { lines.append(words.nextReview(next)) }
        return inert(lines)
    }

    /// The session's end: how many were answered, right, wrong, self-graded.
    public static func summary(_ verdicts: [Verdict], of total: Int, _ words: QuizWords = .english) -> [String] {
        let right = verdicts.filter { $0.correct == true }.count
        let wrong = verdicts.filter { $0.correct == false }.count
        return ["", words.plainSummary(verdicts.count, total, right, wrong, verdicts.count - right - wrong)]
    }

    /// A select-the-cells question's grid with row and column numbers (padding cells as `·`).
    static func grid(_ q: Question, _ title: String, _ words: QuizWords) -> [String] {
        guard let animation = q.animation, let scene = try? Scene.build(ExplorerConfig(animation: animation)),
              let panel = scene.panels.first(where: { $0.title == title }) else { return [] }
        let (rows, cols) = (panel.grid.shape[0] + 2 * panel.padding.h, panel.grid.shape[1] + 2 * panel.padding.w)
        var cells = Array(repeating: Array(repeating: "·", count: cols), count: rows)
        for r in 0..<panel.grid.shape[0] {
            for c in 0..<panel.grid.shape[1] { cells[r + panel.padding.h][c + panel.padding.w] = Text.number(panel.grid[[r, c]]) }
        }
        let width = max(2, (cells.flatMap { $0 } + (0..<cols).map(String.init)).map(\.count).max() ?? 1)
        let pad = { (s: String) in String(repeating: " ", count: width - s.count) + s }
        var lines = [words.gridHeader(title), "     " + (0..<cols).map { pad(String($0)) }.joined(separator: " ")]
        for r in 0..<rows { lines.append(pad(String(r)).leftPadded(to: 3) + "  " + cells[r].map(pad).joined(separator: " ")) }
        return lines
    }
}
