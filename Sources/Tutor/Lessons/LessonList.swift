import LessonKit
import Localization
import QuizKit
import TermCanvas

/// The lessons the learner can open, in order, and where they stopped in each. Loaded by the
/// runner (files and database live at the edge); a plain value here.
public struct LessonCatalogue: Equatable, Sendable {
    public var lessons: [Lesson]
    /// The saved position of each lesson opened before, by lesson id.
    public var positions: [String: LessonPosition]

    public init(lessons: [Lesson] = [], positions: [String: LessonPosition] = [:]) {
        self.lessons = lessons.sorted { ($0.meta.order, $0.meta.id) < ($1.meta.order, $1.meta.id) }
        self.positions = positions
    }

    /// The step to open `lesson` on: where the learner stopped, or the first.
    public func resumeStep(of lesson: Lesson) -> Int {
        positions[lesson.meta.id]?.resumeStep(currentStepCount: lesson.steps.count) ?? 0
    }
}

/// The list of lessons with their progress marks: only the selection is state; the lessons and
/// positions are the app's catalogue.
public struct LessonListState: Equatable, Sendable {
    public private(set) var selected: Int

    public init(selected: Int = 0) {
        self.selected = max(0, selected)
    }

    enum Outcome: Equatable {
        case stay, back
        case open(Int)
    }

    mutating func handle(_ key: Key, count: Int) -> Outcome {
        selected = min(selected, max(0, count - 1))
        switch Keymap.action(for: key, in: .lessonList) {
        case .back?: return .back
        case .previousItem? where count > 0: selected = (selected + count - 1) % count
        case .nextItem? where count > 0: selected = (selected + 1) % count
        case .firstItem?: selected = 0
        case .lastItem?: selected = max(0, count - 1)
        case .openItem? where count > 0: return .open(selected)
        default: break
        }
        return .stay
    }

    /// A click on lesson `k` opens it, as Enter on it would.
    mutating func click(_ k: Int, count: Int) -> Outcome {
        guard (0..<count).contains(k) else { return .stay }
        selected = k
        return .open(k)
    }

    /// `✓ done`, `step 3/6`, or `new`.
    public static func mark(_ position: LessonPosition?, _ t: any Catalogue) -> String {
        guard let position else { return t.lesson(.notStarted) }
        return position.completed ? t.lesson(.finished) : t.lesson(.atStep(position.step + 1, of: position.stepCount))
    }

    /// The lessons that fit, the selected one in view; each lesson's two rows are where a click
    /// opens it.
    func draw(_ catalogue: LessonCatalogue, into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue) {
        let width = buffer.width
        buffer.put(t.lesson(.lessons), x: 2, y: 1, style: Style(bold: true))
        let hints = TextLayout.hints(Keymap.hints(.lessonList, t), width: width - 4, separator: "   ")
        buffer.put(hints, x: 2, y: buffer.height - 1, style: Style(dim: true))
        guard !catalogue.lessons.isEmpty else {
            for (k, line) in Paragraph.wrap(t.lesson(.noLessons), width: width - 4).enumerated() {
                buffer.put(line, x: 2, y: 3 + k)
            }
            return
        }
        // A title row and a summary row a lesson; the selected lesson's summary is wrapped whole,
        // the others' cut to one row (selecting one shows the rest). The selected lesson stays in
        // view, with as many lessons around it as fit.
        let room = max(1, buffer.height - 5)
        let selected = min(self.selected, catalogue.lessons.count - 1)
        let summaryWidth = width - 9
        let summaries = catalogue.lessons.indices.map { k -> [String] in
            let summary = catalogue.lessons[k].meta.summary
            guard k == selected else { return [TextLayout.truncate(summary, width: summaryWidth)] }
            return Paragraph.wrap(summary, width: summaryWidth).map(\.plainText)
        }
        let shown = Self.window(heights: summaries.map { 1 + $0.count }, around: selected, room: room)
        var y = 3
        for k in shown {
            let lesson = catalogue.lessons[k]
            let chosen = k == selected
            let position = catalogue.positions[lesson.meta.id]
            let mark = Self.mark(position, t)
            let steps = t.lesson(.steps(lesson.steps.count))
            let title = "\(chosen ? "▶" : " ") \(String(lesson.meta.order).leftPadded(to: 2))  "
                + TextLayout.truncate(lesson.meta.title, width: width - 40)
            buffer.put(title, x: 2, y: y, style: Style(bold: chosen, reverse: chosen))
            hits.add(Rect(x: 2, y: y, width: width - 4, height: 2), .lessonRow(k))
            buffer.put(steps, x: width - 30, y: y, style: Style(dim: true))
            buffer.put(mark, x: width - 16, y: y, style: Style(bold: position?.completed ?? false))
            for (row, line) in summaries[k].enumerated() {
                buffer.put(line, x: 7, y: y + 1 + row, style: Style(dim: true))
            }
            y += 1 + summaries[k].count
        }
        if shown.lowerBound > 0 { buffer.put("▲", x: width - 2, y: 3, style: Style(bold: true)) }
        if shown.upperBound < catalogue.lessons.count { buffer.put("▼", x: width - 2, y: y - 1, style: Style(bold: true)) }
    }

    /// The items to show, as a range around `selected`, when item k takes `heights[k]` rows and
    /// `room` rows are free: the selected item, then items on either side in turn, up to half
    /// the room before it, then as many as still fit after it and before it.
    static func window(heights: [Int], around selected: Int, room: Int) -> Range<Int> {
        var (first, end, used) = (selected, selected + 1, heights[selected])
        while first > 0, used + heights[first - 1] <= room / 2 {
            first -= 1
            used += heights[first]
        }
        while end < heights.count, used + heights[end] <= room {
            used += heights[end]
            end += 1
        }
        while first > 0, used + heights[first - 1] <= room {
            first -= 1
            used += heights[first]
        }
        return first..<end
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    public func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self
    }
}
