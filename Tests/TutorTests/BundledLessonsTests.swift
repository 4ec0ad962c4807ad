import ConvCore
import Foundation
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import TestSupport
import Testing
@testable import Tutor

/// The lessons shipped in `Lessons/en` and `Lessons/zh`: all sixteen in both languages, clean
/// under every check `convtutor check` runs (numbers against the compute core, nothing cut at
/// 80×24, en/zh parity), with their checkpoints, every widely copied mistake quizzed, and each one
/// played through in the player.
@Suite("Bundled lessons")
struct BundledLessonsTests {
    static let ids = [
        "what-is-convolution", "properties", "convolution-vs-correlation", "conv2d-sliding-window", "padding",
        "stride", "dilation-receptive-field", "channels-filters-bias", "pooling-and-cnn-structure",
        "forward-pass-in-code", "backpropagation", "transposed-convolution", "fast-convolution",
        "padding-and-pooling-in-practice", "factorised-kernels", "interview-drill",
    ]
    /// Each lesson's `order`, its number: the three technique lessons have the fixed numbers 14–16
    /// and the drill, which quizzes them, follows as 17.
    static let orders = Array(1...12) + [14, 15, 16, 17]
    static let languages = ["en", "zh"]

    /// `Lessons/<lang>/NN-id.md` for every bundled lesson.
    static var paths: [String] {
        languages.flatMap { lang in zip(orders, ids).map { k, id in String(format: "%@/%02d-%@.md", lang, k, id) } }
    }

    static func parse(_ path: String) throws -> Lesson {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Lessons/\(path)"))
        let result = LessonParser.parse(data: data, file: path)
        #expect(result.diagnostics.map(\.description) == [])
        return try #require(result.lesson)
    }

