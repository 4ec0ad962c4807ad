/// TeX-style math as Unicode text for the terminal: `\frac{\partial L}{\partial x_i}` → `∂L/∂xᵢ`.
///
/// Supported (the authors' guide lists every command):
/// - Greek letters `\alpha` … `\omega` and the capitals that differ from Latin ones (`\Gamma`,
///   `\Delta`, `\Theta`, `\Lambda`, `\Xi`, `\Pi`, `\Sigma`, `\Upsilon`, `\Phi`, `\Psi`, `\Omega`);
/// - operators, relations, arrows and delimiters: `\int \sum \prod \partial \nabla \cdot \times
///   \ast \pm \leq \geq \neq \approx \equiv \to \rightarrow \Rightarrow \in \infty \lfloor \rfloor
///   \lceil \rceil \langle \rangle \ldots` and more (`MathText.symbols`);
/// - `_` and `^` as Unicode sub- and superscripts when every character has one (`x_i` → `xᵢ`,
///   `x^{-1}` → `x⁻¹`); otherwise written out, `x_{\alpha}` → `x_α`, `x^{*,k}` → `x^(*,k)`,
///   `\sum_{c,p,q}` → `∑_(c,p,q)`;
/// - `\frac{a}{b}` → `a/b`, with parentheses around a part that has spaces or operators
///   (`\frac{a+b}{2}` → `(a+b)/2`); `\sqrt{x}` → `√x`;
/// - `\mathbb{R}` → `ℝ` (ℕ ℤ ℚ ℂ, and 𝔸 … for other letters); `\mathbf`, `\mathrm`, `\mathit`,
///   `\operatorname`, … → their argument; `\text{…}` → the text as written;
/// - `\hat`, `\bar`, `\tilde`, `\vec`, `\dot` as combining accents; function names (`\max`, `\log`);
/// - `\left`, `\right`, `\big`… dropped; `\,` `\:` `\;` `\ ` `~` → a space, `\quad` → two, `\qquad`
///   → four; `\\` → a new line; `\begin{aligned}` … `\end{aligned}` (and `cases`, `matrix`, …)
///   dropped, with `&` as a space.
///
/// Anything else is shown as written (`\boxed{x}` stays `\boxed{x}`): never dropped. Lines of the
/// source stay lines. Rendering is linear in the length of the text and never fails.
public enum MathText {
    /// The Unicode rendering of `tex`.
    public static func render(_ tex: String) -> String {
        var renderer = MathRenderer(tex)
        return tidy(renderer.render())
    }

    /// Every command name `render` understands, sorted (without the backslash).
    public static var supportedCommands: [String] {
        let named = Set(symbols.keys).union(functions).union(styles).union(texts).union(dropped)
            .union(accents.keys).union(["frac", "dfrac", "tfrac", "cfrac", "sqrt", "mathbb", "quad", "qquad", "begin", "end"])
        return named.sorted()
    }

    private static let opening: Set<Unicode.Scalar> = ["(", "[", "{", "⌊", "⌈", "⟨"]
    private static let closing: Set<Unicode.Scalar> = [")", "]", "}", "⌋", "⌉", "⟩"]

    /// Removes spaces just inside brackets and at line ends, and blank lines at both ends.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(line.count)
            for c in line {
                if c == " ", let last = out.last, opening.contains(last) { continue }
                if closing.contains(c), out.last == " ", out.count >= 2 { out.removeLast() }
                out.append(c)
            }
            while out.last == " " { out.removeLast() }
            var tidied = ""
            tidied.unicodeScalars.append(contentsOf: out.drop { $0 == " " })
            lines.append(tidied)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// A recursive-descent reading of TeX math that writes Unicode as it goes. Groups nest at most
/// `maxDepth` deep; deeper braces are shown as written, so the recursion stays shallow.
struct MathRenderer {
    static let maxDepth = 20

    private let s: [Unicode.Scalar]
    private var i = 0
    /// Where reading stops: the end of the text, or of a `\\sqrt[…]` index while it is read.
    private var end: Int

    init(_ tex: String) {
        s = Array(tex.unicodeScalars)
        end = s.count
    }

    mutating func render() -> String {
        sequence(depth: 0, closing: false)
    }

