import TermCanvas
import Tutor

/// Runs the application on a terminal until it asks to quit, and returns the exit status.
///
/// The loop draws a frame, then blocks on input — with a time-out only while an animation tick is
/// due, so an idle tutor uses no CPU — and feeds what happened to `update`. Progress effects go to
/// `persist` as they happen, so a kill loses at most the change in flight.
func run(_ initial: AppState, on terminal: inout some TerminalBackend, persist: (Effect) -> Void = { _ in }) -> Int32 {
    var state = initial
    let size = terminal.size
    _ = update(&state, .resize(width: size.width, height: size.height))
    let clock = ContinuousClock()
    var previous: CellBuffer?
    var tickDue: ContinuousClock.Instant?
    while true {
        let frame = view(state)
        terminal.draw(BufferDiff.changes(from: previous, to: frame))
        terminal.present()
        previous = frame

        var message: Msg?
        let timeout = tickDue.map { max(0, seconds(clock.now.duration(to: $0))) }
        switch terminal.nextEvent(timeout: timeout) {
        case .key(let key)?: message = .key(key)
        case .resize(let width, let height)?: message = .resize(width: width, height: height)
        case nil:
            if let due = tickDue, clock.now >= due {
                tickDue = nil
                message = .tick
            }
        }
        guard let message else { continue }
        for effect in update(&state, message) {
            switch effect {
            case .scheduleTick(let after): tickDue = clock.now.advanced(by: .milliseconds(Int(after * 1000)))
            case .quit(let status): return status
            case .saveProgress, .markCompleted: persist(effect)
            }
        }
    }
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
