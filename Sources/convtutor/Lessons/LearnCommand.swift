import ArgumentParser
import Foundation
import LessonKit
import Localization
import QuizKit
import Tutor

/// `--lang`: the language of everything convtutor says, chosen once.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the tutor and its lessons: en or zh (default: from LC_ALL/LC_MESSAGES/LANG, else en).")
    var lang: Language?

    /// `--lang`, else the language of the lesson file given (`learn FILE`, `replay FILE`), else the
    /// locale's. The one place the language is chosen.
    func language(lessonFile: String? = nil) -> Language {
        if let lang { return lang }
        if let lessonFile, lessonFile.hasSuffix(".md"), case let (lesson?, _) = LessonLibrary.load(URL(fileURLWithPath: lessonFile)),
           let own = Language(code: lesson.meta.lang) {
            return own
        }
        return Language.of(environment: ProcessInfo.processInfo.environment)
    }
}

extension Language: ExpressibleByArgument {}

/// Options shared by the commands that read lessons.
struct LessonOptions: ParsableArguments {
    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("lessons"), help: "A folder of your own lessons, added to the bundled ones (repeatable).")
    var folders: [String] = []

    /// The bundled lessons and the learner's own, in `language`; files with errors are left out
    /// (`convtutor check` reports them).
    func catalogue(_ language: Language) -> [Lesson] {
        files(language).filter { $0.meta.kind == .lesson }
    }

    /// The bundled exercises and the learner's own, in `language`, in order.
    func exercises(_ language: Language) -> [Lesson] {
        files(language).filter { $0.meta.kind == .exercise }.sorted { ($0.meta.order, $0.meta.id) < ($1.meta.order, $1.meta.id) }
    }

    /// Every lesson and exercise file of the bundled folder and the learner's, the first of each
    /// id kept.
    private func files(_ language: Language) -> [Lesson] {
        let folders = (LessonLibrary.bundledFolder().map { [$0] } ?? []) + self.folders.map { URL(fileURLWithPath: $0) }
        var seen = Set<String>()
        var lessons: [Lesson] = []
        let files = folders.flatMap { LessonLibrary.files(in: $0, language: language.rawValue) }
        for (lesson, _) in LessonLibrary.loadAll(files) {
            guard let lesson, seen.insert(lesson.meta.id).inserted else { continue }
            lessons.append(lesson)
        }
        return lessons
    }

    /// A lesson by id (from the catalogue in `language`) or by path (any markdown file).
    func lesson(_ reference: String, _ language: Language) throws -> Lesson {
        if reference.hasSuffix(".md") || FileManager.default.fileExists(atPath: reference) {
            let (lesson, diagnostics) = LessonLibrary.load(URL(fileURLWithPath: reference))
            guard let lesson, diagnostics.isEmpty else {
                throw LessonError(diagnostics.map(\.description).joined(separator: "\n"))
            }
            return lesson
        }
        let all = catalogue(language)
        guard let lesson = all.first(where: { $0.meta.id == reference }) else {
            throw LessonError(language.catalogue.command(.noLesson(id: reference, language: language.rawValue, known: all.map(\.meta.id))))
        }
        return lesson
    }
}

/// A lesson that cannot be opened, with the reason (diagnostics, or what was not found).
struct LessonError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `convtutor learn`: the lesson list, or one lesson played in the terminal.
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the lessons, or play one lesson (by id or from a markdown file).",
        discussion: "Keys: ←/→ (or [ and ]) change step, ↑/↓ scroll, PgUp/PgDn page, a plays the step's animation, t answers the step's questions (graded and scheduled for review), R restarts, q goes back. Reopening a lesson resumes where you left it.")

    @Argument(help: "A lesson id (e.g. padding) or the path of a lesson file.")
    var lesson: String?

    @Option(help: "Open on this step (1-based) instead of where you left off.")
    var step: Int?

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let language = lessons.language.language(lessonFile: lesson)
        let store = try data.openStore()
        let catalogue = LessonCatalogue(lessons: lessons.catalogue(language), positions: try data.positions(store))
        var state: AppState
        if let reference = lesson {
            let lesson = try lessons.lesson(reference, language)
            let resume = step.map { $0 - 1 } ?? catalogue.resumeStep(of: lesson)
            state = AppState(screen: .player(PlayerState(lesson: lesson, step: resume)), width: 80, height: 24, language: language)
        } else {
            state = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: language)
        }
        state.catalogue = catalogue
        launch(state, screen: screen, runner: QuizRunner(store: store, lessons: catalogue.lessons, language: language),
               instead: lesson.map { "convtutor replay \($0) --plain" } ?? "convtutor lessons")
    }
}
