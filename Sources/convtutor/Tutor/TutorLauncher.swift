import CursesBackend
import Foundation
import ProgressStore
import Tutor

/// Opens the terminal, runs the tutor from `state`, restores the terminal, and exits with the
/// tutor's status. A terminal that cannot run the screen gets one line of explanation and
/// status 2. Progress effects are saved in `store` as they happen; a failure to save is reported
/// once the screen is closed.
func launch(_ state: AppState, noColor: Bool, store: ProgressStore? = nil) -> Never {
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal.open(noColor: noColor)
    } catch {
        FileHandle.standardError.write(Data("convtutor: \(error.description)\n".utf8))
        exit(2)
    }
    var backend = terminal
    var failure: String?
    let status = run(state, on: &backend) { effect in
        if let problem = store?.perform(effect), failure == nil { failure = problem }
    }
    terminal.close()
    if let failure {
        FileHandle.standardError.write(Data("convtutor: progress not saved: \(failure)\n".utf8))
    }
    exit(status)
}
