import Localization
import LessonKit
import Practice
import Scenes
import QuizKit
import TermCanvas

/// Everything that can happen to the application: a key, a click or a turn of the mouse wheel, a
/// new terminal size, a timer tick, or what the runner answers to an effect.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The animation timer fired; only sent after `update` asked for it with `.scheduleTick`.
    case tick
    /// The runner saved (or failed to save) an answer to card `id`.
    case reviewScheduled(id: CardID, ReviewOutcome)
    /// The runner parsed a lesson of the catalogue (answering `.loadLesson`).
    case lessonLoaded(Lesson)
    /// The runner could not parse the lesson `id` of the catalogue.
    case lessonFailed(id: String)
    /// The lessons, or the exercises, read by the runner after the first frame of a screen that does
    /// not show them (home does not): the first frame waits for nothing it does not draw.
    case catalogueLoaded(LessonCatalogue)
    case practiceLoaded(PracticeCatalogue)
    /// The questions of a quiz session, as the runner chose them (due first, then new, then
    /// generated).
    case quizReady([Question])
    /// The learner's progress, read by the runner.
    case statsReady(StatsSummary)
    /// The runner saved a lesson's position; this is what the progress store now holds.
    case positionSaved(lesson: String, LessonPosition)
    /// What the runner knows of the card of a question on screen.
    case questionInfo(id: CardID, QuestionInfo)
    /// The runner prepared an exercise's file: it wrote the starter (the file did not exist), or
    /// could not (`problem`).
    case exerciseOpened(id: String, starterWritten: Bool, problem: String?)
    /// The learner saved the file of the exercise on screen.
    case exerciseFileChanged(id: String)
    /// A check of an exercise finished; the learner now stands at `status`.
    case exerciseChecked(id: String, PracticeReport, status: ExerciseStatus)
}

/// What the progress store says about the card of a question on screen.
public struct QuestionInfo: Equatable, Sendable {
    /// The card has never been answered.
    public var isNew: Bool
    /// When each grade, 1 (again) to 4 (easy), would bring it back.
    public var intervals: [ReviewInterval]
    /// The question's topic as the learner reads it: a lesson's title, a family's name.
    public var topic: String

    public init(isNew: Bool, intervals: [ReviewInterval], topic: String) {
        self.isNew = isNew
        self.intervals = intervals
        self.topic = topic
    }
}

/// What became of an answer the runner was asked to keep.
public enum ReviewOutcome: Equatable, Sendable {
    /// Saved; the card comes back after this interval.
    case due(ReviewInterval)
    /// Not saved, and why.
    case failed(String)
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
    case questionShown(id: CardID)
    /// Keep an answer and schedule its card's next review (answer `.reviewScheduled`).
    case recordAnswer(QuizAnswer)
    /// Parse lesson `id` of the catalogue, to open it (answer `.lessonLoaded` or `.lessonFailed`).
    case loadLesson(id: String)
    /// Choose the questions of a quiz session (answer `.quizReady`).
    case startQuiz
    /// Read the learner's progress (answer `.statsReady`).
    case loadStats
    /// Prepare an exercise's file (the starter when there is none) and watch it (answer
    /// `.exerciseOpened`, then `.exerciseFileChanged` at each save).
    case openExercise(id: String)
    /// Check the exercise's file in the background (answer `.exerciseChecked`).
    case checkExercise(id: String)
    /// Stop watching the exercise's file.
    case closeExercise
}

/// The screen on display.
public enum Screen: Equatable, Sendable {
    case home(HomeState)
    case explorer(ExplorerState)
    case lessons(LessonListState)
    case player(PlayerState)
    case quiz(QuizState)
    case stats(StatsState)
    case exercise(ExerciseState)
}

/// The whole application as a value.
public struct AppState: Equatable, Sendable {
    public var screen: Screen
    /// The screens the current one was opened from, nearest last: `q` and Esc return to the last
    /// one, and quit when there is none.
    public var parents: [Screen] = []
    public var width: Int
    public var height: Int
    /// The language of every word on screen, chosen once when convtutor starts.
    public let language: Language
    /// The colours the terminal shows, decided once when the screen opens (its capability,
    /// `NO_COLOR`, `--no-color`); with 256, grids tint their values as a heat map.
    public var colors: ColorSupport
    /// The key reference shown over the screen, and how far it is scrolled.
    public var help: ScrollPosition?
    /// The last key, when it did nothing: the hint line says so until the next key.
    public var ignoredKey: Key?
    /// A lesson of the list that could not be opened: the hint line says so until the next key.
    public var unopened: LessonSummary?
    /// The lessons the learner can open, with their saved positions (read by the runner).
    public var catalogue = LessonCatalogue()
    /// The practice exercises, their files and where the learner stands (read by the runner).
    public var practice = PracticeCatalogue()

