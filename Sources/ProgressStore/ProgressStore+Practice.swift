import Foundation
import GRDB

/// What the progress store knows of one practice exercise.
public struct PracticeRecord: Equatable, Sendable {
    /// Checks run so far.
    public var attempts: Int
    /// When every case first passed, if ever.
    public var firstPass: Date?
    /// Whether the last check passed.
    public var lastPassed: Bool

    public init(attempts: Int, firstPass: Date?, lastPassed: Bool) {
        self.attempts = attempts
        self.firstPass = firstPass
        self.lastPassed = lastPassed
    }
}

extension ProgressStore {
    /// Keeps one check of exercise `exerciseID` at `date`: whether it passed, and how many cases
    /// passed of how many. Committed before it returns.
    public func recordAttempt(exerciseID: String, passed: Bool, casesPassed: Int, casesTotal: Int, at date: Date) throws(ProgressError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO practice_attempt (exercise_id, time, passed, cases_passed, cases_total) VALUES (?, ?, ?, ?, ?)",
                arguments: [exerciseID, date.timeIntervalSince1970, passed, max(0, casesPassed), max(casesTotal, casesPassed)])
        }
    }

    /// Every exercise checked at least once, by id: attempts, first pass, last result.
    public func practiceRecords() throws(ProgressError) -> [String: PracticeRecord] {
        try read { db in
            var records: [String: PracticeRecord] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT exercise_id, COUNT(*) AS attempts,
                       MIN(CASE WHEN passed THEN time END) AS first_pass,
                       (SELECT passed FROM practice_attempt AS last WHERE last.exercise_id = a.exercise_id
                        ORDER BY time DESC, id DESC LIMIT 1) AS last_passed
                FROM practice_attempt AS a GROUP BY exercise_id
                """)
            for row in rows {
                let firstPass: Double? = row["first_pass"]
                records[row["exercise_id"]] = PracticeRecord(attempts: row["attempts"], firstPass: firstPass.map(Date.init(timeIntervalSince1970:)),
                                                             lastPassed: row["last_passed"])
            }
            return records
        }
    }
}
