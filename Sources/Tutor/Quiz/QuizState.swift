import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas

/// A quiz on the screen: the session (questions, answers, verdicts), what the learner is typing
/// or marking, the verdict's review outcome, the page's scroll and the computation replayed on the
/// explorer. Pure: keys in, effects out.
public struct QuizState: Equatable, Sendable {
    /// Where the current question is.
    public enum Phase: Equatable, Sendable {
        /// Waiting for the answer.
        case asking
        /// An open question's model answer is shown; waiting for the learner's grade.
        case revealed
        /// The verdict is shown.
        case answered
        /// Every question done (or the learner stopped): the session's summary.
        case summary
    }

    public private(set) var session: QuizSession
    public private(set) var phase: Phase = .asking
    /// The text typed for a numeric or open question.
    public private(set) var editor = LineEditor()
    /// The choices toggled in a multiple-choice question.
    public private(set) var picked: Set<Int> = []
    /// The cursor and the marked cells of a select-the-cells question.
    public private(set) var cursor = GridCell(row: 0, col: 0)
    public private(set) var marked: Set<GridCell> = []
    /// Why the last answer was refused.
    public private(set) var refusal: Refusal?
    /// What became of the answer: saved with its next review, or not saved.
    public private(set) var outcome: ReviewOutcome?
    /// What the runner said of the current question's card: new or a review, its topic, when
    /// each grade brings it back.
    public private(set) var info: QuestionInfo?
    /// How far the page is scrolled.
    public private(set) var scroll = ScrollPosition()
    /// The computation behind the answer, playing on the explorer.
    public var animation: ExplorerState?
    /// The grid a select-the-cells question asks about, built when the question comes up.
    public private(set) var grid: Panel?
    /// The settings and given grids of a lesson question's computation, built when it comes up.
    private(set) var context: QuestionContext?
    /// Whether the header names the session (`Quiz`); inside a lesson the player's header names
    /// the lesson and the step already.
    public let titled: Bool

    public init(questions: [Question], titled: Bool = true) {
        session = QuizSession(questions: questions)
        self.titled = titled
        if questions.isEmpty { phase = .summary }
        grid = Self.grid(of: session.current)
        context = QuestionContext(session.current)
    }

    public var current: Question? { session.current }

    /// The effect that starts the first question's clock.
    public var startEffects: [Effect] {
        current.map { [.questionShown(id: $0.id)] } ?? []
    }

    /// Where the keys are going.
    var keyContext: KeyContext {
        if let animation { return animation.keyContext }
        guard let q = current else { return .quizSummary }
        switch phase {
        case .summary: return .quizSummary
        case .answered: return .quizAnswered(replay: q.animation != nil)
        case .revealed: return .quizGrade
        case .asking:
            switch q.kind {
            case .single, .spotTheMistake: return .quizChoice(count: q.optionCount)
            case .multiple: return .quizChoices(count: q.optionCount)
            case .numeric: return .quizNumber
            case .open: return .quizOpen
            case .selectCells: return .quizCells
            }
        }
    }

    /// The runner told what it knows of a question's card.
    mutating func learned(_ info: QuestionInfo, about id: CardID) {
        if current?.id == id, phase != .answered { self.info = info }
    }

    /// The runner saved the answer (or could not).
    mutating func scheduled(id: CardID, _ outcome: ReviewOutcome) {
        if current?.id == id, phase == .answered { self.outcome = outcome }
    }

    /// The replayed computation's animation tick.
    mutating func tick() -> [Effect] {
        guard var explorer = animation else { return [] }
        let effects = explorer.tick()
        animation = explorer
        return effects
    }

    /// Handles a key; `leave` is true when the learner is done with the session.
    mutating func handle(_ key: Key, viewport: Viewport, _ t: any Catalogue) -> (leave: Bool, effects: [Effect]) {
        if var explorer = animation {
            let (leave, effects) = explorer.handle(key)
            animation = leave ? nil : explorer
            return (false, effects)
        }
        let context = keyContext
        guard let action = Keymap.action(for: key, in: context) else {
            // In a text field, everything else is typed; a grade is 1 to 4.
            if context.isTyping, editor.handle(key) { refusal = nil }
            if context == .quizGrade { refusal = .grade }
            return (false, [])
        }
        return perform(action, viewport: viewport, t)
    }

    /// A click on the page: a choice answers (or, where several are picked, is picked or
    /// unpicked), a cell of the grid is marked or unmarked; on the replayed computation, a grid
    /// cell takes the explorer's cursor.
    mutating func click(_ target: HitTarget, viewport: Viewport, _ t: any Catalogue) -> [Effect] {
        if animation != nil {
            animation?.click(target)
            return []
        }
        guard let q = current else { return [] }
        switch (target, q.kind) {
        case (.choice(let k), .multiple): return perform(.toggleChoice(k), viewport: viewport, t).effects
        case (.choice(let k), _): return perform(.choose(k), viewport: viewport, t).effects
        case (.questionCell(let cell), _):
            cursor = cell
            return perform(.markCell, viewport: viewport, t).effects
        default: return []
        }
    }

    /// Scrolls the page (the replayed computation has no page to scroll).
    mutating func scrollPage(_ move: ScrollPosition.Move, viewport: Viewport, _ t: any Catalogue) {
        guard animation == nil else { return }
        scroll.move(move, count: page(width: Self.textWidth(viewport), t).lines.count, visible: Self.visibleRows(viewport))
    }