    /// The smallest terminal the full layout fits.
    public static let minimumSize = (width: 80, height: 24)

    public init(screen: Screen, width: Int, height: Int, language: Language, colors: ColorSupport = .none) {
        self.screen = screen
        self.width = width
        self.height = height
        self.language = language
        self.colors = colors
    }

    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// The size a screen draws into.
    var viewport: Viewport { Viewport(width: width, height: height) }

    /// Where the keys are going on the current screen.
    var keyContext: KeyContext {
        switch screen {
        case .home: .home
        case .lessons(let list): list.keyContext
        case .player(let p): p.keyContext
        case .explorer(let e): e.keyContext
        case .quiz(let q): q.keyContext
        case .stats: .stats
        case .exercise(let e): e.keyContext
        }
    }

    /// Shows `next`, with the current screen as the one to return to.
    mutating func open(_ next: Screen) {
        parents.append(screen)
        screen = next
    }

    /// Returns to the screen this one was opened from; quits when there is none.
    mutating func back() -> [Effect] {
        guard let parent = parents.popLast() else { return [.quit(status: 0)] }
        screen = parent
        return []
    }
}

/// A screen's size, for the handlers that page and wrap text as the view will.
public struct Viewport: Equatable, Sendable {
    public var width: Int
    public var height: Int
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
            let effects = quiz.tick()
            state.screen = .quiz(quiz)
            return effects
        case .exercise(var exercise):
            let effects = exercise.tick()
            state.screen = .exercise(exercise)
            return effects
        default:
            return []
        }
    case .key(let key):
        return handle(key, &state)
    case .mouse(let event):
        return respond(to: event, &state)
    case .reviewScheduled(let id, let outcome):
        switch state.screen {
        case .quiz(var quiz):
            quiz.scheduled(id: id, outcome)
            state.screen = .quiz(quiz)
        case .player(var player):
            player.quiz?.scheduled(id: id, outcome)
            state.screen = .player(player)
        default:
            break
        }
        return []
    case .quizReady(let questions):
        let quiz = QuizState(questions: questions)
        state.open(.quiz(quiz))
        return quiz.startEffects
    case .statsReady(let summary):
        state.open(.stats(StatsState(summary: summary)))
        return []
    case .lessonLoaded(let lesson):
        state.catalogue.loaded[lesson.meta.id] = lesson
        // Opened only from the list it was chosen on (a key may have left it meanwhile).
        guard case .lessons(let list) = state.screen, list.kind == .lessons else { return [] }
        state.open(.player(PlayerState(lesson: lesson, step: state.catalogue.resumeStep(of: lesson))))
        return []
    case .lessonFailed(let id):
        state.unopened = state.catalogue.lessons.first { $0.meta.id == id }
        return []
    case .catalogueLoaded(let catalogue):
        state.catalogue = catalogue
        return []
    case .practiceLoaded(let practice):
        state.practice = practice
        return []
    case .positionSaved(let lesson, let position):
        state.catalogue.positions[lesson] = position
        return []
    case .exerciseOpened(let id, let written, let problem):
        guard case .exercise(var exercise) = state.screen, exercise.id == id else { return [] }
        exercise.starterWritten = written
        exercise.fileProblem = problem
        // A file the learner already worked on is checked at once: the page shows where it stands.
        let effects = !written && problem == nil ? exercise.startCheck(viewport: state.viewport, state.language.catalogue) : []
        state.screen = .exercise(exercise)
        return effects
    case .exerciseFileChanged(let id):
        guard case .exercise(var exercise) = state.screen, exercise.id == id else { return [] }
        let effects = exercise.startCheck(viewport: state.viewport, state.language.catalogue)
        state.screen = .exercise(exercise)
        return effects
    case .exerciseChecked(let id, let report, let status):
        state.practice.statuses[id] = status
        guard case .exercise(var exercise) = state.screen, exercise.id == id else { return [] }
        exercise.checked(report, viewport: state.viewport, state.language.catalogue)
        state.screen = .exercise(exercise)
        return []
    case .questionInfo(let id, let info):
        switch state.screen {
        case .quiz(var quiz):
            quiz.learned(info, about: id)
            state.screen = .quiz(quiz)
        case .player(var player):
            player.quiz?.learned(info, about: id)
            state.screen = .player(player)
        default:
            break
        }
        return []
    }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    state.ignoredKey = nil
    state.unopened = nil
    let before = state
    let effects = dispatch(key, &state)
    // A key no row binds, that changed nothing, is named on the hint line (typing contexts refuse
    // their keys themselves).
    let context = before.keyContext
    if effects.isEmpty, state == before, before.help == nil, !context.isTyping, Keymap.action(for: key, in: context) == nil {
        state.ignoredKey = key
    }
    return effects
}

