import ArgumentParser
import Foundation
import LessonKit
import Tutor

/// `convtutor replay`: a lesson played through without a screen, as text or as a recording.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a lesson through without a screen: as linear text (--plain) or as an asciicast recording (--cast FILE).")

    @Argument(help: "A lesson id or the path of a lesson file.")
    var lesson: String

    @Flag(help: "Print the whole lesson as linear text: every step, every animation frame, every question.")
    var plain = false

    @Option(help: "Write an asciicast v2 recording of the lesson played through to this file.")
    var cast: String?

    @Option(help: "Width of the recording, in columns (at least 80).")
    var width = 100

    @Option(help: "Height of the recording, in rows (at least 24).")
    var height = 30

    @OptionGroup var lessons: LessonOptions

    func validate() throws {
        guard plain != (cast != nil) else { throw ValidationError("choose one of --plain and --cast FILE") }
        guard (80...400).contains(width), (24...200).contains(height) else {
            throw ValidationError("--width must be 80–400 and --height 24–200 (the tutor's full layout needs 80×24)")
        }
    }

    func run() throws {
        let language = lessons.language.language(lessonFile: lesson)
        let lesson = try lessons.lesson(self.lesson, language, index: DataOptions.defaultLessonIndex)
        guard let cast else {
            print(LessonReplay.plainLines(lesson, language.catalogue).joined(separator: "\n"))
            return
        }
        let recording = CastRecording.record(lesson, width: width, height: height, language: language)
        do {
            try Data(recording.utf8).write(to: URL(fileURLWithPath: cast))
        } catch {
            throw LessonError(language.catalogue.command(.cannotWrite(path: cast, reason: error.localizedDescription)))
        }
    }
}
