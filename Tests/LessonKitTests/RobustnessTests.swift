import ConvCore
import Foundation
import LessonKit
import Testing

/// No input can crash or hang the parser: random bytes, invalid UTF-8, huge and deeply nested
/// files, and the shapes that are slow in cmark-gfm's table extension. Timings are printed, not
/// asserted.
@Suite("Robustness")
struct RobustnessTests {
    typealias T = TestLessons

    /// Parses and prints how long it took.
    @discardableResult
    static func timed(_ name: String, _ parse: () -> (lesson: Lesson?, diagnostics: [Diagnostic])) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let clock = ContinuousClock()
        var result: (lesson: Lesson?, diagnostics: [Diagnostic])!
        let elapsed = clock.measure { result = parse() }
        print("parse \(name): \(elapsed)")
        return result
    }

    @Test("random bytes (seeded) give diagnostics, never a crash")
    func randomBytes() {
        var random = SeededRandom(seed: 4)
        for _ in 0..<300 {
            let count = random.int(in: 0...4000)
            let bytes = (0..<count).map { _ in UInt8(random.int(in: 0...255)) }
            _ = LessonParser.parse(data: Data(bytes), file: "r.md")
            // The same without NUL bytes, so the markdown and YAML parsers see them.
            _ = LessonParser.parse(data: Data(bytes.map { $0 == 0 ? 0x20 : $0 }), file: "r.md")
        }
    }

    @Test("random soups of markdown, YAML and TeX pieces (seeded) never crash")
    func randomMarkdown() {
        let pieces = [
            "---\n", "id: x\n", "title: T\n", "lang: en\n", "order: 1\n", "summary: s\n", "## ", "# ", "### ", "\n", "\n\n",
            "- ", "1. ", "> ", "  ", "    ", "*", "**", "_", "`", "$`", "`$", "```quiz\n", "```conv2d\n", "```math\n",
            "```conv1d\n", "```\n", "~~~\n", "| a | b |\n", "|---|:-:|\n", "|", "[", "](", ")", "![", "<", ">", "<!--",
            "-->", "\\", "\\frac{", "}{", "}", "{", "^", "_{", "\\alpha", "\\left(", "\\right)", "\\sqrt[", "&", "*a",
            "&a ", "input: [", "kernel: 3\n", "x: [[1, 2], [3]]\n", "id: q\n", "kind: single\n", "choices: [a, b]\n",
            "answer: a\n", "prompt: p\n", ": ", "\t", "\r\n", "é", "卷积", "\u{1B}[31m", "\u{FFFD}", "- [", "]]", "'", "\"",
        ]
        var random = SeededRandom(seed: 11)
        for _ in 0..<500 {
            var text = random.int(in: 0...1) == 0 ? T.front : ""
            for _ in 0..<random.int(in: 0...200) {
                text += pieces[random.int(in: 0...(pieces.count - 1))]
            }
            _ = LessonParser.parse(text, file: "soup.md")
        }
    }

    @Test("invalid UTF-8 is decoded with replacement characters")
    func invalidUTF8() throws {
        var bytes = Array((T.front + "## S\n\nbad: ").utf8)
        bytes += [0xFF, 0xC3, 0x28, 0xE2, 0x82]
        bytes += Array(" end\n".utf8)
        let (lesson, diagnostics) = LessonParser.parse(data: Data(bytes), file: "l.md")
        #expect(diagnostics == [])
        let blocks = try #require(lesson?.steps.first?.blocks)
        guard case .paragraph(let inlines) = blocks.first, case .text(let text) = inlines.first else {
            Issue.record("expected a paragraph, got \(blocks)")
            return
        }
        #expect(text.hasPrefix("bad: \u{FFFD}"))
        #expect(text.hasSuffix(" end"))
    }

    @Test("control characters are kept as text (the screen makes them inert)")
    func controlCharacters() {
        let blocks = T.firstStepBlocks("## S\n\nred \u{1B}[31m text \u{7}\u{9B}\n")
        #expect(blocks == [.paragraph([.text("red \u{1B}[31m text \u{7}\u{9B}")])])
    }

    @Test("a 10 MB file returns at once with the size diagnostic")
    func tenMegabytes() {
        let data = Data(repeating: UInt8(ascii: "a"), count: 10 << 20)
        let (lesson, diagnostics) = Self.timed("10 MB data") { LessonParser.parse(data: data, file: "big.md") }
        #expect(lesson == nil)
        #expect(diagnostics.map(\.description) == ["big.md:1:1: file too large: 10485760 bytes (a lesson may have at most 1048576 bytes, 1 MiB)"])
        let text = String(repeating: "## a\n", count: 2 << 20)
        #expect(Self.timed("10 MB text") { LessonParser.parse(text, file: "big.md") }.diagnostics.count == 1)
    }

    @Test("deep nesting of every kind is cut off or refused, never a stack overflow", arguments: [
        ("quotes", String(repeating: ">", count: 10_000) + " x\n"),
        ("compact lists", String(repeating: "- ", count: 10_000) + "x\n"),
        ("lists in quotes", String(repeating: "> - ", count: 5_000) + "x\n"),
        ("emphasis", String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n"),
        ("links", String(repeating: "[", count: 50_000) + "a" + String(repeating: "](u)", count: 50_000) + "\n"),
        ("math braces", "$`" + String(repeating: "{", count: 100_000) + "`$\n"),
        ("yaml flow", "```quiz\nid: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900) + "\n```\n"),
        ("yaml flow past libyaml's limit", "```conv2d\nx: " + String(repeating: "[", count: 50_000) + "\n```\n"),
        ("yaml block", "```conv2d\nx: " + String(repeating: "- ", count: 990) + "1\n```\n"),
        ("yaml mappings", "```conv2d\nx: " + String(repeating: "{a: ", count: 990) + "\n```\n"),
    ])
    func deepNesting(_ name: String, _ body: String) {
        Self.timed(name) { LessonParser.parse(T.front + "## S\n\n" + body, file: "deep.md") }
    }

    @Test("cmark-gfm's slow table shapes are avoided", arguments: [
        ("one row of 20,000 cells", "| a | b |\n|---|---|\n" + String(repeating: "|x", count: 20_000) + "\n"),
        ("1 MB of rows of 100 cells", "| a | b |\n|---|---|\n" + String(repeating: String(repeating: "|x", count: 49) + "|\n", count: 10_000)),
        ("a delimiter row after 90,000 lines", String(repeating: "xxxxxxxxx\n", count: 90_000) + "|-|\n"),
        ("many delimiter rows after long paragraphs", String(repeating: String(repeating: "xxxxxxxxx\n", count: 2_000) + "|-|\n", count: 40)),
    ])
    func tables(_ name: String, _ body: String) {
        let text = T.front + "## S\n\n" + body
        #expect(text.utf8.count <= LessonLimits.maxFileBytes)
        Self.timed(name) { LessonParser.parse(text, file: "tables.md") }
    }

    /// A realistic lesson of about 1 MB: many steps with every block kind.
    static let oneMegabyte: String = {
        var text = "---\nid: big\ntitle: Big\nlang: en\norder: 9\nsummary: Many steps.\n---\n# Big\n\n"
        var k = 0
        while text.utf8.count < LessonLimits.maxFileBytes - 4_000 {
            k += 1
            text += """
            ## Step \(k)

            A *kernel* of size $`K`$ slides over an input of size $`H`$ with stride $`S`$: the output has
            $`\\lfloor (H - K)/S \\rfloor + 1`$ cells. See [the notes](https://example.org/\(k)) and ![a grid](g.png).

            - first point with `code`
            - second point
              1. nested
              2. more

            > A quote.

            | input | kernel | output |
            |:------|:------:|-------:|
            | 5     | 3      | 3      |
            | 7     | 3      | 5      |

            ```python
            out = conv2d(x, w, stride=\(k % 3 + 1))
            ```

            ```math
            y_{ij} = \\sum_{m,n} x_{i+m, j+n} w_{mn}
            ```

            ```conv2d
            input: [5, 6]
            kernel: 3
            stride: \(k % 3 + 1)
            padding: 1
            x: [[1, 2, 3], [4, 5, 6]]
            ```

            ```quiz
            id: q-\(k)
            kind: single
            prompt: How many output cells?
            choices: ["3", "5", "7"]
            answer: "5"
            explanation: (7 - 3)/1 + 1 = 5.
            ```


            """
        }
        return text
    }()

    @Test("a 1 MB lesson of valid markdown parses completely")
    func oneMegabyteLesson() throws {
        let text = Self.oneMegabyte
        let (lesson, diagnostics) = Self.timed("1 MB lesson (\(text.utf8.count) bytes)") { LessonParser.parse(text, file: "big.md") }
        #expect(diagnostics == [])
        let parsed = try #require(lesson)
        #expect(parsed.steps.count > 500)
        #expect(parsed.quizzes.count == parsed.steps.count)
    }
}
