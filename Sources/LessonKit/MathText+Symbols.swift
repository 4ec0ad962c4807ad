/// The commands `MathText` knows: symbols, function names, and the characters Unicode has as
/// sub- and superscripts.
extension MathText {
    /// A symbol command's character, and whether it is an operator or relation that keeps the
    /// space written after it (`a \cdot b` → `a · b`; `\alpha x` → `αx`, as TeX typesets them).
    struct Symbol {
        var text: String
        var spaced: Bool
    }

    static let symbols: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        let ordinary: [String: String] = [
            // Greek, lower case (\epsilon and \phi as the shapes learners know: ε, φ).
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
            "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
            "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
            "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
            "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
            // Greek, capitals (the others look like Latin capitals).
            "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
            "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
            // Big operators and other ordinary symbols.
            "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "sum": "∑", "prod": "∏", "coprod": "∐",
            "partial": "∂", "nabla": "∇", "infty": "∞", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅",
            "varnothing": "∅", "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "prime": "′",
            "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "angle": "∠",
            "triangle": "△", "top": "⊤", "bot": "⊥", "degree": "°",
            // Delimiters.
            "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩",
            "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "lVert": "‖", "rVert": "‖",
            "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
        ]
        let spaced: [String: String] = [
            // Binary operators.
            "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
            "circ": "∘", "bullet": "•", "otimes": "⊗", "oplus": "⊕", "odot": "⊙", "cup": "∪", "cap": "∩",
            "setminus": "∖", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨",
            // Relations.
            "leq": "≤", "le": "≤", "leqslant": "≤", "geq": "≥", "ge": "≥", "geqslant": "≥", "neq": "≠",
            "ne": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
            "ll": "≪", "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
            "supset": "⊃", "supseteq": "⊇", "mid": "|", "parallel": "∥", "perp": "⊥", "coloneqq": "≔",
            "triangleq": "≜",
            // Arrows.
            "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
            "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⇒", "iff": "⇔",
            "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "uparrow": "↑", "downarrow": "↓",
        ]
        for (name, text) in ordinary { table[name] = Symbol(text: text, spaced: false) }
        for (name, text) in spaced { table[name] = Symbol(text: text, spaced: true) }
        return table
    }()

    /// Function names set upright in TeX, shown as their names: `\max x` → `max x`.
    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
        "log", "ln", "lg", "exp", "max", "min", "sup", "inf", "lim", "limsup", "liminf", "arg", "argmax",
        "argmin", "det", "dim", "ker", "gcd", "deg", "Pr",
    ]

    /// Commands that take one argument and show it as it is (fonts and styles).
    static let styles: Set<String> = [
        "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak", "mathnormal", "boldsymbol",
        "bm", "mathrm", "operatorname",
    ]

    /// Commands whose argument is text, shown literally.
    static let texts: Set<String> = ["text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal", "mbox"]

    /// Commands that only size or style what follows: dropped.
    static let dropped: Set<String> = [
        "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
        "biggr", "Biggl", "Biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits",
    ]

    /// Accents, as combining characters put after each character of their argument.
    static let accents: [String: Unicode.Scalar] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
        "tilde": "\u{0303}", "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}",
    ]

    /// Environments whose `\begin{…}` and `\end{…}` are dropped (`&` shows as a space, `\\` breaks the line).
    static let environments: Set<String> = [
        "aligned", "align", "align*", "gathered", "gather", "gather*", "split", "cases", "matrix",
        "array", "equation", "equation*",
    ]

    static let subscripts: [Unicode.Scalar: Unicode.Scalar] = table(
        from: "0123456789+-−=()aehijklmnoprstuvxβγρφχ",
        to: "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ")

    static let superscripts: [Unicode.Scalar: Unicode.Scalar] = table(
        from: "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχι′",
        to: "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡᶥ′")

    /// Pairs the scalars of two strings; characters already raised or lowered map to themselves.
    private static func table(from: String, to: String) -> [Unicode.Scalar: Unicode.Scalar] {
        precondition(from.unicodeScalars.count == to.unicodeScalars.count, "script tables differ in length")
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) {
            map[a] = b
            map[b] = b
        }
        return map
    }

    /// `\mathbb` letters: ℂ ℍ ℕ ℙ ℚ ℝ ℤ, other capitals, small letters and digits from the
    /// mathematical double-struck block (𝔸, 𝕒, 𝟙).
    static func doubleStruck(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let special: [Unicode.Scalar: Unicode.Scalar] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        if let s = special[c] { return s }
        let v = c.value
        let mapped: UInt32? = switch v {
        case 0x41...0x5A: 0x1D538 + v - 0x41
        case 0x61...0x7A: 0x1D552 + v - 0x61
        case 0x30...0x39: 0x1D7D8 + v - 0x30
        default: nil
        }
        return mapped.flatMap(Unicode.Scalar.init) ?? c
    }
}
