import LessonKit
import TermCanvas

extension PlayerState {
    /// The lesson's header, then the step's text page, or the explorer playing its animation.
    func draw(into buffer: inout CellBuffer) {
        let width = buffer.width
        let count = lesson.steps.count
        let status = "step \(step + 1)/\(count)"
        buffer.put(TextLayout.truncate(header(width: width), width: headerWidth(width)),
                   x: 1, y: 0, style: Style(bold: true))
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)

        if let explorer = animation {
            var scene = CellBuffer(width: width, height: buffer.height - 1)
            explorer.draw(into: &scene)
            buffer.draw(scene, x: 0, y: 1)
            return
        }
        if let quiz {
            var page = CellBuffer(width: width, height: buffer.height - 1)
            quiz.draw(into: &page)
            buffer.draw(page, x: 0, y: 1)
            return
        }
        let lines = textLines(width: width - 4)
        let visible = buffer.height - 3
        let top = min(scroll, max(0, lines.count - visible))
        for (row, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            var x = 2
            for span in line { x = buffer.put(span.text, x: x, y: 2 + row, style: span.style) }
        }
        var hints = ["[/] or PgUp/PgDn step", "↑/↓ scroll"]
        if lines.count > visible {
            hints.insert("\(top + 1)–\(min(lines.count, top + visible)) of \(lines.count) lines", at: 0)
        }
        if !(currentStep?.animations.isEmpty ?? true) { hints.insert("a play the animation", at: 1) }
        if !questionsOfStep.isEmpty { hints.insert("t answer the questions", at: 1) }
        hints += ["R restart", "? keys", "q back"]
        buffer.put(TextLayout.hints(hints, width: width - 2, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }

    /// The header's text: the lesson's title and the step's, or only the step's when both do not
    /// fit beside the `step k/n` counter.
    func header(width: Int) -> String {
        let stepTitle = currentStep?.title ?? ""
        let both = "\(lesson.meta.title) · \(stepTitle)"
        return TextWidth.columns(both) <= headerWidth(width) ? both : stepTitle
    }

    /// The columns the header may use beside the counter.
    func headerWidth(_ width: Int) -> Int {
        width - TextWidth.columns("step \(step + 1)/\(lesson.steps.count)") - 4
    }

    /// The current step's text at `width`, with the animation's hint line made actionable.
    func textLines(width: Int) -> [StyledLine] {
        guard let step = currentStep else { return [] }
        let labels = LessonLabels(lang: lesson.meta.lang)
        let count = step.animations.count
        var k = -1
        return LessonText.lines(step.blocks, width: width, labels: labels).map { line in
            guard let first = line.first, first.text.hasPrefix(labels.animation) else { return line }
            // With several animations, each has its digit, and `a` opens the next one.
            k += 1
            let keys = count == 1 ? ["a"] : (k == nextAnimation ? ["a"] : []) + (k < 9 ? ["\(k + 1)"] : [])
            return keys.isEmpty ? line : line + [Span(labels.pressToPlay(keys), Style(dim: true))]
        }
    }
}
