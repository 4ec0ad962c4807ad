import ConvCore
import Localization
import Scenes

/// An animation as linear text, for screen readers and pipes: the settings, the size formula
/// and the reference call, the given grids, one numbered frame per step (where the window is, and
/// the arithmetic, with the explorer's per-channel line under it over several input channels),
/// then the finished results and the notes.
public enum ScenePlain {
    /// The animation of `config` as text, or why the compute core refuses it.
    public static func lines(_ config: ExplorerConfig, _ t: any Catalogue) throws(ConvError) -> [String] {
        lines(try Scene.build(config), config: config, t)
    }

    static func lines(_ scene: Scene, config: ExplorerConfig, _ t: any Catalogue) -> [String] {
        var lines = [t.sceneTitle(scene.title), config.settingsLine(scene: scene, t)] + t.sizeLines(scene.formula) + [t.call(scene.call), ""]
        let (results, given) = (scene.panels.filter(\.isResult), scene.panels.filter { !$0.isResult })
        for panel in given { lines += grid(panel, t) }
        let source = given.first?.tensor
        for (k, step) in scene.steps.enumerated() {
            let window = source.flatMap { tensor in step.window(on: tensor).map { windowText(tensor, $0, t) } }
            lines.append(t.explorer(.frame(k + 1, of: scene.steps.count, window: window, equation: t.equation(of: step))))
            if let channels = t.channelLine(of: scene, step: k) { lines.append("  " + channels) }
        }
        lines += ["", t.explorer(.finished)]
        for panel in results { lines += grid(panel, t, final: true) }
        return lines + scene.notes.map(t.note)
    }

    /// Where a step's window lies on `tensor`.
    private static func windowText(_ tensor: TensorName, _ w: (rows: ClosedRange<Int>?, cols: ClosedRange<Int>), _ t: any Catalogue) -> String {
        guard let rows = w.rows else { return t.explorer(.windowPositions(tensor: tensor.rawValue, w.cols)) }
        return t.explorer(.windowRows(tensor: tensor.rawValue, rows: rows, cols: w.cols))
    }

    /// A panel's title and rows; a finished result without its `so far`.
    static func grid(_ panel: Panel, _ t: any Catalogue, final: Bool = false) -> [String] {
        let caption = panel.caption.flatMap { final && $0 == .soFar ? nil : t.caption($0) } ?? ""
        let padding = panel.padding == Pair(0) ? "" : t.explorer(.paddingNotShown(panel.padding.description))
        return ["\(panel.name)\(caption)\(padding)"] + Text.grid(panel.grid).map { "  " + $0 } + [""]
    }
}