    /// Does what a key or a click asks; `leave` is true when the learner is done with the session.
    private mutating func perform(_ action: Action, viewport: Viewport, _ t: any Catalogue) -> (leave: Bool, effects: [Effect]) {
        if let move = action.scrollMove {
            scrollPage(move, viewport: viewport, t)
            return (false, [])
        }
        switch action {
        case .back: return (true, [])
        case .finish:
            session.stop()
            phase = .summary
            scroll = ScrollPosition()
        case .cancel:
            // Esc clears a typed answer, or finishes when there is none.
            if editor.isEmpty {
                session.stop()
                phase = .summary
            } else {
                editor = LineEditor()
            }
        case .choose(let k): return (false, submit(String(k + 1), viewport: viewport, t))
        case .toggleChoice(let k):
            if picked.contains(k) { picked.remove(k) } else { picked.insert(k) }
            refusal = nil
        case .submit:
            guard let q = current else { break }
            switch q.kind {
            case .multiple:
                return (false, submit(picked.sorted().map { String($0 + 1) }.joined(separator: " "), viewport: viewport, t))
            case .open:
                phase = .revealed
                refusal = nil
            case .selectCells:
                guard !marked.isEmpty else {
                    refusal = .cells
                    break
                }
                return (false, record(session.answer(.cells(marked)), viewport: viewport, t))
            default:
                return (false, submit(editor.string, viewport: viewport, t))
            }
        case .grade(let n):
            if case .success(let verdict) = session.grade(String(n), answer: editor.string) {
                return (false, record(verdict, viewport: viewport, t))
            }
        case .cursorUp, .cursorDown, .cursorLeft, .cursorRight:
            moveCursor(action)
        case .markCell:
            if marked.contains(cursor) { marked.remove(cursor) } else { marked.insert(cursor) }
            refusal = nil
        case .nextQuestion: return (false, next())
        case .watch: openAnimation()
        default: break
        }
        return (false, [])
    }

    /// Reads typed text as the answer: refused with a hint, or graded and kept.
    private mutating func submit(_ text: String, viewport: Viewport, _ t: any Catalogue) -> [Effect] {
        switch session.submit(text) {
        case .success(let verdict)?: return record(verdict, viewport: viewport, t)
        case .failure(let why)?: refusal = why
        case nil: break
        }
        return []
    }

    /// Shows the verdict (scrolled so that it starts in view) and asks the runner to keep it.
    private mutating func record(_ verdict: Verdict, viewport: Viewport, _ t: any Catalogue) -> [Effect] {
        guard let q = current else { return [] }
        phase = .answered
        refusal = nil
        outcome = nil
        let width = Self.textWidth(viewport), visible = Self.visibleRows(viewport)
        let start = questionPage(q, width: width, t).lines.count + 1
        let count = page(width: width, t).lines.count
        if start >= scroll.top + visible { scroll = ScrollPosition(top: start).clamped(count: count, visible: visible) }
        return [.recordAnswer(QuizAnswer(q, verdict))]
    }

    /// The next question, or the summary after the last.
    private mutating func next() -> [Effect] {
        session.advance()
        editor = LineEditor()
        picked = []
        marked = []
        cursor = GridCell(row: 0, col: 0)
        refusal = nil
        outcome = nil
        info = nil
        scroll = ScrollPosition()
        grid = Self.grid(of: current)
        context = QuestionContext(current)
        guard let q = current else {
            phase = .summary
            return []
        }
        phase = .asking
        return [.questionShown(id: q.id)]
    }

    private mutating func moveCursor(_ action: Action) {
        guard let size = grid?.drawnSize else { return }
        switch action {
        case .cursorUp: cursor.row = max(0, cursor.row - 1)
        case .cursorDown: cursor.row = min(size.rows - 1, cursor.row + 1)
        case .cursorLeft: cursor.col = max(0, cursor.col - 1)
        case .cursorRight: cursor.col = min(size.cols - 1, cursor.col + 1)
        default: break
        }
    }

    /// Plays the computation behind the current question, opened on the cell asked for.
    private mutating func openAnimation() {
        guard let q = current, let block = q.animation, let (config, step) = q.replay else { return }
        var explorer = ExplorerState(config: config)
        explorer.step = max(0, (step ?? block.startStep ?? 1) - 1)
        animation = explorer
    }

    /// The grid of a select-the-cells question: the panel of its animation's scene it names.
    ///
    /// A result grid (dx of a scatter) is asked about before it is built: its values are not
    /// shown (see `showsValues`) and it loses its `so far` caption, which described the last step.
    static func grid(of q: Question?) -> Panel? {
        guard case .selectCells(let name, _)? = q?.kind, let block = q?.animation,
              let scene = try? Scene.build(ExplorerConfig(animation: block)),
              var panel = scene.panel(Panel.ID(name)) else { return nil }
        if !showsValues(panel) { panel.caption = nil }
        return panel
    }

    /// Whether a question's grid shows its values: given grids do; a result grid would show the
    /// sums of every step, cells the asked one never reaches among them.
    static func showsValues(_ panel: Panel) -> Bool { !panel.isResult }

    /// Rows of the page: below the header, above the hint line.
    static func visibleRows(_ viewport: Viewport) -> Int { viewport.height - 3 }

    /// Columns the page is wrapped to: two columns of margin on the left, two on the right (the
    /// first of them holds the scroll marks).
    static func textWidth(_ viewport: Viewport) -> Int { viewport.width - 4 }
}
