import ArgumentParser
import Foundation
import LessonIndex
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
        return Language.of(environment: processEnvironment)
    }
}

extension Language: ExpressibleByArgument {}

/// Options shared by the commands that read lessons.
struct LessonOptions: ParsableArguments {
    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("lessons"), help: "A folder of your own lessons, added to the bundled ones (repeatable).")
    var folders: [String] = []

    /// The summaries of the bundled lessons and exercises and the learner's own, in `language`,
    /// the first file of each id kept; files with errors are left out (`convtutor check` reports
    /// them). Read through the lesson index at `index` (see `LessonIndex`): only files that
    /// changed since it was written are parsed.
    func summaries(_ language: Language, index: URL?) -> [LessonSummary] {
        Self.summaries(folders: folders, language, index: index)
    }

    /// The summaries of the bundled lessons and exercises and those in `folders` (`--lessons`).
    static func summaries(folders: [String], _ language: Language, index: URL?) -> [LessonSummary] {
        let files = sources(folders).flatMap { LessonLibrary.files(in: $0, language: language.rawValue) }
        let all = LessonIndex.summaries(of: files, index: index, read: LessonLibrary.bytes(atPath:)) { contents in
            zip(contents, LessonParser.parseAll(contents)).map { c, parsed in
                parsed.lesson.map { LessonIndex.Entry(summary: LessonSummary($0, file: c.file), questions: $0.quizzes.map(\.id)) }
            }
        }
        var seen = Set<String>()
        return all.compactMap { $0 }.filter { seen.insert($0.meta.id).inserted }
    }

    /// The exercises in `language`, parsed, in order.
    func exercises(_ language: Language, index: URL?) -> [Lesson] {
        Self.parse(Self.exerciseSummaries(of: summaries(language, index: index)))
    }

    /// The folders lessons are read from: the bundled one, then `folders` (`--lessons`).
    static func sources(_ folders: [String]) -> [URL] {
        (LessonLibrary.bundledFolder().map { [$0] } ?? []) + folders.map { URL(fileURLWithPath: $0) }
    }

    /// What the lesson index keeps the last list of `folders` in `language` under.
    static func snapshotKey(folders: [String], _ language: Language) -> String {
        LessonIndex.snapshotKey(language: language.rawValue, folders: sources(folders).map(\.path))
    }

    /// The lessons (not exercises) of `summaries`, in order.
    static func lessons(of summaries: [LessonSummary]) -> [LessonSummary] {
        summaries.filter { $0.meta.kind == .lesson }.sorted(by: inOrder)
    }

    /// The order of lists: by `order`, then id.
    private static func inOrder(_ a: LessonSummary, _ b: LessonSummary) -> Bool {
        (a.meta.order, a.meta.id) < (b.meta.order, b.meta.id)
    }

    /// The exercises of `summaries`, in order.
    static func exerciseSummaries(of summaries: [LessonSummary]) -> [LessonSummary] {
        summaries.filter { $0.meta.kind == .exercise }.sorted(by: inOrder)
    }

    /// The question ids of each of `lessons`, in order: from the lesson index when it has them (as
    /// `summaries` left it this start), else from the file, parsed.
    static func questions(of lessons: [LessonSummary], index: URL?) -> [[String]] {
        let indexed = index.map { LessonIndex.questions(ofFiles: lessons.map(\.file), index: $0) } ?? [:]
        let missing = lessons.filter { indexed[$0.file] == nil }
        let parsed = Dictionary(parse(missing).map { ($0.meta.id, $0.quizzes.map(\.id)) }) { first, _ in first }
        return lessons.map { indexed[$0.file] ?? parsed[$0.meta.id] ?? [] }
    }

    /// The lessons of `summaries` parsed in full, in order, on every core; a file that no longer
    /// parses is left out.
    static func parse(_ summaries: [LessonSummary]) -> [Lesson] {
        LessonLibrary.loadAll(summaries.map { URL(fileURLWithPath: $0.file) }).compactMap(\.lesson)
    }

    /// A lesson by id (from the lessons in `language`) or by path (any markdown file).
    func lesson(_ reference: String, _ language: Language, index: URL?) throws -> Lesson {
        // A file named is opened only without a problem; a lesson of the list as the list has it.
        let named = reference.hasSuffix(".md") || FileManager.default.fileExists(atPath: reference)
        let file: URL
        if named {
            file = URL(fileURLWithPath: reference)
        } else {
            // In the order of the files, bundled first, as the error lists them.
            let all = summaries(language, index: index).filter { $0.meta.kind == .lesson }
            guard let summary = all.first(where: { $0.meta.id == reference }) else {
                throw LessonError(language.catalogue.command(.noLesson(id: reference, language: language.rawValue, known: all.map(\.meta.id))))
            }
            file = URL(fileURLWithPath: summary.file)
        }
        let (lesson, diagnostics) = LessonLibrary.load(file)
        guard let lesson, !named || diagnostics.isEmpty else {
            throw LessonError(diagnostics.map(\.description).joined(separator: "\n"))
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
        commandName: "learn",
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
        let opened = try lesson.map { try lessons.lesson($0, language, index: data.lessonIndex) }
        try TutorStart(lessons: lessons, language: language, data: data, practice: nil, screen: screen).open(on: { positions in
            guard let opened else { return .lessons(LessonListState()) }
            let resume = step.map { $0 - 1 } ?? positions[opened.meta.id]?.resumeStep(currentStepCount: opened.steps.count) ?? 0
            return .player(PlayerState(lesson: opened, step: resume))
        }, instead: lesson.map { "convtutor replay \($0) --plain" } ?? "convtutor lessons", opened: opened)
    }
}
