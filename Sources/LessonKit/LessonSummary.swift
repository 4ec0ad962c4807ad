/// What a list shows of a lesson or exercise file, without its steps: the front matter, the number
/// of steps and, for an exercise, the function it asks for.
///
/// Made from a parsed `Lesson` and kept in the lesson index (`LessonIndex`), so that the lists and
/// the statistics never parse a file that has not changed; a lesson is parsed in full only when it
/// is opened, quizzed or checked.
public struct LessonSummary: Equatable, Sendable {
    /// The path the lesson was read from: where it is parsed again when opened.
    public var file: String
    public var meta: LessonMeta
    public var stepCount: Int
    /// The function an exercise asks for (`conv2d_forward`); empty for a lesson.
    public var function: String

    public init(file: String, meta: LessonMeta, stepCount: Int, function: String = "") {
        self.file = file
        self.meta = meta
        self.stepCount = stepCount
        self.function = function
    }

    /// The summary of `lesson`, read from `file`.
    public init(_ lesson: Lesson, file: String) {
        self.init(file: file, meta: lesson.meta, stepCount: lesson.steps.count, function: lesson.exercise?.spec.function ?? "")
    }
}
