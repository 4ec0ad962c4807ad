import ConvCore
import Foundation
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import TestSupport
import Testing
@testable import Tutor

/// The lesson player: stepping saves the position, the animation opens on the explorer, the
/// lesson list shows progress; frames as snapshots.
@Suite("Lesson player")
struct PlayerTests {
    func playerState(step: Int = 0, width: Int = 80, height: Int = 24) -> AppState {
        AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: step)), width: width, height: height, language: .en)
    }

    func player(_ state: AppState) -> PlayerState? {
        if case .player(let p) = state.screen { return p }
        return nil
    }

    @Test("→ and ] (← and [) change step and save the position; reaching the end records completion")
    func stepping() {
        var state = playerState()
        #expect(update(&state, .key(.character("]"))) == [.saveProgress(lesson: "padding", step: 1, stepCount: 3)])
        #expect(update(&state, .key(.right)) == [.saveProgress(lesson: "padding", step: 2, stepCount: 3), .markCompleted(lesson: "padding")])
        #expect(update(&state, .key(.character("]"))) == [])
        #expect(update(&state, .key(.left)) == [.saveProgress(lesson: "padding", step: 1, stepCount: 3)])
        #expect(update(&state, .key(.character("["))) == [.saveProgress(lesson: "padding", step: 0, stepCount: 3)])
        _ = update(&state, .key(.character("l")))
        #expect(player(state)?.step == 1)
        #expect(update(&state, .key(.character("R"))) == [.saveProgress(lesson: "padding", step: 0, stepCount: 3)])
    }

    @Test("↓ and ↑ scroll a line, PgDn and space a page, End and Home go to the step's end and start; scrolling stops at the end")
    func scrolling() throws {
        let long = Lesson(meta: LessonMeta(id: "long", title: "Long", lang: "en", order: 1, summary: "A long step."),
                          steps: [Step(title: "One", line: 1, blocks: []),
                                  Step(title: "Many lines", line: 2, blocks: (1...60).map { .paragraph([.text("Line \($0).")]) }),
                                  Step(title: "Three", line: 3, blocks: [])])
        var state = AppState(screen: .player(PlayerState(lesson: long, step: 1)), width: 80, height: 24, language: .en)
        let page = try #require(player(state))
        let count = page.textLines(width: PlayerState.textWidth(Viewport(width: 80, height: 24)), Language.en.catalogue).count
        let visible = PlayerState.visibleRows(Viewport(width: 80, height: 24))
        try #require(count > visible, "the step must be longer than the page for this test")
        let last = count - visible
        _ = update(&state, .key(.down))
        #expect(player(state)?.scroll.top == 1)
        _ = update(&state, .key(.pageDown))
        #expect(player(state)?.scroll.top == min(last, 1 + visible - 1))
        _ = update(&state, .key(.end))
        #expect(player(state)?.scroll.top == last)
        // Past the end nothing moves, so one ↑ is one line up again.
        for _ in 0..<5 { _ = update(&state, .key(.down)) }
        _ = update(&state, .key(.up))
        #expect(player(state)?.scroll.top == last - 1)
        _ = update(&state, .key(.home))
        #expect(player(state)?.scroll.top == 0)
        _ = update(&state, .key(.character(" ")))
        #expect(player(state)?.scroll.top == min(last, visible - 1))
        #expect(player(state)?.step == 1)
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

    @Test("the list shows every lesson with its progress, and opening one resumes it; q goes back to the list, then home")
    func list() throws {
        let saved = Date(timeIntervalSince1970: 1_700_000_000)
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        state.catalogue = LessonCatalogue(lessons: [LessonFixtures.padding],
                                          positions: ["padding": LessonPosition(step: 1, stepCount: 3, updatedAt: saved)])
        _ = update(&state, .key(.character("2")))
        guard case .lessons = state.screen else { Issue.record("expected the lesson list"); return }
        #expect(view(state).text.contains("step 2/3"))
        _ = update(&state, .key(.enter))
        #expect(player(state)?.step == 1)
        #expect(update(&state, .key(.right)) == [.saveProgress(lesson: "padding", step: 2, stepCount: 3), .markCompleted(lesson: "padding")])
        // The runner answers with what the store now holds.
        _ = update(&state, .positionSaved(lesson: "padding", LessonPosition(step: 2, stepCount: 3, completedAt: saved, updatedAt: saved)))
        // Back to the list from the lesson, which now shows the lesson as done; then home; then out.
        #expect(update(&state, .key(.character("q"))) == [])
        #expect(view(state).text.contains("✓ done"))
        #expect(update(&state, .key(.escape)) == [])
        guard case .home = state.screen else { Issue.record("expected home"); return }
        #expect(update(&state, .key(.character("q"))) == [.quit(status: 0)])
    }

    @Test("opened without a parent (convtutor learn ID), q quits; the list opened first returns to it")
    func ways() {
        var lesson = playerState()
        #expect(update(&lesson, .key(.character("q"))) == [.quit(status: 0)])
        var list = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: .en)
        list.catalogue = LessonCatalogue(lessons: [LessonFixtures.padding])
        _ = update(&list, .key(.enter))
        #expect(player(list) != nil)
        #expect(update(&list, .key(.character("q"))) == [])
        guard case .lessons = list.screen else { Issue.record("expected the lesson list"); return }
        #expect(update(&list, .key(.character("q"))) == [.quit(status: 0)])
    }

    @Test("the step text renders every block kind, in both languages", arguments: Language.allCases)
    func snapshots(_ language: Language) {
        for (width, height) in FrameSnapshotTests.sizes {
            for step in 0..<3 {
                let state = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: step)), width: width, height: height,
                                     language: language)
                FrameSnapshotTests.check(state, "player-step\(step + 1)")
            }
            var animated = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: 1)), width: width, height: height,
                                    language: language)
            _ = update(&animated, .key(.character("a")))
            FrameSnapshotTests.check(animated, "player-animation")
        }
    }

    @Test("replay as text: every step, the animation's frames and result, the question and its choices")
    func replay() {
        let lines = LessonReplay.plainLines(LessonFixtures.padding, Language.en.catalogue)
        #expect(lines.contains("== Step 2/3: Watch it =="))
        #expect(lines.contains("frame 1/25: window on x rows -1 to 1, columns -1 to 1; out[0,0,0,0] = 0×1 + 0×2 + 0×3 + 0×4 + 1×5 + 2×6 + 0×7 + 6×8 + 7×9 = 128"))
        #expect(lines.contains("Question: Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?"))
        #expect(lines.contains("  b) 1"))
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(snapshotMismatch(lines.joined(separator: "\n"), named: "replay-padding-en") == nil)
        let zh = LessonReplay.plainLines(LessonFixtures.padding, Language.zh.catalogue)
        #expect(zh.contains("== 第 2/3 步：Watch it =="))
        #expect(snapshotMismatch(zh.joined(separator: "\n"), named: "replay-padding-zh") == nil)
    }

    @Test("replay as text puts the explorer's per-channel line under each frame of a multichannel convolution",
          arguments: Language.allCases)
    func replayPerChannel(_ language: Language) throws {
        var config = ExplorerConfig()
        config.channels = 2
        config.input = Pair(3, 3)
        config.kernel = Pair(2, 2)
        config.bias = true
        let t = language.catalogue
        let prefix = language == .en ? "  per channel: " : "  按通道："
        let lines = try ScenePlain.lines(config, t)
        // Frame 1 is 1×1 + 2×2 + 4×3 + 5×4 = 37 from channel 0, 10×5 + 11×6 + 13×7 + 14×8 = 319 from channel 1.
        let first = try #require(lines.firstIndex(of: prefix + "x[0,0] → 37 + x[0,1] → 319 + b 1 = 357"))
        #expect(lines[first - 1].hasSuffix("= 357"), "under its frame: \(lines[first - 1])")
        let perChannel = lines.filter { $0.hasPrefix(prefix) }
        #expect(perChannel.count == 4, "one per frame: \(perChannel)")
        // The very line the explorer draws under the arithmetic at that step.
        for (step, line) in perChannel.enumerated() {
            var explorer = ExplorerState(config: config)
            explorer.step = step
            let screen = view(AppState(screen: .explorer(explorer), width: 120, height: 40, language: language)).text
            #expect(screen.contains(line.dropFirst(2)), "step \(step + 1): \(line)")
        }
        config.channels = 1
        #expect(try ScenePlain.lines(config, t).allSatisfy { !$0.hasPrefix(prefix) }, "one channel has no parts to show")
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
        var state = AppState(screen: .player(PlayerState(lesson: Self.lesson)), width: 80, height: 24, language: .en)
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
        #expect(player(state)?.animation?.config.mode == .conv2d)
        _ = update(&state, .key(.escape))
        // A digit beyond the step's animations does nothing.
        _ = update(&state, .key(.character("3")))
        #expect(player(state)?.animation == nil)
    }
}
