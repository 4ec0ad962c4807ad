import ConvCore
import Foundation
import LessonKit
import Localization
import Practice
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// A learner with `--lang zh` reads no English interface text: every screen, mode, phase and
/// plain-text output is rendered in Chinese and searched for English words. What may stay is
/// named here and nowhere else: key names, tensor and function names, code, formulas' words
/// (`max`), answer keywords (`invalid`) and identifiers the learner types (`conv2d`, `full`).
@Suite("Chinese screens")
struct ChineseScreensTests {
    static let chinese = Language.zh.catalogue

    /// The words that are not English prose: names a Chinese learner reads as they are.
    static let allowed: Set<String> = [
        // Key names.
        "Enter", "Esc", "Tab", "PgUp", "PgDn", "Home", "End", "Backspace", "Ctrl", "Shift", "hjkl",
        // Tensor names, and the parts of the reference calls learners paste into Python.
        "out", "dOut", "grad", "backward", "PyTorch", "NumPy",
        // Words of formulas and of answers.
        "max", "inf", "nan", "invalid",
        // Identifiers: the program, the operations (as the parameter bar and the modes name
        // them), NumPy's modes, the terminal database and the environment variable that names it.
        "convtutor", "conv1d", "correlate1d", "conv2d", "conv", "transpose2d", "maxpool2d", "avgpool2d", "adaptive",
        "full", "same", "valid", "markdown", "terminfo", "TERM",
        // Python as practice names it: the language, its types and the arrays' names in the formulas.
        "Python", "python3", "numpy", "None", "str", "int", "print", "dout", "outH", "outW",
    ]

