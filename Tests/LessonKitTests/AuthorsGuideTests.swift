import ConvCore
import Foundation
import LessonKit
import Testing
import TestSupport

/// `Lessons/README.md` shows what it documents: its example blocks are valid, its math table
/// renders as it says, and it carries the example lesson verbatim.
@Suite("Authors' guide")
struct AuthorsGuideTests {
    static let guide = (try? String(contentsOf: packageRoot.appendingPathComponent("Lessons/README.md"), encoding: .utf8)) ?? ""

    /// Every fenced animation, compute and quiz block of the guide, as written.
    static var exampleBlocks: [String] {
        let kinds = Set(ConvOperation.animated.map(\.rawValue) + ["quiz", "compute"])
        var blocks: [String] = []
        var current: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = current {
                lines.append(line)
                if line == "```" {
                    blocks.append(lines.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    current = lines
                }
            } else if line.hasPrefix("```"), kinds.contains(String(line.dropFirst(3))) {
                current = [line]
            }
        }
        return blocks
    }

    @Test("every animation, compute and quiz block of the guide parses without a diagnostic")
    func examples() {
        let blocks = Self.exampleBlocks
        #expect(blocks.count >= 14)
        // Each in a step of its own, so that no two quizzes of the guide share a lesson.
        for block in blocks {
            let diagnostics = TestLessons.bodyDiagnostics("## S\n\n" + block)
            #expect(diagnostics == [], "\(block)")
        }
    }

    @Test("the guide carries the example lesson verbatim")
    func carriesExample() throws {
        let example = try String(contentsOf: packageRoot.appendingPathComponent("Lessons/example/01-example.md"), encoding: .utf8)
        #expect(Self.guide.contains("````markdown\n" + example + "````\n"))
    }

    @Test("the math examples of the guide render as the guide says", arguments: [
        (#"\frac{\partial L}{\partial x_i}"#, "∂L/∂xᵢ"),
        (#"H_{out} = \left\lfloor \frac{H + 2P - D(K-1) - 1}{S} \right\rfloor + 1"#, "Hₒᵤₜ = ⌊(H + 2P - D(K-1) - 1)/S⌋ + 1"),
        ("x_{ij}^{(l)}", "xᵢⱼ⁽ˡ⁾"),
        (#"x^{*,k}"#, "x^(*,k)"),
        (#"\sqrt{x + 1}"#, "√(x + 1)"),
        (#"\|"#, "‖"),
    ])
    func math(_ tex: String, _ expected: String) {
        #expect(Self.guide.contains(expected))
        #expect(MathText.render(tex) == expected)
    }
}
