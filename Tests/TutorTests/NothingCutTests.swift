import ConvCore
import LessonKit
import Localization
import Practice
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// The promise `check` makes, tested over everything shipped: at 80×24 and 120×40 no step, no
/// question and no verdict (for every answer a learner can give) holds a line wider than its page,
/// and End scrolls to the page's last line. Animations are covered by `check` itself.
@Suite("Nothing is cut")
struct NothingCutTests {
    static let sizes = [(80, 24), (120, 40)]

    /// The lines of `page` wider than `width`, quoted.
    static func tooWide(_ page: [StyledLine], width: Int) -> [String] {
        page.filter { $0.columns > width }.map { "\($0.columns) columns: \($0.plainText)" }
    }

    /// The frame after End shows the page's last line with text.
    static func reachesEnd(_ state: AppState, page: [StyledLine]) -> Bool {
        guard let last = page.last(where: { !$0.plainText.trimmingCharacters(in: .whitespaces).isEmpty }) else { return true }
        var state = state
        _ = update(&state, .key(.end))
        return view(state).text.contains(last.plainText.trimmingCharacters(in: .whitespaces))
    }

    @Test("every step of every bundled lesson fits its page and scrolls to its end", arguments: BundledLessonsTests.paths)
    func steps(_ path: String) throws {
        let lesson = try BundledLessonsTests.parse(path)
        let language = try #require(Language(code: lesson.meta.lang))
        for (width, height) in Self.sizes {
            let viewport = Viewport(width: width, height: height)
            for k in lesson.steps.indices {
                let player = PlayerState(lesson: lesson, step: k)
                let page = player.textLines(width: PlayerState.textWidth(viewport), language.catalogue)
                #expect(Self.tooWide(page, width: PlayerState.textWidth(viewport)) == [], "\(path) step \(k + 1) at \(width)×\(height)")
                let state = AppState(screen: .player(player), width: width, height: height, language: language)
                #expect(Self.reachesEnd(state, page: page), "\(path) step \(k + 1) at \(width)×\(height)")
            }
        }
    }

