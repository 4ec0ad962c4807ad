import ConvCore
import Localization
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// Values read as a heat map: with 256 colours every value a grid shows is tinted by its sign and
/// magnitude, the numbers unchanged; with fewer colours, or none, there is no tint.
@Suite("Heat map")
struct HeatMapTests {
    /// Max pooling over random values with negatives, zeros and positives, at step `steps`.
    static func pooling(steps: Int, colors: ColorSupport) -> AppState {
        var state = FrameSnapshotTests.explorer({
            $0.mode = .maxpool2d; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2); $0.values = .random(seed: 3)
        }, steps: steps, width: 80, height: 24, language: .en)
        state.colors = colors
        return state
    }

    /// The tints of a frame, as the snapshots name them.
    static func tints(_ buffer: CellBuffer) -> [String] {
        buffer.cells.compactMap { $0.style.tint?.name }
    }

    @Test("a grid with negative, zero and positive values gets the right tint levels, the numbers unchanged")
    func levels() {
        let panel = Panel(id: Panel.ID(tensor: .x, prefix: [0, 0]), grid: Tensor(shape: [2, 3], data: [-6, -2, 0, 1, 4, 6]), role: .input)
        let t = Language.en.catalogue
        let draw = { (tinted: Bool) -> CellBuffer in
            var buffer = CellBuffer(width: 12, height: 3)
            ExplorerState.widget(panel, marks: [:], tinted: tinted, t).draw(into: &buffer, x: 0, y: 0)
            return buffer
        }
        let (tinted, plain) = (draw(true), draw(false))
        #expect(tinted.lines == plain.lines)
        #expect(tinted.lines == ["x[0,0]", " -6 -2  0", "  1  4  6"])
        // Each cell's two columns, against the largest magnitude 6: ⌈3 · |v| / 6⌉.
        let tint = { (x: Int, y: Int) in tinted[x, y].style.tint?.name }
        #expect([1, 4, 7].map { tint($0, 1) } == ["neg3", "neg1", nil])
        #expect([1, 4, 7].map { tint($0, 2) } == ["pos1", "pos2", "pos3"])
        #expect(tint(2, 1) == "neg3" && tint(0, 1) == nil)
        #expect(Self.tints(plain).isEmpty)
    }

    @Test("with colour off or only eight colours there is no tint; the frame's text is the same")
    func colourOff() {
        let full = view(Self.pooling(steps: 0, colors: .full256))
        #expect(Set(Self.tints(full)) == ["neg1", "neg2", "neg3", "pos1", "pos2", "pos3"])
        for colors in [ColorSupport.none, .eight] {
            let frame = view(Self.pooling(steps: 0, colors: colors))
            #expect(Self.tints(frame).isEmpty)
            #expect(frame.text == full.text)
        }
    }

    @Test("marked cells and cells not computed yet are not tinted")
    func untinted() {
        let frame = view(Self.pooling(steps: 0, colors: .full256))
        // The window's cells on x (rows 5–6, columns 2–3 and 5–6) are in reverse video, untinted.
        for x in [2, 3, 5, 6] {
            for y in 5...6 { #expect(frame[x, y].style.reverse && frame[x, y].style.tint == nil) }
        }
        // out[0,0] has only its first cell: the other three are blank and would give their
        // values away if tinted.
        #expect(frame.lines[5].hasSuffix("[0]") && frame.lines[6].hasSuffix("-3"))
        #expect([(19, 5), (17, 6), (19, 6)].allSatisfy { frame[$0.0, $0.1] == Cell(" ") })
    }

    @Test("frames with 256 colours: the explorer, a lesson's animation, a select-the-cells grid")
    func frames() {
        FrameSnapshotTests.check(Self.pooling(steps: 4, colors: .full256), "explorer-maxpool2d-tinted")
        var player = AppState(screen: .player(PlayerState(lesson: LessonFixtures.padding, step: 1)), width: 80, height: 24,
                              language: .en, colors: .full256)
        _ = update(&player, .key(.character("a")))
        FrameSnapshotTests.check(player, "player-animation-tinted")
        var quiz = AppState(screen: .quiz(QuizState(questions: [QuizTests.cells])), width: 80, height: 24, language: .en, colors: .full256)
        for key: Key in [.character(" "), .right] { _ = update(&quiz, .key(key)) }
        FrameSnapshotTests.check(quiz, "quiz-cells-tinted")
    }
}
