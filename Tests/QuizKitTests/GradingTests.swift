import ConvCore
import LessonKit
import Localization
import QuizKit
import Testing

/// Every question kind: typed text read as an answer or refused with a hint, and graded.
@Suite("Grading")
struct GradingTests {
    static let single = Question(id: .lesson("t", question: "q"), prompt: "Size?", kind: .single(choices: ["3×3", "4×4", "7×7"], answer: 1), explanation: "")
    static let multiple = Question(id: .lesson("t", question: "m"), prompt: "Which?", kind: .multiple(choices: ["a", "b", "c", "d"], answers: [0, 2]), explanation: "")
    static let numeric = Question(id: .lesson("t", question: "n"), prompt: "Cell?", kind: .numeric(answer: .number(-4), tolerance: 0), explanation: "")
    static let invalid = Question(id: .lesson("t", question: "i"), prompt: "Size?", kind: .numeric(answer: .invalid, tolerance: 0), explanation: "")
    static let spot = Question(id: .lesson("t", question: "s"), prompt: "Wrong line?", kind: .spotTheMistake(lines: ["x = 1", "y = x +", "z = y"], wrong: 1, isCode: true), explanation: "")
    static let open = Question(id: .lesson("t", question: "o"), prompt: "Why?", kind: .open(modelAnswer: "Because."), explanation: "")
    static let cells = Question(id: .lesson("t", question: "c"), prompt: "Field?", kind: .selectCells(grid: GridName(.x, plane: [0, 0]), answer: [GridCell(row: 0, col: 0), GridCell(row: 0, col: 1)]), explanation: "")

    func verdict(_ q: Question, _ text: String) throws -> Verdict {
        q.grade(try q.read(text).get())
    }

    @Test("single choice: a letter or a number picks; right is Good, wrong is Again")
    func singleChoice() throws {
        #expect(try verdict(Self.single, "b").correct == true)
        #expect(try verdict(Self.single, "2").rating == .good)
        #expect(try verdict(Self.single, " B) ").correct == true)
        let wrong = try verdict(Self.single, "a")
        #expect(wrong.correct == false)
        #expect(wrong.rating == .again)
        #expect(wrong.expected == "b) 4×4")
        #expect(wrong.given == "a) 3×3")
    }

    @Test("multiple choice: every right choice and no other", arguments: [("a c", true), ("ac", true), ("1,3", true), ("c;a", true), ("a", false), ("a b c", false)])
    func multipleChoice(_ text: String, _ right: Bool) throws {
        #expect(try verdict(Self.multiple, text).correct == right)
    }

    @Test("numeric: within the tolerance; − and thousands separators read; invalid is an answer")
    func numbers() throws {
        #expect(try verdict(Self.numeric, "-4").correct == true)
        #expect(try verdict(Self.numeric, "−4").correct == true)
        #expect(try verdict(Self.numeric, "-4.0").correct == true)
        #expect(try verdict(Self.numeric, "4").correct == false)
        #expect(try verdict(Self.numeric, "invalid").correct == false)
        #expect(try verdict(Self.invalid, "invalid").correct == true)
        #expect(try verdict(Self.invalid, "2").correct == false)
        let tolerant = Question(id: .lesson("t", question: "t"), prompt: "", kind: .numeric(answer: .number(86_704_128), tolerance: 0.5), explanation: "")
        #expect(try verdict(tolerant, "86,704,128").correct == true)
        #expect(try verdict(tolerant, "86_704_128.4").correct == true)
        #expect(try verdict(tolerant, "86704129").correct == false)
        #expect(tolerant.expectedText == "86704128 (± 0.5)")
    }

    @Test("spot the mistake: the wrong line by its letter or number")
    func spotTheMistake() throws {
        #expect(try verdict(Self.spot, "2").correct == true)
        #expect(try verdict(Self.spot, "b").correct == true)
        let wrong = try verdict(Self.spot, "3")
        #expect(wrong.correct == false)
        #expect(wrong.expected == "b) y = x +")
    }

    @Test("open: the learner's own grade, right or wrong left open")
    func openQuestion() {
        let v = Self.open.grade(.selfGraded(answer: "I think so", .hard))
        #expect(v.correct == nil)
        #expect(v.rating == .hard)
        #expect(v.expected == "Because.")
        #expect(v.given == "I think so")
        #expect(Question.readRating("3") == .success(.good))
        #expect(Question.readRating(" Easy ") == .success(.easy))
        #expect(Question.readRating("5") == .failure(.grade))
        #expect(Language.en.catalogue.refusal(.grade) == "grade yourself: 1 again, 2 hard, 3 good, 4 easy")
    }

