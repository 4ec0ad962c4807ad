import QuizKit
import TermCanvas

/// Everything that can happen to the application: a key, a new terminal size, a timer tick.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The animation timer fired; only sent after `update` asked for it with `.scheduleTick`.
    case tick
    /// The runner saved an answer to card `id`, which comes back `next` ("in 10 minutes").
    case reviewScheduled(id: String, next: String)
    /// The questions of a quiz session, as the runner chose them (due first, then new, then
    /// generated).
    case quizReady([Question])
    /// The learner's progress, read by the runner.
    case statsReady(StatsSummary)
}

/// What `update` asks the runner to do; the runner feeds results back as messages.
public enum Effect: Equatable, Sendable {
    /// Send `.tick` after this many seconds (replacing any tick already scheduled).
    case scheduleTick(after: Double)
    /// Leave the program with this exit status.
    case quit(status: Int32)
    /// Remember that the learner is on `step` of the lesson.
    case saveProgress(lesson: String, step: Int, stepCount: Int)
    /// Remember that the learner reached the end of the lesson.
    case markCompleted(lesson: String)
    /// A question is on screen: its answer's time is counted from now.
    case questionShown(id: String)
    /// Keep an answer and schedule its card's next review (answer `.reviewScheduled`).
    case recordAnswer(QuizAnswer)
    /// Choose the questions of a quiz session (answer `.quizReady`).
    case startQuiz
    /// Read the learner's progress (answer `.statsReady`).
    case loadStats
}

/// The screen on display.
public enum Screen: Equatable, Sendable {
    case home(HomeState)
    case explorer(ExplorerState)
    case lessons(LessonListState)
    case player(PlayerState)
    case quiz(QuizState)
    case stats(StatsState)
}

/// The whole application as a value.
public struct AppState: Equatable, Sendable {
    public var screen: Screen
    public var width: Int
    public var height: Int
    /// The key reference is shown over the screen.
    public var showingHelp = false
    /// `q` from the first screen quits; from a screen opened from home it goes back.
    public var openedFromHome = false
    /// The lessons the learner can open, with their saved positions (read by the runner).
    public var catalogue = LessonCatalogue()

    /// The smallest terminal the full layout fits.
    public static let minimumSize = (width: 80, height: 24)

    public init(screen: Screen, width: Int, height: Int) {
        self.screen = screen
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }
}

/// Applies one message; returns what the runner must do. Never sleeps, reads a clock or a file.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .tick:
        switch state.screen {
        case .explorer(var explorer):
            let effects = explorer.tick()
            state.screen = .explorer(explorer)
            return effects
        case .player(var player):
            let effects = player.tick()
            state.screen = .player(player)
            return effects
        case .quiz(var quiz):
            guard var explorer = quiz.animation else { return [] }
            let effects = explorer.tick()
            quiz.animation = explorer
            state.screen = .quiz(quiz)
            return effects
        default:
            return []
        }
    case .key(let key):
        return handle(key, &state)
    case .reviewScheduled(let id, let next):
        switch state.screen {
        case .quiz(var quiz):
            quiz.scheduled(id: id, next: next)
            state.screen = .quiz(quiz)
        case .player(var player):
            player.quiz?.scheduled(id: id, next: next)
            state.screen = .player(player)
        default:
            break
        }
        return []
    case .quizReady(let questions):
        // The session speaks the learner's lesson language.
        let quiz = QuizState(questions: questions, lang: state.catalogue.lessons.first?.meta.lang ?? "en")
        state.screen = .quiz(quiz)
        return quiz.startEffects
    case .statsReady(let summary):
        state.screen = .stats(StatsState(summary: summary))
        return []
    }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    if state.showingHelp {
        // Any key closes the help; q and Esc only close it.
        state.showingHelp = false
        return []
    }
    if key == .control("c") { return [.quit(status: 130)] }
    if key == .character("?") && !isTyping(state) {
        state.showingHelp = true
        return []
    }
    switch state.screen {
    case .home(var home):
        switch home.handle(key) {
        case .stay:
            state.screen = .home(home)
        case .quit:
            return [.quit(status: 0)]
        case .help:
            state.showingHelp = true
        case .open(let explorer):
            state.screen = .explorer(explorer)
            state.openedFromHome = true
        case .lessons:
            state.screen = .lessons(LessonListState(catalogue: state.catalogue))
            state.openedFromHome = true
        case .quiz:
            state.screen = .home(home)
            state.openedFromHome = true
            return [.startQuiz]
        case .stats:
            state.screen = .home(home)
            state.openedFromHome = true
            return [.loadStats]
        }
        return []
    case .lessons(var list):
        switch list.handle(key) {
        case .stay:
            state.screen = .lessons(list)
        case .back:
            guard state.openedFromHome else { return [.quit(status: 0)] }
            state.screen = .home(HomeState(selected: 1))
            state.openedFromHome = false
        case .open(let lesson):
            let resume = state.catalogue.positions[lesson.meta.id]?.step ?? 0
            state.screen = .player(PlayerState(lesson: lesson, step: resume))
        }
        return []
    case .player(var player):
        let (leave, effects) = player.handle(key)
        if leave {
            if state.catalogue.lessons.isEmpty || !state.openedFromHome {
                return effects + [.quit(status: 0)]
            }
            // Back to the list, which shows the position just saved.
            var catalogue = state.catalogue
            catalogue.positions[player.lesson.meta.id] = LessonCatalogue.Position(
                step: player.step, stepCount: player.lesson.steps.count,
                completed: (catalogue.positions[player.lesson.meta.id]?.completed ?? false) || player.step == player.lesson.steps.count - 1)
            state.catalogue = catalogue
            state.screen = .lessons(LessonListState(catalogue: catalogue, selected: catalogue.lessons.firstIndex { $0.meta.id == player.lesson.meta.id } ?? 0))
            return effects
        }
        state.screen = .player(player)
        return effects
    case .explorer(var explorer):
        let (leave, effects) = explorer.handle(key)
        if leave {
            guard state.openedFromHome else { return [.quit(status: 0)] }
            state.screen = .home(HomeState(selected: 0))
            state.openedFromHome = false
            return []
        }
        state.screen = .explorer(explorer)
        return effects
    case .quiz(var quiz):
        let (leave, effects) = quiz.handle(key)
        if leave {
            guard state.openedFromHome else { return effects + [.quit(status: 0)] }
            state.screen = .home(HomeState(selected: 2))
            state.openedFromHome = false
            return effects
        }
        state.screen = .quiz(quiz)
        return effects
    case .stats(var stats):
        if stats.handle(key) {
            guard state.openedFromHome else { return [.quit(status: 0)] }
            state.screen = .home(HomeState(selected: 3))
            state.openedFromHome = false
        } else {
            state.screen = .stats(stats)
        }
        return []
    }
}

/// True while a text field has the keys (so `?` and `q` are typed, not commands).
private func isTyping(_ state: AppState) -> Bool {
    switch state.screen {
    case .explorer(let e): return e.editor != nil
    case .player(let p): return p.animation?.editor != nil || (p.quiz?.isTyping ?? false)
    case .quiz(let q): return q.isTyping
    default: return false
    }
}
