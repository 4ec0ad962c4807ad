import ConvCore

extension Scene {
    /// The whole animation as linear text, for screen readers and pipes: the settings, the size
    /// formula and the reference call, the given grids, one numbered frame per step (where the
    /// window is, and the arithmetic), then the finished results and the notes.
    public func plainLines(settings: String) -> [String] {
        var lines = [title, settings] + formulas + [(call.hasPrefix("numpy") ? "NumPy: " : "PyTorch: ") + call, ""]
        let (results, given) = (panels.filter(\.isResult), panels.filter { !$0.isResult })
        for panel in given { lines += Self.grid(panel) }
        let source = given.first?.tensor ?? ""
        for (k, step) in steps.enumerated() {
            let window = step.window(on: source).map { "window on \(source) \($0); " } ?? ""
            lines.append("frame \(k + 1)/\(steps.count): \(window)\(step.equation)")
        }
        lines.append("")
        lines.append("finished:")
        for panel in results { lines += Self.grid(panel, final: true) }
        return lines + notes
    }

    /// A panel's title and rows.
    private static func grid(_ panel: Panel, final: Bool = false) -> [String] {
        let title = final && panel.showsPartial ? String(panel.title.dropLast(" so far".count)) : panel.title
        let extra = panel.padding == Pair(0) ? "" : " (padding \(panel.padding) not shown)"
        return ["\(title)\(extra)"] + Text.grid(panel.grid).map { "  " + $0 } + [""]
    }
}

extension Panel {
    /// Computed by the animation (outputs and gradients), as opposed to given to it.
    var isResult: Bool {
        showsPartial || ["out", "dx", "dw", "db"].contains(tensor)
    }
}

extension SceneStep {
    /// Where the step reads `tensor`: `rows 0 to 2, columns 1 to 3` (unpadded coordinates, so `-1` is
    /// the padding row above), or `nil` if it does not read it.
    public func window(on tensor: String) -> String? {
        var indices: [[Int]] = []
        switch self {
        case .cell(let t):
            indices = t.terms.flatMap { $0.factors.filter { $0.tensor == tensor }.map(\.index) }
        case .scatter(let s, _):
            indices = s.source.tensor == tensor ? [s.source.index] : []
        }
        guard let first = indices.first else { return nil }
        if first.count == 1 {
            let p = indices.map { $0[0] }
            return "positions \(p.min()!) to \(p.max()!)"
        }
        let rows = indices.map { $0[$0.count - 2] }, cols = indices.map { $0[$0.count - 1] }
        let span = { (v: [Int]) in v.min()! == v.max()! ? "\(v.min()!)" : "\(v.min()!) to \(v.max()!)" }
        return "rows \(span(rows)), columns \(span(cols))"
    }
}

extension ExplorerConfig {
    /// The settings in one line: `mode forward, input 5×5, kernel 3×3, stride 2×2, …`.
    public var settingsLine: String {
        parameterGroups.map { text($0) }.joined(separator: ", ")
    }
}
