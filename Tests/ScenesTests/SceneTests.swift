import ConvCore
import LessonKit
import Localization
@testable import Scenes
import Testing

/// Scenes name their grids by one rule and say which step computes each result cell.
@Suite("Scenes")
struct SceneTests {
    /// In `dx` as a convolution, `w′[c, f]` is `w[f, c]` flipped: its caption names `w[f, c]`,
    /// the same plane the forward pass calls filter `f`, channel `c`.
    @Test("the flipped kernels of an adjoint convolution name the planes of w they come from")
    func flippedKernelNames() throws {
        var config = ExplorerConfig()
        config.mode = .conv2dBackward
        config.presentation = .convolution
        config.filters = 2
        let scene = try Scene.build(config)
        let kernels = scene.panels.filter { $0.tensor == .wPrime }
        #expect(kernels.map(\.prefix) == [[0, 0], [0, 1]])
        #expect(kernels.map(\.caption) == [.flippedKernel(of: [0, 0]), .flippedKernel(of: [1, 0])])
        let english = Language.en.catalogue
        #expect(kernels[1].name + (kernels[1].caption.map(english.caption) ?? "") == "w′[0,1] = w[1,0] flipped")
        // Its values are w[1,0] rotated by 180°.
        let forward = try Scene.build({ var c = config; c.mode = .conv2d; return c }())
        let w10 = try #require(forward.panel(Panel.ID(tensor: .w, prefix: [1, 0])))
        #expect(kernels[1].grid.data == Array(w10.grid.data.reversed()))
    }

    @Test("with groups, each flipped kernel names the filter and channel of its group")
    func groups() throws {
        var config = ExplorerConfig()
        config.mode = .conv2dBackward
        config.presentation = .convolution
        config.channels = 4
        config.filters = 2
        config.groups = 2
        let scene = try Scene.build(config)
        // w is (2, 2, 3, 3): filter 0 reads channels 0–1, filter 1 channels 2–3.
        let captions = scene.panels.filter { $0.tensor == .wPrime }.map(\.caption)
        #expect(captions == [.flippedKernel(of: [0, 0]), .flippedKernel(of: [0, 1]), .flippedKernel(of: [1, 0]), .flippedKernel(of: [1, 1])])
    }

    @Test("every cell of a result grid has the step that computes it, in the order of the steps")
    func stepOfCell() throws {
        let scene = try Scene.build(ExplorerConfig())
        let out = try #require(scene.stepOfCell[Panel.ID(tensor: .out, prefix: [0, 0])])
        #expect(out == (0..<9).map { $0 })
        var backward = ExplorerConfig()
        backward.mode = .conv2dBackward
        let grads = try Scene.build(backward)
        // db first, then the nine cells of dw, then the twenty-five of dx.
        #expect(grads.stepOfCell[Panel.ID(tensor: .db)] == [0])
        #expect(grads.stepOfCell[Panel.ID(tensor: .dw, prefix: [0, 0])] == (1...9).map { $0 })
        #expect(grads.stepOfCell[Panel.ID(tensor: .dx, prefix: [0, 0])] == (10...34).map { $0 })
        #expect(grads.stepOfCell[Panel.ID(tensor: .x, prefix: [0, 0])] == nil)
    }
}
