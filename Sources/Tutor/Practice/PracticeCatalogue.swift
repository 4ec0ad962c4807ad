import LessonKit
import Localization

/// The exercises the learner can open, the file each is written in, and where the learner stands
/// in each. Loaded by the runner (files and database live at the edge); a plain value here.
public struct PracticeCatalogue: Equatable, Sendable {
    /// Exercise files (`kind: exercise`), in order.
    public var exercises: [Lesson]
    /// The learner's file for each exercise, in the same order.
    public var files: [String]
    public var statuses: [String: ExerciseStatus]

    public init(exercises: [Lesson] = [], files: [String] = [], statuses: [String: ExerciseStatus] = [:]) {
        self.exercises = exercises
        self.files = files
        self.statuses = statuses
    }

    /// Where the learner stands on exercise `id`: new until it is first checked.
    public func status(of id: String) -> ExerciseStatus {
        statuses[id] ?? .new
    }
}
