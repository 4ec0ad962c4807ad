import TermCanvas

/// Lines a notch of the mouse wheel scrolls.
let wheelLines = 3

/// Applies a mouse event. A press acts on what the frame shows under it, as that thing's keys
/// would (open an entry, answer a choice, put the cursor on a grid cell); a press on nothing does
/// nothing. The wheel scrolls the help page or the screen's text, three lines a notch.
func respond(to event: MouseEvent, _ state: inout AppState) -> [Effect] {
    state.ignoredKey = nil
    state.unopened = nil
    guard !state.isTooSmall else { return [] }
    switch event.kind {
    case .wheelUp:
        scroll(.lines(-wheelLines), &state)
        return []
    case .wheelDown:
        scroll(.lines(wheelLines), &state)
        return []
    case .press:
        guard let target = frame(state).hits.target(atX: event.x, y: event.y) else { return [] }
        return click(target, &state)
    }
}

/// Acts on a target of the current frame.
private func click(_ target: HitTarget, _ state: inout AppState) -> [Effect] {
    let viewport = state.viewport
    let t = state.language.catalogue
    switch (state.screen, target) {
    case (.home(var home), .homeEntry(let entry)):
        let outcome = home.click(entry)
        state.screen = .home(home)
        return follow(outcome, &state)
    case (.lessons(var list), .lessonRow(let k)):
        let outcome = list.click(k, count: list.kind == .lessons ? state.catalogue.lessons.count : state.practice.exercises.count)
        state.screen = .lessons(list)
        return follow(outcome, kind: list.kind, &state)
    case (.explorer(var explorer), _):
        explorer.click(target)
        state.screen = .explorer(explorer)
        return []
    case (.exercise(var exercise), _):
        exercise.animation?.click(target)
        state.screen = .exercise(exercise)
        return []
    case (.player(var player), _):
        let effects = player.click(target, viewport: viewport, t)
        state.screen = .player(player)
        return effects
    case (.quiz(var quiz), _):
        let effects = quiz.click(target, viewport: viewport, t)
        state.screen = .quiz(quiz)
        return effects
    default:
        return []
    }
}

/// Scrolls the help page when it is open, else the current screen's text.
private func scroll(_ move: ScrollPosition.Move, _ state: inout AppState) {
    guard state.help == nil else { return scrollHelp(move, &state) }
    let viewport = state.viewport
    let t = state.language.catalogue
    switch state.screen {
    case .player(var player):
        player.scrollPage(move, viewport: viewport, t)
        state.screen = .player(player)
    case .quiz(var quiz):
        quiz.scrollPage(move, viewport: viewport, t)
        state.screen = .quiz(quiz)
    case .stats(var stats):
        stats.scrollPage(move, viewport: viewport, t)
        state.screen = .stats(stats)
    case .exercise(var exercise) where exercise.animation == nil:
        exercise.scrollPage(move, viewport: viewport, t)
        state.screen = .exercise(exercise)
    case .home, .lessons, .explorer, .exercise:
        break
    }
}
