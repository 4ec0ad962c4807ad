import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// Lesson blocks as the player shows them: compute blocks behind a bar, Chinese text wrapped as
/// Chinese is, the interface's words in the session's language.
@Suite("Lesson text")
struct LessonTextTests {
    static let english = Language.en.catalogue
    static let chinese = Language.zh.catalogue

    /// A one-step lesson of `body`, parsed.
    static func lesson(_ body: String) throws -> Lesson {
        let text = "---\nid: t\ntitle: T\nlang: en\norder: 1\nsummary: S.\n---\n## S\n\n" + body
        let result = LessonParser.parse(text, file: "t.md")
        #expect(result.diagnostics == [])
        return try #require(result.lesson)
    }

    @Test("the player shows the result behind a bar; long lines wrap, grid rows keep their columns")
    func shown() throws {
        let lesson = try Self.lesson("```compute\nof: conv2d-backward\ninput: 3\nkernel: 2\n```\n")
        let text = LessonText.lines(lesson.steps[0].blocks, width: 60, Self.english).map(\.plainText)
        #expect(text.suffix(3) == ["  │    1  4  4", "  │    6 20 16", "  │    9 24 16"])
        #expect(text.prefix(2) == ["  │ PyTorch: out = torch.nn.functional.conv2d(x, w, bias=b);", "  │ out.backward(dOut) gives x.grad, w.grad, b.grad"])
        #expect(text.allSatisfy { $0.count <= 60 })
        #expect(text.contains("  │ dx[0,0]  (3×3)"))
    }
}

/// Chinese paragraphs may be wrapped in the file: a line break between two Chinese characters
/// joins them, while one between other words stays a space.
@Suite("Soft breaks")
struct SoftBreakTests {
    @Test("CJK joined, Latin spaced, mixed spaced")
    func join() {
        let text = { (inlines: [Inline]) in LessonText.lines([.paragraph(inlines)], width: 76, LessonTextTests.english).map(\.plainText) }
        #expect(text([.text("先相乘，"), .softBreak, .text("再相加。")]) == ["先相乘，再相加。"])
        #expect(text([.text("multiply"), .softBreak, .text("and add")]) == ["multiply and add"])
        #expect(text([.text("使用"), .softBreak, .code("numpy.convolve")]) == ["使用 numpy.convolve"])
        #expect(text([.strong([.text("卷积")]), .softBreak, .text("核")]) == ["卷积核"])
    }
}

/// Chinese line breaking: closing punctuation never starts a line; the labels follow the lesson.
@Suite("Chinese text in the player")
struct ChineseTextTests {
    @Test("a comma that would start a line takes the character before it along")
    func closingPunctuation() {
        // Width 8: four characters fill a line, so the comma after them would start the next.
        let lines = LessonText.lines([.paragraph([.text("一二三四，五六")])], width: 8, LessonTextTests.chinese).map(\.plainText)
        #expect(lines == ["一二三", "四，五六"])
        #expect(lines.allSatisfy { !($0.first.map(Paragraph.closing.contains) ?? false) })
    }

    @Test("a word runs across spans: punctuation after math or code stays with it")
    func glued() {
        let lines = LessonText.lines([.paragraph([.text("aaaaaa "), .math("h"), .text(", bb")])], width: 8, LessonTextTests.english).map(\.plainText)
        #expect(lines == ["aaaaaa", "h, bb"])
        let open = LessonText.lines([.paragraph([.text("一二三（"), .code("x"), .text("）")])], width: 8, LessonTextTests.chinese).map(\.plainText)
        #expect(open == ["一二三", "（x）"])
    }

    @Test("questions and animations are labelled in the session's language")
    func labels() {
        let quiz = QuizItem(id: "q", kind: .single, line: 1, prompt: "哪一个？", choices: ["甲", "乙"], answer: ["甲"], explanation: "")
        let zh = LessonText.lines([.quiz(quiz), .animation(Animation(kind: .conv2d, line: 1))], width: 40, LessonTextTests.chinese).map(\.plainText)
        #expect(zh.first == "问题：哪一个？")
        #expect(zh.last == "▶ 动画：二维卷积")
        let en = LessonText.lines([.quiz(quiz)], width: 40, LessonTextTests.english).map(\.plainText)
        #expect(en.first == "Question: 哪一个？")
    }
}

/// Lesson blocks as wrapped, styled lines.
@Suite("Lesson blocks")
struct LessonBlocksTests {
    let english = Language.en.catalogue

    @Test("Chinese text wraps between characters and never splits one")
    func cjk() {
        let lines = Paragraph.wrap([Span("卷积神经网络使用卷积层提取特征 and more words here")], width: 10).map(\.plainText)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "卷积神经网络使用卷积层提取特征andmorewordshere")
        #expect(lines[0] == "卷积神经网")
    }

    @Test("lists hang their indents, quotes get a bar, tables measure their columns")
    func blocks() {
        let list = LessonText.lines([.list(ordered: true, start: 3, items: [[.paragraph([.text("one two three four five")])]])], width: 12, english).map(\.plainText)
        #expect(list == ["3. one two", "   three", "   four five"])
        let quote = LessonText.lines([.quote([.paragraph([.text("a b")])])], width: 20, english).map(\.plainText)
        #expect(quote == ["│ a b"])
        let table = LessonText.lines([.table(Table(alignments: [.left, .right], header: [[.text("k")], [.text("out")]],
                                                   rows: [[[.text("3")], [.text("5")]]]))], width: 20, english).map(\.plainText)
        #expect(table == ["k │ out", "──┼────", "3 │   5"])
    }

    @Test("code is indented, never wrapped, and control characters stay inert on screen")
    func code() {
        let lines = LessonText.lines([.code(language: "python", text: "def f(x):  # comment\n    return x")], width: 40, english)
        #expect(lines.map(\.plainText) == ["    def f(x):  # comment", "        return x"])
        #expect(lines[0].contains { $0.text == "def" && $0.style.bold })
        var buffer = CellBuffer(width: 30, height: 1)
        buffer.put(LessonText.lines([.paragraph([.text("a\u{1B}[2Jb")])], width: 20, english).map(\.plainText)[0], x: 0, y: 0)
        #expect(buffer.lines == ["a␛[2Jb"])
    }
}
