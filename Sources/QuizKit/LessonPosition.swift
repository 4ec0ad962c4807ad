import Foundation

/// Where a learner is in one lesson: the step, how many steps the lesson had, and whether (and
/// when) they first completed it.
public struct LessonPosition: Sendable, Hashable {
    /// The current step, counted from 0.
    public var step: Int
    /// How many steps the lesson had when `step` was saved; 0 when not known yet (a lesson marked
    /// completed before any step was saved).
    public var stepCount: Int
    /// When the learner first completed the lesson; `nil` if never.
    public var completedAt: Date?
    /// When this position last changed.
    public var updatedAt: Date

    public init(step: Int, stepCount: Int, completedAt: Date? = nil, updatedAt: Date) {
        self.step = step
        self.stepCount = stepCount
        self.completedAt = completedAt
        self.updatedAt = updatedAt
    }

    /// Whether the learner has completed the lesson at least once. Restarting keeps this.
    public var completed: Bool { completedAt != nil }

    /// The step to resume at in the lesson as it is now, with `currentStepCount` steps: the saved
    /// step, kept inside the lesson if an author has removed steps since.
    public func resumeStep(currentStepCount: Int) -> Int {
        Self.clamp(step, stepCount: currentStepCount)
    }

    /// `step` kept inside a lesson of `stepCount` steps.
    public static func clamp(_ step: Int, stepCount: Int) -> Int {
        max(0, min(step, stepCount - 1))
    }

    /// True when reaching `step` completes a lesson of `stepCount` steps: it is the last step
    /// (reached by reading on or by jumping there).
    public static func completes(_ step: Int, stepCount: Int) -> Bool {
        step == stepCount - 1
    }
}
