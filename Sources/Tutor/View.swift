import Localization
import TermCanvas

/// Draws the whole screen for `state` into a fresh buffer of the state's size.
public func view(_ state: AppState) -> CellBuffer {
    frame(state).buffer
}

/// The whole screen for `state`, and what a click at each place would land on.
func frame(_ state: AppState) -> (buffer: CellBuffer, hits: Hits) {
    var buffer = CellBuffer(width: state.width, height: state.height)
    var hits = Hits()
    let t = state.language.catalogue
    if state.isTooSmall {
        drawTooSmall(state, t, into: &buffer)
        return (buffer, hits)
    }
    switch state.screen {
    case .home(let home): home.draw(into: &buffer, hits: &hits, t)
    case .explorer(let explorer): explorer.draw(into: &buffer, hits: &hits, t, tinted: state.colors.showsTint)
    case .lessons(let list): list.draw(list.items(state.catalogue, state.practice, t), into: &buffer, hits: &hits, t)
    case .player(let player): player.draw(into: &buffer, hits: &hits, t, tinted: state.colors.showsTint)
    case .quiz(let quiz): quiz.draw(into: &buffer, hits: &hits, t, tinted: state.colors.showsTint)
    case .stats(let stats): stats.draw(into: &buffer, t)
    case .exercise(let exercise):
        exercise.draw(into: &buffer, hits: &hits, status: state.practice.status(of: exercise.id), t, tinted: state.colors.showsTint)
    }
    if let help = state.help {
        // The page hides the screen, and what could be clicked on it.
        drawHelp(help, into: &buffer, t)
        hits = Hits()
    }
    // In place of the hint line, until the next key; a notice longer than a line (a lesson's
    // long path) takes the rows above it too, up to a third of the screen, so the path is whole.
    let notice = state.ignoredKey.map { t.screen(.keyDoesNothing($0.written(t))) }
        ?? state.unopened.map { t.lesson(.cannotOpen(title: $0.meta.title, file: $0.file)) }
    if let notice {
        let wrapped = Paragraph.wrap(notice, width: buffer.width - 2, style: Style(bold: true))
        let lines = Array(wrapped.prefix(max(1, buffer.height / 3)))
        let top = buffer.height - lines.count
        buffer.fill(Rect(x: 0, y: top, width: buffer.width, height: lines.count))
        for (k, line) in lines.enumerated() {
            buffer.put(line, x: 1, y: top + k)
        }
    }
    return (buffer, hits)
}

