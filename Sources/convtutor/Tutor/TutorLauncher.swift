import CursesBackend
import Foundation
import Tutor

/// Opens the terminal, runs the tutor from `state`, restores the terminal, and exits with the
/// tutor's status. A terminal that cannot run the screen gets one line of explanation and
/// status 2.
func launch(_ state: AppState, noColor: Bool) -> Never {
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal.open(noColor: noColor)
    } catch {
        FileHandle.standardError.write(Data("convtutor: \(error.description)\n".utf8))
        exit(2)
    }
    var backend = terminal
    let status = run(state, on: &backend)
    terminal.close()
    exit(status)
}
