import ConvCore
import Foundation
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// The mouse, driven by messages written by hand: a click lands on what the frame drew under it
/// (grid cells, choices, cells of a question's grid, entries, lessons), the wheel scrolls text,
/// a click on nothing changes nothing.
@Suite("Mouse")
struct MouseTests {
    static let sizes = [(80, 24), (120, 40)]

    @discardableResult
    func click(_ state: inout AppState, _ x: Int, _ y: Int) -> [Effect] {
        update(&state, .mouse(MouseEvent(.press, x: x, y: y)))
    }

    func wheel(_ state: inout AppState, down: Bool, times: Int = 1) {
        for _ in 0..<times { _ = update(&state, .mouse(MouseEvent(down ? .wheelDown : .wheelUp, x: 10, y: 10))) }
    }

    func explorer(_ state: AppState) -> ExplorerState? {
        if case .explorer(let e) = state.screen { return e }
        return nil
    }

    func quiz(_ state: AppState) -> QuizState? {
        if case .quiz(let q) = state.screen { return q }
        return nil
    }

    func player(_ state: AppState) -> PlayerState? {
        if case .player(let p) = state.screen { return p }
        return nil
    }

    /// The column and row where `text` is first drawn (a text of one-column characters).
    func find(_ text: String, in buffer: CellBuffer) -> (x: Int, y: Int)? {
        let wanted = text.map(String.init)
        for y in 0..<buffer.height {
            for x in 0...(buffer.width - wanted.count) where (0..<wanted.count).allSatisfy({ buffer[x + $0, y].symbol == wanted[$0] }) {
                return (x, y)
            }
        }
        return nil
    }

    /// What `rect` shows, one symbol a column.
    func text(_ rect: Rect, in buffer: CellBuffer) -> String {
        (rect.x..<rect.maxX).map { buffer[$0, rect.y].symbol }.joined()
    }

    // MARK: The explorer

    @Test("a click on a grid cell opens the cursor mode there; another click moves the cursor", arguments: sizes)
    func explorerCell(_ width: Int, _ height: Int) throws {
        var state = AppState(screen: .explorer(ExplorerState(config: ExplorerConfig())), width: width, height: height, language: .en)
        // The ramp input: 13 is x[0,0,2,2].
        let thirteen = try #require(find(" 13", in: view(state)))
        #expect(click(&state, thirteen.x + 2, thirteen.y) == [])
        let e = try #require(explorer(state))
        #expect(e.focus == .cursor)
        #expect(e.cursor == GridPosition(panel: Panel.ID(tensor: .x, prefix: [0, 0]), row: 2, col: 2))
        // In the cursor mode, a click moves the cursor: the kernel's 9 is w[0,0,2,2].
        let frame = Tutor.frame(state)
        let nine = try #require(frame.hits.regions.first { $0.target == .gridCell(GridPosition(panel: Panel.ID(tensor: .w, prefix: [0, 0]), row: 2, col: 2)) })
        #expect(text(nine.rect, in: frame.buffer) == " 9")
        click(&state, nine.rect.x, nine.rect.y)
        #expect(explorer(state)?.cursor?.panel == Panel.ID(tensor: .w, prefix: [0, 0]))
        #expect(explorer(state)?.cursor?.row == 2 && explorer(state)?.cursor?.col == 2)
    }