/// Below the minimum size: what is needed, centred as well as the space allows.
private func drawTooSmall(_ state: AppState, _ t: any Catalogue, into buffer: inout CellBuffer) {
    let (w, h) = AppState.minimumSize
    let paragraphs = [
        t.screen(.enlarge),
        t.screen(.needs(width: w, height: h, hasWidth: state.width, hasHeight: state.height)),
        t.screen(.resizeToContinue),
    ]
    let lines = paragraphs.enumerated().flatMap { k, text in
        Paragraph.wrap(text, width: max(1, state.width), style: Style(bold: k == 0))
    }
    let top = max(0, (state.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
        buffer.put(line, x: max(0, (state.width - line.columns) / 2), y: top + k)
    }
}

// MARK: Help

/// The help box's width and height on a screen of `width` and `height`.
func helpWidth(_ width: Int) -> Int { min(width - 4, 76) }
func helpHeight(_ height: Int) -> Int { height - 2 }

/// Every key of the keymap, group by group: a heading, then one line per row, the keys in a column
/// of their own and the description wrapped beside them.
func helpLines(_ t: any Catalogue, width: Int) -> [StyledLine] {
    let keyColumn = 22
    var lines: [StyledLine] = []
    for (group, rows) in helpGroups() {
        if !lines.isEmpty { lines.append([]) }
        lines.append([Span(t.screen(.keysHeading(group)), Style(bold: true))])
        for row in rows {
            let keys = row.keys(t)
            let description = Paragraph.wrap(t.key(row.help), width: width - keyColumn)
            for (n, text) in description.enumerated() {
                let label = n == 0 ? TextLayout.truncate("  " + keys, width: keyColumn - 1) : ""
                lines.append([Span(label + String(repeating: " ", count: keyColumn - TextWidth.columns(label)), Style(bold: true))] + text)
            }
        }
    }
    return lines
}

/// Every key as markdown, group by group: the README's key tables, made from the keymap as the
/// help page is.
public func keymapMarkdown(_ t: any Catalogue) -> String {
    helpGroups().map { group, rows in
        let lines = rows.map { row in
            let keys = row.keys(t)
            return "| `\(keys.replacingOccurrences(of: "|", with: "\\|"))` | \(t.key(row.help)) |"
        }
        return (["**\(t.screen(.keysHeading(group)))**", "", "| keys | does |", "|---|---|"] + lines).joined(separator: "\n")
    }.joined(separator: "\n\n")
}

/// The keymap's rows in the help page's groups (a question kind's keys shown once).
private func helpGroups() -> [(KeyGroup, [KeyRow])] {
    let anywhere = [KeyRow("?", [(.character("?"), .help)], .help),
                    KeyRow("q/Esc", [(.character("q"), .back), (.escape, .back)], .back),
                    KeyRow("Ctrl-C", [(.control("c"), .quitNow)], .quitNow)]
    // The mouse binds no key: its rows only describe it.
    let mouse = [KeyRow([.named(.click)], [], .clickTarget), KeyRow([.named(.wheel)], [], .wheelScroll)]
    let lesson = Keymap.rows(.lesson(animations: 9, questions: true))
    let asking = Keymap.rows(.quizChoice(count: 4)) + Keymap.rows(.quizChoices(count: 4)) + Keymap.rows(.quizNumber)
        + Keymap.rows(.quizCells) + Keymap.rows(.quizGrade)
    var seen = Set<String>()
    let distinct = asking.filter { row in seen.insert("\(row.label)|\(row.help)").inserted }
    let withoutClosing = { (rows: [KeyRow]) in rows.filter { $0.help != .help && $0.help != .back && $0.help != .quit } }
    return [
        (.anywhere, anywhere),
        (.mouse, mouse),
        (.home, withoutClosing(Keymap.rows(.home))),
        (.lessonList, withoutClosing(Keymap.rows(.lessonList))),
        (.lesson, withoutClosing(lesson)),
        (.exercise, withoutClosing(Keymap.rows(.exercise(explore: true)))),
        (.explorerSteps, withoutClosing(Keymap.rows(.explorerSteps))),
        (.explorerCursor, withoutClosing(Keymap.rows(.explorerCursor))),
        (.explorerParameters, withoutClosing(Keymap.rows(.explorerParameters))),
        (.explorerValue, Keymap.rows(.explorerValue)),
        (.quizAsking, distinct.filter { $0.help != .help }),
        (.quizAnswered, withoutClosing(Keymap.rows(.quizAnswered(replay: true)))),
    ]
}

/// The help page over the current screen, in a box, scrolled to `position`.
private func drawHelp(_ position: ScrollPosition, into buffer: inout CellBuffer, _ t: any Catalogue) {
    let width = helpWidth(buffer.width)
    let height = helpHeight(buffer.height)
    let box = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
    // The page stands alone: what was under it would show in the margins, half a wide character
    // at a time.
    buffer.fill(buffer.area)
    buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: box.x, y: box.y)
    for y in box.y + 1..<box.maxY - 1 {
        buffer.put("│", x: box.x, y: y)
        buffer.put("│", x: box.maxX - 1, y: y)
    }
    buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: box.x, y: box.maxY - 1)
    buffer.put(" \(t.screen(.keysTitle)) ", x: box.x + 2, y: box.y, style: Style(bold: true))
    let close = " \(t.screen(.anyKeyCloses)) "
    buffer.put(close, x: box.maxX - 2 - TextWidth.columns(close), y: box.maxY - 1, style: Style(dim: true))
    let inner = Rect(x: box.x + 2, y: box.y + 1, width: width - 3, height: height - 2)
    ScrollView(lines: helpLines(t, width: width - 4), position: position).draw(into: &buffer, inner)
}
