import ArgumentParser
import Foundation
import LessonKit
import Localization
import Scenes
import Tutor

/// `convtutor check`: every problem in lesson files, as `file:line:column: message`; errors make
/// it exit 1, warnings (a Chinese lesson's rejected variant of an agreed term) do not.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check lesson files (or folders of them) and report every problem as file:line:column: message.",
        discussion: "Checks the front matter, the markdown, every animation and computed number against the compute core, every quiz, that nothing is cut when the lesson plays in an 80x24 terminal (or --terminal), and that an en lesson and its zh twin have the same steps and quiz ids. Warns, as file:line:column: warning: message, where a zh lesson (lang: zh, whatever --lang says) uses a rejected variant of an agreed Chinese term (the glossary of Lessons/README.md). Exits 1 if there is any error; warnings alone exit 0.")

    @Argument(help: "Lesson files or folders.")
    var paths: [String]

    @Option(help: ArgumentHelp("The smallest terminal the lessons must play in without cutting text, as WIDTHxHEIGHT.", valueName: "size"))
    var terminal: String = "80x24"

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard terminalSize != nil else {
            throw ValidationError("--terminal: expected WIDTHxHEIGHT of at least 80x24, e.g. 100x30, got '\(terminal)'")
        }
    }

    /// `--terminal` as numbers, when it is at least 80×24 (the player's minimum).
    private var terminalSize: (width: Int, height: Int)? {
        let parts = terminal.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 80, parts[1] >= 24, parts[0] <= 1000, parts[1] <= 1000 else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        let size = terminalSize ?? (80, 24)
        let files = LessonLibrary.files(under: paths)
        let loaded = Array(zip(files, LessonLibrary.loadAll(files, forCheck: true)))
        // Each file's checks are independent and pure: every core takes files.
        var diagnostics = loaded.concurrentMap { file, result -> [Diagnostic] in
            guard let lesson = result.lesson else { return result.diagnostics }
            var found = result.diagnostics
            found += LessonCheck.animations(of: lesson, file: file.path)
            found += LessonCheck.computations(of: lesson, file: file.path)
            found += LessonCheck.exercise(of: lesson, file: file.path)
            found += LessonCheck.layout(of: lesson, file: file.path, width: size.width, height: size.height)
            if lesson.meta.lang == "zh", let text = LessonLibrary.text(of: file) {
                found += LessonLint.terminology(of: text, file: file.path)
            }
            return found
        }.flatMap { $0 }
        // A body read under a stand-in front matter has no twin to compare with.
        let parsed = loaded.compactMap { file, result in
            result.lesson.flatMap { $0.meta != LessonLibrary.standIn(for: file) ? (file.path, $0) : nil }
        }
        diagnostics += translationProblems(parsed)
        // Every problem of a file together, in the order of the text.
        diagnostics.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        for d in diagnostics { print(d.description) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        let t = language.language().catalogue
        let summary: CommandPhrase = diagnostics.isEmpty
            ? .checked(files: files.count) : .checkedWithWarnings(files: files.count, warnings: diagnostics.count)
        FileHandle.standardError.write(Data("\(t.command(summary))\n".utf8))
    }

    /// An `en` lesson and the `zh` lesson with the same id must have the same steps and quiz ids.
    private func translationProblems(_ lessons: [(file: String, lesson: Lesson)]) -> [Diagnostic] {
        let english = lessons.filter { $0.lesson.meta.lang == "en" }
        var problems: [Diagnostic] = []
        for zh in lessons where zh.lesson.meta.lang == "zh" {
            guard let en = english.first(where: { $0.lesson.meta.id == zh.lesson.meta.id }) else { continue }
            problems += LessonLint.compareTranslations(en.lesson, enFile: en.file, zh.lesson, zhFile: zh.file)
        }
        return problems
    }
}
