import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas

/// A lesson being played: which step, how far its text is scrolled, and the step's animation on
/// the explorer or its questions when the learner opens them.
public struct PlayerState: Equatable, Sendable {
    public let lesson: Lesson
    public private(set) var step: Int
    /// How far the step's text is scrolled.
    public private(set) var scroll = ScrollPosition()
    /// The explorer playing the current step's animation, while it is open.
    public var animation: ExplorerState?
    /// Which of the step's animations `a` opens: the first, then the one after the last played.
    public private(set) var nextAnimation = 0
    /// The step's questions being answered, through the quiz engine.
    public var quiz: QuizState?

    /// Opens `lesson` on `step` (kept inside the lesson's steps).
    public init(lesson: Lesson, step: Int = 0) {
        self.lesson = lesson
        self.step = LessonPosition.clamp(step, stepCount: lesson.steps.count)
    }

    public var currentStep: Step? { lesson.steps.isEmpty ? nil : lesson.steps[step] }

    /// The keys of the text page (the explorer and the questions have their own).
    var keyContext: KeyContext {
        if let animation { return animation.keyContext }
        if let quiz { return quiz.keyContext }
        return .lesson(animations: currentStep?.animations.count ?? 0, questions: !questionsOfStep.isEmpty)
    }

    /// Rows of the text page: below the header, above the hint line.
    static func visibleRows(_ viewport: Viewport) -> Int { viewport.height - 3 }

    /// Columns the text is wrapped to: two columns of margin on the left, two on the right (the
    /// first of them holds the scroll marks).
    static func textWidth(_ viewport: Viewport) -> Int { viewport.width - 4 }

    /// Handles a key; `leave` is true when the learner goes back from the text page.
    mutating func handle(_ key: Key, viewport: Viewport, _ t: any Catalogue) -> (leave: Bool, effects: [Effect]) {
        // `[` and `]` change step from the animation and the questions too (unless an answer is
        // being typed).
        if animation != nil || (quiz.map { !$0.keyContext.isTyping } ?? false) {
            if key == .character("[") { return (false, go(to: step - 1)) }
            if key == .character("]") { return (false, go(to: step + 1)) }
        }
        if var explorer = animation {
            let (leave, effects) = explorer.handle(key)
            animation = leave ? nil : explorer
            return (false, effects)
        }
        if var session = quiz {
            let (leave, effects) = session.handle(key, viewport: Self.questionsViewport(viewport), t)
            quiz = leave ? nil : session
            return (false, effects)
        }
        let action = Keymap.action(for: key, in: keyContext)
        if let move = action?.scrollMove {
            scrollPage(move, viewport: viewport, t)
            return (false, [])
        }
        switch action {
        case .back?: return (true, [])
        case .previousStep?: return (false, go(to: step - 1))
        case .nextStep?: return (false, go(to: step + 1))
        case .restart?: return (false, go(to: 0))
        case .playAnimation?: openAnimation(nextAnimation)
        case .playAnimationNumber(let k)?: openAnimation(k - 1)
        case .answerQuestions?:
            // The step's questions, graded and scheduled like any quiz; the player's header names
            // the lesson and the step already.
            let session = QuizState(questions: questionsOfStep, titled: false)
            quiz = session
            return (false, session.startEffects)
        default: break
        }
        return (false, [])
    }

    /// A click on the step's animation or its questions, which act on it as their keys would (the
    /// text page has nothing to click).
    mutating func click(_ target: HitTarget, viewport: Viewport, _ t: any Catalogue) -> [Effect] {
        if animation != nil {
            animation?.click(target)
            return []
        }
        guard var session = quiz else { return [] }
        let effects = session.click(target, viewport: Self.questionsViewport(viewport), t)
        quiz = session
        return effects
    }

    /// Scrolls the step's text, or its questions' page (the animation has no page to scroll).
    mutating func scrollPage(_ move: ScrollPosition.Move, viewport: Viewport, _ t: any Catalogue) {
        if var session = quiz {
            session.scrollPage(move, viewport: Self.questionsViewport(viewport), t)
            quiz = session
        } else if animation == nil {
            scroll.move(move, count: textLines(width: Self.textWidth(viewport), t).count, visible: Self.visibleRows(viewport))
        }
    }

    /// The questions' page: the screen below the player's header.
    private static func questionsViewport(_ viewport: Viewport) -> Viewport {
        Viewport(width: viewport.width, height: viewport.height - 1)
    }

    /// The explorer's animation tick, while its page (or a question's replay) is open.
    mutating func tick() -> [Effect] {
        if var explorer = animation {
            let effects = explorer.tick()
            animation = explorer
            return effects
        }
        guard var session = quiz else { return [] }
        let effects = session.tick()
        quiz = session
        return effects
    }

    /// The current step's quiz blocks as questions.
    public var questionsOfStep: [Question] {
        (currentStep?.blocks ?? []).compactMap { block in
            if case .quiz(let item) = block { Question(item, lesson: lesson.meta.id) } else { nil }
        }
    }

    /// Moves to step `k`, saving the position; the last step also records completion.
    mutating func go(to k: Int) -> [Effect] {
        let target = LessonPosition.clamp(k, stepCount: lesson.steps.count)
        guard target != step else { return [] }
        step = target
        scroll = ScrollPosition()
        animation = nil
        quiz = nil
        nextAnimation = 0
        var effects: [Effect] = [.saveProgress(lesson: lesson.meta.id, step: step, stepCount: lesson.steps.count)]
        if LessonPosition.completes(step, stepCount: lesson.steps.count) { effects.append(.markCompleted(lesson: lesson.meta.id)) }
        return effects
    }

    /// Opens the step's animation `k` on the explorer, at its starting step; `a` will then open
    /// the one after it (the first again after the last).
    mutating func openAnimation(_ k: Int) {
        guard let animations = currentStep?.animations, animations.indices.contains(k) else { return }
        let block = animations[k]
        var explorer = ExplorerState(config: ExplorerConfig(animation: block))
        explorer.step = max(0, (block.startStep ?? 1) - 1)
        animation = explorer
        nextAnimation = (k + 1) % animations.count
    }
}
