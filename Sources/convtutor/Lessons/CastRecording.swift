import Foundation
import LessonKit
import Localization
import TermCanvas
import Tutor

/// An asciicast v2 recording of a lesson played through, made by driving the tutor's own
/// `update` and `view` with keys and turning each frame's difference into escape sequences.
///
/// Line 1 is the header (`version`, `width`, `height`, `title`); then `[time, "o", text]`
/// output events and a `[time, "m", label]` marker at the start of every step, so that players
/// such as asciinema can jump from step to step.
enum CastRecording {
    /// Seconds a text page stays on screen, and per animation step.
    static let pageTime = 3.0
    static let frameTime = 0.5

    static func record(_ lesson: Lesson, width: Int, height: Int, language: Language) -> String {
        var writer = JSONWriter()
        writer.write(.object([
            ("version", .number(2)), ("width", .number(Double(width))), ("height", .number(Double(height))),
            ("title", .string(lesson.meta.title)), ("env", .object([("TERM", .string("xterm-256color"))])),
        ]))
        var lines = [writer.text]
        var time = 0.0
        // The recording declares a 256-colour terminal: its animations show the heat map.
        var state = AppState(screen: .player(PlayerState(lesson: lesson)), width: width, height: height, language: language,
                             colors: .full256)
        var previous: CellBuffer?

        func event(_ kind: String, _ text: String) {
            var w = JSONWriter()
            w.write(.array([.number((time * 1000).rounded() / 1000), .string(kind), .string(text)]))
            lines.append(w.text)
        }
        func frame() {
            let next = view(state)
            let prefix = previous == nil ? AnsiText.clear : ""
            event("o", prefix + AnsiText.render(BufferDiff.changes(from: previous, to: next)))
            previous = next
        }
        func press(_ key: Key) {
            _ = update(&state, .key(key))
        }

        for (k, step) in lesson.steps.enumerated() {
            let t = language.catalogue
            event("m", t.lesson(.stepCounter(k + 1, of: lesson.steps.count)) + t.colon + step.title)
            frame()
            time += pageTime
            if !step.animations.isEmpty {
                press(.character("a"))
                frame()
                guard case .player(let player) = state.screen, let explorer = player.animation else { continue }
                for _ in explorer.step..<max(explorer.step, explorer.scene.steps.count - 1) {
                    time += frameTime
                    press(.right)
                    frame()
                }
                time += pageTime
                press(.escape)
            }
            if k + 1 < lesson.steps.count { press(.character("]")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
