import CursesBackend
import Foundation
import Localization
import ProgressStore
import Tutor

/// Opens the terminal as `screen` asks, runs the tutor from `state`, restores the terminal, and
/// exits with the tutor's status. A terminal that cannot run the screen gets one line of explanation, naming the
/// command that gives the same as text (`instead`) when there is one, and status 2. Effects that
/// need files or the clock go to `runner` as they happen (so a confirmed answer is on disk before
/// the next frame); a failure to save is reported once the screen is closed. The colours the
/// terminal opened with (`--no-color`, `NO_COLOR`, its capability) are the state's from then on.
/// `afterFirstFrame` reads what the first screen does not draw; its messages are applied before
/// the first key.
func launch(_ state: AppState, screen: ScreenSettings, runner: QuizRunner? = nil, instead: String? = nil,
            afterFirstFrame: () -> [Msg] = { [] }) -> Never {
    let t = state.language.catalogue
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal.open(noColor: screen.noColor, mouse: !screen.noMouse)
    } catch {
        FileHandle.standardError.write(Data("convtutor: \(t.command(.terminal(error.problem, instead: instead)))\n".utf8))
        exit(2)
    }
    var backend = terminal
    var state = state
    state.colors = terminal.colorSupport
    let start: [Effect] = if case .quiz(let quiz) = state.screen { quiz.startEffects } else { [] }
    let status = run(state, on: &backend, startEffects: start, afterFirstFrame: afterFirstFrame, perform: { runner?.perform($0) ?? [] },
                     background: runner.map { runner in (interval: { runner.interval }, collect: runner.collect) })
    terminal.close()
    if let failure = runner?.failure {
        FileHandle.standardError.write(Data("convtutor: \(t.command(.progressNotSaved(failure)))\n".utf8))
    }
    exit(status)
}

extension TerminalError {
    /// The problem as the catalogue names it.
    var problem: TerminalProblem {
        switch self {
        case .notATerminal: .notATerminal
        case .termUnset: .termUnset
        case .cannotAddressCursor(let term): .cannotAddressCursor(term: term)
        case .unknownTerm(let term): .unknownTerm(term)
        }
    }
}