private func dispatch(_ key: Key, _ state: inout AppState) -> [Effect] {
    if state.help != nil {
        // The help page scrolls; any other key closes it.
        switch key {
        case .up, .character("k"): scrollHelp(.lineUp, &state)
        case .down, .character("j"): scrollHelp(.lineDown, &state)
        case .pageUp: scrollHelp(.pageUp, &state)
        case .pageDown, .character(" "): scrollHelp(.pageDown, &state)
        case .home: scrollHelp(.top, &state)
        case .end: scrollHelp(.bottom, &state)
        default: state.help = nil
        }
        return []
    }
    if key == .control("c") { return [.quit(status: 130)] }
    let context = state.keyContext
    if !context.isTyping, Keymap.action(for: key, in: context) == .help {
        state.help = ScrollPosition()
        return []
    }
    let viewport = state.viewport
    let t = state.language.catalogue
    switch state.screen {
    case .home(var home):
        let outcome = home.handle(key)
        state.screen = .home(home)
        return follow(outcome, &state)
    case .lessons(var list):
        let outcome = list.handle(key, count: list.kind == .lessons ? state.catalogue.lessons.count : state.practice.exercises.count)
        state.screen = .lessons(list)
        return follow(outcome, kind: list.kind, &state)
    case .player(var player):
        let (leave, effects) = player.handle(key, viewport: viewport, t)
        state.screen = .player(player)
        return leave ? effects + state.back() : effects
    case .explorer(var explorer):
        let (leave, effects) = explorer.handle(key)
        state.screen = .explorer(explorer)
        return leave ? effects + state.back() : effects
    case .quiz(var quiz):
        let (leave, effects) = quiz.handle(key, viewport: viewport, t)
        state.screen = .quiz(quiz)
        return leave ? effects + state.back() : effects
    case .stats(var stats):
        let leave = stats.handle(key, viewport: viewport, t)
        state.screen = .stats(stats)
        return leave ? state.back() : []
    case .exercise(var exercise):
        let (leave, effects) = exercise.handle(key, viewport: viewport, t)
        state.screen = .exercise(exercise)
        return leave ? effects + state.back() : effects
    }
}

/// Where the home screen's answer to a key or a click leads.
func follow(_ outcome: HomeState.Outcome, _ state: inout AppState) -> [Effect] {
    switch outcome {
    case .stay: return []
    case .back: return state.back()
    case .open(.explore): state.open(.explorer(ExplorerState(config: ExplorerConfig())))
    case .open(.lessons): state.open(.lessons(LessonListState()))
    case .open(.quiz): return [.startQuiz]
    case .open(.practice): state.open(.lessons(LessonListState(kind: .exercises)))
    case .open(.stats): return [.loadStats]
    case .open(.help): state.help = ScrollPosition()
    }
    return []
}

/// Where a list's answer to a key or a click leads: a lesson opens in the player, an exercise on
/// its page (its file prepared and watched).
func follow(_ outcome: LessonListState.Outcome, kind: ListKind, _ state: inout AppState) -> [Effect] {
    switch outcome {
    case .stay: return []
    case .back: return state.back()
    case .open(let k) where kind == .lessons:
        let id = state.catalogue.lessons[k].meta.id
        guard let lesson = state.catalogue.loaded[id] else { return [.loadLesson(id: id)] }
        state.open(.player(PlayerState(lesson: lesson, step: state.catalogue.resumeStep(of: lesson))))
        return []
    case .open(let k):
        let exercise = state.practice.exercises[k]
        state.open(.exercise(ExerciseState(lesson: exercise, file: state.practice.files[k])))
        return [.openExercise(id: exercise.meta.id)]
    }
}

/// Moves the help page, which is scrolled like every long text.
func scrollHelp(_ move: ScrollPosition.Move, _ state: inout AppState) {
    state.help?.move(move, count: helpLines(state.language.catalogue, width: helpWidth(state.width) - 4).count,
                     visible: helpHeight(state.height) - 2)
}
