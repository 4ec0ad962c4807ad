import Localization
import TermCanvas

/// The first screen: what convtutor offers.
public struct HomeState: Equatable, Sendable {
    public var selected: HomeEntry

    public init(selected: HomeEntry = .explore) {
        self.selected = selected
    }

    enum Outcome: Equatable {
        case stay, back
        case open(HomeEntry)
    }

    mutating func handle(_ key: Key) -> Outcome {
        let entries = HomeEntry.allCases
        let k = entries.firstIndex(of: selected) ?? 0
        switch Keymap.action(for: key, in: .home) {
        case .previousItem?: selected = entries[(k + entries.count - 1) % entries.count]
        case .nextItem?: selected = entries[(k + 1) % entries.count]
        case .openItem?: return .open(selected)
        case .jump(let n)? where entries.indices.contains(n - 1):
            selected = entries[n - 1]
            return .open(selected)
        case .back?: return .back
        default: break
        }
        return .stay
    }

    /// A click on an entry opens it, as its number would.
    mutating func click(_ entry: HomeEntry) -> Outcome {
        selected = entry
        return .open(entry)
    }

    /// The entries with their summaries; each entry's two rows are where a click opens it.
    func draw(into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue) {
        let width = buffer.width
        buffer.put("convtutor", x: 2, y: 1, style: Style(bold: true))
        buffer.put(TextLayout.truncate(t.screen(.tagline), width: width - 14), x: 12, y: 1)
        for (k, entry) in HomeEntry.allCases.enumerated() {
            let y = 4 + 2 * k
            let chosen = entry == selected
            let name = "\(chosen ? "▶" : " ") \(k + 1)  \(t.screen(.entry(entry)))"
            buffer.put(name, x: 4, y: y, style: Style(bold: chosen, reverse: chosen))
            hits.add(Rect(x: 4, y: y, width: width - 6, height: 2), .homeEntry(entry))
            // A summary too long for its line goes on below, where the gap to the next entry is.
            for (n, line) in Paragraph.wrap(t.screen(.entrySummary(entry)), width: width - 20).prefix(2).enumerated() {
                buffer.put(line, x: 18, y: y + n)
            }
        }
        let hints = Keymap.hints(.home, t)
        buffer.put(TextLayout.hints(hints, width: width - 4, separator: "   "), x: 2, y: buffer.height - 1, style: Style(dim: true))
    }
}
