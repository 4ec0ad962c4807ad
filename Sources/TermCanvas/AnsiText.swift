/// Frames as the escape sequences a VT100-compatible terminal understands: cursor moves, SGR
/// attributes and text. Used to record sessions (asciicast) without a terminal library.
public enum AnsiText {
    /// Clears the screen and homes the cursor.
    public static let clear = "\u{1B}[H\u{1B}[2J"

    /// The changes as output: each run positioned with CUP, attributes set with SGR only when they
    /// change, reset at the end. Continuation cells of wide characters are skipped (the terminal
    /// advances two columns itself).
    public static func render(_ changes: [Change], colors: ColorSupport = .full256) -> String {
        var out = ""
        var current: Style?
        for change in changes {
            out += "\u{1B}[\(change.y + 1);\(change.x + 1)H"
            for cell in change.cells where !cell.isContinuation {
                let style = colors.adapt(cell.style)
                if style != current {
                    out += sgr(style)
                    current = style
                }
                out += cell.symbol
            }
        }
        if current != nil { out += "\u{1B}[0m" }
        return out
    }

    /// `ESC [ 0 ; 1 ; 7 ; 38;5;n m` for a style.
    static func sgr(_ s: Style) -> String {
        var codes = ["0"]
        if s.bold { codes.append("1") }
        if s.dim { codes.append("2") }
        if s.underline { codes.append("4") }
        if s.reverse { codes.append("7") }
        if let fg = code(s.foreground, base: 30) { codes.append(fg) }
        if let bg = code(s.background, base: 40) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func code(_ color: Color, base: Int) -> String? {
        switch color {
        case .default: return nil
        case .indexed(let n): return "\(base + 8);5;\(n)"
        default:
            let order: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]
            return "\(base + order.firstIndex(of: color)!)"
        }
    }
}