    /// English words of `text` that are not allowed, after code is taken out: calls
    /// (`torch.nn.functional.conv2d(…)`, `numpy.convolve(…)`), command lines (`convtutor quiz
    /// --generated`) and options (`--lessons DIR`), file names (`Lessons/README.md`, `PATH.md`).
    static func english(_ text: String) -> [String] {
        var rest = text
        let code = [#"(torch|numpy)\.[\w.]*\([^)]*\)"#, #"convtutor( [\w-]+)*"#, #"--[\w-]+( [A-Z]+)?"#, #"[\w/]+\.md"#,
                    #"TERM=[\w-]+"#, #"“[^”]*”"#,
                    // Python: calls and attributes (np.pad, x.copy()), snake_case names, exception
                    // types, and the commands that install it.
                    #"\b\w+\.\w+(\([^)]*\))?"#, #"\b\w+_\w+(\([^)]*\))?"#, #"\b\w+Error\b"#, #"sudo apt install [\w-]+"#,
                    #"-m pip install \w+"#]
        for pattern in code {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = rest.components(separatedBy: CharacterSet.alphanumerics.inverted)
        return words.filter { word in
            word.unicodeScalars.filter(CharacterSet.letters.contains).count >= 3 && word.unicodeScalars.allSatisfy { $0.isASCII }
                && !allowed.contains(word)
        }
    }

    static func expectChinese(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = english(text)
        #expect(found.isEmpty, "\(what): English words \(Set(found).sorted()) in\n\(text)", sourceLocation: sourceLocation)
    }

    static func frame(_ screen: Screen, catalogue: LessonCatalogue = LessonCatalogue(), _ keys: [Key] = [], width: Int = 80, height: Int = 24) -> String {
        var state = AppState(screen: screen, width: width, height: height, language: .zh)
        state.catalogue = catalogue
        for key in keys { _ = update(&state, .key(key)) }
        return view(state).text
    }

    @Test("home, too small, the lesson list, every page of help")
    func screens() {
        let lessons = LessonCatalogue(lessons: [LessonFixtures.paddingChinese])
        Self.expectChinese(Self.frame(.home(HomeState())), "home")
        Self.expectChinese(Self.frame(.home(HomeState()), width: 40, height: 10), "too small")
        Self.expectChinese(Self.frame(.lessons(LessonListState()), catalogue: lessons), "lesson list")
        Self.expectChinese(Self.frame(.lessons(LessonListState())), "empty lesson list")
        for pages in 0..<6 {
            let keys = [Key.character("?")] + Array(repeating: .pageDown, count: pages)
            Self.expectChinese(Self.frame(.home(HomeState()), keys), "help page \(pages + 1)")
        }
    }

    @Test("the player: every step, its animations, its questions")
    func player() {
        let lesson = LessonFixtures.paddingChinese
        for step in lesson.steps.indices {
            let screen = Screen.player(PlayerState(lesson: lesson, step: step))
            Self.expectChinese(Self.frame(screen), "step \(step + 1)")
            Self.expectChinese(Self.frame(screen, [.character("a")]), "step \(step + 1), its animation")
            Self.expectChinese(Self.frame(screen, [.character("t")]), "step \(step + 1), its questions")
            Self.expectChinese(Self.frame(screen, [.character("t"), .character("a")]), "step \(step + 1), a verdict")
        }
    }

    @Test("the explorer: every mode and view, the cursor, the parameter bar, the value editor, an invalid setting")
    func explorer() {
        for mode in ConvOperation.animated {
            for view in Presentation.allCases {
                var config = ExplorerConfig()
                config.mode = mode
                config.presentation = view
                config.input = mode.is1D ? Pair(1, 5) : Pair(4, 4)
                config.kernel = mode.is1D ? Pair(1, 3) : Pair(2, 2)
                if mode.isPooling { config.stride = Pair(2) }
                let screen = Screen.explorer(ExplorerState(config: config))
                Self.expectChinese(Self.frame(screen, [.right]), "\(mode) \(view)")
                Self.expectChinese(Self.frame(screen, [.tab, .right]), "\(mode) \(view), cursor")
                Self.expectChinese(Self.frame(screen, [.character("e"), .down, .down]), "\(mode) \(view), parameters")
                Self.expectChinese((try? ScenePlain.lines(config, Self.chinese))?.joined(separator: "\n") ?? "", "\(mode) \(view) as text")
            }
        }
        var channels = ExplorerConfig()
        channels.channels = 2
        channels.bias = true
        Self.expectChinese(Self.frame(.explorer(ExplorerState(config: channels)), [.right]), "two channels and a bias")
        var typed = ExplorerConfig()
        typed.overrides = [.init(tensor: .x, index: [0, 0, 0, 0], value: 3)]
        Self.expectChinese(Self.frame(.explorer(ExplorerState(config: typed)), [.tab, .enter, .character("1")]), "value editor")
        var invalid = ExplorerConfig()
        invalid.input = Pair(2, 2)
        Self.expectChinese(Self.frame(.explorer(ExplorerState(config: invalid))), "invalid")
    }

    @Test("a quiz: every kind asked, refused, answered and explained, the summary, nothing to ask; and as text")
    func quiz() {
        let questions = [
            Question(id: .lesson("p", question: "size"), prompt: "输出尺寸是多少？", kind: .single(choices: ["3×3", "4×4"], answer: 1),
                     explanation: "⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4。"),
            Question(id: .lesson("p", question: "shrink"), prompt: "哪些会让输出变小？",
                     kind: .multiple(choices: ["更大的卷积核", "更多填充", "更大的步幅"], answers: [0, 2]), explanation: ""),
            QuizTests.numeric, QuizTests.cells,
            Question(id: .lesson("p", question: "why"), prompt: "为什么要填充？", kind: .open(modelAnswer: "保持尺寸。"), explanation: ""),
        ].map { q -> Question in
            var zh = q
            if q.prompt.contains("out[") || q.prompt.contains("Mark") { zh.prompt = "这个格子的值是多少？" }
            if zh.explanation.hasPrefix("Nine") { zh.explanation = "九个乘积。" }
            return zh
        }
        for q in questions {
            let screen = Screen.quiz(QuizState(questions: [q]))
            Self.expectChinese(Self.frame(screen), "\(q.id.rawValue) asked")
            Self.expectChinese(Self.frame(screen, [.enter]), "\(q.id.rawValue) refused or revealed")
            Self.expectChinese(Self.frame(screen, [.character("x"), .enter]), "\(q.id.rawValue) refused")
            Self.expectChinese(Self.frame(screen, [.character("b"), .character(" "), .enter, .character("1")]), "\(q.id.rawValue) answered")
            Self.expectChinese(Self.frame(screen, [.escape, .escape]), "\(q.id.rawValue) summary")
            let response: Response = switch q.kind {
            case .single, .spotTheMistake: .choice(0)
            case .multiple: .choices([0])
            case .numeric: .number(.number(1))
            case .open: .selfGraded(answer: "大概", .hard)
            case .selectCells: .cells([GridCell(row: 0, col: 0)])
            }
            let plain = QuizPlain.question(q, number: 1, of: 1, topic: "填充", Self.chinese) + [QuizPlain.ask(q, Self.chinese)]
                + QuizPlain.reveal(q, intervals: [.aMinute, .minutes(6), .minutes(10), .days(4)], Self.chinese) + QuizPlain.verdict(q, q.grade(response), outcome: .due(.tomorrow), Self.chinese)
                + QuizPlain.verdict(q, q.grade(response), outcome: .failed("磁盘已满"), Self.chinese)
            Self.expectChinese(plain.joined(separator: "\n"), "\(q.id.rawValue) as text")
        }
        Self.expectChinese(Self.frame(.quiz(QuizState(questions: []))), "nothing to ask")
        for refusal in [Refusal.grade, .number, .cells, .choose(.letters(last: "c", count: 3)), .chooseSeveral(.numbers(count: 30)),
                        .notAChoice("z", .letters(last: "c", count: 3)), .notANumber("x"), .notACell("1")] {
            Self.expectChinese(Self.chinese.refusal(refusal), "\(refusal)")
        }
    }

    @Test("practice: the list, an exercise's header and hints, every kind of report and every stop, in Chinese")
    func practice() throws {
        let lesson = try PracticeScreenTests.exercise("zh")
        var state = try PracticeScreenTests.home(.zh)
        _ = update(&state, .key(.character("4")))
        Self.expectChinese(view(state).text, "practice list")
        let report = try PracticeScreenTests.biasReport(lesson)
        _ = update(&state, .key(.enter))
        _ = update(&state, .exerciseChecked(id: "conv-forward", report, status: .failing(attempts: 1)))
        let lines = view(state).text.split(separator: "\n")
        Self.expectChinese(String(lines.first ?? ""), "exercise header")
        Self.expectChinese(String(lines.last ?? ""), "exercise hints")
        var withoutOutput = report
        withoutOutput.stdout = CapturedText()
        Self.expectChinese(withoutOutput.lines(.conv2d, Self.chinese).joined(separator: "\n"), "a report with a known mistake")
        // Each way a case fails, and each way a run stops (Python's own messages left empty: they
        // are the learner's Python speaking).
        let c = report.cases[0]
        let failures: [CaseFailure] = [
            .raised(PythonError(type: "ValueError", message: "", line: 3)), .wrongType(name: "out", expected: .array, got: .list(shape: nil)),
            .wrongType(name: nil, expected: .tuple(count: 3), got: .none), .wrongType(name: nil, expected: .integer, got: .text("")),
            .wrongCount(expected: 3, got: 2), .wrongShape(name: "out", expected: [1, 2, 3, 3], got: [1, 2, 4, 4], rule: .convolution),
            .wrongShape(name: "dW", expected: [2, 3, 3, 3], got: [2, 3, 3], rule: .gradient(of: "W")),
            .wrongShape(name: "db", expected: [2], got: [2, 1], rule: .perFilter), .wrongSize(expected: nil, got: 3), .mutated(["x"]),
        ]
        for failure in failures {
            Self.expectChinese(PracticeReport.explain(failure, c, target: .conv2d, Self.chinese).joined(separator: "\n"), "\(failure)")
        }
        let problems: [RunProblem] = [.noPython, .noNumpy(python: "3.11"), .loadError(PythonError(type: "SyntaxError", message: "", line: 2)),
                                      .missingFunction("conv_forward", defined: []), .notCallable("conv_forward", type: "int"),
                                      .timedOut(case: 0, seconds: 10), .outputTooLarge(megabytes: 8), .outOfMemory(megabytes: 1024),
                                      .crashed(.signalled(9))]
        for problem in problems {
            Self.expectChinese(PracticeReport.text(problem, cases: report.cases, target: .conv2d, Self.chinese), "\(problem)")
        }
        for d in [Diagnosis.biasInWindow(times: 9), .biasMissing, .kernelFlipped, .strideIgnored, .paddingIgnored, .wrongSizeFormula, .offByOne,
                  .dxNotCropped, .dWNotSummed, .gradientOverwritten, .gradientAveraged, .dxKernelNotRotated, .tiesToEveryMaximum,
                  .tiesToLastMaximum, .overlapOverwritten, .notFlipped1D, .sizeNotFloored, .dilationIgnored, .invalidNotDetected,
                  .unpackThree, .shadowedWeights] {
            Self.expectChinese(Self.chinese.practice(.mistake(d)), "\(d)")
        }
    }

    @Test("statistics, on the screen and as text, with lesson and family names")
    func stats() {
        let reviews = ReviewStatistics(topics: [.init(topic: "padding", reviews: 3, graded: 3, correct: 2),
                                                .init(topic: "gen:dx-reach", reviews: 1, graded: 0, correct: 0)],
                                       totalReviews: 4, dueToday: 1, dueThisWeek: 2, streak: 3)
        let summary = StatsSummary(lessonsCompleted: 1, lessonsTotal: 13, reviews: reviews,
                                   topicNames: ["padding": "填充", "gen:dx-reach": Self.chinese.family(.dxReach)])
        Self.expectChinese(Self.frame(.stats(StatsState(summary: summary))), "stats")
        Self.expectChinese(summary.lines(Self.chinese).joined(separator: "\n"), "stats as text")
        let empty = StatsSummary(lessonsCompleted: 0, lessonsTotal: 13, reviews: ReviewStatistics(topics: [], totalReviews: 0, dueToday: 0, dueThisWeek: 0, streak: 0))
        Self.expectChinese(empty.lines(Self.chinese).joined(separator: "\n"), "no answers yet")
        for family in ProblemFamily.allCases { Self.expectChinese(Self.chinese.family(family), "\(family)") }
    }

    @Test("a Chinese lesson replayed as text")
    func replay() {
        Self.expectChinese(LessonReplay.plainLines(LessonFixtures.paddingChinese, Self.chinese).joined(separator: "\n"), "replay")
    }

    @Test("the command line's messages")
    func commands() {
        for problem in [TerminalProblem.notATerminal, .termUnset, .cannotAddressCursor(term: "dumb"), .unknownTerm("vt999")] {
            Self.expectChinese(Self.chinese.command(.terminal(problem, instead: "convtutor explore --plain")), "\(problem)")
        }
        Self.expectChinese(Self.chinese.command(.noLesson(id: "p1", language: "zh", known: ["p2", "p3"])), "no lesson")
        Self.expectChinese(Self.chinese.command(.checked(files: 3)), "checked")
        Self.expectChinese(Self.chinese.command(.checkedWithWarnings(files: 3, warnings: 2)), "checked with warnings")
        Self.expectChinese(Self.chinese.command(.progressNotSaved("磁盘已满")), "not saved")
    }
}
