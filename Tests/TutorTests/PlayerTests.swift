import ConvCore
import LessonKit
import TermCanvas
import Testing
import TestSupport
@testable import Tutor

/// The lesson player: stepping saves the position, the animation opens on the explorer, the
/// lesson list shows progress; frames as snapshots.
@Suite("Lesson player")
struct PlayerTests {
    func playerState(step: Int = 0, width: Int = 80, height: Int = 24) -> AppState {
        AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: step)), width: width, height: height)
    }

    func player(_ state: AppState) -> PlayerState? {
        if case .player(let p) = state.screen { return p }
        return nil
    }

    @Test("] and [ change step and save the position; reaching the end records completion")
    func stepping() {
        var state = playerState()
        #expect(update(&state, .key(.character("]"))) == [.saveProgress(lesson: "padding", step: 1, stepCount: 3)])
        #expect(update(&state, .key(.pageDown)) == [.saveProgress(lesson: "padding", step: 2, stepCount: 3), .markCompleted(lesson: "padding")])
        #expect(update(&state, .key(.character("]"))) == [])
        #expect(update(&state, .key(.character("["))) == [.saveProgress(lesson: "padding", step: 1, stepCount: 3)])
        #expect(player(state)?.step == 1)
        #expect(update(&state, .key(.character("R"))) == [.saveProgress(lesson: "padding", step: 0, stepCount: 3)])
    }

    @Test("a opens the step's animation on the explorer at its start step; Esc comes back to the text")
    func animation() throws {
        var state = playerState(step: 1)
        _ = update(&state, .key(.character("a")))
        let explorer = try #require(player(state)?.animation)
        #expect(explorer.config.padding == Pair(1))
        #expect(explorer.step == 6)
        #expect(explorer.currentStep?.trace?.index == [0, 0, 1, 1])
        // Explorer keys work inside the lesson; ticks reach it.
        #expect(update(&state, .key(.character(" "))) == [.scheduleTick(after: 0.5)])
        _ = update(&state, .tick)
        #expect(player(state)?.animation?.step == 7)
        _ = update(&state, .key(.escape))
        #expect(player(state)?.animation == nil)
        #expect(player(state)?.step == 1)
    }

    @Test("the list shows every lesson with its progress, and opening one resumes it")
    func list() throws {
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24)
        state.catalogue = LessonCatalogue(lessons: [LessonFixtures.padding],
                                          positions: ["padding": .init(step: 2, stepCount: 3, completed: false)])
        _ = update(&state, .key(.character("2")))
        guard case .lessons = state.screen else { Issue.record("expected the lesson list"); return }
        #expect(view(state).text.contains("step 3/3"))
        _ = update(&state, .key(.enter))
        #expect(player(state)?.step == 2)
        // Back to the list from the lesson, which now shows the lesson as done.
        _ = update(&state, .key(.character("q")))
        #expect(view(state).text.contains("✓ done"))
    }

    @Test("the step text renders every block kind", arguments: [(80, 24), (120, 40)])
    func snapshots(_ width: Int, _ height: Int) {
        for step in 0..<3 {
            let state = playerState(step: step, width: width, height: height)
            #expect(snapshotMismatch(view(state).text, named: "player-step\(step + 1)-\(width)x\(height)") == nil)
        }
        var animated = playerState(step: 1, width: width, height: height)
        _ = update(&animated, .key(.character("a")))
        #expect(snapshotMismatch(view(animated).text, named: "player-animation-\(width)x\(height)") == nil)
    }

    @Test("replay as text: every step, the animation's frames and result, the question and its choices")
    func replay() {
        let lines = LessonReplay.plainLines(LessonFixtures.padding)
        #expect(lines.contains("== Step 2/3: Watch it =="))
        #expect(lines.contains("frame 1/25: window on x rows -1 to 1, columns -1 to 1; out[0,0,0,0] = 0×1 + 0×2 + 0×3 + 0×4 + 1×5 + 2×6 + 0×7 + 6×8 + 7×9 = 128"))
        #expect(lines.contains("Question: Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?"))
        #expect(lines.contains("  b) 1"))
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(snapshotMismatch(lines.joined(separator: "\n"), named: "replay-padding") == nil)
    }
}

