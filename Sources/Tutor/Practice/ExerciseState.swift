import LessonKit
import Localization
import Practice
import Scenes
import TermCanvas

/// An exercise open on screen: its statement, the learner's file, the last check's report, the
/// hints shown so far, the solution once asked for twice, or the explorer on the first wrong cell.
public struct ExerciseState: Equatable, Sendable {
    /// The exercise file: its statement is its steps, its spec, starter and solution its exercise.
    public let lesson: Lesson
    /// Where the learner writes it.
    public let file: String
    /// The last check, if one ran since the exercise was opened.
    public var report: PracticeReport?
    /// A check is running.
    public var checking = false
    /// The starter was written on opening (the file did not exist).
    public var starterWritten = false
    /// Why the file could not be prepared, if it could not.
    public var fileProblem: String?
    /// Hints shown: the first `hints`; one more than there are says there are no more.
    public var hints = 0
    public var solution: SolutionState = .hidden
    public var scroll = ScrollPosition()
    /// The explorer on the first wrong cell, over the page.
    public var animation: ExplorerState?
    /// Why `a` could not open the explorer, until the next key.
    public var refusal: String?

    /// The reference solution is shown only when asked for twice.
    public enum SolutionState: Equatable, Sendable {
        case hidden, asking, shown
    }

    public init(lesson: Lesson, file: String) {
        self.lesson = lesson
        self.file = file
    }

    public var id: String { lesson.meta.id }

    var keyContext: KeyContext {
        if let animation { return animation.keyContext }
        return .exercise(explore: !wrongCells.isEmpty)
    }

    /// Advances the explorer's animation, when it plays.
    mutating func tick() -> [Effect] {
        guard var explorer = animation else { return [] }
        let effects = explorer.tick()
        animation = explorer
        return effects
    }

    /// Acts on a key; `leave` when the learner goes back to the list.
    mutating func handle(_ key: Key, viewport: Viewport, _ t: any Catalogue) -> (leave: Bool, effects: [Effect]) {
        refusal = nil
        if var explorer = animation {
            let (leave, effects) = explorer.handle(key)
            animation = leave ? nil : explorer
            return (false, effects)
        }
        let action = Keymap.action(for: key, in: keyContext)
        // Any key but `s` keeps the solution hidden after it was asked for once.
        if solution == .asking, action != .showSolution { solution = .hidden }
        switch action {
        case .back?:
            return (true, [.closeExercise])
        case .checkNow?:
            return (false, startCheck(viewport: viewport, t))
        case .nextHint?:
            hints = min(hints + 1, (lesson.exercise?.spec.hints.count ?? 0) + 1)
            scrollToEnd(viewport, t)
        case .showSolution?:
            solution = solution == .hidden ? .asking : .shown
            scrollToEnd(viewport, t)
        case .exploreWrongCell?:
            switch explorer(viewport, t) {
            case .success(let explorer): animation = explorer
            case .failure(let why): refusal = why.text
            }
        case let action? where action.scrollMove != nil:
            scrollPage(action.scrollMove!, viewport: viewport, t)
        default:
            break
        }
        return (false, [])
    }

    /// Starts a check unless one runs: the page shows "Checking…" where the report will come.
    mutating func startCheck(viewport: Viewport, _ t: any Catalogue) -> [Effect] {
        guard !checking else { return [] }
        checking = true
        scrollToReport(viewport, t)
        return [.checkExercise(id: id)]
    }

    /// A check's report arrived: shown, and scrolled into view.
    mutating func checked(_ report: PracticeReport, viewport: Viewport, _ t: any Catalogue) {
        self.report = report
        checking = false
        animation = nil
        scrollToReport(viewport, t)
    }

    /// Scrolls to where the results start (as far as the page goes).
    private mutating func scrollToReport(_ viewport: Viewport, _ t: any Catalogue) {
        let start = reportStart(width: Self.textWidth(viewport), t)
        let count = page(width: Self.textWidth(viewport), t).count
        scroll = ScrollPosition(top: start).clamped(count: count, visible: Self.visibleRows(viewport))
    }

    /// Moves the page.
    mutating func scrollPage(_ move: ScrollPosition.Move, viewport: Viewport, _ t: any Catalogue) {
        scroll.move(move, count: page(width: Self.textWidth(viewport), t).count, visible: Self.visibleRows(viewport))
    }

    private mutating func scrollToEnd(_ viewport: Viewport, _ t: any Catalogue) {
        scrollPage(.bottom, viewport: viewport, t)
    }

    /// Rows of the page: below the header, above the hint line.
    static func visibleRows(_ viewport: Viewport) -> Int { viewport.height - 3 }

    /// Columns the page is wrapped to.
    static func textWidth(_ viewport: Viewport) -> Int { viewport.width - 4 }
}
