import TermCanvas

/// The first screen: what convtutor offers.
public struct HomeState: Equatable, Sendable {
    public var selected: Int

    public init(selected: Int = 0) {
        self.selected = selected
    }

    /// The entries, with what each does.
    static let entries: [(title: String, summary: String)] = [
        ("Explore", "a kernel sliding over a grid, every product and gradient"),
        ("Lessons", "step-by-step lessons, written in markdown"),
        ("Quiz", "due reviews first, then new questions and generated problems"),
        ("Stats", "lessons completed, accuracy by topic, reviews due, streak"),
        ("Help", "the keys"),
    ]

    enum Outcome {
        case stay, quit, help, lessons, quiz, stats
        case open(ExplorerState)
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .up, .character("k"):
            selected = (selected + Self.entries.count - 1) % Self.entries.count
        case .down, .character("j"), .tab:
            selected = (selected + 1) % Self.entries.count
        case .character("q"), .escape:
            return .quit
        case .enter, .right, .character("l"), .character(" "):
            return activate()
        case .character(let c):
            if let n = c.wholeNumberValue, (1...Self.entries.count).contains(n) {
                selected = n - 1
                return activate()
            }
            if let k = Self.entries.firstIndex(where: { $0.title.lowercased().first == Character(c.lowercased()) }) {
                selected = k
                return activate()
            }
        default:
            break
        }
        return .stay
    }

    private func activate() -> Outcome {
        switch Self.entries[selected].title {
        case "Explore": return .open(ExplorerState(config: ExplorerConfig()))
        case "Help": return .help
        case "Lessons": return .lessons
        case "Quiz": return .quiz
        case "Stats": return .stats
        default: return .stay
        }
    }

    func draw(into buffer: inout CellBuffer) {
        let area = buffer.area
        buffer.put("convtutor", x: 2, y: 1, style: Style(bold: true))
        buffer.put("— convolution (卷积) in deep learning, computed and explained", x: 12, y: 1)
        for (k, entry) in Self.entries.enumerated() {
            let y = 4 + 2 * k
            let chosen = k == selected
            let marker = chosen ? "▶" : " "
            buffer.put("\(marker) \(k + 1)  \(entry.title)", x: 4, y: y, style: Style(bold: chosen, reverse: chosen))
            buffer.put(TextLayout.truncate(entry.summary, width: area.width - 20), x: 18, y: y)
        }
        buffer.put(TextLayout.truncate("↑/↓ choose   Enter open   1–5 jump   ? keys   q quit", width: area.width - 4),
                   x: 2, y: area.height - 1, style: Style(dim: true))
    }
}
