import LessonKit
import TermCanvas

/// A lesson played through as linear text: every step's text, each animation as its numbered
/// frames and finished result, every quiz prompt with its choices. For screen readers and pipes:
/// no escape sequences, control characters shown inert.
public enum LessonReplay {
    public static func plainLines(_ lesson: Lesson, width: Int = 80) -> [String] {
        var lines = [lesson.meta.title, lesson.meta.summary, "\(lesson.steps.count) step\(lesson.steps.count == 1 ? "" : "s")"]
        for (k, step) in lesson.steps.enumerated() {
            lines += ["", "== Step \(k + 1)/\(lesson.steps.count): \(step.title) ==", ""]
            for (n, block) in step.blocks.enumerated() {
                if n > 0 { lines.append("") }
                guard case .animation(let animation) = block else {
                    lines += LessonText.plain(LessonText.lines([block], width: width, labels: LessonLabels(lang: lesson.meta.lang)))
                    continue
                }
                let config = ExplorerConfig(animation: animation)
                do {
                    lines += try Scene.build(config).plainLines(settings: config.settingsLine)
                } catch {
                    lines.append("(this animation cannot be computed: \(error.description))")
                }
            }
        }
        return lines.map { InertText.sanitize($0) }
    }
}
