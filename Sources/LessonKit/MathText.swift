/// TeX-style math as Unicode text for the terminal: `\frac{\partial L}{\partial x_i}` → `∂L/∂xᵢ`.
///
/// Supported (the authors' guide lists every command):
/// - Greek letters `\alpha` … `\omega` and the capitals that differ from Latin ones (`\Gamma`,
///   `\Delta`, `\Theta`, `\Lambda`, `\Xi`, `\Pi`, `\Sigma`, `\Upsilon`, `\Phi`, `\Psi`, `\Omega`);
/// - operators, relations, arrows and delimiters: `\int \sum \prod \partial \nabla \cdot \times
///   \ast \pm \leq \geq \neq \approx \equiv \to \rightarrow \Rightarrow \in \infty \lfloor \rfloor
///   \lceil \rceil \langle \rangle \ldots` and more (`MathText.symbols`);
/// - `_` and `^` as Unicode sub- and superscripts when every character has one (`x_i` → `xᵢ`,
///   `x^{-1}` → `x⁻¹`); otherwise written out, `x_{\alpha}` → `x_α`, `x^{*,k}` → `x^{*,k}`;
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

    /// Removes spaces just inside brackets and at line ends, and blank lines at both ends.
    static func tidy(_ text: String) -> String {
        let opening: Set<Character> = ["(", "[", "{", "⌊", "⌈", "⟨"]
        let closing: Set<Character> = [")", "]", "}", "⌋", "⌉", "⟩"]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out: [Character] = []
            for c in line {
                if c == " ", let last = out.last, opening.contains(last) { continue }
                if closing.contains(c), out.last == " ", out.count >= 2 { out.removeLast() }
                out.append(c)
            }
            while out.last == " " { out.removeLast() }
            return String(out.drop(while: { $0 == " " }))
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// A recursive-descent reading of TeX math that writes Unicode as it goes. Groups nest at most
/// `maxDepth` deep; deeper braces are shown as written, so the recursion stays shallow.
struct MathRenderer {
    static let maxDepth = 48

    private let s: [Unicode.Scalar]
    private var i = 0
    /// The nesting the text starts at (a `\sqrt[…]` index is rendered by a renderer of its own).
    private let baseDepth: Int

    init(_ tex: String, depth: Int = 0) {
        s = Array(tex.unicodeScalars)
        baseDepth = depth
    }

    mutating func render() -> String {
        sequence(depth: baseDepth, closing: false)
    }

    /// Renders up to the end, or up to and including the `}` closing a group when `closing`.
    private mutating func sequence(depth: Int, closing: Bool) -> String {
        var out = ""
        while i < s.count {
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
                // A thin space next to a space is one space.
                let piece = command(depth: depth + 1)
                if piece != " " || !(out.isEmpty || out.hasSuffix(" ") || out.hasSuffix("\n")) { out += piece }
            case "_", "^":
                i += 1
                let argument = argument(depth: depth + 1)
                out += Self.script(argument, sub: c == "_")
            case "&", "~":
                i += 1
                out += " "
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
        guard i < s.count else { return "" }
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
        guard i < s.count else { return "\\" }
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
        while i < s.count, s[i].isASCIILetter { i += 1 }
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
            if (name == "left" || name == "right" || name == "middle"), i < s.count, s[i] == "." { i += 1 }
            return ""
        }
        if let accent = MathText.accents[name] {
            var out = ""
            for c in argument(depth: depth).unicodeScalars {
                out.unicodeScalars.append(c)
                if !c.properties.isWhitespace { out.unicodeScalars.append(accent) }
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
            if i < s.count, s[i] == "[" {
                i += 1
                let start = i
                while i < s.count, s[i] != "]" { i += 1 }
                var raw = ""
                raw.unicodeScalars.append(contentsOf: s[start..<i])
                if i < s.count { i += 1 }
                var inner = MathRenderer(raw, depth: depth + 1)
                index = Self.script(inner.render(), sub: false)
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
            if i < s.count, s[i] == "{" {
                let environment = literalArgument()
                if MathText.environments.contains(environment) { return "" }
                return "\\\(name){\(environment)}"
            }
            i = save
            return "\\" + name
        default:
            // Unknown: shown as written, with the groups that follow it.
            var out = "\\" + name
            while i < s.count, s[i] == "{" {
                i += 1
                out += "{" + sequence(depth: depth + 1, closing: true) + "}"
            }
            return out + afterWord(keepSpace: true)
        }
    }

    /// Skips the spaces after a command word, as TeX does, and returns one space if they are
    /// kept: always after operators, relations and function names (`a \cdot b` → `a · b`), and
    /// after other symbols unless a letter, digit, group or command follows (`\alpha x` → `αx`,
    /// but `\infty + 1` → `∞ + 1`).
    private mutating func afterWord(keepSpace: Bool) -> String {
        let start = i
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i > start, i < s.count else { return "" }
        if keepSpace { return " " }
        let next = s[i]
        let glues = next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "\\" || next == "{"
        return glues ? "" : " "
    }

    /// The text of a `{…}` argument as written (inner braces kept balanced but not shown).
    private mutating func literalArgument() -> String {
        skipSpaces()
        guard i < s.count, s[i] == "{" else { return "" }
        i += 1
        var out = ""
        var level = 1
        while i < s.count {
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
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\r" { i += 1 }
    }

    // MARK: - Pieces

    /// `text` lowered or raised when Unicode has every character so; otherwise `_x`, `_{…}`.
    static func script(_ text: String, sub: Bool) -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return "" }
        let table = sub ? MathText.subscripts : MathText.superscripts
        var out = ""
        for c in trimmed.unicodeScalars {
            guard let mapped = table[c] else {
                let mark = sub ? "_" : "^"
                return trimmed.count == 1 ? mark + trimmed : "\(mark){\(trimmed)}"
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