    @Test("each language has exactly the sixteen lessons, in order, each requiring the one before")
    func files() throws {
        for lang in Self.languages {
            let folder = packageRoot.appendingPathComponent("Lessons/\(lang)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            #expect(names == Self.paths.filter { $0.hasPrefix(lang) }.map { String($0.dropFirst(3)) })
        }
        for path in Self.paths {
            let lesson = try Self.parse(path)
            let k = Int(path.dropFirst(3).prefix(2))!
            let index = try #require(Self.orders.firstIndex(of: k))
            #expect(lesson.meta.id == Self.ids[index], "\(path)")
            #expect(lesson.meta.order == k, "\(path)")
            #expect(lesson.meta.lang == String(path.prefix(2)), "\(path)")
            let before: String? = index == 0 ? nil : Self.ids[index - 1]
            #expect(lesson.meta.requires == (before.map { [$0] } ?? []), "\(path)")
        }
    }

    @Test("every lesson passes check: animations and computed numbers agree with the core, nothing is cut at 80×24",
          arguments: paths)
    func check(_ path: String) throws {
        let lesson = try Self.parse(path)
        #expect(LessonCheck.animations(of: lesson, file: path).map(\.description) == [])
        #expect(LessonCheck.computations(of: lesson, file: path).map(\.description) == [])
        #expect(LessonCheck.layout(of: lesson, file: path, width: 80, height: 24).map(\.description) == [])
    }

    /// The bundled exercises: `Lessons/<lang>/practice/NN-id.md`.
    static let exercisePaths: [String] = languages.flatMap { lang in
        ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Lessons/\(lang)/practice").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "\(lang)/practice/\($0)" }
    }

    @Test("the eleven exercises in both languages: the zh file is its en twin's exercise, with its hints translated")
    func exercises() throws {
        let ids = ["convolve-1d", "output-size", "conv-forward", "conv-forward-fix", "conv-stride-forward", "conv-stride-forward-fix",
                   "conv-backward", "conv-backward-fix", "maxpool-forward", "maxpool-backward", "conv-transpose"]
        let en = try Self.exercisePaths.filter { $0.hasPrefix("en") }.map(Self.parse)
        let zh = try Self.exercisePaths.filter { $0.hasPrefix("zh") }.map(Self.parse)
        #expect(en.map(\.meta.id) == ids && zh.map(\.meta.id) == ids)
        #expect(en.map(\.meta.order) == Array(1...11))
        for (e, z) in zip(en, zh) {
            let (a, b) = (try #require(e.exercise), try #require(z.exercise))
            #expect(e.meta.kind == .exercise && z.meta.kind == .exercise && e.meta.order == z.meta.order)
            #expect(a.spec.function == b.spec.function && a.spec.target == b.spec.target && a.spec.ranges == b.spec.ranges
                    && a.spec.seed == b.spec.seed && a.spec.random == b.spec.random && a.spec.modes == b.spec.modes, "\(e.meta.id)")
            #expect(a.spec.hints.count == b.spec.hints.count && !a.spec.hints.isEmpty, "\(e.meta.id)")
            #expect(e.steps.count == z.steps.count, "\(e.meta.id)")
            // The same code: comments and docstrings may be translated, so the lines are counted.
            #expect(a.starter.split(separator: "\n").count == b.starter.split(separator: "\n").count, "\(e.meta.id)")
            #expect(a.solution.split(separator: "\n").count == b.solution.split(separator: "\n").count, "\(e.meta.id)")
        }
    }

    @Test("every exercise passes check: cases drawn, nothing cut at 80×24", arguments: exercisePaths)
    func exerciseCheck(_ path: String) throws {
        let lesson = try Self.parse(path)
        #expect(LessonCheck.exercise(of: lesson, file: path).map(\.description) == [])
        #expect(LessonCheck.layout(of: lesson, file: path, width: 80, height: 24).map(\.description) == [])
    }

    @Test("each zh lesson has its en twin's steps and quiz ids", arguments: ids.indices)
    func parity(_ k: Int) throws {
        let en = try Self.parse(Self.paths[k]), zh = try Self.parse(Self.paths[k + Self.ids.count])
        #expect(LessonLint.compareTranslations(en, enFile: "en", zh, zhFile: "zh").map(\.description) == [])
        #expect(en.quizzes.map(\.kind) == zh.quizzes.map(\.kind))
        #expect(en.steps.map { $0.animations.map(\.kind) } == zh.steps.map { $0.animations.map(\.kind) })
    }

    @Test("every zh lesson and exercise writes the agreed Chinese terms (check warns about none)",
          arguments: paths.filter { $0.hasPrefix("zh/") } + exercisePaths.filter { $0.hasPrefix("zh/") })
    func chineseTerms(_ path: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Lessons/\(path)"), encoding: .utf8)
        #expect(LessonLint.terminology(of: text, file: path).map(\.description) == [])
    }

    @Test("every lesson animates, and ends with a checkpoint of three questions of two kinds; the drill has 25", arguments: paths)
    func checkpoints(_ path: String) throws {
        let lesson = try Self.parse(path)
        #expect(!lesson.steps.flatMap(\.animations).isEmpty, "\(path)")
        let last = try #require(lesson.steps.last)
        let quizzes = last.blocks.compactMap { if case .quiz(let q) = $0 { q } else { nil } }
        #expect(quizzes.count >= 3, "\(path)")
        #expect(Set(quizzes.map(\.kind)).count >= 2, "\(path)")
        if lesson.meta.id == "interview-drill" {
            #expect(lesson.quizzes.count >= 25)
            #expect(Set(lesson.quizzes.map(\.kind)) == Set(QuizItem.Kind.allCases))
            // The drill comes last and quizzes lessons 14–16 too: FFT, Winograd, TF's SAME,
            // ceil_mode, separable kernels and batch-norm folding, fan-in.
            let techniques = ["drill-fft-length", "drill-winograd-layer", "drill-tf-same", "drill-ceil-mode",
                              "drill-practice-myths", "drill-he-fan-in"]
            #expect(Set(techniques).isSubset(of: lesson.quizzes.map(\.id)), "\(path)")
        }
    }

    /// The wrong answers of every spot-the-mistake question of the English lessons.
    static func mistakes() throws -> [(lesson: String, answer: String)] {
        try paths.filter { $0.hasPrefix("en") }.flatMap { path in
            try parse(path).quizzes.filter { $0.kind == .spotTheMistake }.map { (path, $0.answer.joined()) }
        }
    }

    @Test("each error of the widely copied write-up is a spot-the-mistake question", arguments: [
        ("linearity as a(f∗g) + b(g∗f)", "a(f ∗ g) + b(g ∗ f)"),
        ("addition called nonlinear", "addition is nonlinear"),
        ("the bias inside the window sum", "+ b[f]"),
        ("the weights W overwritten by the width", "N, C, H, W = x.shape"),
        ("a 4-D input unpacked into three names", "C, H, W = x.shape"),
        ("dW of shape (N, F, KH, KW)", "dw = np.zeros((N, F, HH, WW))"),
        ("db of shape (N, F)", "db = np.zeros((N, F))"),
        ("dx without the padding", "dx_pad"),
        ("the strided output size one short", "(S-1)*(K-1)"),
    ])
    func mistakesQuizzed(_ what: String, _ wrong: String) throws {
        let found = try Self.mistakes().filter { $0.answer.contains(wrong) }
        #expect(!found.isEmpty, "no spot-the-mistake question whose answer is \(what)")
    }

    @Test("each lesson plays through in the player at 80×24 in its language: every step, every animation to its end",
          arguments: paths)
    func playThrough(_ path: String) throws {
        let lesson = try Self.parse(path)
        let language = try #require(Language(code: lesson.meta.lang))
        let t = language.catalogue
        var state = AppState(screen: .player(PlayerState(lesson: lesson)), width: 80, height: 24, language: language)
        for k in lesson.steps.indices {
            let page = view(state).text
            #expect(page.contains(t.lesson(.stepCounter(k + 1, of: lesson.steps.count))), "\(path) step \(k + 1)")
            for n in lesson.steps[k].animations.indices {
                // `a` opens the step's animations in turn.
                _ = update(&state, .key(.character("a")))
                guard case .player(let player) = state.screen, let explorer = player.animation else {
                    Issue.record("\(path) step \(k + 1): animation \(n + 1) did not open")
                    continue
                }
                #expect(explorer.error == nil, "\(path) step \(k + 1)")
                _ = update(&state, .key(.character("G")))
                guard case .player(let atEnd) = state.screen, let last = atEnd.animation else { continue }
                #expect(last.clipping(width: 80, height: 23, t).hiddenGrids == 0, "\(path) step \(k + 1)")
                _ = update(&state, .key(.escape))
            }
            _ = update(&state, .key(.character("]")))
        }
    }
}
