/// A terminal colour: the terminal's default, one of the eight ANSI colours, or a 256-colour index.
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// An xterm 256-colour palette entry (16–255 for the cube and greys).
    case indexed(UInt8)

    /// The nearest of the eight ANSI colours, for terminals without 256 colours.
    public var ansi8: Color {
        guard case .indexed(let n) = self else { return self }
        switch n {
        case 0..<16: return [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white][Int(n % 8)]
        case 232...255: return n < 244 ? .black : .white
        default:
            // The 6×6×6 cube: pick the ANSI colour whose RGB bits match the strong channels.
            let v = Int(n) - 16
            let (r, g, b) = (v / 36, (v / 6) % 6, v % 6)
            let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
            return [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white][bits]
        }
    }
}

/// How a cell is drawn. Colour is never the only signal: highlights also use `reverse`, `bold`
/// or brackets drawn as text, so they survive `NO_COLOR` and monochrome terminals.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool
    /// The cell's value on a heat map; where the terminal can paint it, it replaces the
    /// background and chooses the foreground (`ColorSupport.adapt`).
    public var tint: Tint?

    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false,
        dim: Bool = false, underline: Bool = false, reverse: Bool = false, tint: Tint? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.tint = tint
    }

    public static let plain = Style()

    /// The same style with colours and tint removed (for `NO_COLOR` and monochrome terminals).
    public var withoutColor: Style {
        var s = self
        s.foreground = .default
        s.background = .default
        s.tint = nil
        return s
    }
}
