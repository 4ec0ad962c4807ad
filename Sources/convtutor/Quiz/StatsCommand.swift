import ArgumentParser
import Foundation
import Tutor

/// `convtutor stats`: lessons completed, accuracy by topic, reviews due today and this week, the
/// streak; as a screen, as text (`--plain`) or as JSON (`--json`).
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Your progress: lessons completed, accuracy by topic, reviews due, streak.")

    @OptionGroup var output: OutputFormat
    @OptionGroup var screen: ScreenOptions

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let language = lessons.language.language()
        let store = try data.openStore()
        let summaries = lessons.summaries(language, index: data.lessonIndex)
        let runner = QuizRunner(store: store, lessons: LessonOptions.lessons(of: summaries),
                                exercises: LessonOptions.exerciseSummaries(of: summaries), language: language)
        let summary: StatsSummary
        do {
            summary = try runner.stats(at: Date())
        } catch {
            throw LessonError(error.description)
        }
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // Dates as scripts read them (`2026-12-05T08:30:00Z`), not Foundation's seconds since 2001.
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else if output.plain {
            for line in summary.lines(language.catalogue) { print(line) }
        } else {
            launch(AppState(screen: .stats(StatsState(summary: summary)), width: 80, height: 24, language: language),
                   screen: screen.settings, runner: runner, instead: "convtutor stats --plain")
        }
    }
}
