import ArgumentParser
import Foundation
import LessonKit
import QuizKit
import Tutor

/// `convtutor lessons`: the lessons as a plain list (number, id, title, steps, progress), or as
/// JSON for scripts; the ids are what `learn` and `replay` take.
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons: number, id, title, steps and your progress (--json for scripts).")

    @Flag(help: "JSON on stdout: one object per lesson.")
    var json = false

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let language = lessons.language.language()
        let t = language.catalogue
        let store = try data.openStore()
        let catalogue = LessonCatalogue(lessons: LessonOptions.lessons(of: lessons.summaries(language, index: data.lessonIndex)),
                                        positions: try DataOptions.positions(store))
        if json {
            let entries = catalogue.lessons.map { lesson in
                Entry(number: lesson.meta.order, id: lesson.meta.id, title: lesson.meta.title, steps: lesson.stepCount,
                      position: catalogue.positions[lesson.meta.id].map {
                          Entry.Progress(step: $0.step + 1, completed: $0.completed)
                      })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        guard !catalogue.lessons.isEmpty else {
            print(t.lesson(.noLessons))
            return
        }
        let idWidth = catalogue.lessons.map(\.meta.id.count).max() ?? 0
        for lesson in catalogue.lessons {
            let number = String(lesson.meta.order).leftPadded(to: 3)
            let id = lesson.meta.id + String(repeating: " ", count: idWidth - lesson.meta.id.count)
            let mark = LessonListState.mark(catalogue.positions[lesson.meta.id], t)
            print("\(number)  \(id)  \(lesson.meta.title)  ·  \(t.lesson(.steps(lesson.stepCount)))  ·  \(mark)")
        }
    }

    /// One lesson as JSON: `progress` is absent for a lesson never opened.
    struct Entry: Encodable {
        var number: Int
        var id: String
        var title: String
        var steps: Int
        var position: Progress?

        /// The step the learner is on (from 1) and whether the lesson was completed.
        struct Progress: Encodable {
            var step: Int
            var completed: Bool
        }

        private enum CodingKeys: String, CodingKey {
            case number, id, title, steps, position = "progress"
        }
    }
}
