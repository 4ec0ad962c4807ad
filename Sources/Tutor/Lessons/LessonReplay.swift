import LessonKit
import Localization
import Scenes
import TermCanvas

/// A lesson played through as linear text: every step's text, each animation as its numbered
/// frames and finished result, every quiz prompt with its choices. For screen readers and pipes:
/// no escape sequences, control characters shown inert.
public enum LessonReplay {
    public static func plainLines(_ lesson: Lesson, width: Int = 80, _ t: any Catalogue) -> [String] {
        var lines = [lesson.meta.title, lesson.meta.summary, t.lesson(.steps(lesson.steps.count))]
        for (k, step) in lesson.steps.enumerated() {
            lines += ["", t.lesson(.stepHeading(k + 1, of: lesson.steps.count, title: step.title)), ""]
            for (n, block) in step.blocks.enumerated() {
                if n > 0 { lines.append("") }
                guard case .animation(let animation) = block else {
                    lines += LessonText.lines([block], width: width, t).map(\.plainText)
                    continue
                }
                let config = ExplorerConfig(animation: animation)
                do {
                    lines += ScenePlain.lines(try Scene.build(config), config: config, t)
                } catch {
                    lines.append(t.lesson(.cannotCompute(t.error(error))))
                }
            }
        }
        return lines.map { InertText.sanitize($0) }
    }
}