/// Lesson blocks as wrapped, styled lines.
@Suite("Lesson text")
struct LessonTextTests {
    @Test("Chinese text wraps between characters and never splits one")
    func cjk() {
        let lines = LessonText.plain(LessonText.wrap([Span("卷积神经网络使用卷积层提取特征 and more words here")], width: 10))
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "卷积神经网络使用卷积层提取特征andmorewordshere")
        #expect(lines[0] == "卷积神经网")
    }

    @Test("lists hang their indents, quotes get a bar, tables measure their columns")
    func blocks() {
        let list = LessonText.plain(LessonText.lines([.list(ordered: true, start: 3, items: [[.paragraph([.text("one two three four five")])]])], width: 12))
        #expect(list == ["3. one two", "   three", "   four five"])
        let quote = LessonText.plain(LessonText.lines([.quote([.paragraph([.text("a b")])])], width: 20))
        #expect(quote == ["│ a b"])
        let table = LessonText.plain(LessonText.lines([.table(Table(alignments: [.left, .right], header: [[.text("k")], [.text("out")]],
                                                                    rows: [[[.text("3")], [.text("5")]]]))], width: 20))
        #expect(table == ["k │ out", "──┼────", "3 │   5"])
    }

    @Test("code is indented, never wrapped, and control characters stay inert on screen")
    func code() {
        let lines = LessonText.lines([.code(language: "python", text: "def f(x):  # comment\n    return x")], width: 40)
        #expect(LessonText.plain(lines) == ["    def f(x):  # comment", "        return x"])
        #expect(lines[0].contains { $0.text == "def" && $0.style.bold })
        var buffer = CellBuffer(width: 30, height: 1)
        buffer.put(LessonText.plain(LessonText.lines([.paragraph([.text("a\u{1B}[2Jb")])], width: 20))[0], x: 0, y: 0)
        #expect(buffer.lines == ["a␛[2Jb"])
    }
}

/// A step with two animations: each has its digit, `a` opens them in turn.
@Suite("Several animations in a step")
struct SeveralAnimationsTests {
    static let lesson = Lesson(
        meta: LessonMeta(id: "two", title: "Two", lang: "en", order: 1, summary: "Two animations."),
        steps: [Step(title: "Both", line: 8, blocks: [
            .animation(LessonFixtures.animation(.conv1d, line: 10)),
            .paragraph([.text("and then")]),
            .animation(LessonFixtures.animation(.conv2d, line: 14) { $0.stride = [2] }),
        ])])

    func player(_ state: AppState) -> PlayerState? {
        if case .player(let p) = state.screen { return p }
        return nil
    }

    @Test("a opens the first, then the second; 2 opens the second directly; the page says which key")
    func cycle() throws {
        var state = AppState(screen: .player(PlayerState(lesson: Self.lesson)), width: 80, height: 24)
        let page = view(state).text
        #expect(page.contains("▶ animation: 1-D convolution (flip and slide)  (press a or 1 to play it)"))
        #expect(page.contains("▶ animation: 2-D convolution  (press 2 to play it)"))
        _ = update(&state, .key(.character("a")))
        #expect(player(state)?.animation?.config.mode == .conv1d)
        _ = update(&state, .key(.escape))
        #expect(view(state).text.contains("2-D convolution  (press a or 2 to play it)"))
        _ = update(&state, .key(.character("a")))
        #expect(player(state)?.animation?.config.stride == Pair(2))
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("2")))
        #expect(player(state)?.animation?.config.mode == .forward)
        _ = update(&state, .key(.escape))
        // A digit beyond the step's animations does nothing.
        _ = update(&state, .key(.character("3")))
        #expect(player(state)?.animation == nil)
    }
}