    static let explorerConfigs: [(String, @Sendable (inout ExplorerConfig) -> Void)] = [
        ("conv2d, stride 2, padding 1", { $0.stride = Pair(2); $0.padding = Pair(1) }),
        ("two channels and filters, bias", { $0.channels = 2; $0.filters = 2; $0.input = Pair(4, 4); $0.bias = true }),
        ("conv2d-backward", { $0.mode = .conv2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2) }),
        ("conv1d", { $0.mode = .conv1d; $0.input = Pair(1, 6); $0.kernel = Pair(1, 3) }),
    ]

    @Test("every grid cell drawn is where a click finds it, at 80x24 and 120x40", arguments: explorerConfigs.indices, sizes)
    func everyCell(_ k: Int, _ size: (Int, Int)) throws {
        var config = ExplorerConfig()
        Self.explorerConfigs[k].1(&config)
        var state = AppState(screen: .explorer(ExplorerState(config: config)), width: size.0, height: size.1, language: .en)
        // In the cursor mode every cell of a result is drawn (none waits for its step).
        _ = update(&state, .key(.tab))
        let (buffer, hits) = frame(state)
        let t = Language.en.catalogue
        var cells = 0
        for (rect, target) in hits.regions {
            guard case .gridCell(let p) = target else { continue }
            let e = try #require(explorer(state))
            let panel = try #require(e.scene.panel(p.panel))
            // The text of the cell as the grid writes it, right-aligned after its separator column.
            let expected = ExplorerState.widget(panel, marks: [:], tinted: false, t).cells[p.row][p.col]
            #expect(text(rect, in: buffer).dropFirst().trimmingCharacters(in: .whitespaces) == expected, "\(p)")
            var clicked = state
            click(&clicked, rect.maxX - 1, rect.y)
            #expect(explorer(clicked)?.cursor == p)
            cells += 1
        }
        let drawn = try #require(explorer(state)).scene.panels.map { $0.drawnSize.rows * $0.drawnSize.cols }.reduce(0, +)
        #expect(cells > 0 && cells <= drawn)
    }

    // MARK: Quizzes

    @Test("a click on choice b answers b, at 80x24 and 120x40", arguments: sizes)
    func choice(_ width: Int, _ height: Int) throws {
        var state = AppState(screen: .quiz(QuizState(questions: [QuizTests.single])), width: width, height: height, language: .en)
        let b = try #require(find("b) 4×4", in: view(state)))
        let effects = click(&state, b.x + 3, b.y)
        let verdict = Verdict(correct: true, rating: .good, expected: "b) 4×4", given: "b) 4×4")
        #expect(effects == [.recordAnswer(QuizAnswer(QuizTests.single, verdict))])
        #expect(quiz(state)?.phase == .answered)
        // Once answered, the choices are text: a click on one changes nothing.
        let answered = state
        #expect(click(&state, b.x + 3, b.y + 1) == [])
        #expect(state == answered)
    }

    @Test("where several are picked, a click picks or unpicks a choice; Enter answers")
    func multiple() throws {
        var state = AppState(screen: .quiz(QuizState(questions: [QuizTests.multiple])), width: 80, height: 24, language: .en)
        let a = try #require(find("a) [ ]", in: view(state)))
        let c = try #require(find("c) [ ]", in: view(state)))
        click(&state, a.x, a.y)
        click(&state, c.x + 10, c.y)
        #expect(quiz(state)?.picked == [0, 2])
        click(&state, a.x, a.y)
        #expect(quiz(state)?.picked == [2])
        click(&state, a.x, a.y)
        _ = update(&state, .key(.enter))
        #expect(quiz(state)?.session.verdict?.correct == true)
    }

    @Test("select the cells: a click marks a cell and puts the cursor on it; a second click unmarks it")
    func cells() throws {
        var state = AppState(screen: .quiz(QuizState(questions: [QuizTests.cells])), width: 80, height: 24, language: .en)
        let (buffer, hits) = frame(state)
        let cell = GridCell(row: 1, col: 2)
        let rect = try #require(hits.regions.first { $0.target == .questionCell(cell) }?.rect)
        // The ramp input 3×3: row 1, column 2 holds 6.
        #expect(text(rect, in: buffer) == " 6")
        click(&state, rect.x + 1, rect.y)
        #expect(quiz(state)?.marked == [cell])
        #expect(quiz(state)?.cursor == cell)
        click(&state, rect.x + 1, rect.y)
        #expect(quiz(state)?.marked == [])
    }

    // MARK: Clicks on nothing

    @Test("a click on nothing changes nothing and says nothing")
    func nothing() {
        let screens: [AppState] = [
            AppState(screen: .explorer(ExplorerState(config: ExplorerConfig())), width: 80, height: 24, language: .en),
            AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en),
            AppState(screen: .quiz(QuizState(questions: [QuizTests.single])), width: 80, height: 24, language: .en),
            AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding)), width: 80, height: 24, language: .en),
        ]
        for before in screens {
            for (x, y) in [(79, 0), (0, 23), (79, 12), (200, 3), (-1, -1)] {
                var state = before
                #expect(click(&state, x, y) == [])
                #expect(state == before, "\(before.screen) at \(x),\(y)")
            }
        }
        // Under the help page, the screen cannot be clicked.
        var help = screens[1]
        _ = update(&help, .key(.character("?")))
        let shown = help
        #expect(click(&help, 10, 4) == [])
        #expect(help == shown)
        // Below the minimum size neither.
        var small = AppState(screen: .home(HomeState()), width: 40, height: 10, language: .en)
        #expect(click(&small, 10, 4) == [])
    }

    // MARK: Lists

    @Test("a click on a home entry opens it; on a lesson, the lesson opens where it was left")
    func lists() throws {
        var home = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        home.catalogue = LessonCatalogue(lessons: [LessonFixtures.padding], positions: [
            "padding": LessonPosition(step: 1, stepCount: 3, updatedAt: Date(timeIntervalSince1970: 0)),
        ])
        let lessons = try #require(find("2  Lessons", in: view(home)))
        click(&home, lessons.x + 30, lessons.y + 1)
        guard case .lessons = home.screen else { Issue.record("not on the list: \(home.screen)"); return }
        let padding = try #require(find("Padding", in: view(home)))
        click(&home, padding.x, padding.y)
        #expect(player(home)?.step == 1)
        #expect(player(home)?.lesson.meta.id == "padding")
        // Quiz, from home: the runner is asked for questions.
        var quiz = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        let entry = try #require(find("3  Quiz", in: view(quiz)))
        #expect(click(&quiz, entry.x, entry.y) == [.startQuiz])
    }

    @Test("in a lesson, clicks reach the animation's grids and the step's questions")
    func inALesson() throws {
        var state = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: 1)), width: 80, height: 24, language: .en)
        _ = update(&state, .key(.character("a")))
        let (_, hits) = frame(state)
        let (rect, target) = try #require(hits.regions.first { if case .gridCell = $0.target { true } else { false } })
        click(&state, rect.x, rect.y)
        guard case .gridCell(let p) = target else { return }
        #expect(player(state)?.animation?.cursor == p)
        #expect(player(state)?.animation?.focus == .cursor)

        var check = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: 2)), width: 80, height: 24, language: .en)
        _ = update(&check, .key(.character("t")))
        let one = try #require(find("b) 1", in: view(check)))
        let effects = click(&check, one.x, one.y)
        #expect(effects.count == 1)
        #expect(player(check)?.quiz?.session.verdict?.correct == true)
    }

    // MARK: The wheel

    @Test("the wheel scrolls a long step three lines a notch, and stops at the ends")
    func wheelStep() throws {
        let long = Lesson(meta: LessonMeta(id: "long", title: "Long", lang: "en", order: 1, summary: "A long step."),
                          steps: [Step(title: "Many lines", line: 2, blocks: (1...60).map { .paragraph([.text("Line \($0).")]) })])
        var state = AppState(screen: .player(PlayerState(lesson: long)), width: 80, height: 24, language: .en)
        wheel(&state, down: true)
        #expect(player(state)?.scroll.top == 3)
        #expect(view(state).text.contains("4–24 of"))
        wheel(&state, down: false, times: 5)
        #expect(player(state)?.scroll.top == 0)
        wheel(&state, down: true, times: 100)
        let last = try #require(player(state)).scroll.top
        #expect(last > 3 && view(state).text.contains("Line 60."))
    }

    @Test("the wheel scrolls a verdict, the help page and the stats; not the explorer")
    func wheelElsewhere() throws {
        let long = Question(id: .lesson("p", question: "long"), prompt: "Pick one.", kind: .single(choices: ["yes", "no"], answer: 0),
                            explanation: (1...40).map { "Reason \($0)." }.joined(separator: "\n\n"))
        var state = AppState(screen: .quiz(QuizState(questions: [long])), width: 80, height: 24, language: .en)
        _ = update(&state, .key(.character("a")))
        let top = try #require(quiz(state)).scroll.top
        wheel(&state, down: true)
        #expect(quiz(state)?.scroll.top == top + 3)

        var help = AppState(screen: .explorer(ExplorerState(config: ExplorerConfig())), width: 80, height: 24, language: .en)
        let explorerBefore = help
        wheel(&help, down: true)
        #expect(help == explorerBefore)
        _ = update(&help, .key(.character("?")))
        wheel(&help, down: true, times: 2)
        #expect(help.help?.top == 6)

        let topics = (1...30).map { ReviewStatistics.Topic(topic: "topic-\($0)", reviews: 1, graded: 1, correct: 1) }
        var stats = AppState(screen: .stats(StatsState(summary: StatsSummary(lessonsCompleted: 0, lessonsTotal: 13,
            reviews: ReviewStatistics(topics: topics, totalReviews: 30, dueToday: 0, dueThisWeek: 0, streak: 1)))), width: 80, height: 24,
            language: .en)
        wheel(&stats, down: true)
        #expect(view(stats).text.contains("4–24 of 35 lines"))
    }
}
