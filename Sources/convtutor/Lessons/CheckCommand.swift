import ArgumentParser
import Foundation
import LessonKit
import Tutor

/// `convtutor check`: every problem in lesson files, as `file:line:column: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lesson files (or folders of them) and report every problem as file:line:column: message.",
        discussion: "Checks the front matter, the markdown, every animation against the compute core, every quiz, and that an en lesson and its zh twin have the same steps and quiz ids. Exits 1 if there is any problem.")

    @Argument(help: "Lesson files or folders.")
    var paths: [String]

    func run() throws {
        let files = LessonLibrary.files(under: paths)
        var diagnostics: [Diagnostic] = []
        var parsed: [(file: String, lesson: Lesson)] = []
        for file in files {
            let (lesson, problems) = LessonLibrary.load(file)
            diagnostics += problems
            if let lesson {
                diagnostics += LessonCheck.animations(of: lesson, file: file.path)
                parsed.append((file.path, lesson))
            }
        }
        diagnostics += translationProblems(parsed)
        for d in diagnostics { print(d.description) }
        if !diagnostics.isEmpty { throw ExitCode.failure }
        FileHandle.standardError.write(Data("checked \(files.count) lesson file\(files.count == 1 ? "" : "s"): no problems\n".utf8))
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