    @Test("the lesson list shows the selected lesson's whole summary, and the selection in view", arguments: BundledLessonsTests.languages)
    func list(_ lang: String) throws {
        let lessons = try BundledLessonsTests.paths.filter { $0.hasPrefix(lang) }.map(BundledLessonsTests.parse)
        let language = try #require(Language(code: lang))
        for (width, height) in Self.sizes {
            var state = AppState(screen: .lessons(LessonListState()), width: width, height: height, language: language)
            state.catalogue = LessonCatalogue(lessons: lessons)
            for lesson in lessons {
                let frame = view(state).text
                // The summary's words, however the page wraps them.
                let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined() }
                #expect(words(frame).contains(words(lesson.meta.summary)), "\(lesson.meta.id) at \(width)×\(height)")
                #expect(frame.contains("▶ \(String(lesson.meta.order).leftPadded(to: 2))  \(lesson.meta.title)"))
                _ = update(&state, .key(.down))
            }
        }
    }

    @Test("every exercise's page fits: its statement, every hint, the solution, and a report where every case is wrong",
          arguments: BundledLessonsTests.exercisePaths)
    func exercises(_ path: String) throws {
        let lesson = try BundledLessonsTests.parse(path)
        let language = try #require(Language(code: lesson.meta.lang))
        let spec = try #require(lesson.exercise?.spec)
        let cases = CaseDraw.cases(spec)
        // Zeros of the right shapes: every case has a first wrong cell to explain.
        let events: [HarnessEvent] = cases.indices.flatMap { k -> [HarnessEvent] in
            let value: PyValue = switch cases[k].expected {
            case .arrays(let results) where results.count == 1: .array(Tensor(shape: results[0].tensor.shape))
            case .arrays(let results): .tuple(results.map { .array(Tensor(shape: $0.tensor.shape)) })
            case .size: .number(-7)
            }
            return [.started(case: k), .returned(case: k, value, mutated: [])]
        }
        let report = Judge.report(spec, cases: cases, output: RunOutput(events: [.loaded] + events + [.done], ending: .exited(0)),
                                  source: nil, limits: Harness.Limits())
        for (width, height) in Self.sizes {
            let viewport = Viewport(width: width, height: height)
            var exercise = ExerciseState(lesson: lesson, file: "/home/learner/convtutor-practice/\(lesson.meta.id).py")
            exercise.report = report
            exercise.hints = spec.hints.count + 1
            exercise.solution = .shown
            let page = exercise.page(width: ExerciseState.textWidth(viewport), language.catalogue)
            #expect(Self.tooWide(page, width: ExerciseState.textWidth(viewport)) == [], "\(path) at \(width)×\(height)")
            let state = AppState(screen: .exercise(exercise), width: width, height: height, language: language)
            #expect(Self.reachesEnd(state, page: page), "\(path) at \(width)×\(height)")
        }
    }

    @Test("every question of every bundled lesson, asked and answered each way, fits its page", arguments: BundledLessonsTests.paths)
    func lessonQuestions(_ path: String) throws {
        let lesson = try BundledLessonsTests.parse(path)
        let language = try #require(Language(code: lesson.meta.lang))
        for item in lesson.quizzes {
            Self.checkEveryAnswer(Question(item, lesson: lesson.meta.id), language, "\(path) \(item.id)")
        }
    }

    @Test("every generated family, twenty seeds, asked and answered each way, fits its page",
          arguments: ProblemFamily.allCases, Language.allCases)
    func generated(_ family: ProblemFamily, _ language: Language) {
        for seed in UInt64(1)...20 {
            Self.checkEveryAnswer(ProblemGenerator.question(family, seed: seed, language: language), language, "\(family.rawValue) seed \(seed)")
        }
    }

    /// The question asked, then answered in each way its kind allows, at both sizes: every page
    /// fits its width, End reaches its last line, and a code listing is shown whole.
    static func checkEveryAnswer(_ q: Question, _ language: Language, _ name: String) {
        for (width, height) in sizes {
            let asked = AppState(screen: .quiz(QuizState(questions: [q])), width: width, height: height, language: language)
            for keys in [[]] + answers(q) {
                var state = asked
                for key in keys { _ = update(&state, .key(key)) }
                _ = update(&state, .reviewScheduled(id: q.id, .due(.days(4))))
                guard case .quiz(let quiz) = state.screen else {
                    Issue.record("\(name): the quiz closed")
                    continue
                }
                let textWidth = QuizState.textWidth(Viewport(width: width, height: height))
                let page = quiz.page(width: textWidth, language.catalogue).lines
                let answered = "\(name) at \(width)×\(height) after \(keys)"
                #expect(tooWide(page, width: textWidth) == [], "\(answered)")
                #expect(reachesEnd(state, page: page), "\(answered)")
                if case .spotTheMistake(let lines, _, true) = q.kind {
                    let shown = page.map(\.plainText)
                    #expect(lines.allSatisfy { line in shown.contains { $0.hasSuffix(line) } }, "\(answered): a listing line is cut")
                }
            }
        }
    }

    /// Every way to answer `q`, as keys: each choice, each line; a number right and wrong; an open
    /// answer revealed, then graded; a cell marked.
    static func answers(_ q: Question) -> [[Key]] {
        let letter = { (k: Int) in Key.character(Character(String(Question.label(k).dropLast()))) }
        switch q.kind {
        case .single(let choices, _):
            return choices.indices.map { [letter($0)] }
        case .spotTheMistake(let lines, _, _):
            return lines.indices.map { [letter($0)] }
        case .multiple(let choices, _):
            return choices.indices.map { [letter($0), .enter] } + [choices.indices.map(letter) + [.enter]]
        case .numeric(let answer, _):
            let right = switch answer {
            case .number(let value): Text.number(value)
            case .invalid: "invalid"
            }
            return [right, "-12345.5"].map { $0.map(Key.character) + [.enter] }
        case .open:
            return [[.character("x"), .enter], [.character("x"), .enter, .character("3")]]
        case .selectCells:
            return [[.character(" "), .enter]]
        }
    }
}
