import LessonKit
import Localization
import TermCanvas

extension PlayerState {
    /// The lesson's header, then the step's text page, or the explorer playing its animation, or
    /// the step's questions (with what can be clicked on them; their grids a heat map when
    /// `tinted`).
    func draw(into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue, tinted: Bool) {
        let width = buffer.width
        let status = t.lesson(.stepCounter(step + 1, of: lesson.steps.count))
        buffer.put(TextLayout.truncate(header(width: width, t), width: headerWidth(width, t)), x: 1, y: 0, style: Style(bold: true))
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)

        if animation != nil || quiz != nil {
            var page = CellBuffer(width: width, height: buffer.height - 1)
            var pageHits = Hits()
            if let animation {
                animation.draw(into: &page, hits: &pageHits, t, tinted: tinted)
            } else {
                quiz?.draw(into: &page, hits: &pageHits, t, tinted: tinted)
            }
            buffer.draw(page, x: 0, y: 1)
            hits.add(pageHits, x: 0, y: 1, clip: Rect(x: 0, y: 1, width: width, height: page.height))
            return
        }
        let viewport = Viewport(width: width, height: buffer.height)
        let visible = Self.visibleRows(viewport)
        let text = ScrollView(lines: textLines(width: Self.textWidth(viewport), t), position: scroll)
        text.draw(into: &buffer, Rect(x: 2, y: 2, width: Self.textWidth(viewport) + 1, height: visible))
        var hints = Keymap.hints(keyContext, t)
        if text.scrolls(visible: visible) {
            let shown = text.shown(visible: visible)
            hints.insert(t.lesson(.lines(LineRange(first: shown.lowerBound + 1, last: shown.upperBound, total: text.lines.count))), at: 0)
        }
        buffer.put(TextLayout.hints(hints, width: width - 2, separator: "   "), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }

    /// The header's text: the lesson's title and the step's, or only the step's when both do not
    /// fit beside the step counter.
    func header(width: Int, _ t: any Catalogue) -> String {
        let stepTitle = currentStep?.title ?? ""
        let both = "\(lesson.meta.title) · \(stepTitle)"
        return TextWidth.columns(both) <= headerWidth(width, t) ? both : stepTitle
    }

    /// The columns the header may use beside the step counter.
    func headerWidth(_ width: Int, _ t: any Catalogue) -> Int {
        width - TextWidth.columns(t.lesson(.stepCounter(step + 1, of: lesson.steps.count))) - 4
    }

    /// The current step's text at `width`, with each animation's line saying which key plays it.
    func textLines(width: Int, _ t: any Catalogue) -> [StyledLine] {
        guard let step = currentStep else { return [] }
        let count = step.animations.count
        let label = t.lesson(.animationLabel)
        var k = -1
        return LessonText.lines(step.blocks, width: width, t).map { line in
            guard let first = line.first, first.text.hasPrefix(label) else { return line }
            // With several animations, each has its digit, and `a` opens the next one.
            k += 1
            let keys = count == 1 ? ["a"] : (k == nextAnimation ? ["a"] : []) + (k < 9 ? ["\(k + 1)"] : [])
            return keys.isEmpty ? line : line + [Span(t.lesson(.pressToPlay(keys)), Style(dim: true))]
        }
    }
}
