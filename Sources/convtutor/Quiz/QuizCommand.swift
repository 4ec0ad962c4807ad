import ArgumentParser
import Foundation
import QuizKit
import Tutor

/// `convtutor quiz`: due reviews first, then new questions from finished lessons, then generated
/// problems; on the screen, or with `--plain` as text on stdout with answers read from stdin.
struct Quiz: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (1...500).contains(count) else { throw ValidationError("--count: expected 1 to 500, got \(count)") }
    }

    func run() throws {
        let store = try data.openStore()
        let catalogue = lessons.catalogue()
        if let lesson, !catalogue.contains(where: { $0.meta.id == lesson }) {
            throw LessonError("no lesson with id '\(lesson)' in \(lessons.language); lessons: \(catalogue.map(\.meta.id).joined(separator: ", "))")
        }
        let runner = QuizRunner(store: store, lessons: catalogue,
                                options: QuizOptions(lesson: lesson, count: count, generated: generated, seed: seed))
        let questions: [Question]
        do {
            questions = try runner.plan(at: Date())
        } catch {
            throw LessonError(error.description)
        }
        if plain {
            throw ExitCode(runPlain(questions, runner))
        }
        var state = AppState(screen: .quiz(QuizState(questions: questions, lang: lessons.language)), width: 80, height: 24)
        state.catalogue = LessonCatalogue(lessons: catalogue, positions: try data.positions(store))
        launch(state, noColor: noColor, runner: runner)
    }

    /// The session as text: each question printed, its answer read from stdin (refused answers
    /// asked again with the hint), graded, saved, explained. Returns the exit status: 0, or 1 when
    /// an answer could not be saved.
    private func runPlain(_ questions: [Question], _ runner: QuizRunner) -> Int32 {
        var verdicts: [Verdict] = []
        let lang = lessons.language
        let words = QuizWords(lang: lang)
        func say(_ lines: [String]) {
            for line in lines { print(line) }
            fflush(nil)
        }
        if questions.isEmpty {
            say(words.plainNothing)
            return 0
        }
        session: for (k, q) in questions.enumerated() {
            say(QuizPlain.question(q, number: k + 1, of: questions.count, words) + [QuizPlain.ask(q, words)])
            _ = runner.perform(.questionShown(id: q.id))
            var response: Response?
            while response == nil {
                guard let line = readLine() else { break session }
                if case .open = q.kind {
                    say(QuizPlain.reveal(q, words))
                    var rating: Rating?
                    while rating == nil {
                        guard let grade = readLine() else { break session }
                        switch Question.readRating(grade, lang: lang) {
                        case .success(let r): rating = r
                        case .failure(let refusal): say(["! " + refusal.hint])
                        }
                    }
                    response = .selfGraded(answer: line, rating!)
                } else {
                    switch q.read(line, lang: lang) {
                    case .success(let r): response = r
                    case .failure(let refusal): say(["! " + refusal.hint])
                    }
                }
            }
            guard let response else { break }
            let verdict = q.grade(response)
            verdicts.append(verdict)
            var next: String?
            for case .reviewScheduled(_, let text) in runner.perform(.recordAnswer(QuizAnswer(q, verdict))) { next = text }
            say(QuizPlain.verdict(q, verdict, next: next, words))
        }
        say(QuizPlain.summary(verdicts, of: questions.count, words))
        if let failure = runner.failure {
            FileHandle.standardError.write(Data("convtutor: answers not saved: \(failure)\n".utf8))
            return 1
        }
        return 0
    }
}
