import ConvCore
import Localization
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// The explorer's `d`: the centred-difference check of the cursor's cell of `dx`, `dw` or `db`.
extension UpdateTests {
    /// Backward mode over a 4×4 ramp `x`, a 2×2 ramp `w` and a 3×3 ramp `dOut`, the cursor on `dx`.
    func checkedBackward() throws -> AppState {
        var state = explorerState { $0.mode = .conv2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2) }
        send(&state, .tab)
        let panels = try explorer(state).scene.panels.map(\.tensor)
        let dx = try #require(panels.firstIndex(of: .dx))
        for _ in 0..<dx { send(&state, .character("n")) }
        return state
    }

    @Test("d opens the check of the cursor's dx cell; it follows the cursor and d closes it")
    func gradientCheckToggles() throws {
        var state = try checkedBackward()
        #expect(try explorer(state).probe == nil)
        send(&state, .character("d"))
        var e = try explorer(state)
        #expect(e.checking)
        var probe = try #require(e.probe)
        // ∂L/∂x[0,0] = Σ dOut[i,j]·w[−i,−j] = dOut[0,0]·w[0,0] = 1·1 (L = Σ dOut ⊙ out, no padding).
        #expect(probe.tensor == .dx && probe.index == [0, 0, 0, 0])
        #expect(probe.analytic == 1)
        #expect(abs(probe.numeric - 1) < 1e-6 && probe.passes)
        // Its two lines are drawn under the cursor's arithmetic.
        let text = view(state).text
        for line in Language.en.catalogue.probeLines(probe) { #expect(text.contains(line)) }

        // One cell right: dOut[0,1]·w[0,0] + dOut[0,0]·w[0,1] = 2·1 + 1·2 = 4.
        send(&state, .right)
        probe = try #require(try explorer(state).probe)
        #expect(probe.index == [0, 0, 0, 1] && probe.analytic == 4 && abs(probe.numeric - 4) < 1e-6)

        // dw's cells are checked too: dw[0,0,0,0] = Σ x[i,j]·dOut[i,j] over the top-left 3×3 of x,
        // 1·1 + 2·2 + 3·3 + 5·4 + 6·5 + 7·6 + 9·7 + 10·8 + 11·9 = 348.
        send(&state, .character("N"))
        probe = try #require(try explorer(state).probe)
        #expect(probe.tensor == .dw && probe.index == [0, 0, 0, 0])
        #expect(probe.analytic == 348)
        #expect(probe.passes)

        send(&state, .character("d"))
        e = try explorer(state)
        #expect(!e.checking && e.probe == nil)
        #expect(!view(state).text.contains("L(v+h)"))
    }

    @Test("off dx, dw and db the open check says the cell has none; a new mode closes it")
    func gradientCheckFollowsOffGradients() throws {
        var state = try checkedBackward()
        send(&state, .character("d"))
        // Back to x: the panel stays open and says why there is nothing to check.
        send(&state, .character("n"))
        let e = try explorer(state)
        #expect(e.checking && e.probe == nil)
        #expect(view(state).text.contains(Language.en.catalogue.gradientCheck(.probeNeedsGradientCell)))
        send(&state, .character("m"))
        #expect(try !explorer(state).checking)
    }

    @Test("d refuses in one line: outside conv2d backward mode, or with the cursor off dx, dw and db")
    func gradientCheckRefusals() throws {
        let en = Language.en.catalogue
        var forward = explorerState()
        send(&forward, .tab, .character("d"))
        #expect(try !explorer(forward).checking)
        #expect(try explorer(forward).checkRefusal == .probeNeedsBackward)
        #expect(view(forward).lines.filter { $0.contains(en.gradientCheck(.probeNeedsBackward)) }.count == 1)
        // The hint lasts until the next key.
        send(&forward, .right)
        #expect(try explorer(forward).checkRefusal == nil)
        #expect(!view(forward).text.contains(en.gradientCheck(.probeNeedsBackward)))

        var backward = explorerState { $0.mode = .conv2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2) }
        send(&backward, .tab, .character("d"))
        let e = try explorer(backward)
        #expect(e.cursor?.panel == e.scene.panels.first?.id && e.scene.panels.first?.tensor == .x)
        #expect(!e.checking && e.checkRefusal == .probeNeedsGradientCell)
        #expect(view(backward).lines.filter { $0.contains(en.gradientCheck(.probeNeedsGradientCell)) }.count == 1)
    }
}
