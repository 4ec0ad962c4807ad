import TermCanvas

/// The stats screen: the summary, scrolled when its topics outgrow the window.
public struct StatsState: Equatable, Sendable {
    public let summary: StatsSummary
    /// The first line shown.
    public private(set) var scroll = 0

    public init(summary: StatsSummary) {
        self.summary = summary
    }

    /// Handles a key; true when the learner leaves the screen.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character("q"), .escape, .enter: return true
        case .down, .character("j"): scroll = min(scroll + 1, max(0, summary.lines.count - 1))
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown, .character(" "): scroll = min(scroll + 10, max(0, summary.lines.count - 1))
        case .pageUp: scroll = max(0, scroll - 10)
        default: break
        }
        return false
    }

    /// The lines that fit, and where they are in the whole.
    func draw(into buffer: inout CellBuffer) {
        buffer.put("Stats", x: 1, y: 0, style: Style(bold: true))
        let lines = summary.lines
        let visible = buffer.height - 3
        let top = min(scroll, max(0, lines.count - visible))
        for (row, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            buffer.put(TextLayout.truncate(line, width: buffer.width - 4), x: 2, y: 2 + row, style: Style(bold: top + row < 3))
        }
        var hints = ["q back"]
        if lines.count > visible {
            hints.insert("\(top + 1)–\(min(lines.count, top + visible)) of \(lines.count) lines", at: 0)
            hints.insert("↑/↓ scroll", at: 1)
        }
        buffer.put(TextLayout.hints(hints, width: buffer.width - 2, keep: 1, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }
}
