import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// `update` driven by messages written by hand: keys, resizes and ticks, with no clock and no sleep.
@Suite("update")
struct UpdateTests {
    func explorerState(_ configure: (inout ExplorerConfig) -> Void = { _ in }) -> AppState {
        var config = ExplorerConfig()
        configure(&config)
        return AppState(screen: .explorer(ExplorerState(config: config)), width: 80, height: 24, language: .en)
    }

    func explorer(_ state: AppState) throws -> ExplorerState {
        guard case .explorer(let e) = state.screen else { throw Failure("not on the explorer") }
        return e
    }

    struct Failure: Error { let message: String; init(_ m: String) { message = m } }

    @discardableResult
    func send(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    @Test("the default scene is valid: a 5×5 input, a 3×3 kernel, nine steps")
    func defaults() throws {
        let scene = try Scene.build(ExplorerConfig())
        #expect(scene.steps.count == 9)
        #expect(scene.steps[0].trace?.tensor == .out && scene.steps[0].trace?.index == [0, 0, 0, 0])
    }

    @Test("arrows step through the cells, g and G jump, the ends hold")
    func stepping() throws {
        var state = explorerState()
        send(&state, .right, .right, .character("l"))
        #expect(try explorer(state).step == 3)
        #expect(try explorer(state).currentStep?.trace?.index == [0, 0, 1, 0])
        send(&state, .left)
        #expect(try explorer(state).step == 2)
        send(&state, .character("G"), .right)
        #expect(try explorer(state).step == 8)
        send(&state, .character("g"), .left)
        #expect(try explorer(state).step == 0)
    }

    @Test("space plays: a tick is scheduled, each tick advances, the last step stops the clock")
    func playing() throws {
        var state = explorerState()
        #expect(send(&state, .character(" ")) == [.scheduleTick(after: 0.5)])
        #expect(try explorer(state).playing)
        for k in 1..<8 {
            #expect(update(&state, .tick) == [.scheduleTick(after: 0.5)])
            #expect(try explorer(state).step == k)
        }
        // The ninth step is the last: no more ticks are asked for, and idle means no wake-ups.
        #expect(update(&state, .tick) == [])
        #expect(try explorer(state).step == 8)
        #expect(!(try explorer(state).playing))
        #expect(update(&state, .tick) == [])
    }

    @Test("pausing ignores a tick already on its way; + and - change the interval")
    func pauseAndSpeed() throws {
        var state = explorerState()
        send(&state, .character(" "))
        send(&state, .character(" "))
        #expect(update(&state, .tick) == [])
        #expect(try explorer(state).step == 0)
        send(&state, .character("+"), .character("+"))
        #expect(send(&state, .character(" ")) == [.scheduleTick(after: 0.125)])
        send(&state, .character(" "), .character("-"), .character("-"), .character("-"), .character("-"), .character("-"))
        #expect(send(&state, .character(" ")) == [.scheduleTick(after: 2)])
    }

    @Test("changing the stride in the parameter bar changes the scene and its formula")
    func parameters() throws {
        var state = explorerState()
        send(&state, .character("e"))
        #expect(try explorer(state).focus == .parameters)
        // mode, input h, input w, kernel h, kernel w, stride h
        send(&state, .down, .down, .down, .down, .down)
        #expect(try explorer(state).config.parameters[try explorer(state).parameter] == .strideH)
        send(&state, .right)
        let e = try explorer(state)
        #expect(e.config.stride == Pair(2, 1))
        #expect(Language.en.catalogue.sizeLines(e.scene.formula) == ["output height: ⌊(5 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 2",
                                                                      "output width:  ⌊(5 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 3"])
        #expect(e.scene.steps.count == 6)
    }

    @Test("an invalid combination keeps the last valid scene, says why, and u returns to it")
    func invalidAndUndo() throws {
        var state = explorerState()
        send(&state, .character("e"))
        // dilation h is the eleventh entry, after padding_mode.
        for _ in 0..<10 { send(&state, .down) }
        #expect(try explorer(state).config.parameters[try explorer(state).parameter] == .dilationH)
        send(&state, .right, .right)
        var e = try explorer(state)
        #expect(e.config.dilation == Pair(3, 1))
        #expect(e.error == .kernelLargerThanInput(field: "kernel", axis: .height, effectiveKernel: 7, paddedInput: 5))
        #expect(e.lastValid.dilation == Pair(2, 1))
        send(&state, .character("u"))
        e = try explorer(state)
        #expect(e.error == nil)
        #expect(e.config.dilation == Pair(2, 1))
    }

    @Test("m cycles the modes and every mode builds a scene from the defaults")
    func modes() throws {
        var state = explorerState()
        var seen: [ConvOperation] = []
        for _ in ConvOperation.animated {
            let e = try explorer(state)
            seen.append(e.config.mode)
            #expect(e.error == nil, "\(e.config.mode): \(String(describing: e.error))")
            #expect(!e.scene.steps.isEmpty)
            send(&state, .character("m"))
        }
        #expect(seen == Array(ConvOperation.animated.dropFirst(2) + ConvOperation.animated.prefix(2)))
        // A full cycle comes back to where it started.
        #expect(try explorer(state).config.mode == .conv2d)
    }

    @Test("cursor mode: an output cell lights its receptive field, an input cell what it feeds")
    func cursor() throws {
        var state = explorerState()
        send(&state, .tab)
        var e = try explorer(state)
        #expect(e.focus == .cursor)
        let (x, w, out) = (Panel.ID(tensor: .x, prefix: [0, 0]), Panel.ID(tensor: .w, prefix: [0, 0]), Panel.ID(tensor: .out, prefix: [0, 0]))
        #expect(e.cursor == GridPosition(panel: x, row: 0, col: 0))
        // x[0,0,0,0] is read only by out[0,0,0,0].
        #expect(e.cursorSteps.map(\.subject.index) == [[0, 0, 0, 0]])
        // The centre x[0,0,2,2] is read by every one of the nine output cells, each time through
        // a different weight: the frame lights the nine outputs and all nine weights, and no
        // other input cell.
        send(&state, .down, .down, .right, .right)
        e = try explorer(state)
        #expect(e.cursorSteps.count == 9)
        let marks = e.marks()
        #expect(marks[out]?.values.filter { $0 == .target }.count == 9)
        #expect(marks[w]?.values.filter { $0 == .highlight }.count == 9)
        // No input cell is marked: the cursor's own is drawn as the cursor.
        #expect(marks[x] == nil)
        // Jump to the output grid (x → w → out) and read one cell's own computation.
        send(&state, .character("n"), .character("n"), .right)
        e = try explorer(state)
        #expect(e.cursor == GridPosition(panel: out, row: 0, col: 1))
        let field = try #require(e.cursorSteps.first?.trace)
        #expect(field.index == [0, 0, 0, 1])
        #expect(field.terms.count == 9)
        send(&state, .character("p"))
        #expect(try explorer(state).pinned == e.cursor)
        send(&state, .escape)
        #expect(try explorer(state).focus == .steps)
    }

    @Test("typing a value into a cell changes the input and the result")
    func cellEditor() throws {
        var state = explorerState()
        send(&state, .tab, .enter)
        #expect(try explorer(state).editor == "")
        // While typing, ? and q are text keys, not commands: they are simply refused by the editor.
        send(&state, .character("?"), .character("q"))
        #expect(state.help == nil)
        send(&state, .character("-"), .character("1"), .character("0"), .enter)
        let e = try explorer(state)
        #expect(e.editor == nil)
        #expect(e.config.overrides == [.init(tensor: .x, index: [0, 0, 0, 0], value: -10)])
        // out[0,0,0,0] = −10·1 + 2·2 + 3·3 + 6·4 + 7·5 + 8·6 + 11·7 + 12·8 + 13·9 = 400
        #expect(e.scene.steps[0].trace?.value == 400)
    }

    @Test("q leaves a screen opened from home, and quits from the first screen; Ctrl-C quits with 130")
    func quitting() throws {
        var home = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        send(&home, .enter)
        #expect(try explorer(home).config == ExplorerConfig())
        #expect(send(&home, .character("q")) == [])
        guard case .home = home.screen else { throw Failure("expected home") }
        #expect(send(&home, .character("q")) == [.quit(status: 0)])

        var direct = explorerState()
        #expect(send(&direct, .character("q")) == [.quit(status: 0)])
        #expect(send(&direct, .control("c")) == [.quit(status: 130)])
    }

    @Test("? opens the help and any key closes it; resize only changes the size")
    func helpAndResize() throws {
        var state = explorerState()
        send(&state, .character("?"))
        #expect(state.help != nil)
        // ↓ scrolls the help; any other key closes it and does nothing else.
        send(&state, .down)
        #expect(state.help != nil)
        send(&state, .right)
        #expect(state.help == nil)
        #expect(try explorer(state).step == 0)
        #expect(update(&state, .resize(width: 30, height: 10)) == [])
        #expect(state.isTooSmall)
        #expect(update(&state, .resize(width: 120, height: 40)) == [])
        #expect(!state.isTooSmall)
    }

    @Test("a key that does nothing says so on the hint line until the next key; the value editor says what it takes")
    func ignoredKeys() throws {
        var state = explorerState()
        send(&state, .character("x"))
        #expect(state.ignoredKey == .character("x"))
        #expect(view(state).lines.last == " x does nothing here; ? shows the keys")
        send(&state, .right)
        #expect(state.ignoredKey == nil)
        // At the last step → is bound: it does nothing visible, but is not a stray key.
        send(&state, .character("G"), .right)
        #expect(state.ignoredKey == nil)
        var zh = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .zh)
        _ = update(&zh, .key(.function(5)))
        #expect(view(zh).lines.last == " F5 在这里没有作用；按 ? 查看按键")
        // Typing a value: a letter is refused with what a value is made of.
        send(&state, .tab, .enter, .character("k"))
        #expect(try explorer(state).editorRefused)
        #expect(view(state).text.contains("a value is a number: digits, '-', '.' and 'e' only"))
        send(&state, .character("3"))
        #expect(try !explorer(state).editorRefused)
        #expect(state.ignoredKey == nil)
    }
}
