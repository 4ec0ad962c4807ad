import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import TestSupport
import Testing
@testable import Tutor

/// The quiz screen driven by keys: every kind answered, refused answers hinted and not graded,
/// every answer handed to the runner, the computation replayed, the summary; frames as snapshots.
@Suite("Quiz screen")
struct QuizTests {
    static let single = Question(id: .lesson("p", question: "size"), prompt: "A 7×7 input, 3×3 kernel, stride 2, padding 1: output size?",
                                 kind: .single(choices: ["3×3", "4×4", "7×7"], answer: 1), explanation: "⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4.")
    static let numeric = Question(id: .generated(.outputCell), prompt: "What is out[0,0,1,1]?",
                                  kind: .numeric(answer: .number(411), tolerance: 0), explanation: "Nine products.",
                                  animation: { var a = Animation(kind: .conv2d, line: 1); a.padding = [1]; return a }(), animationStep: 7)
    static let multiple = Question(id: .lesson("p", question: "shrink"), prompt: "Which shrink the output?",
                                   kind: .multiple(choices: ["a larger kernel", "more padding", "a larger stride"], answers: [0, 2]), explanation: "")
    static let open = Question(id: .lesson("p", question: "why"), prompt: "Why pad?", kind: .open(modelAnswer: "To keep the size."), explanation: "")
    static let cells = Question(id: .generated(.receptiveFieldCells),
                                prompt: "Mark the cells of x that out[0,0,0,0] reads.",
                                kind: .selectCells(grid: GridName(.x, plane: [0, 0]), answer: [GridCell(row: 0, col: 0), GridCell(row: 0, col: 1), GridCell(row: 1, col: 0), GridCell(row: 1, col: 1)]),
                                explanation: "", animation: { var a = Animation(kind: .conv2d, line: 1); a.input = [3]; a.kernel = [2]; return a }(),
                                animationStep: 1)

    func state(_ questions: [Question]) -> AppState {
        AppState(screen: .quiz(QuizState(questions: questions)), width: 80, height: 24, language: .en)
    }

    func quiz(_ state: AppState) -> QuizState? {
        if case .quiz(let q) = state.screen { return q }
        return nil
    }

