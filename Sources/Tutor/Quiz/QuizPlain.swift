import ConvCore
import Localization
import QuizKit
import Scenes
import TermCanvas

/// A quiz as lines of plain text, for `quiz --plain`: questions on stdout, answers read line by
/// line, so screen readers and scripts can use it. No escape sequences; lesson text shown inert.
public enum QuizPlain {
    /// The question: its number and topic, prompt, choices or listing, or the grid with
    /// coordinates; `topic` names it (a lesson's title, a problem family).
    public static func question(_ q: Question, number: Int, of total: Int, topic: String, _ t: any Catalogue) -> [String] {
        var lines = ["", t.quiz(.plainQuestion(number, of: total, topic: topic)), q.prompt]
        if let context = QuestionContext(q) { lines += [""] + context.plainLines(t) }
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            lines += choices.enumerated().map { "  \(Question.label($0)) \($1)" }
        case .spotTheMistake(let rows, _, let isCode):
            lines += rows.enumerated().map { k, row in isCode ? "  \(Question.label(k)) \(String(k + 1).leftPadded(to: 3))  \(row)" : "  \(Question.label(k)) \(row)" }
        case .selectCells:
            lines += grid(q, t)
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
    public static func ask(_ q: Question, _ t: any Catalogue) -> String {
        let kind: AnswerKind = switch q.kind {
        case .single, .spotTheMistake: .choice
        case .multiple: .choices
        case .numeric: .number
        case .open: .open
        case .selectCells: .cells
        }
        return t.quiz(.ask(kind))
    }

    /// After an open question's answer: the model answer and the grade to give, with when each
    /// grade brings the card back when known.
    public static func reveal(_ q: Question, intervals: [ReviewInterval]?, _ t: any Catalogue) -> [String] {
        inert([t.quiz(.modelAnswer) + " " + q.expectedText, t.quiz(.howWell(intervals))])
    }

    /// A refused answer's hint.
    public static func refused(_ refusal: Refusal, _ t: any Catalogue) -> String {
        "! " + t.refusal(refusal)
    }

    /// Right or wrong, the right answer, the explanation, the computation, when the card comes back.
    public static func verdict(_ q: Question, _ v: Verdict, outcome: ReviewOutcome?, _ t: any Catalogue) -> [String] {
        // The screen's words without its marks: ✓ and ✗ are for eyes, not for screen readers.
        let plain = { (text: String) in String(text.drop { $0 == "✓" || $0 == "✗" || $0 == " " }) }
        var lines: [String]
        switch v.correct {
        case true?: lines = [plain(t.quiz(.right))]
        case false?: lines = [t.sentences([plain(t.quiz(.wrong)), t.quiz(.youAnswered(v.given))]), t.quiz(.theAnswer(v.expected))]
        case nil: lines = [t.quiz(.gradedByYou(v.rating.rawValue))]
        }
        if !q.explanation.isEmpty { lines.append(q.explanation) }
        // The computation, as its animation shows it: the asked cell's arithmetic.
        if let replay = q.replay, let step = replay.step, let scene = try? Scene.build(replay.config),
           scene.steps.indices.contains(step - 1) {
            lines.append(t.quiz(.worked(t.equation(of: scene.steps[step - 1]))))
        }
        switch outcome {
        case .due(let interval)?: lines.append(t.quiz(.nextReview(interval)))
        case .failed(let reason)?: lines.append(t.quiz(.notSaved(reason)))
        case nil: break
        }
        return inert(lines)
    }

    /// The session's end: how many were answered, right, wrong, self-graded.
    public static func summary(_ session: QuizSession, _ t: any Catalogue) -> [String] {
        let (right, wrong, selfGraded) = session.tally
        return ["", t.quiz(.plainSummary(answered: session.verdicts.count, of: session.questions.count, right: right,
                                         wrong: wrong, selfGraded: selfGraded))]
    }

    /// A select-the-cells question's grid with row and column numbers (padding cells as `·`, a
    /// result grid's cells as `_`, as on screen).
    static func grid(_ q: Question, _ t: any Catalogue) -> [String] {
        guard let panel = QuizState.grid(of: q) else { return [] }
        let (rows, cols) = panel.drawnSize
        let showsValues = QuizState.showsValues(panel)
        var cells = Array(repeating: Array(repeating: "·", count: cols), count: rows)
        for r in 0..<panel.grid.shape[0] {
            for c in 0..<panel.grid.shape[1] {
                cells[r + panel.padding.h][c + panel.padding.w] = showsValues ? Text.number(panel.grid[[r, c]]) : "_"
            }
        }
        let width = max(2, (cells.flatMap { $0 } + (0..<cols).map(String.init)).map(\.count).max() ?? 1)
        let pad = { (s: String) in String(repeating: " ", count: width - s.count) + s }
        var lines = [t.quiz(.gridHeading(panel.name + (panel.caption.map(t.caption) ?? ""))), "     " + (0..<cols).map { pad(String($0)) }.joined(separator: " ")]
        for r in 0..<rows { lines.append(pad(String(r)).leftPadded(to: 3) + "  " + cells[r].map(pad).joined(separator: " ")) }
        return lines
    }
}
