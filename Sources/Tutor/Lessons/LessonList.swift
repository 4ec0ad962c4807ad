import LessonKit
import TermCanvas

/// The lessons the learner can open, in order, and where they stopped in each. Loaded by the
/// runner (files and database live at the edge); a plain value here.
public struct LessonCatalogue: Equatable, Sendable {
    /// Where the learner is in one lesson.
    public struct Position: Equatable, Sendable {
        public var step: Int
        public var stepCount: Int
        public var completed: Bool

        public init(step: Int, stepCount: Int, completed: Bool) {
            self.step = step
            self.stepCount = stepCount
            self.completed = completed
        }
    }

    public var lessons: [Lesson]
    public var positions: [String: Position]

    public init(lessons: [Lesson] = [], positions: [String: Position] = [:]) {
        self.lessons = lessons.sorted { ($0.meta.order, $0.meta.id) < ($1.meta.order, $1.meta.id) }
        self.positions = positions
    }
}

/// The list of lessons with their progress marks.
public struct LessonListState: Equatable, Sendable {
    public let catalogue: LessonCatalogue
    public var selected: Int

    public init(catalogue: LessonCatalogue, selected: Int = 0) {
        self.catalogue = catalogue
        self.selected = min(selected, max(0, catalogue.lessons.count - 1))
    }

    enum Outcome {
        case stay, back
        case open(Lesson)
    }

    mutating func handle(_ key: Key) -> Outcome {
        let count = catalogue.lessons.count
        switch key {
        case .character("q"), .escape: return .back
        case .up, .character("k"): if count > 0 { selected = (selected + count - 1) % count }
        case .down, .character("j"), .tab: if count > 0 { selected = (selected + 1) % count }
        case .home, .character("g"): selected = 0
        case .end, .character("G"): selected = max(0, count - 1)
        case .enter, .right, .character("l"):
            if count > 0 { return .open(catalogue.lessons[selected]) }
        default: break
        }
        return .stay
    }

    /// `✓ done`, `step 3/6`, or `new`.
    static func mark(_ position: LessonCatalogue.Position?) -> String {
        guard let position else { return "new" }
        return position.completed ? "✓ done" : "step \(position.step + 1)/\(position.stepCount)"
    }

    func draw(into buffer: inout CellBuffer) {
        let width = buffer.width
        buffer.put("Lessons", x: 2, y: 1, style: Style(bold: true))
        guard !catalogue.lessons.isEmpty else {
            buffer.put("No lessons found. Add a folder of lesson files with --lessons DIR, or open one with", x: 2, y: 3)
            buffer.put("convtutor learn PATH.md (see Lessons/README.md for the format).", x: 2, y: 4)
            buffer.put("q back", x: 2, y: buffer.height - 1, style: Style(dim: true))
            return
        }
        // Scroll so that the selected lesson stays visible.
        let rows = max(1, (buffer.height - 6) / 2)
        let first = max(0, min(selected - rows / 2, catalogue.lessons.count - rows))
        for (row, k) in (first..<min(catalogue.lessons.count, first + rows)).enumerated() {
            let lesson = catalogue.lessons[k]
            let y = 3 + 2 * row
            let chosen = k == selected
            let mark = Self.mark(catalogue.positions[lesson.meta.id])
            let steps = "\(lesson.steps.count) steps"
            let title = TextLayout.truncate(lesson.meta.title, width: width - 36)
            buffer.put("\(chosen ? "▶" : " ") \(title)", x: 2, y: y, style: Style(bold: chosen, reverse: chosen))
            buffer.put(steps, x: width - 26, y: y, style: Style(dim: true))
            buffer.put(mark, x: width - 14, y: y, style: Style(bold: mark == "✓ done"))
            buffer.put(TextLayout.truncate(lesson.meta.summary, width: width - 8), x: 6, y: y + 1, style: Style(dim: true))
        }
        buffer.put(TextLayout.truncate("↑/↓ choose   Enter open (resumes where you stopped)   ? keys   q back", width: width - 4),
                   x: 2, y: buffer.height - 1, style: Style(dim: true))
    }
}
