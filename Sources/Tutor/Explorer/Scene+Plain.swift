import ConvCore

extension Scene {
    /// The whole animation as linear text, for screen readers and pipes: the settings, the size
    /// formula and the reference call, every grid, then one numbered line per step with its
    /// arithmetic, then the notes.
    public func plainLines(settings: String) -> [String] {
        var lines = [title, settings] + formulas + [(call.hasPrefix("numpy") ? "NumPy: " : "PyTorch: ") + call, ""]
        for panel in panels {
            let extra = panel.padding == Pair(0) ? "" : " (padding \(panel.padding) not shown)"
            lines.append("\(panel.title)\(extra)")
            lines += Text.grid(panel.grid).map { "  " + $0 }
            lines.append("")
        }
        for (k, step) in steps.enumerated() {
            lines.append("step \(k + 1)/\(steps.count): \(step.equation)")
        }
        return lines + (notes.isEmpty ? [] : [""] + notes)
    }
}

extension ExplorerConfig {
    /// The settings in one line: `mode forward, input 5×5, kernel 3×3, stride 2×2, …`.
    public var settingsLine: String {
        parameterGroups.map { text($0) }.joined(separator: ", ")
    }
}
