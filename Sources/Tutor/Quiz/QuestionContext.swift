import ConvCore
import Localization
import QuizKit
import Scenes
import TermCanvas

/// What a lesson question computed from a layer works on, shown under its prompt: the layer's
/// settings and its given grids (x, w, dOut, …), so that a question met in review, away from the
/// step that drew them, is whole. Generated problems write their grids into the prompt instead.
struct QuestionContext: Equatable, Sendable {
    var config: ExplorerConfig
    var scene: Scene

    /// The context of `q`, or `nil` when it has none: not a lesson question checked against a
    /// computation, or one the compute core refuses.
    init?(_ q: Question?) {
        guard let q, q.computation != nil, let animation = q.animation else { return nil }
        config = ExplorerConfig(animation: animation)
        guard let scene = try? Scene.build(config) else { return nil }
        self.scene = scene
    }

    /// The grids the computation is given; its results are what the question asks.
    var panels: [Panel] { scene.panels.filter { !$0.isResult } }

    /// The heading (the computation's name) and the settings in one line.
    private func heading(_ t: any Catalogue) -> (title: String, settings: String) {
        (t.quiz(.given(t.sceneTitle(scene.title))), config.settingsLine(scene: scene, t))
    }

    /// The context on a page of `width` columns: its heading, the settings, then the grids laid
    /// out left to right, two columns apart, wrapping as the explorer lays them out (a heat map
    /// when `tinted`).
    func lines(width: Int, _ t: any Catalogue, tinted: Bool) -> [StyledLine] {
        let (title, settings) = heading(t)
        var lines = Paragraph.wrap(title, width: width, style: Style(bold: true))
        lines += Paragraph.wrap(settings, width: width, style: Style(dim: true))
        let widgets = panels.map { ExplorerState.widget($0, marks: [:], tinted: tinted, t) }
        let room = Rect(x: 0, y: 0, width: width, height: widgets.reduce(0) { $0 + $1.size.height + 1 })
        let places = ExplorerState.flow(widgets.map(\.size), gap: 2, skipping: [], in: room)
        let height = zip(widgets, places).compactMap { widget, place in place.map { $0.y + widget.size.height } }.max() ?? 0
        var buffer = CellBuffer(width: width, height: height)
        for (widget, place) in zip(widgets, places) {
            guard let place else { continue }
            widget.draw(into: &buffer, x: place.x, y: place.y)
        }
        return lines + [[]] + buffer.styledLines
    }

    /// The context as plain text: the heading, the settings, each grid's title and rows.
    func plainLines(_ t: any Catalogue) -> [String] {
        let (title, settings) = heading(t)
        return [title, settings, ""] + panels.flatMap { ScenePlain.grid($0, t) }
    }
}
