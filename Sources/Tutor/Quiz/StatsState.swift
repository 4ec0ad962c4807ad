import Localization
import TermCanvas

/// The stats screen: the summary, scrolled when its topics outgrow the window.
public struct StatsState: Equatable, Sendable {
    public let summary: StatsSummary
    /// How far the summary is scrolled.
    public private(set) var scroll = ScrollPosition()

    public init(summary: StatsSummary) {
        self.summary = summary
    }

    /// Rows of the page: below the title, above the hint line.
    static func visibleRows(_ viewport: Viewport) -> Int { viewport.height - 3 }

    /// The summary's lines, as laid out (aligned topics) where they fit, wrapped where not.
    private func lines(width: Int, _ t: any Catalogue) -> [StyledLine] {
        summary.lines(t).enumerated().flatMap { k, line in Paragraph.laidOut(line, width: width, style: Style(bold: k < 3)) }
    }

    /// Handles a key; true when the learner leaves the screen.
    mutating func handle(_ key: Key, viewport: Viewport, _ t: any Catalogue) -> Bool {
        let action = Keymap.action(for: key, in: .stats)
        if let move = action?.scrollMove { scrollPage(move, viewport: viewport, t) }
        return action == .back
    }

    /// Scrolls the summary.
    mutating func scrollPage(_ move: ScrollPosition.Move, viewport: Viewport, _ t: any Catalogue) {
        scroll.move(move, count: lines(width: viewport.width - 4, t).count, visible: Self.visibleRows(viewport))
    }

    /// The lines that fit, and where they are in the whole.
    func draw(into buffer: inout CellBuffer, _ t: any Catalogue) {
        buffer.put(t.stats(.title), x: 1, y: 0, style: Style(bold: true))
        let viewport = Viewport(width: buffer.width, height: buffer.height)
        let visible = Self.visibleRows(viewport)
        let page = ScrollView(lines: lines(width: buffer.width - 4, t), position: scroll)
        page.draw(into: &buffer, Rect(x: 2, y: 2, width: buffer.width - 3, height: visible))
        var hints = Keymap.hints(.stats, t)
        if page.scrolls(visible: visible) {
            let shown = page.shown(visible: visible)
            hints.insert(t.lesson(.lines(LineRange(first: shown.lowerBound + 1, last: shown.upperBound, total: page.lines.count))), at: 0)
        }
        buffer.put(TextLayout.hints(hints, width: buffer.width - 2, keep: 1, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }
}
