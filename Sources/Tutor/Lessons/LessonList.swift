import LessonKit
import Localization
import QuizKit
import TermCanvas

/// The lessons the learner can open, in order, and where they stopped in each. Loaded by the
/// runner (files and database live at the edge); a plain value here.
///
/// The list needs only each lesson's summary; a lesson is parsed when it is opened (the runner
/// answers `.loadLesson` with `.lessonLoaded`) and kept in `loaded` from then on.
public struct LessonCatalogue: Equatable, Sendable {
    public var lessons: [LessonSummary]
    /// What sets the list's columns: the highest `order` and the step counts, of every lesson
    /// (`lessons` may be only the first ones, for a first frame; see `init(first:columns:positions:)`).
    public var columns: ListColumns
    /// The lessons parsed so far, by id.
    public var loaded: [String: Lesson]
    /// The saved position of each lesson opened before, by lesson id.
    public var positions: [String: LessonPosition]

    public init(lessons: [LessonSummary] = [], positions: [String: LessonPosition] = [:]) {
        func inOrder(_ a: LessonSummary, _ b: LessonSummary) -> Bool { (a.meta.order, a.meta.id) < (b.meta.order, b.meta.id) }
        // A list read back from the index is in order already: checked in place, not copied and
        // sorted.
        let sorted = lessons.indices.dropFirst().allSatisfy { k in
            (lessons[k - 1].meta.order, lessons[k - 1].meta.id) <= (lessons[k].meta.order, lessons[k].meta.id)
        }
        self.lessons = sorted ? lessons : lessons.sorted(by: inOrder)
        self.columns = ListColumns(widestOrder: lessons.map(\.meta.order).max() ?? 0, stepCounts: Set(lessons.map(\.stepCount)))
        self.loaded = [:]
        self.positions = positions
    }

    /// The first lessons of a longer list, in order, with the columns of the whole: enough for a
    /// first frame, which shows the top of the list (the whole list follows before any key).
    public init(first lessons: [LessonSummary], columns: ListColumns, positions: [String: LessonPosition] = [:]) {
        self.init(lessons: lessons, positions: positions)
        self.columns = columns
    }

    /// A catalogue of lessons parsed already (their files unnamed).
    public init(lessons: [Lesson], positions: [String: LessonPosition] = [:]) {
        self.init(lessons: lessons.map { LessonSummary($0, file: "") }, positions: positions)
        loaded = Dictionary(lessons.map { ($0.meta.id, $0) }) { first, _ in first }
    }

    /// The step to open `lesson` on: where the learner stopped, or the first.
    public func resumeStep(of lesson: Lesson) -> Int {
        positions[lesson.meta.id]?.resumeStep(currentStepCount: lesson.steps.count) ?? 0
    }
}

/// The highest `order` and the step counts of a list's lessons: they set the widths of its number
/// and step columns.
public struct ListColumns: Equatable, Sendable {
    public var widestOrder: Int
    public var stepCounts: Set<Int>

    public init(widestOrder: Int, stepCounts: Set<Int>) {
        self.widestOrder = widestOrder
        self.stepCounts = stepCounts
    }
}

/// The list of lessons, or of practice exercises, with where the learner stands in each: only the
/// selection is state; the items are the app's catalogues.
public struct LessonListState: Equatable, Sendable {
    public private(set) var selected: Int
    public let kind: ListKind

    public init(selected: Int = 0, kind: ListKind = .lessons) {
        self.selected = max(0, selected)
        self.kind = kind
    }

    enum Outcome: Equatable {
        case stay, back
        case open(Int)
    }

    var keyContext: KeyContext { kind == .lessons ? .lessonList : .practiceList }

