import ConvCore
import Foundation
import LessonKit
import Testing

/// A full lesson, with every block kind, parsed into exactly the values written by hand.
@Suite("LessonParser round trip")
struct LessonParserTests {
    static let text = #"""
    ---
    id: full-tour
    title: A full tour
    lang: en
    order: 3
    summary: Every block kind once.
    requires: [example, padding]
    ---
    # A full tour

    ## Text and math

    Plain *emphasis*, **strong**, `code`, $`\alpha_i^2`$ and a
    [link](https://example.org/a) with ![a *kernel*](k.png).
    Hard break follows\
    next line.

    ### A smaller heading

    1. first
    2. second
       - nested *one*
       - nested two

    > A quote with $`\frac{a+b}{2}`$.
    >
    > > Nested quote.

    ---

    ## Tables and code

    | name | value | note |
    |:-----|------:|:----:|
    | `x`  | 1     | **bold** |
    | y    |       | plain |

    ```python
    print("never run")
    ```

    ```
    no language
    ```

        indented code

    ```math
    \int_0^1 x^2 \, dx = \frac{1}{3}
    ```

    ## Animations

    ```conv2d-backward
    input: [5, 6]
    kernel: 3
    stride: [1, 2]
    padding: 1
    dilation: 1
    channels: 2
    filters: 3
    groups: 1
    bias: true
    convention: convolution
    view: scatter
    values: random
    seed: 7
    start: 4
    x: [[1, 2], [3, 4.5]]
    dout: [1, -1]
    b: [0.5, -0.5, 1]
    ```

    ```conv1d
    input: 5
    kernel: 3
    mode: valid
    a: [1, 2, 3, 4, 5]
    v: [1, 0, -1]
    ```

    ```conv-transpose2d
    input: 3
    kernel: [3, 2]
    stride: 2
    padding: 1
    output_padding: 1
    ```

    ```maxpool2d
    ```

    ## Quizzes

    ```quiz
    id: q-single
    kind: single
    prompt: Which one?
    choices: [a, b, c]
    answer: b
    explanation: Because b.
    ```

    ```quiz
    id: q-multiple
    kind: multiple
    prompt: Which ones?
    choices:
      - a
      - b
      - c
    answer: [c, a]
    ```

    ```quiz
    id: q-numeric
    kind: numeric
    prompt: How much?
    answer: 2.5
    tolerance: 0.01
    ```

    ```quiz
    id: q-integer
    kind: numeric
    prompt: How many?
    answer: 4
    ```

    ```quiz
    id: q-open
    kind: open
    prompt: Why pad?
    answer: To keep the size.
    ```

    ```quiz
    id: q-spot
    kind: spot-the-mistake
    prompt: Which line is wrong?
    code: |
      for i in range(out_h + 1):
          for j in range(out_w):

              out[i, j] = (x[i:i+k, j:j+k] * w).sum()
    answer: "for i in range(out_h + 1):"
    explanation: The loop runs one row too far.
    ```
    """#

    static func line(_ prefix: String) -> Int { TestLessons.line(of: prefix, in: text) }

    static var expected: Lesson {
        var backward = Animation(kind: .conv2dBackward, line: line("```conv2d-backward"))
        backward.input = [5, 6]
        backward.kernel = [3]
        backward.stride = [1, 2]
        backward.padding = [1]
        backward.dilation = [1]
        backward.channels = 2
        backward.filters = 3
        backward.groups = 1
        backward.bias = true
        backward.convention = .convolution
        backward.view = .scatter
        backward.values = .random(seed: 7)
        backward.startStep = 4
        backward.explicit = [.x: [[1, 2], [3, 4.5]], .dOut: [[1, -1]], .b: [[0.5, -0.5, 1]]]

        var oneD = Animation(kind: .conv1d, line: line("```conv1d"))
        oneD.input = [5]
        oneD.kernel = [3]
        oneD.mode = .valid
        oneD.explicit = [.a: [[1, 2, 3, 4, 5]], .v: [[1, 0, -1]]]

        var transposed = Animation(kind: .convTranspose2d, line: line("```conv-transpose2d"))
        transposed.input = [3]
        transposed.kernel = [3, 2]
        transposed.stride = [2]
        transposed.padding = [1]
        transposed.outputPadding = [1]

        let spotLines = ["for i in range(out_h + 1):", "    for j in range(out_w):", "        out[i, j] = (x[i:i+k, j:j+k] * w).sum()"]

        return Lesson(
            meta: LessonMeta(id: "full-tour", title: "A full tour", lang: "en", order: 3, summary: "Every block kind once.",
                             requires: ["example", "padding"]),
            steps: [
                Step(title: "Text and math", line: line("## Text"), blocks: [
                    .paragraph([
                        .text("Plain "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]), .text(", "),
                        .code("code"), .text(", "), .math("αᵢ²"), .text(" and a"), .softBreak,
                        .link(text: [.text("link")], destination: "https://example.org/a"), .text(" with "),
                        .image(alt: "a kernel"), .text("."), .softBreak, .text("Hard break follows"), .lineBreak,
                        .text("next line."),
                    ]),
                    .heading(level: 3, [.text("A smaller heading")]),
                    .list(ordered: true, start: 1, items: [
                        [.paragraph([.text("first")])],
                        [.paragraph([.text("second")]),
                         .list(ordered: false, start: 1, items: [
                            [.paragraph([.text("nested "), .emphasis([.text("one")])])],
                            [.paragraph([.text("nested two")])],
                         ])],
                    ]),
                    .quote([
                        .paragraph([.text("A quote with "), .math("(a+b)/2"), .text(".")]),
                        .quote([.paragraph([.text("Nested quote.")])]),
                    ]),
                    .thematicBreak,
                ]),
                Step(title: "Tables and code", line: line("## Tables"), blocks: [
                    .table(Table(alignments: [.left, .right, .center],
                                 header: [[.text("name")], [.text("value")], [.text("note")]],
                                 rows: [[[.code("x")], [.text("1")], [.strong([.text("bold")])]],
                                        [[.text("y")], [], [.text("plain")]]])),
                    .code(language: "python", text: #"print("never run")"#),
                    .code(language: "", text: "no language"),
                    .code(language: "", text: "indented code"),
                    .math("∫₀¹ x² dx = 1/3"),
                ]),
                Step(title: "Animations", line: line("## Animations"), blocks: [
                    .animation(backward),
                    .animation(oneD),
                    .animation(transposed),
                    .animation(Animation(kind: .maxpool2d, line: line("```maxpool2d"))),
                ]),
                Step(title: "Quizzes", line: line("## Quizzes"), blocks: [
                    .quiz(QuizItem(id: "q-single", kind: .single, line: line("id: q-single") - 1, prompt: "Which one?",
                                   choices: ["a", "b", "c"], answer: ["b"], explanation: "Because b.")),
                    .quiz(QuizItem(id: "q-multiple", kind: .multiple, line: line("id: q-multiple") - 1, prompt: "Which ones?",
                                   choices: ["a", "b", "c"], answer: ["c", "a"], explanation: "")),
                    .quiz(QuizItem(id: "q-numeric", kind: .numeric, line: line("id: q-numeric") - 1, prompt: "How much?",
                                   choices: [], answer: ["2.5"], tolerance: 0.01, explanation: "")),
                    .quiz(QuizItem(id: "q-integer", kind: .numeric, line: line("id: q-integer") - 1, prompt: "How many?",
                                   choices: [], answer: ["4"], tolerance: 0, explanation: "")),
                    .quiz(QuizItem(id: "q-open", kind: .open, line: line("id: q-open") - 1, prompt: "Why pad?",
                                   choices: [], answer: ["To keep the size."], explanation: "")),
                    .quiz(QuizItem(id: "q-spot", kind: .spotTheMistake, line: line("id: q-spot") - 1,
                                   prompt: "Which line is wrong?", choices: spotLines, answer: [spotLines[0]],
                                   explanation: "The loop runs one row too far.",
                                   code: spotLines[0] + "\n" + spotLines[1] + "\n\n" + spotLines[2] + "\n")),
                ]),
            ])
    }

    @Test("every block kind parses to the values written by hand, with no diagnostics")
    func roundTrip() throws {
        let (lesson, diagnostics) = LessonParser.parse(Self.text, file: "full.md")
        #expect(diagnostics == [])
        let parsed = try #require(lesson)
        let expected = Self.expected
        #expect(parsed.meta == expected.meta)
        #expect(parsed.steps.count == expected.steps.count)
        for (a, b) in zip(parsed.steps, expected.steps) {
            #expect(a.title == b.title)
            #expect(a.line == b.line)
            #expect(a.blocks.count == b.blocks.count, "step \(a.title)")
            for (x, y) in zip(a.blocks, b.blocks) {
                #expect(x == y)
            }
        }
        #expect(parsed == expected)
        #expect(parsed.quizzes.map(\.id) == ["q-single", "q-multiple", "q-numeric", "q-integer", "q-open", "q-spot"])
    }

    @Test("the same text parsed from bytes gives the same lesson")
    func fromData() {
        let fromText = LessonParser.parse(Self.text, file: "full.md")
        let fromData = LessonParser.parse(data: Data(Self.text.utf8), file: "full.md")
        #expect(fromText.lesson == fromData.lesson)
        #expect(fromText.diagnostics == fromData.diagnostics)
    }

    @Test("steps start at each top-level ## heading; a # title before them is allowed")
    func steps() throws {
        let text = TestLessons.front + "# Title\n\n## One\n\ntext\n\n> ## not a step\n\n## Two\n\nSetext step\n---\n"
        let lesson = try #require(LessonParser.parse(text, file: "l.md").lesson)
        #expect(lesson.steps.map(\.title) == ["One", "Two", "Setext step"])
        #expect(lesson.steps.map(\.line) == [10, 16, 18])
        #expect(lesson.steps[0].blocks == [.paragraph([.text("text")]), .quote([.heading(level: 2, [.text("not a step")])])])
    }

    @Test("step titles are plain text, with inline math rendered")
    func stepTitles() throws {
        let text = TestLessons.front + "## The *kernel* $`w_{ij}`$ and `code`\n"
        let lesson = try #require(LessonParser.parse(text, file: "l.md").lesson)
        #expect(lesson.steps.map(\.title) == ["The kernel wᵢⱼ and code"])
    }

    @Test("inline math needs a dollar on both sides of the code span")
    func inlineMath() {
        let blocks = TestLessons.firstStepBlocks("## S\n\n$`a`$ `b` $`c` and `d`$ $`e`$$`f`$ **$`g`$**\n")
        #expect(blocks == [.paragraph([
            .math("a"), .text(" "), .code("b"), .text(" $"), .code("c"), .text(" and "), .code("d"), .text("$ "),
            .math("e"), .math("f"), .text(" "), .strong([.math("g")]),
        ])])
    }

    @Test("raw HTML is text, comments are left out, <br> breaks the line")
    func html() {
        let blocks = TestLessons.firstStepBlocks("## S\n\n<!-- a note -->\n\n<div>hi</div>\n\na<br>b <span>c</span><!-- x -->d\n")
        #expect(blocks == [
            .paragraph([.text("<div>hi</div>")]),
            .paragraph([.text("a"), .lineBreak, .text("b <span>c</span>d")]),
        ])
    }

    @Test("an ordered list keeps its first number; a table row shorter than the header is padded")
    func listStartAndShortRows() {
        let blocks = TestLessons.firstStepBlocks("## S\n\n3. three\n4. four\n\n| a | b |\n|---|---|\n| 1 |\n")
        #expect(blocks == [
            .list(ordered: true, start: 3, items: [[.paragraph([.text("three")])], [.paragraph([.text("four")])]]),
            .table(Table(alignments: [.none, .none], header: [[.text("a")], [.text("b")]], rows: [[[.text("1")], []]])),
        ])
    }

    @Test("code fences: the first word of the info string is the language; kinds are exact")
    func fences() {
        let blocks = TestLessons.firstStepBlocks("## S\n\n```swift linenums\nlet x = 1\n```\n\n~~~text\nplain\n~~~\n\n```bash\nls\n```\n")
        #expect(blocks == [
            .code(language: "swift", text: "let x = 1"),
            .code(language: "text", text: "plain"),
            .code(language: "bash", text: "ls"),
        ])
    }

    @Test("a byte-order mark and CRLF line ends are accepted")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + (TestLessons.front + "## One\r\n\r\ntext\r\n").replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "\r\r\n", with: "\r\n")
        let (lesson, diagnostics) = LessonParser.parse(text, file: "l.md")
        #expect(diagnostics == [])
        let parsed = try #require(lesson)
        #expect(parsed.meta.id == "demo")
        #expect(parsed.steps == [Step(title: "One", line: 8, blocks: [.paragraph([.text("text")])])])
    }
}

/// Parsing many files at once gives what parsing each gives, in order.
@Suite("Parsing several files")
struct ParseAllTests {
    @Test("parseAll equals parse(data:file:) for each file, in the order given")
    func sameAsOneByOne() {
        let files: [(data: Data, file: String)] = (0..<40).map { k in
            let text = k % 7 == 3 ? "not a lesson \(k)" : TestLessons.front.replacingOccurrences(of: "demo", with: "l\(k)") + "## Step \(k)\n\nText \(k).\n"
            return (Data(text.utf8), "f\(k).md")
        }
        let all = LessonParser.parseAll(files)
        #expect(all.count == files.count)
        for (k, file) in files.enumerated() {
            let one = LessonParser.parse(data: file.data, file: file.file)
            #expect(all[k].lesson == one.lesson)
            #expect(all[k].diagnostics == one.diagnostics)
        }
        #expect(all[3].lesson == nil)
        #expect(all[5].lesson?.meta.id == "l5")
    }
}
