import LessonKit
import QuizKit
import TermCanvas

/// A lesson being played: which step, how far its text is scrolled, and the step's animation on
/// the explorer when the learner opens it.
public struct PlayerState: Equatable, Sendable {
    public let lesson: Lesson
    public private(set) var step: Int
    /// The first text line shown.
    public var scroll = 0
    /// The explorer playing the current step's animation, while it is open.
    public var animation: ExplorerState?
    /// Which of the step's animations `a` opens: the first, then the one after the last played.
    public private(set) var nextAnimation = 0
    /// The step's questions being answered, through the quiz engine.
    public var quiz: QuizState?

    /// Opens `lesson` on `step` (clamped to the lesson's steps).
    public init(lesson: Lesson, step: Int = 0) {
        self.lesson = lesson
        self.step = min(max(0, step), max(0, lesson.steps.count - 1))
    }

    public var currentStep: Step? { lesson.steps.isEmpty ? nil : lesson.steps[step] }

    /// Handles a key; `leave` is true when the learner goes back from the text page.
    mutating func handle(_ key: Key) -> (leave: Bool, effects: [Effect]) {
        // Steps change from both pages.
        switch key {
        case .character("]"), .pageDown: return (false, go(to: step + 1))
        case .character("["), .pageUp: return (false, go(to: step - 1))
        default: break
        }
        if var explorer = animation {
            let (leave, effects) = explorer.handle(key)
            animation = leave ? nil : explorer
            return (false, effects)
        }
        if var session = quiz {
            let (leave, effects) = session.handle(key)
            quiz = leave ? nil : session
            return (false, effects)
        }
        if case .character(let c) = key, let digit = c.wholeNumberValue, (1...9).contains(digit),
           digit <= currentStep?.animations.count ?? 0 {
            openAnimation(digit - 1)
            return (false, [])
        }
        switch key {
        case .character("q"), .escape: return (true, [])
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .character(" "): scroll += 10
        case .character("g"), .home: return (false, go(to: 0))
        case .character("G"), .end: return (false, go(to: lesson.steps.count - 1))
        case .character("R"): return (false, go(to: 0))
        case .character("a"): openAnimation(nextAnimation)
        case .character("t"):
            // The step's questions, graded and scheduled like any quiz.
            let questions = questionsOfStep
            guard !questions.isEmpty else { break }
            // The player's header names the lesson and the step already.
            let session = QuizState(questions: questions, title: "", lang: lesson.meta.lang)
            quiz = session
            return (false, session.startEffects)
        case .enter:
            // Enter plays the step's animation, or reads on when there is none.
            if currentStep?.animations.isEmpty ?? true { scroll += 1 } else { openAnimation(nextAnimation) }
        default: break
        }
        return (false, [])
    }

    /// The explorer's animation tick, while its page (or a question's replay) is open.
    mutating func tick() -> [Effect] {
        if var explorer = animation {
            let effects = explorer.tick()
            animation = explorer
            return effects
        }
        guard var session = quiz, var explorer = session.animation else { return [] }
        let effects = explorer.tick()
        session.animation = explorer
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
        let target = min(max(0, k), lesson.steps.count - 1)
        guard target != step else { return [] }
        step = target
        scroll = 0
        animation = nil
        quiz = nil
        nextAnimation = 0
        var effects: [Effect] = [.saveProgress(lesson: lesson.meta.id, step: step, stepCount: lesson.steps.count)]
        if step == lesson.steps.count - 1 { effects.append(.markCompleted(lesson: lesson.meta.id)) }
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
