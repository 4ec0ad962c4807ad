import TermCanvas
import Tutor

/// Runs the application on a terminal until it asks to quit, and returns the exit status.
///
/// The loop draws a frame, then blocks on input — with a time-out only while an animation tick is
/// due, so an idle tutor uses no CPU — and feeds what happened to `update`. Effects that touch
/// files or the clock (progress, answers, choosing questions, stats) go to `perform` as they
/// happen, so a kill loses at most the change in flight; the messages it answers with are fed
/// back to `update` before the next frame. Work that answers later (a practice check, a watched
/// file) is looked at every `background.interval` seconds while there is any, and what it has to
/// say is fed to `update` the same way. `afterFirstFrame` runs once, when the first frame is on
/// screen and before the first key is read: what it answers is fed to `update` like a reply.
func run(_ initial: AppState, on terminal: inout some TerminalBackend, startEffects: [Effect] = [],
         afterFirstFrame: () -> [Msg] = { [] },
         perform: (Effect) -> [Msg] = { _ in [] },
         background: (interval: () -> Double?, collect: () -> [Msg])? = nil) -> Int32 {
    var state = initial
    let size = terminal.size
    _ = update(&state, .resize(width: size.width, height: size.height))
    let clock = ContinuousClock()
    // The terminal starts blank (the backend clears it), so the first frame sends only the cells
    // that are not: a few hundred of home's 4,800 at 120x40.
    var previous: CellBuffer? = CellBuffer(width: size.width, height: size.height)
    var tickDue: ContinuousClock.Instant?
    /// Carries out effects, feeding the messages they answer with back to `update`; returns the
    /// exit status once an effect asks to quit.
    func apply(_ effects: [Effect]) -> Int32? {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .scheduleTick(let after): tickDue = clock.now.advanced(by: .milliseconds(Int(after * 1000)))
            case .quit(let status): return status
            default:
                for reply in perform(effect) { queue += update(&state, reply) }
            }
        }
        return nil
    }
    // The first screen's own effects (a quiz starts its first question's clock).
    if let status = apply(startEffects) { return status }
    var first = true
    while true {
        let frame = view(state)
        terminal.draw(BufferDiff.changes(from: previous, to: frame))
        terminal.present()
        previous = frame
        if first {
            first = false
            let replies = afterFirstFrame()
            if !replies.isEmpty {
                for reply in replies {
                    if let status = apply(update(&state, reply)) { return status }
                }
                continue  // draw what they changed
            }
        }

        var message: Msg?
        let timeout = [tickDue.map { max(0, seconds(clock.now.duration(to: $0))) }, background?.interval()].compactMap { $0 }.min()
        let event = terminal.nextEvent(timeout: timeout)
        for reply in background?.collect() ?? [] {
            if let status = apply(update(&state, reply)) { return status }
        }
        switch event {
        case .key(let key)?: message = .key(key)
        case .resize(let width, let height)?: message = .resize(width: width, height: height)
        case .mouse(let event)?: message = .mouse(event)
        case nil:
            if let due = tickDue, clock.now >= due {
                tickDue = nil
                message = .tick
            }
        }
        guard let message else { continue }
        if let status = apply(update(&state, message)) { return status }
    }
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
