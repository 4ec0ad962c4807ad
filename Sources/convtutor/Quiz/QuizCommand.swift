import ArgumentParser
import Foundation
import Localization
import QuizKit
import Tutor

/// `convtutor quiz`: due reviews first, then new questions from finished lessons, then generated
/// problems; on the screen, or with `--plain` as text on stdout with answers read from stdin.
struct Quiz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Answer questions: due reviews first, then new ones from finished lessons, then generated problems.",
        discussion: """
            Every answer is saved at once and its card scheduled with FSRS: wrong answers come back soon, right ones later. \
            Keys: a–z or 1–9 pick a choice, type numbers and press Enter, a replays the computation after an answer, q finishes. \
            With --plain, questions go to stdout and answers are read line by line from stdin (end of input ends the session).
            """)

    @Option(help: "Only the questions of this lesson (by id), finished or not.")
    var lesson: String?

    @Option(help: "How many questions at most.")
    var count = 20

    @Flag(help: "Only generated problems (output sizes, counts, cells, gradients, …).")
    var generated = false

    @Option(help: "Seed for the generated problems (default: from the clock).")
    var seed: UInt64?

    @Flag(help: "Text on stdout, answers from stdin: for screen readers and scripts.")
    var plain = false

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (1...500).contains(count) else { throw ValidationError("--count: expected 1 to 500, got \(count)") }
    }

    func run() throws {
        let language = lessons.language.language()
        let t = language.catalogue
        let store = try data.openStore()
        let catalogue = LessonOptions.lessons(of: lessons.summaries(language, index: data.lessonIndex))
        if let lesson, !catalogue.contains(where: { $0.meta.id == lesson }) {
            throw LessonError(t.command(.noLesson(id: lesson, language: language.rawValue, known: catalogue.map(\.meta.id))))
        }
        let runner = QuizRunner(store: store, lessons: catalogue, index: data.lessonIndex, language: language,
                                options: QuizOptions(lesson: lesson, count: count, generated: generated, seed: seed))
        let questions: [Question]
        do {
            questions = try runner.plan(at: Date())
        } catch {
            throw LessonError(error.description)
        }
        if plain {
            throw ExitCode(runPlain(questions, runner, t))
        }
        var state = AppState(screen: .quiz(QuizState(questions: questions)), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: catalogue, positions: try DataOptions.positions(store))
        launch(state, screen: screen.settings, runner: runner, instead: "convtutor quiz --plain")
    }

    /// The session as text, through the same engine as the screen: each question printed, its
    /// answer read from stdin (refused answers asked again with the hint), graded, saved,
    /// explained. Returns the exit status: 0, or 1 when an answer could not be saved.
    private func runPlain(_ questions: [Question], _ runner: QuizRunner, _ t: any Catalogue) -> Int32 {
        var session = QuizSession(questions: questions)
        func say(_ lines: [String]) {
            for line in lines { print(line) }
            fflush(nil)
        }
        if questions.isEmpty {
            say([t.quiz(.nothingToAsk)])
            return 0
        }
        session: while let q = session.current {
            say(QuizPlain.question(q, number: session.index + 1, of: questions.count, topic: runner.name(of: q.topic), t)
                + [QuizPlain.ask(q, t)])
            var intervals: [ReviewInterval]?
            for case .questionInfo(_, let info) in runner.perform(.questionShown(id: q.id)) { intervals = info.intervals }
            var verdict: Verdict?
            while verdict == nil {
                guard let line = readLine() else { break session }
                if case .open = q.kind {
                    say(QuizPlain.reveal(q, intervals: intervals, t))
                    while verdict == nil {
                        guard let grade = readLine() else { break session }
                        switch session.grade(grade, answer: line) {
                        case .success(let v): verdict = v
                        case .failure(let refusal): say([QuizPlain.refused(refusal, t)])
                        }
                    }
                } else {
                    switch session.submit(line) {
                    case .success(let v)?: verdict = v
                    case .failure(let refusal)?: say([QuizPlain.refused(refusal, t)])
                    case nil: break session
                    }
                }
            }
            guard let verdict else { break }
            var outcome: ReviewOutcome?
            for case .reviewScheduled(_, let o) in runner.perform(.recordAnswer(QuizAnswer(q, verdict))) { outcome = o }
            say(QuizPlain.verdict(q, verdict, outcome: outcome, t))
            session.advance()
        }
        say(QuizPlain.summary(session, t))
        if let failure = runner.failure {
            FileHandle.standardError.write(Data("convtutor: \(t.command(.answersNotSaved(failure)))\n".utf8))
            return 1
        }
        return 0
    }
}
