import Foundation
import GRDB
import QuizKit

extension ProgressStore {
    /// The saved position in lesson `lessonID`, or `nil` if the learner never opened it.
    public func position(of lessonID: String) throws(ProgressError) -> LessonPosition? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM lesson_progress WHERE lesson_id = ?", arguments: [lessonID])
                .map(Self.position(from:))
        }
    }

    /// Every saved position, by lesson id: what the lesson list shows.
    public func allPositions() throws(ProgressError) -> [String: LessonPosition] {
        try read { db in
            var positions: [String: LessonPosition] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM lesson_progress") {
                positions[row["lesson_id"]] = Self.position(from: row)
            }
            return positions
        }
    }

    /// Saves that the learner is at `step` (from 0) of lesson `lessonID`, which has `stepCount`
    /// steps, at `date`. Keeps the completion record.
    ///
    /// Committed before it returns, so a kill right after loses nothing.
    ///
    /// - Throws: `.invalidPosition` unless `0 <= step < stepCount`; database errors otherwise.
    public func setPosition(lessonID: String, step: Int, stepCount: Int, at date: Date) throws(ProgressError) {
        guard stepCount >= 1, (0..<stepCount).contains(step) else {
            throw .invalidPosition(lessonID: lessonID, step: step, stepCount: stepCount)
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO lesson_progress (lesson_id, step, step_count, completed_at, updated_at)
                    VALUES (?, ?, ?, NULL, ?)
                    ON CONFLICT (lesson_id) DO UPDATE SET
                        step = excluded.step, step_count = excluded.step_count, updated_at = excluded.updated_at
                    """,
                arguments: [lessonID, step, stepCount, date.timeIntervalSince1970])
        }
    }

    /// Records that the learner completed lesson `lessonID` at `date`. The step stays where it is;
    /// a lesson completed before keeps its first completion date.
    ///
    /// A lesson with no saved position yet gets one at step 0 with an unknown step count (0).
    public func markCompleted(lessonID: String, at date: Date) throws(ProgressError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO lesson_progress (lesson_id, step, step_count, completed_at, updated_at)
                    VALUES (?, 0, 0, ?, ?)
                    ON CONFLICT (lesson_id) DO UPDATE SET
                        completed_at = coalesce(completed_at, excluded.completed_at),
                        updated_at = excluded.updated_at
                    """,
                arguments: [lessonID, date.timeIntervalSince1970, date.timeIntervalSince1970])
        }
    }

    /// Sends the learner back to the first step of lesson `lessonID` at `date`, keeping the record
    /// that they completed it (a learner who restarts a finished lesson has still finished it).
    /// Does nothing for a lesson never opened.
    public func restart(lessonID: String, at date: Date) throws(ProgressError) {
        try write { db in
            try db.execute(
                sql: "UPDATE lesson_progress SET step = 0, updated_at = ? WHERE lesson_id = ?",
                arguments: [date.timeIntervalSince1970, lessonID])
        }
    }

    /// The position stored in a `lesson_progress` row.
    private static func position(from row: Row) -> LessonPosition {
        let completedAt: Double? = row["completed_at"]
        let updatedAt: Double = row["updated_at"]
        return LessonPosition(
            step: row["step"], stepCount: row["step_count"],
            completedAt: completedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: updatedAt))
    }
}