    /// Renders up to the end, or up to and including the `}` closing a group when `closing`.
    private mutating func sequence(depth: Int, closing: Bool) -> String {
        var out = ""
        while i < end {
            let c = s[i]
            switch c {
            case "}":
                i += 1
                if closing { return out }
                out += "}"
            case "{":
                i += 1
                out += depth < Self.maxDepth ? sequence(depth: depth + 1, closing: true) : "{"
            case "\\":
                let piece = command(depth: depth + 1)
                if !piece.isEmpty, piece.allSatisfy({ $0 == " " }) {
                    // Explicit spaces replace the spaces around them: `a \quad b` → `a  b`.
                    while out.hasSuffix(" ") { out.removeLast() }
                    if out.isEmpty || out.hasSuffix("\n") { continue }
                    skipSpaces()
                }
                out += piece
            case "_", "^":
                i += 1
                let argument = argument(depth: depth + 1)
                out += Self.script(argument, sub: c == "_")
            case "&", "~":
                i += 1
                if !(out.isEmpty || out.hasSuffix(" ") || out.hasSuffix("\n")) { out += " " }
            case "\n":
                i += 1
                while out.hasSuffix(" ") { out.removeLast() }
                out += "\n"
            case " ", "\t", "\r":
                skipSpaces()
                if !(out.isEmpty || out.hasSuffix(" ") || out.hasSuffix("\n")) { out += " " }
            default:
                i += 1
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One argument of a command or script: a group, a command, or one character.
    private mutating func argument(depth: Int) -> String {
        skipSpaces()
        guard i < end else { return "" }
        switch s[i] {
        case "{":
            i += 1
            return depth < Self.maxDepth ? sequence(depth: depth + 1, closing: true) : "{"
        case "\\":
            return command(depth: depth + 1)
        case "}":
            return ""
        default:
            i += 1
            return String(s[i - 1])
        }
    }

    /// A command at `s[i]` (the backslash).
    private mutating func command(depth: Int) -> String {
        i += 1
        guard i < end else { return "\\" }
        let first = s[i]
        guard first.isASCIILetter else {
            i += 1
            switch first {
            case ",", ":", ";", " ", ">": return " "
            case "!": return ""
            case "\\": return "\n"
            case "{", "}", "%", "$", "#", "&", "_": return String(first)
            case "|": return "‖"
            default: return "\\" + String(first)
            }
        }
        let start = i
        while i < end, s[i].isASCIILetter { i += 1 }
        var name = ""
        name.unicodeScalars.append(contentsOf: s[start..<i])
        guard depth < Self.maxDepth else { return "\\" + name }

        if let symbol = MathText.symbols[name] {
            return symbol.text + afterWord(keepSpace: symbol.spaced)
        }
        if MathText.functions.contains(name) {
            return name + afterWord(keepSpace: true)
        }
        if MathText.styles.contains(name) {
            return argument(depth: depth)
        }
        if MathText.texts.contains(name) {
            return literalArgument()
        }
        if MathText.dropped.contains(name) {
            skipSpaces()
            if (name == "left" || name == "right" || name == "middle"), i < end, s[i] == "." { i += 1 }
            return ""
        }
        if let accent = MathText.accents[name] {
            var out = ""
            // One accent per base character (not per mark), so nested accents grow linearly.
            for c in argument(depth: depth).unicodeScalars {
                out.unicodeScalars.append(c)
                if c != " ", !Self.isCombining(c) { out.unicodeScalars.append(accent) }
            }
            return out
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = argument(depth: depth)
            let denominator = argument(depth: depth)
            return Self.parenthesized(numerator) + "/" + Self.parenthesized(denominator)
        case "sqrt":
            skipSpaces()
            var index = ""
            if i < end, s[i] == "[" {
                // The index is read up to the `]`, as a text of its own.
                i += 1
                let close = s[i..<end].firstIndex(of: "]") ?? end
                let outer = end
                end = close
                index = Self.script(sequence(depth: depth + 1, closing: false), sub: false)
                (i, end) = (min(close + 1, outer), outer)
            }
            return index + "√" + Self.parenthesized(argument(depth: depth))
        case "mathbb":
            var out = ""
            for c in argument(depth: depth).unicodeScalars { out.unicodeScalars.append(MathText.doubleStruck(c)) }
            return out
        case "quad":
            return "  " + afterWord(keepSpace: false)
        case "qquad":
            return "    " + afterWord(keepSpace: false)
        case "begin", "end":
            let save = i
            skipSpaces()
            if i < end, s[i] == "{" {
                let environment = literalArgument()
                if MathText.environments.contains(environment) { return "" }
                return "\\\(name){\(environment)}"
            }
            i = save
            return "\\" + name
        default:
            // Unknown: shown as written, with the groups that follow it.
            var out = "\\" + name
            while i < end, s[i] == "{" {
                i += 1
                out += "{" + sequence(depth: depth + 1, closing: true) + "}"
            }
            return out + afterWord(keepSpace: true)
        }
    }

    /// Skips the spaces after a command word, as TeX does, and returns one space if they are
    /// kept: always after operators, relations and function names (`a \cdot b` → `a · b`), and
    /// after other symbols unless a letter, digit, group or command follows (`\alpha x` → `αx`,
    /// but `\infty + 1` → `∞ + 1`, and `\tau \le t` → `τ ≤ t` since a relation keeps its spaces).
    private mutating func afterWord(keepSpace: Bool) -> String {
        let start = i
        while i < end, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i > start, i < end else { return "" }
        if keepSpace { return " " }
        let next = s[i]
        if next == "\\" {
            // A relation or operator next keeps its space: `\tau \le t` → `τ ≤ t`.
            var j = i + 1
            while j < end, s[j].isASCIILetter { j += 1 }
            var name = ""
            name.unicodeScalars.append(contentsOf: s[(i + 1)..<j])
            return MathText.symbols[name]?.spaced == true ? " " : ""
        }
        let glues = next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "{"
        return glues ? "" : " "
    }

    /// The text of a `{…}` argument as written (inner braces kept balanced but not shown).
    private mutating func literalArgument() -> String {
        skipSpaces()
        guard i < end, s[i] == "{" else { return "" }
        i += 1
        var out = ""
        var level = 1
        while i < end {
            let c = s[i]
            i += 1
            if c == "{" { level += 1; continue }
            if c == "}" {
                level -= 1
                if level == 0 { break }
                continue
            }
            out.unicodeScalars.append(c == "\n" ? " " : c)
        }
        return out
    }

    private mutating func skipSpaces() {
        while i < end, s[i] == " " || s[i] == "\t" || s[i] == "\r" { i += 1 }
    }

    // MARK: - Pieces

    /// Combining diacritical marks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F).
    static func isCombining(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// `text` lowered or raised when Unicode has every character so; otherwise `_x`, or `_(…)`
    /// for several characters (no TeX braces left for a reader).
    static func script(_ text: String, sub: Bool) -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return "" }
        let table = sub ? MathText.subscripts : MathText.superscripts
        var out = ""
        for c in trimmed.unicodeScalars {
            guard let mapped = table[c] else {
                let mark = sub ? "_" : "^"
                return trimmed.count == 1 ? mark + trimmed : "\(mark)(\(trimmed))"
            }
            out.unicodeScalars.append(mapped)
        }
        return out
    }

    /// `text` in parentheses when it has spaces or operators and is not already in parentheses.
    static func parenthesized(_ text: String) -> String {
        let operators: Set<Character> = [" ", "+", "-", "−", "*", "/", "·", "×", "÷", "=", "<", ">", "≤", "≥",
                                         "≠", "≈", "±", "∓", ",", "∗", "∘", "⊗", "⊕"]
        guard text.contains(where: operators.contains), !isWrapped(text) else { return text }
        return "(\(text))"
    }

    /// True when the first `(` closes at the last character: `(a+b)` but not `(a)+(b)`.
    private static func isWrapped(_ text: String) -> Bool {
        guard text.first == "(", text.last == ")" else { return false }
        var level = 0
        for (k, c) in text.enumerated() {
            if c == "(" { level += 1 }
            if c == ")" {
                level -= 1
                if level == 0 { return k == text.count - 1 }
            }
        }
        return false
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
