import TermCanvas

/// Draws the whole screen for `state` into a fresh buffer of the state's size.
public func view(_ state: AppState) -> CellBuffer {
    var buffer = CellBuffer(width: state.width, height: state.height)
    if state.isTooSmall {
        drawTooSmall(state, into: &buffer)
        return buffer
    }
    switch state.screen {
    case .home(let home): home.draw(into: &buffer)
    case .explorer(let explorer): explorer.draw(into: &buffer)
    case .lessons(let list): list.draw(into: &buffer)
    case .player(let player): player.draw(into: &buffer)
    case .quiz(let quiz): quiz.draw(into: &buffer)
    case .stats(let stats): stats.draw(into: &buffer)
    }
    if state.showingHelp { drawHelp(into: &buffer) }
    return buffer
}

/// Below the minimum size: what is needed, centred as well as the space allows.
private func drawTooSmall(_ state: AppState, into buffer: inout CellBuffer) {
    let (w, h) = AppState.minimumSize
    let lines = [
        "Please enlarge the terminal",
        "convtutor needs \(w)×\(h); this one is \(state.width)×\(state.height).",
        "Resize to continue; Ctrl-C quits.",
    ]
    let wrapped = lines.flatMap { TextLayout.wrap($0, width: max(1, state.width)) }
    let top = max(0, (state.height - wrapped.count) / 2)
    for (k, line) in wrapped.enumerated() {
        let x = max(0, (state.width - TextWidth.columns(line)) / 2)
        buffer.put(line, x: x, y: top + k, style: Style(bold: k == 0))
    }
}

/// Every key, over the current screen.
private func drawHelp(into buffer: inout CellBuffer) {
    let rows: [(String, String)] = [
        ("Anywhere", ""),
        ("  ?  q/Esc  Ctrl-C", "this help; back, or quit; quit at once"),
        ("Explorer: steps", ""),
        ("  → l / ← h", "next / previous cell"),
        ("  space  + / -", "play or pause; faster / slower"),
        ("  g / G  m / M", "first / last step; next / previous mode"),
        ("  v / r", "ramp or random values / next seed"),
        ("Explorer: cursor (Tab)", ""),
        ("  arrows, hjkl", "move: light what the cell reads or feeds"),
        ("  n / N  p  Enter", "next / previous grid; pin; type a value"),
        ("Explorer: parameters (e)", ""),
        ("  ↑ ↓ / ← →  b c u", "choose / change; bias, convention, undo"),
        ("Lessons", ""),
        ("  [ ] PgUp PgDn", "previous / next step;  ↑ ↓ scroll;  R restart"),
        ("  a  1–9  t", "play the next (k-th) animation; questions"),
        ("Quiz", ""),
        ("  a–z 1–9  Enter", "pick a choice; Enter sends a typed answer"),
        ("  a  Enter  q", "after an answer: replay it, next, finish"),
    ]
    let width = min(buffer.width - 4, 76)
    let height = rows.count + 3
    let box = Rect(x: (buffer.width - width) / 2, y: max(0, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(box)
    buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: box.x, y: box.y)
    for y in box.y + 1..<box.maxY - 1 {
        buffer.put("│", x: box.x, y: y)
        buffer.put("│", x: box.maxX - 1, y: y)
    }
    buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: box.x, y: box.maxY - 1)
    buffer.put(" Keys ", x: box.x + 2, y: box.y, style: Style(bold: true))
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: width - 4, height: height - 2)
    for (k, (key, meaning)) in rows.enumerated() {
        let y = box.y + 1 + k
        buffer.put(key, x: inner.x, y: y, style: Style(bold: meaning.isEmpty), clip: inner)
        buffer.put(meaning, x: inner.x + 26, y: y, clip: inner)
    }
}
