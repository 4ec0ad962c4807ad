import LessonKit
import Testing

/// TeX-style math rendered to Unicode, against renderings written by hand.
@Suite("MathText")
struct MathTextTests {
    @Test("Greek letters, capitals, and symbols", arguments: [
        (#"\alpha \beta \gamma \delta \epsilon \theta \lambda \mu \pi \sigma \tau \phi \omega"#, "αβγδεθλμπστφω"),
        (#"\Gamma \Delta \Theta \Lambda \Pi \Sigma \Phi \Psi \Omega"#, "ΓΔΘΛΠΣΦΨΩ"),
        (#"\alpha + \beta"#, "α + β"),
        (#"\partial L"#, "∂L"),
        (#"\nabla_x f"#, "∇ₓ f"),
        (#"a \cdot b \times c \ast d"#, "a · b × c ∗ d"),
        (#"x \leq y \geq z \neq w \approx v"#, "x ≤ y ≥ z ≠ w ≈ v"),
        (#"x \to \infty"#, "x → ∞"),
        (#"n \rightarrow \infty + 1"#, "n → ∞ + 1"),
        (#"x \in \mathbb{R}^{n}"#, "x ∈ ℝⁿ"),
        (#"\mathbb{N} \mathbb{Z} \mathbb{Q} \mathbb{C} \mathbb{1}"#, "ℕ ℤ ℚ ℂ 𝟙"),
        (#"\lfloor x \rfloor + \lceil y \rceil"#, "⌊x⌋ + ⌈y⌉"),
        (#"\int_0^1 x^2 \, dx = \frac{1}{3}"#, "∫₀¹ x² dx = 1/3"),
        (#"\sum_{i=1}^{n} x_i"#, "∑ᵢ₌₁ⁿ xᵢ"),
        (#"\prod_{k} a_k"#, "∏ₖ aₖ"),
    ])
    func symbols(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("sub- and superscripts where Unicode has them, written out where it does not", arguments: [
        ("x_i", "xᵢ"),
        ("x^2", "x²"),
        ("x_{ij}^{(l)}", "xᵢⱼ⁽ˡ⁾"),
        ("x^{-1}", "x⁻¹"),
        ("e^{-x^2}", "e⁻ˣ²"),
        ("W^T", "Wᵀ"),
        ("y_{10}", "y₁₀"),
        ("H_{out}", "Hₒᵤₜ"),
        (#"x_{\alpha}"#, "x_α"),
        ("x^*", "x^*"),
        ("x_{i,j}", "x_(i,j)"),
        ("x^{q}", "x^q"),
        ("x_{}", "x"),
    ])
    func scripts(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("fractions, roots, accents and fonts", arguments: [
        (#"\frac{a}{b}"#, "a/b"),
        (#"\frac{a+b}{c}"#, "(a+b)/c"),
        (#"\frac{1}{n} \sum x"#, "1/n ∑x"),
        (#"\frac{\partial L}{\partial x}"#, "∂L/∂x"),
        (#"\frac{\partial L}{\partial w_{ij}}"#, "∂L/∂wᵢⱼ"),
        (#"\frac{H + 2P - K}{S}"#, "(H + 2P - K)/S"),
        (#"\frac{(a+b)}{2}"#, "(a+b)/2"),
        (#"\frac{\frac{a}{b}}{c}"#, "(a/b)/c"),
        (#"\dfrac{1}{2}"#, "1/2"),
        (#"\sqrt{2}"#, "√2"),
        (#"\sqrt{x + 1}"#, "√(x + 1)"),
        (#"\sqrt[3]{x}"#, "³√x"),
        (#"\hat{y}"#, "y\u{302}"),
        (#"\bar{x}"#, "x\u{304}"),
        (#"\mathbf{W} x"#, "W x"),
        (#"\mathrm{d}x"#, "dx"),
        (#"\operatorname{softmax}(z)"#, "softmax(z)"),
        (#"\text{if } x > 0"#, "if x > 0"),
        (#"\max(0, x)"#, "max(0, x)"),
        (#"\log p"#, "log p"),
    ])
    func structures(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("sizing dropped, spaces kept, lines kept", arguments: [
        (#"\left( \frac{a}{b} \right)"#, "(a/b)"),
        (#"\left\lfloor \frac{H + 2P - D(K-1) - 1}{S} \right\rfloor + 1"#, "⌊(H + 2P - D(K-1) - 1)/S⌋ + 1"),
        (#"\left. f \right|_{0}"#, "f |₀"),
        (#"\bigl( x \bigr)"#, "(x)"),
        (#"\tau \le t"#, "τ ≤ t"),
        (#"\alpha \beta"#, "αβ"),
        (#"\alpha f"#, "αf"),
        (#"a \quad b"#, "a  b"),
        (#"a \qquad b"#, "a    b"),
        (#"a\,b\;c\:d\ e~f"#, "a b c d e f"),
        (#"a\!b"#, "ab"),
        (#"\{ 1, 2 \}"#, "{1, 2}"),
        ("y = x * w\nz = y + b", "y = x * w\nz = y + b"),
        (#"a \\ b"#, "a\nb"),
        ("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "a = b\nc = d"),
        ("  x   =   1  ", "x = 1"),
    ])
    func layout(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("unknown commands are shown as written, never dropped", arguments: [
        (#"\boxed{x}"#, #"\boxed{x}"#),
        (#"\foo + 1"#, #"\foo + 1"#),
        (#"a \unknownsymbol b"#, #"a \unknownsymbol b"#),
        (#"\begin{tikzpicture}"#, #"\begin{tikzpicture}"#),
        (#"\@"#, #"\@"#),
        (#"x \"#, #"x \"#),
    ])
    func unknown(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("malformed input never fails", arguments: [
        ("{", ""),
        ("}", "}"),
        ("{{x}", "x"),
        ("x_", "x"),
        ("^", ""),
        (#"\frac{a}"#, "a/"),
        (#"\sqrt["#, "√"),
        ("", ""),
    ])
    func malformed(_ tex: String, _ expected: String) {
        #expect(MathText.render(tex) == expected)
    }

    @Test("deep nesting is cut off without recursion blowing the stack")
    func deepNesting() {
        let braces = String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)
        #expect(MathText.render(braces).contains("x"))
        let roots = String(repeating: #"\sqrt["#, count: 20_000) + "x"
        #expect(MathText.render(roots).contains("x"))
        // Accents pile up on one base character, so compare scalars, not characters.
        let hats = String(repeating: #"\hat"#, count: 50_000) + "x"
        let rendered = MathText.render(hats)
        #expect(rendered.unicodeScalars.contains("x"))
        #expect(rendered.unicodeScalars.count < 1_000_000)
        let scripts = String(repeating: "x^{", count: 50_000)
        #expect(!MathText.render(scripts).isEmpty)
    }

    @Test("the supported commands include the documented ones")
    func supported() {
        let commands = Set(MathText.supportedCommands)
        for name in ["alpha", "omega", "Omega", "int", "sum", "prod", "partial", "cdot", "times", "leq", "geq", "neq",
                     "approx", "to", "rightarrow", "infty", "in", "mathbb", "lfloor", "rfloor", "lceil", "rceil", "ast",
                     "frac", "left", "right", "quad", "text", "mathrm", "mathbf"] {
            #expect(commands.contains(name), "\(name)")
        }
    }
}
