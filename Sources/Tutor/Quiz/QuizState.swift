import ConvCore
import LessonKit
import QuizKit
import TermCanvas

/// An answer for the runner to keep: which card, what the learner gave, how it was graded.
public struct QuizAnswer: Equatable, Sendable {
    public var questionID: String
    public var topic: String
    public var contentHash: String
    public var verdict: Verdict

    public init(_ question: Question, _ verdict: Verdict) {
        questionID = question.id
        topic = question.topic
        contentHash = question.contentHash
        self.verdict = verdict
    }
}

/// A quiz session: questions one after another, each answered (or refused with a hint), graded,
/// explained, and its computation replayable; a summary at the end. Pure: keys in, effects out.
public struct QuizState: Equatable, Sendable {
    /// Where the current question is.
    public enum Phase: Equatable, Sendable {
        /// Waiting for the answer.
        case asking
        /// An open question's model answer is shown; waiting for the learner's grade.
        case revealed
        case answered(Verdict)
        /// Every question done (or the learner stopped): the session's summary.
        case summary
    }

    public private(set) var questions: [Question]
    public private(set) var index = 0
    public private(set) var phase: Phase = .asking
    /// The text typed for a numeric or open question.
    public private(set) var editor = LineEditor()
    /// The choices toggled in a multiple-choice question.
    public private(set) var picked: Set<Int> = []
    /// The cursor and the marked cells of a select-the-cells question.
    public private(set) var cursor = GridCell(row: 0, col: 0)
    public private(set) var marked: Set<GridCell> = []
    /// Why the last answer was refused.
    public private(set) var hint: String?
    /// Every verdict so far, in order.
    public private(set) var verdicts: [Verdict] = []
    /// When the card is due next, as the runner reports it after saving the answer.
    public private(set) var nextReview: String?
    /// The computation behind the answer, playing on the explorer.
    public var animation: ExplorerState?
    /// What the session is called in the header: `Quiz`, or nothing inside a lesson.
    public let title: String
    /// The session's language: its words and its hints.
    public let lang: String

    public init(questions: [Question], title: String? = nil, lang: String = "en") {
        self.questions = questions
        self.lang = lang
        self.title = title ?? QuizWords(lang: lang).quiz
        if questions.isEmpty { phase = .summary }
    }

    var words: QuizWords { QuizWords(lang: lang) }

    public var current: Question? { questions.indices.contains(index) ? questions[index] : nil }

    /// True while typed keys go into the answer (so `q` and `?` are text, not commands).
    public var isTyping: Bool {
        guard phase == .asking, let q = current else { return animation?.editor != nil }
        switch q.kind {
        case .numeric, .open: return true
        default: return false
        }
    }

    /// The effect that starts the first question's clock.
    public var startEffects: [Effect] {
        current.map { [.questionShown(id: $0.id)] } ?? []
    }

    /// The runner saved the answer: when the card comes back.
    mutating func scheduled(id: String, next: String) {
        if current?.id == id, case .answered = phase { nextReview = next }
    }

    /// Handles a key; `leave` is true when the learner is done with the session.
    mutating func handle(_ key: Key) -> (leave: Bool, effects: [Effect]) {
        if var explorer = animation {
            let (leave, effects) = explorer.handle(key)
            animation = leave ? nil : explorer
            return (false, effects)
        }
        switch phase {
        case .summary:
            switch key {
            case .enter, .escape, .character("q"), .character(" "): return (true, [])
            default: return (false, [])
            }
        case .answered:
            switch key {
            case .enter, .right, .character(" "), .character("n"), .character("l"): return (false, next())
            case .character("a"): openAnimation()
            case .escape, .character("q"): phase = .summary
            default: break
            }
            return (false, [])
        case .revealed:
            if case .character(let c) = key, let k = c.wholeNumberValue, let rating = Rating(rawValue: k) {
                return (false, answer(.selfGraded(answer: editor.string, rating)))
            }
            if key == .escape { phase = .summary }
            return (false, [])
        case .asking:
            return asking(key)
        }
    }