    @Test("select the cells: exactly the set; typed as row,col pairs")
    func selectCells() throws {
        #expect(try verdict(Self.cells, "0,0 0,1").correct == true)
        #expect(try verdict(Self.cells, "(0,1);(0,0)").correct == true)
        #expect(try verdict(Self.cells, Self.cells.expectedText).correct == true)
        #expect(try verdict(Self.cells, "(0, 0)(0, 1)").correct == true)
        #expect(try verdict(Self.cells, "0,0").correct == false)
        #expect(Self.cells.expectedText == "(0, 0) (0, 1)")
    }

    @Test("bad answers are refused with a hint, not graded", arguments: [
        (single, "", "choose a to c (or 1 to 3)"),
        (single, "d", "'d' is not a choice: choose a to c (or 1 to 3)"),
        (single, "0", "'0' is not a choice: choose a to c (or 1 to 3)"),
        (multiple, "", "choose one or more: a to d (or 1 to 4), e.g. a c"),
        (multiple, "a z", "'z' is not a choice: choose a to d (or 1 to 4)"),
        (numeric, "", "type a number, like 4 or -0.5 (or 'invalid' when no output exists)"),
        (numeric, "four", "'four' is not a number: type a number, like 4 or -0.5 (or 'invalid' when no output exists)"),
        (numeric, "4x4", "'4x4' is not a number: type a number, like 4 or -0.5 (or 'invalid' when no output exists)"),
        (cells, "0;1", "'0' is not a cell: list cells as row,col pairs, e.g. 0,0 0,1 1,0"),
        (open, "anything", "grade yourself: 1 again, 2 hard, 3 good, 4 easy"),
    ])
    func refused(_ q: Question, _ text: String, _ hint: String) {
        #expect(Self.hint(q.read(text), .en) == hint)
    }

    /// The hint of a refused answer, in `language`; nil when the answer was read.
    static func hint<T>(_ result: Result<T, Refusal>, _ language: Language) -> String? {
        guard case .failure(let refusal) = result else { return nil }
        return language.catalogue.refusal(refusal)
    }

    @Test("hints in Chinese for a Chinese session")
    func chineseHints() {
        #expect(Self.hint(Self.single.read("d"), .zh) == "“d”不是选项：请选择 a 到 c（或 1 到 3）")
        #expect(Self.hint(Self.numeric.read("four"), .zh) == "“four”不是数：请输入一个数，例如 4 或 -0.5（没有合法输出时输入 invalid）")
        #expect(Self.hint(Question.readRating("5"), .zh) == "请给自己评分：1 没记住，2 困难，3 良好，4 轻松")
    }

    @Test("a lesson's quiz block becomes a question under lesson:<id>/<quiz id>")
    func fromLesson() throws {
        let text = """
            ---
            id: padding
            title: P
            lang: en
            order: 1
            summary: S.
            ---
            ## S

            ```quiz
            id: rows
            kind: numeric
            prompt: Rows?
            answer: 4
            compute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}
            explanation: Four.
            ```

            ```quiz
            id: pick
            kind: multiple
            prompt: Which?
            choices: [a, b, c]
            answer: [a, c]
            ```
            """
        let lesson = try #require(LessonParser.parse(text, file: "p.md").lesson)
        let questions = lesson.quizzes.map { Question($0, lesson: "padding") }
        #expect(questions.map(\.id) == [.lesson("padding", question: "rows"), .lesson("padding", question: "pick")])
        #expect(questions.map(\.id.rawValue) == ["lesson:padding/rows", "lesson:padding/pick"])
        #expect(questions[0].kind == .numeric(answer: .number(4), tolerance: 0))
        #expect(questions[0].explanation == "Four.")
        #expect(questions[0].topic == .lesson("padding"))
        #expect(questions[1].kind == .multiple(choices: ["a", "b", "c"], answers: [0, 2]))
        // The hash follows the text: a changed prompt is a changed card.
        var changed = questions[0]
        changed.prompt = "How many rows?"
        #expect(changed.contentHash != questions[0].contentHash)
        #expect(Question(lesson.quizzes[0], lesson: "padding").contentHash == questions[0].contentHash)
    }
}