    func send(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    @Test("a choice key answers at once: the verdict, the runner keeps it, Enter goes on, the summary ends")
    func singleChoice() throws {
        var state = state([Self.single, Self.numeric])
        #expect(QuizState(questions: [Self.single]).startEffects == [.questionShown(id: Self.single.id)])
        let effects = send(&state, .character("a"))
        let verdict = Verdict(correct: false, rating: .again, expected: "b) 4×4", given: "a) 3×3")
        #expect(effects == [.recordAnswer(QuizAnswer(Self.single, verdict))])
        #expect(quiz(state)?.phase == .answered)
        #expect(quiz(state)?.session.verdict == verdict)
        _ = update(&state, .reviewScheduled(id: Self.single.id, .due(.aMinute)))
        let frame = view(state).text
        #expect(frame.contains("✗ Not quite. You answered: a) 3×3"))
        #expect(frame.contains("The answer: b) 4×4"))
        #expect(frame.contains("Next review: in a minute."))
        #expect(send(&state, .enter) == [.questionShown(id: .generated(.outputCell))])
        #expect(quiz(state)?.session.index == 1)
    }

    @Test("numeric: typed in a line editor; a bad answer is refused with a hint and not graded")
    func numericAnswer() throws {
        var state = state([Self.numeric])
        #expect(send(&state, .character("4"), .character("x"), .enter) == [])
        #expect(quiz(state)?.refusal == .notANumber("4x"))
        #expect(view(state).text.contains("! '4x' is not a number: type a number, like 4 or -0.5"))
        #expect(quiz(state)?.session.verdicts == [])
        // q is typed, not a command, while a number is being written; Backspace and arrows edit.
        _ = send(&state, .backspace, .character("1"), .left, .left, .character("1"), .right, .character("1"))
        #expect(quiz(state)?.editor.string == "1411")
        _ = send(&state, .home, .delete)
        let effects = send(&state, .enter)
        #expect(effects.count == 1)
        #expect(quiz(state)?.session.verdicts.first?.correct == true)
        // After the answer, a plays the computation on the explorer at the cell asked for.
        _ = send(&state, .character("a"))
        let explorer = try #require(quiz(state)?.animation)
        #expect(explorer.currentStep?.trace?.index == [0, 0, 1, 1])
        #expect(explorer.currentStep?.trace?.value == 411)
        _ = send(&state, .escape)
        #expect(quiz(state)?.animation == nil)
    }

    @Test("multiple: letters toggle, Enter answers; nothing picked is refused")
    func multipleChoice() {
        var state = state([Self.multiple])
        _ = send(&state, .enter)
        #expect(quiz(state)?.refusal == .chooseSeveral(.letters(last: "c", count: 3)))
        #expect(view(state).text.contains("! choose one or more: a to c (or 1 to 3), e.g. a c"))
        _ = send(&state, .character("a"), .character("b"), .character("b"), .character("c"))
        #expect(quiz(state)?.picked == [0, 2])
        _ = send(&state, .enter)
        #expect(quiz(state)?.session.verdicts.first?.correct == true)
    }

    @Test("open: write, reveal the model answer, grade yourself 1–4")
    func openQuestion() {
        var state = state([Self.open])
        _ = send(&state, .character("s"), .character("i"), .character("z"), .character("e"), .enter)
        #expect(quiz(state)?.phase == .revealed)
        #expect(view(state).text.contains("To keep the size."))
        let effects = send(&state, .character("2"))
        #expect(effects == [.recordAnswer(QuizAnswer(Self.open, Verdict(correct: nil, rating: .hard, expected: "To keep the size.", given: "size")))])
    }

    @Test("select the cells: arrows move, space marks, Enter answers")
    func selectCells() {
        var state = state([Self.cells])
        _ = send(&state, .enter)
        #expect(quiz(state)?.refusal == .cells)
        _ = send(&state, .character(" "), .right, .character(" "), .down, .character(" "), .left, .character(" "))
        #expect(quiz(state)?.marked.count == 4)
        // The cursor stays on the grid.
        _ = send(&state, .down, .down, .down, .down, .right, .right, .right)
        #expect(quiz(state)?.cursor == GridCell(row: 2, col: 2))
        _ = send(&state, .enter)
        #expect(quiz(state)?.session.verdicts.first?.correct == true)
    }

    @Test("a dx-reach question shows dx to fill in, not the final sums, on screen (80×24 and 120×40) and in plain text",
          arguments: Language.allCases)
    func dxReachGrid(_ language: Language) throws {
        let q = ProblemGenerator.question(.dxReach, seed: 7, language: language)
        guard case .selectCells(let name, _) = q.kind else { Issue.record("not a select-the-cells question"); return }
        #expect(name.tensor == .dx)
        let panel = try #require(QuizState.grid(of: q))
        #expect(panel.caption == nil)
        for (width, height) in [(80, 24), (120, 40)] {
            let state = AppState(screen: .quiz(QuizState(questions: [q])), width: width, height: height, language: language)
            let rows = view(state).text.split(separator: "\n").filter { $0.contains("_") }
            // One row of `_` per row of dx, and no number among them.
            #expect(rows.count == panel.grid.shape[0])
            #expect(rows.allSatisfy { !$0.contains(where: \.isNumber) })
            FrameSnapshotTests.check(state, "quiz-dx-reach")
        }
        let plain = QuizPlain.question(q, number: 1, of: 1, topic: "dx", language.catalogue)
        let grid = plain.filter { $0.contains("_") }
        #expect(grid.count == panel.grid.shape[0])
        #expect(!plain.joined().contains(language.catalogue.caption(.soFar)))
    }

    @Test("q finishes with a summary; from the summary the session ends")
    func summary() {
        var state = state([Self.single, Self.multiple])
        _ = send(&state, .character("b"), .enter, .character("q"))
        #expect(quiz(state)?.phase == .summary)
        #expect(view(state).text.contains("answered: 1 of 2"))
        #expect(send(&state, .enter) == [.quit(status: 0)])
    }

    @Test("frames at 80×24 in both languages: a question, a wrong answer explained, a grid, the summary",
          arguments: Language.allCases)
    func frames(_ language: Language) {
        let state = { (questions: [Question]) in
            AppState(screen: .quiz(QuizState(questions: questions)), width: 80, height: 24, language: language)
        }
        var asking = state([Self.single])
        FrameSnapshotTests.check(asking, "quiz-single")
        _ = send(&asking, .character("c"))
        _ = update(&asking, .reviewScheduled(id: Self.single.id, .due(.aMinute)))
        FrameSnapshotTests.check(asking, "quiz-wrong")
        var grid = state([Self.cells])
        _ = send(&grid, .character(" "), .right)
        FrameSnapshotTests.check(grid, "quiz-cells")
        var open = state([Self.open])
        _ = send(&open, .character("x"), .enter)
        FrameSnapshotTests.check(open, "quiz-open-revealed")
        _ = send(&asking, .enter)
        FrameSnapshotTests.check(asking, "quiz-summary")
    }

    @Test("a lesson's step: t answers its questions through the same engine, Esc/q returns to the page")
    func checkpoint() throws {
        let item = QuizItem(id: "padding-same", kind: .single, line: 36, prompt: "Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?",
                            choices: ["0", "1", "2"], answer: ["1"], explanation: "(5 + 2·1 − 3) + 1 = 5")
        var state = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: 2)), width: 80, height: 24, language: .en)
        #expect(view(state).text.contains("t answer the questions"))
        #expect(send(&state, .character("t")) == [.questionShown(id: .lesson("padding", question: "padding-same"))])
        let effects = send(&state, .character("b"))
        #expect(effects == [.recordAnswer(QuizAnswer(Question(item, lesson: "padding"), Verdict(correct: true, rating: .good, expected: "b) 1", given: "b) 1")))])
        #expect(view(state).text.contains("✓ Right."))
        _ = send(&state, .enter, .enter)
        guard case .player(let player) = state.screen else { Issue.record("left the lesson"); return }
        #expect(player.quiz == nil)
        #expect(player.step == 2)
    }

    @Test("a lesson question checked by a computation replays that cell, on the screen and in plain text")
    func lessonComputation() throws {
        let text = """
            ---
            id: cells
            title: C
            lang: en
            order: 1
            summary: S.
            ---
            ## S

            ```quiz
            id: cell
            kind: numeric
            prompt: What is out[1,2]?
            answer: 726
            compute: {show: cell, input: 5, cell: [1, 2]}
            ```
            """
        let lesson = try #require(LessonParser.parse(text, file: "c.md").lesson)
        let q = Question(lesson.quizzes[0], lesson: "cells")
        var state = state([q])
        _ = send(&state, .character("7"), .character("2"), .character("6"), .enter)
        #expect(quiz(state)?.session.verdicts.first?.correct == true)
        _ = send(&state, .character("a"))
        let explorer = try #require(quiz(state)?.animation)
        #expect(explorer.currentStep?.trace?.index == [0, 0, 1, 2])
        let plain = QuizPlain.verdict(q, q.grade(.number(.number(726))), outcome: nil, Language.en.catalogue)
        #expect(plain.contains("Worked: out[0,0,1,2] = 8×1 + 9×2 + 10×3 + 13×4 + 14×5 + 15×6 + 18×7 + 19×8 + 20×9 = 726"))
    }

    @Test("a lesson question computed from a layer shows its settings and given grids under the prompt, on screen and in plain text",
          arguments: BundledLessonsTests.paths)
    func context(_ path: String) throws {
        let lesson = try BundledLessonsTests.parse(path)
        let language = try #require(Language(code: lesson.meta.lang))
        for item in lesson.quizzes where item.compute != nil {
            let q = Question(item, lesson: lesson.meta.id)
            guard q.animation != nil else { continue }
            let context = try #require(QuestionContext(q), "\(path) \(item.id)")
            #expect(!context.panels.isEmpty && context.panels.allSatisfy { !$0.isResult })
            let state = AppState(screen: .quiz(QuizState(questions: [q])), width: 80, height: 24, language: language)
            let page = try #require(quiz(state)).page(width: QuizState.textWidth(Viewport(width: 80, height: 24)), language.catalogue).lines
                .map(\.plainText)
            let plain = QuizPlain.question(q, number: 1, of: 1, topic: lesson.meta.title, language.catalogue)
            // Each grid's title, as the explorer writes it, and its first row of values.
            for panel in context.panels {
                let title = ExplorerState.widget(panel, marks: [:], tinted: false, language.catalogue).title
                #expect(page.contains { $0.contains(title) }, "\(path) \(item.id): \(title) on screen")
                let grid = ScenePlain.grid(panel, language.catalogue)
                #expect(plain.contains(grid[0]) && plain.contains(grid[1]), "\(path) \(item.id): \(grid[0]) in plain text")
            }
            if item.id == "drill-cell-strided" {
                for (width, height) in [(80, 24), (120, 40)] {
                    FrameSnapshotTests.check(AppState(screen: .quiz(QuizState(questions: [q])), width: width, height: height, language: language),
                                             "quiz-context")
                }
            }
        }
    }

    @Test("a Chinese session speaks Chinese: the screen, the hints, the plain text")
    func chinese() {
        var state = AppState(screen: .quiz(QuizState(questions: [Self.numeric, Self.single])), width: 80, height: 24, language: .zh)
        #expect(view(state).text.contains("测验"))
        #expect(view(state).text.contains("你的答案：▏"))
        _ = send(&state, .character("x"), .enter)
        #expect(view(state).text.contains("! “x”不是数：请输入一个数，例如 4 或 -0.5（没有合法输出时输入 invalid）"))
        _ = send(&state, .backspace, .character("4"), .character("1"), .character("1"), .enter)
        _ = update(&state, .reviewScheduled(id: .generated(.outputCell), .due(.aMinute)))
        let frame = view(state).text
        #expect(frame.contains("✓ 答对了。"))
        #expect(frame.contains("下次复习：1 分钟后。"))
        #expect(frame.contains("a 看计算过程"))
        let plain = QuizPlain.verdict(Self.single, Self.single.grade(.choice(0)), outcome: .due(.tomorrow), Language.zh.catalogue)
        #expect(plain.prefix(2) == ["不对。你的答案：a) 3×3", "正确答案：b) 4×4"])
        #expect(plain.last == "下次复习：明天。")
    }

    @Test("home: Quiz asks the runner for questions, Stats for the summary")
    func home() {
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        #expect(send(&state, .character("3")) == [.startQuiz])
        #expect(update(&state, .quizReady([Self.single])) == [.questionShown(id: Self.single.id)])
        #expect(quiz(state) != nil)
        var stats = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        #expect(send(&stats, .character("5")) == [.loadStats])
        let summary = StatsSummary(lessonsCompleted: 2, lessonsTotal: 13, reviews: ReviewStatistics(
            topics: [.init(topic: "padding", reviews: 3, graded: 3, correct: 2)], totalReviews: 3, dueToday: 1, dueThisWeek: 4, streak: 2),
            topicNames: ["padding": "Padding"])
        _ = update(&stats, .statsReady(summary))
        let frame = view(stats).text
        #expect(frame.contains("lessons completed: 2 of 13"))
        #expect(frame.contains("Padding   67%  (2 of 3 right, 3 answers)"))
        FrameSnapshotTests.check(stats, "stats")
        _ = send(&stats, .character("q"))
        guard case .home = stats.screen else { Issue.record("not back home"); return }
        // Many topics scroll.
        let topics = (1...30).map { ReviewStatistics.Topic(topic: "topic-\($0)", reviews: 1, graded: 1, correct: 1) }
        var long = AppState(screen: .stats(StatsState(summary: StatsSummary(lessonsCompleted: 0, lessonsTotal: 13,
            reviews: ReviewStatistics(topics: topics, totalReviews: 30, dueToday: 0, dueThisWeek: 0, streak: 1)))), width: 80, height: 24,
            language: .en)
        #expect(view(long).text.contains("1–21 of 35 lines"))
        #expect(!view(long).text.contains("topic-30"))
        _ = send(&long, .pageDown, .pageDown)
        #expect(view(long).text.contains("topic-30"))
    }

    @Test("the header names the topic and says new or review; grading shows when each grade brings the card back")
    func cardInfo() {
        var state = state([Self.open])
        let info = QuestionInfo(isNew: false, intervals: [.minutes(1), .minutes(6), .minutes(10), .days(4)], topic: "Padding")
        _ = update(&state, .questionInfo(id: Self.open.id, info))
        var frame = view(state).text
        #expect(frame.hasPrefix(" Quiz · Padding"))
        #expect(frame.contains("review · question 1/1"))
        _ = send(&state, .enter)
        frame = view(state).text
        #expect(frame.contains("1 again 1m   2 hard 6m   3 good 10m   4 easy 4d"))
        // A key that is not a grade is refused with the grades, and grades nothing.
        #expect(send(&state, .character("5")) == [])
        #expect(quiz(state)?.refusal == .grade)
        #expect(view(state).text.contains("! grade yourself: 1 again, 2 hard, 3 good, 4 easy"))
        // Information about another card is not taken for this one's.
        var other = self.state([Self.single])
        _ = update(&other, .questionInfo(id: Self.open.id, info))
        #expect(quiz(other)?.info == nil)
    }
}