    private mutating func asking(_ key: Key) -> (leave: Bool, effects: [Effect]) {
        guard let q = current else { return (false, []) }
        switch q.kind {
        case .single, .spotTheMistake:
            if case .character(let c) = key, c != "q" {
                switch q.read(String(c), lang: lang) {
                case .success(let response): return (false, answer(response))
                case .failure(let refusal): hint = refusal.hint
                }
            } else if key == .character("q") || key == .escape {
                phase = .summary
            }
        case .multiple:
            switch key {
            case .enter:
                switch q.read(picked.sorted().map { String($0 + 1) }.joined(separator: " "), lang: lang) {
                case .success(let response): return (false, answer(response))
                case .failure(let refusal): hint = refusal.hint
                }
            case .character("q"), .escape: phase = .summary
            case .character(let c):
                if case .success(.choices(let k)) = q.read(String(c), lang: lang), let choice = k.first {
                    if picked.contains(choice) { picked.remove(choice) } else { picked.insert(choice) }
                    hint = nil
                } else {
                    hint = lang == "zh" ? "按字母选中或取消选项，按 Enter 提交" : "press a letter to pick or unpick a choice, Enter to answer"
                }
            default: break
            }
        case .numeric, .open:
            if key == .escape {
                if editor.isEmpty { phase = .summary } else { editor = LineEditor() }
            } else if key == .enter {
                if case .open = q.kind {
                    phase = .revealed
                    hint = nil
                } else {
                    switch q.read(editor.string, lang: lang) {
                    case .success(let response): return (false, answer(response))
                    case .failure(let refusal): hint = refusal.hint
                    }
                }
            } else if editor.handle(key) {
                hint = nil
            }
        case .selectCells(let panel, _):
            let size = gridSize(panel)
            switch key {
            case .up, .character("k"): cursor.row = max(0, cursor.row - 1)
            case .down, .character("j"): cursor.row = min(size.rows - 1, cursor.row + 1)
            case .left, .character("h"): cursor.col = max(0, cursor.col - 1)
            case .right, .character("l"): cursor.col = min(size.cols - 1, cursor.col + 1)
            case .character(" "), .character("x"):
                if marked.contains(cursor) { marked.remove(cursor) } else { marked.insert(cursor) }
                hint = nil
            case .enter:
                guard !marked.isEmpty else {
                    hint = lang == "zh" ? "先用空格标记至少一个格子，再按 Enter" : "mark at least one cell with space, then Enter"
                    break
                }
                return (false, answer(.cells(marked)))
            case .character("q"), .escape: phase = .summary
            default: break
            }
        }
        return (false, [])
    }

    /// Grades `response`, shows the verdict, and asks the runner to keep it.
    private mutating func answer(_ response: Response) -> [Effect] {
        guard let q = current else { return [] }
        let verdict = q.grade(response)
        verdicts.append(verdict)
        phase = .answered(verdict)
        hint = nil
        nextReview = nil
        return [.recordAnswer(QuizAnswer(q, verdict))]
    }

    /// The next question, or the summary after the last.
    private mutating func next() -> [Effect] {
        index += 1
        editor = LineEditor()
        picked = []
        marked = []
        cursor = GridCell(row: 0, col: 0)
        hint = nil
        nextReview = nil
        guard let q = current else {
            phase = .summary
            return []
        }
        phase = .asking
        return [.questionShown(id: q.id)]
    }

    /// Plays the computation behind the current question, opened on the cell asked for.
    private mutating func openAnimation() {
        guard let q = current, let block = q.animation else { return }
        var config = ExplorerConfig(animation: block)
        // A lesson question's cell is found in the cell-by-cell view.
        let step = q.animationStep ?? q.computation?.animationStep()
        if q.animationStep == nil, step != nil { config.presentation = .cells }
        var explorer = ExplorerState(config: config)
        explorer.step = max(0, (step ?? block.startStep ?? 1) - 1)
        animation = explorer
    }

    /// The scene of the current question's animation, for drawing a select-the-cells grid.
    var scene: Scene? {
        guard let block = current?.animation else { return nil }
        return try? Scene.build(ExplorerConfig(animation: block))
    }

    /// Rows and columns of a panel as drawn (with its padding ring).
    func gridSize(_ title: String) -> (rows: Int, cols: Int) {
        guard let panel = scene?.panels.first(where: { $0.title == title }) else { return (1, 1) }
        return (panel.grid.shape[0] + 2 * panel.padding.h, panel.grid.shape[1] + 2 * panel.padding.w)
    }

    /// Right answers, wrong ones, and self-graded ones so far.
    public var tally: (right: Int, wrong: Int, selfGraded: Int) {
        (verdicts.filter { $0.correct == true }.count, verdicts.filter { $0.correct == false }.count,
         verdicts.filter { $0.correct == nil }.count)
    }
}