    mutating func handle(_ key: Key, count: Int) -> Outcome {
        selected = min(selected, max(0, count - 1))
        switch Keymap.action(for: key, in: keyContext) {
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

    /// A click on item `k` opens it, as Enter on it would.
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

    /// The items of the list: the lessons with their steps and positions, or the exercises with
    /// their functions and statuses. A catalogue may hold thousands, so a lesson's row is made only
    /// when it is drawn, and the columns' widths come from the distinct step counts and the lessons
    /// opened, not from every row.
    func items(_ catalogue: LessonCatalogue, _ practice: PracticeCatalogue, _ t: any Catalogue) -> ListItems {
        switch kind {
        case .lessons:
            let lessons = catalogue.lessons
            // The widest mark of the lessons opened, and `new` (never the widest of the marks).
            let markWidth = ([nil] + catalogue.positions.values.map(Optional.some)).map { TextWidth.columns(Self.mark($0, t)) }.max() ?? 0
            return ListItems(
                count: lessons.count,
                row: { k in
                    let lesson = lessons[k]
                    let position = catalogue.positions[lesson.meta.id]
                    return ListRow(number: lesson.meta.order, title: lesson.meta.title, detail: t.lesson(.steps(lesson.stepCount)),
                                   mark: Self.mark(position, t), done: position?.completed ?? false, summary: lesson.meta.summary)
                },
                widestNumber: catalogue.columns.widestOrder,
                detailWidth: catalogue.columns.stepCounts.map { TextWidth.columns(t.lesson(.steps($0))) }.max() ?? 0,
                markWidth: markWidth)
        case .exercises:
            return ListItems(practice.exercises.map { e in
                let status = practice.status(of: e.meta.id)
                return ListRow(number: e.meta.order, title: e.meta.title, detail: e.exercise?.spec.function ?? "",
                               mark: t.practice(.status(status)), done: { if case .passed = status { true } else { false } }(),
                               summary: e.meta.summary)
            })
        }
    }

    /// The items that fit, the selected one in view; each item's rows are where a click opens it.
    func draw(_ items: ListItems, into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue) {
        let width = buffer.width
        buffer.put(kind == .lessons ? t.lesson(.lessons) : t.practice(.practice), x: 2, y: 1, style: Style(bold: true))
        let hints = TextLayout.hints(Keymap.hints(keyContext, t), width: width - 4, separator: "   ")
        buffer.put(hints, x: 2, y: buffer.height - 1, style: Style(dim: true))
        guard items.count > 0 else {
            let empty = kind == .lessons ? t.lesson(.noLessons) : t.practice(.noExercises)
            for (k, line) in Paragraph.wrap(empty, width: width - 4).enumerated() {
                buffer.put(line, x: 2, y: 3 + k)
            }
            return
        }
        // A title row and a summary row an item; the selected item's summary is wrapped whole,
        // the others' cut to one row (selecting one shows the rest). The selected item stays in
        // view, with as many items around it as fit. The marks and details take the columns
        // their widest needs, at the right.
        let room = max(1, buffer.height - 5)
        let selected = min(self.selected, items.count - 1)
        let summaryWidth = width - 9
        // Only the items shown are laid out: every other item takes two rows, so a catalogue of
        // thousands costs no more to draw than a short one.
        let selectedSummary = Paragraph.wrap(items.row(selected).summary, width: summaryWidth).map(\.plainText)
        let markX = width - 2 - items.markWidth
        let detailX = markX - 3 - items.detailWidth
        let heights = (0..<items.count).map { $0 == selected ? 1 + selectedSummary.count : 2 }
        // Numbers right-aligned to the widest, two digits at least.
        let numberWidth = max(2, String(items.widestNumber).count)
        let shown = Self.window(heights: heights, around: selected, room: room)
        var y = 3
        for k in shown {
            let row = items.row(k)
            let chosen = k == selected
            let title = "\(chosen ? "▶" : " ") \(String(row.number).leftPadded(to: numberWidth))  "
                + TextLayout.truncate(row.title, width: detailX - 8 - numberWidth)
            buffer.put(title, x: 2, y: y, style: Style(bold: chosen, reverse: chosen))
            let lines = k == selected ? selectedSummary : [TextLayout.truncate(row.summary, width: summaryWidth)]
            hits.add(Rect(x: 2, y: y, width: width - 4, height: 1 + lines.count), .lessonRow(k))
            buffer.put(row.detail, x: detailX, y: y, style: Style(dim: true))
            buffer.put(row.mark, x: markX, y: y, style: Style(bold: row.done))
            for (line, text) in lines.enumerated() {
                buffer.put(text, x: 7, y: y + 1 + line, style: Style(dim: true))
            }
            y += 1 + lines.count
        }
        if shown.lowerBound > 0 { buffer.put("▲", x: width - 2, y: 3, style: Style(bold: true)) }
        if shown.upperBound < items.count { buffer.put("▼", x: width - 2, y: y - 1, style: Style(bold: true)) }
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

/// Which items a list shows.
public enum ListKind: Equatable, Sendable {
    case lessons, exercises
}

/// The items of a list as the view needs them: how many, each one's row (made only for the items
/// drawn), and the widest number, detail and mark, which set the columns.
struct ListItems {
    var count: Int
    var row: (Int) -> ListRow
    var widestNumber: Int
    var detailWidth: Int
    var markWidth: Int

    /// Items made all at once (a short list).
    init(_ rows: [ListRow]) {
        self.init(count: rows.count, row: { rows[$0] }, widestNumber: rows.map(\.number).max() ?? 0,
                  detailWidth: rows.map { TextWidth.columns($0.detail) }.max() ?? 0,
                  markWidth: rows.map { TextWidth.columns($0.mark) }.max() ?? 0)
    }

    init(count: Int, row: @escaping (Int) -> ListRow, widestNumber: Int, detailWidth: Int, markWidth: Int) {
        self.count = count
        self.row = row
        self.widestNumber = widestNumber
        self.detailWidth = detailWidth
        self.markWidth = markWidth
    }
}

/// One item of a list as it is drawn: its number, title, a detail (steps, a function's name),
/// where the learner stands, and its summary.
struct ListRow: Equatable {
    var number: Int
    var title: String
    var detail: String
    var mark: String
    /// Finished: the mark is bold.
    var done: Bool
    var summary: String
}

extension String {
    /// The string right-aligned in `width` columns.
    public func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self
    }
}
