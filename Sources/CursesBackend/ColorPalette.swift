import CNcursesw
import TermCanvas

/// Turns a `Style` into ncurses attributes and a colour pair, allocating a pair the first time a
/// foreground and background appear together.
///
/// Each pair is kept and reused, and the screens draw with a small fixed set of colours (a few
/// ANSI colours for the grids' titles and the verdicts on the default background, the six
/// heat-map steps each with its one ink), so a session allocates a dozen pairs or so; were
/// `COLOR_PAIRS` ever used up, further colours would fall back to pair 0, the terminal's own,
/// and stay readable.
struct ColorPalette {
    /// False under `NO_COLOR` or on a monochrome terminal: only attributes are used.
    let enabled: Bool
    /// True when `use_default_colors` succeeded, so -1 means the terminal's own colour.
    let terminalDefaults: Bool
    private var pairs: [PairKey: Int16] = [:]
    /// Pairs 1…`lastPair` can be allocated (pair 0 is fixed to the default colours).
    private let lastPair: Int

    init(enabled: Bool, terminalDefaults: Bool) {
        self.enabled = enabled
        self.terminalDefaults = terminalDefaults
        // setcchar takes a short pair number.
        lastPair = enabled ? min(Int(cnc_color_pairs()), Int(Int16.max)) - 1 : 0
    }

    /// The attributes and pair that draw `style` (already adapted to the terminal's colours).
    mutating func rendition(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = cnc_a_normal()
        if style.bold { attributes |= cnc_a_bold() }
        if style.dim { attributes |= cnc_a_dim() }
        if style.underline { attributes |= cnc_a_underline() }
        if style.reverse { attributes |= cnc_a_reverse() }
        return (attributes, enabled ? pair(style.foreground, style.background) : 0)
    }

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// The pair for these colours; pair 0 (the defaults) when none is left.
    private mutating func pair(_ foreground: Color, _ background: Color) -> Int16 {
        let key = PairKey(foreground: number(foreground, isForeground: true),
                          background: number(background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next <= lastPair, init_pair(Int16(next), key.foreground, key.background) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// The ncurses colour number; -1 is the terminal's default, when it has one.
    private func number(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            if terminalDefaults { return -1 }
            return Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        case .indexed(let n): return Int16(n)
        }
    }
}
