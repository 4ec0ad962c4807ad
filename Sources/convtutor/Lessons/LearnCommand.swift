import ArgumentParser
import Foundation
import LessonKit
import Tutor

/// Options shared by the commands that read lessons.
struct LessonOptions: ParsableArguments {
    @Option(help: "Lesson language: en or zh (default: from LC_ALL/LANG, else en).")
    var lang: String?

    @Option(name: .customLong("lessons"), help: "A folder of your own lessons, added to the bundled ones (repeatable).")
    var folders: [String] = []

    var language: String { lang ?? LessonLibrary.language() }

    func validate() throws {
        if let lang, !["en", "zh"].contains(lang) { throw ValidationError("--lang: expected en or zh, got \(lang)") }
    }

    /// The bundled lessons and the learner's own, in the language; files with errors are left
    /// out (`convtutor check` reports them).
    func catalogue() -> [Lesson] {
        let folders = (LessonLibrary.bundledFolder().map { [$0] } ?? []) + self.folders.map { URL(fileURLWithPath: $0) }
        var seen = Set<String>()
        var lessons: [Lesson] = []
        let files = folders.flatMap { LessonLibrary.files(in: $0, language: language) }
        for (lesson, _) in LessonLibrary.loadAll(files) {
            guard let lesson, seen.insert(lesson.meta.id).inserted else { continue }
            lessons.append(lesson)
        }
        return lessons
    }

    /// A lesson by id (from the catalogue) or by path (any markdown file).
    func lesson(_ reference: String) throws -> Lesson {
        if reference.hasSuffix(".md") || FileManager.default.fileExists(atPath: reference) {
            let (lesson, diagnostics) = LessonLibrary.load(URL(fileURLWithPath: reference))
            guard let lesson, diagnostics.isEmpty else {
                throw LessonError(diagnostics.map(\.description).joined(separator: "\n"))
            }
            return lesson
        }
        let all = catalogue()
        guard let lesson = all.first(where: { $0.meta.id == reference }) else {
            throw LessonError("no lesson with id '\(reference)' in \(language); lessons: \(all.map(\.meta.id).joined(separator: ", "))")
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
        discussion: "Keys: [ and ] (or PgUp/PgDn) change step, ↑/↓ scroll, a plays the step's animation, t answers the step's questions (graded and scheduled for review), R restarts, q quits. Reopening a lesson resumes where you left it.")

    @Argument(help: "A lesson id (e.g. padding) or the path of a lesson file.")
    var lesson: String?

    @Option(help: "Open on this step (1-based) instead of where you left off.")
    var step: Int?

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        let store = try data.openStore()
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24)
        state.catalogue = LessonCatalogue(lessons: lessons.catalogue(), positions: try data.positions(store))
        if let reference = lesson {
            let lesson = try lessons.lesson(reference)
            let resume = step.map { $0 - 1 } ?? state.catalogue.positions[lesson.meta.id]?.step ?? 0
            state.screen = .player(PlayerState(lesson: lesson, step: resume))
        } else {
            state.screen = .lessons(LessonListState(catalogue: state.catalogue))
        }
        launch(state, noColor: noColor, runner: QuizRunner(store: store, lessons: state.catalogue.lessons))
    }
}
