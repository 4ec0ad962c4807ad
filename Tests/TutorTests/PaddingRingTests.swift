import ConvCore
import Localization
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// The explorer's padded input: zeros drawn as `·`, and a reflected, replicated or wrapped ring
/// drawn with the values it copies, its title saying which of the two the reader sees.
@Suite("Padding ring")
struct PaddingRingTests {
    /// The explorer on conv2d over the 3×4 ramp (1…12) with padding 1 and `mode`, at step 1.
    static func state(_ mode: PaddingMode, _ language: Language) -> AppState {
        FrameSnapshotTests.explorer({
            $0.mode = .conv2d; $0.input = Pair(3, 4); $0.kernel = Pair(3, 3); $0.padding = Pair(1, 1)
            $0.paddingMode = mode
        }, steps: 0, width: 80, height: 24, language: language)
    }

    static func frame(_ mode: PaddingMode, _ language: Language) -> String {
        view(state(mode, language)).text
    }

    @Test("zeros: the ring is drawn as · and the title says so")
    func zeros() {
        let text = Self.frame(.zeros, .en)
        #expect(text.contains("x[0,0] (· = padding)"))
        #expect(!text.contains("outer ring"))
    }

    // numpy.pad(np.arange(1, 13).reshape(3, 4), 1, mode) — the first padded row of each mode.
    @Test("a copying ring shows the values it copies, as numpy.pad gives them, under its own title",
          arguments: [(PaddingMode.reflect, "6  5  6] 7  8  7"), (.replicate, "1  1  2] 3  4  4"),
                      (.circular, "12  9 10]11 12  9")])
    func copies(_ mode: PaddingMode, _ firstRow: String) {
        let text = Self.frame(mode, .en)
        #expect(text.contains("x[0,0] (outer ring = padding, copied cells)"))
        #expect(text.contains(firstRow), "\(text)")
        #expect(Self.frame(mode, .zh).contains("x[0,0]（外圈 = 填充，复制自网格）"))
    }

    @Test("the cursor on a copying ring cell says which cell it copies; on a zero it does not")
    func cursorOnRing() {
        var reflect = Self.state(.reflect, .en)
        // Tab opens the cursor on x[0,0,0,0]; up and left reach the ring's corner.
        for key in [Key.tab, .up, .left] { _ = update(&reflect, .key(key)) }
        let text = view(reflect).text
        #expect(text.contains("x[0,0,-1,-1] = x[0,0,1,1] (reflect)"), "\(text)")
        #expect(text.contains("x[0,0,-1,-1] (padding) feeds 1 cell: out[0,0,0,0]"))
        var zeros = Self.state(.zeros, .en)
        for key in [Key.tab, .up, .left] { _ = update(&zeros, .key(key)) }
        #expect(view(zeros).text.contains("x[0,0,-1,-1] (padding) feeds 1 cell"))
        #expect(!view(zeros).text.contains("x[0,0,-1,-1] = "))
    }
}
