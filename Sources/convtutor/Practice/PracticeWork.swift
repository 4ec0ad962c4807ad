import Foundation
import LessonKit
import Localization
import Practice
import ProgressStore
import Tutor

/// The practice screens at the edge: the learner's files, the checks that run Python in the
/// background, and the file watched for saves.
///
/// A check runs on a thread of its own, so the screen keeps answering keys while Python works;
/// its report waits in a mailbox until the run loop collects it. While an exercise is open, its
/// file's modification time is looked at a few times a second (`interval`); with no exercise open
/// and no check running there is nothing to look at, and the run loop sleeps on input alone.
final class PracticeWork: @unchecked Sendable {
    let exercises: [Lesson]
    let files: [String: URL]
    let limits: Harness.Limits
    /// The exercise whose file is watched, and the file's modification time when last looked at.
    private var watched: (id: String, modified: Date?)?
    private var running = 0
    private let lock = NSLock()
    private var finished: [(id: String, report: PracticeReport)] = []

    init(exercises: [Lesson], files: [String: URL], limits: Harness.Limits) {
        self.exercises = exercises
        self.files = files
        self.limits = limits
    }

    /// Carries out a practice effect; the answers that are ready at once.
    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .openExercise(let id):
            guard let file = files[id], let starter = exercise(id)?.starter else { return [] }
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                let written = try PracticeFiles.writeNew(file, starter + "\n")
                watched = (id, Self.modified(file))
                return [.exerciseOpened(id: id, starterWritten: written, problem: nil)]
            } catch {
                return [.exerciseOpened(id: id, starterWritten: false, problem: "\(error)")]
            }
        case .checkExercise(let id):
            guard let file = files[id], let exercise = exercise(id) else { return [] }
            if watched?.id == id { watched?.modified = Self.modified(file) }
            lock.withLock { running += 1 }
            let limits = self.limits
            Thread.detachNewThread { [self] in
                let report = PracticeRunner.check(exercise, file: file, limits: limits)
                lock.withLock {
                    finished.append((id, report))
                    running -= 1
                }
            }
            return []
        case .closeExercise:
            watched = nil
            return []
        default:
            return []
        }
    }

    /// Seconds until the run loop should look again, or `nil` when nothing is pending.
    var interval: Double? {
        lock.withLock { watched != nil || running > 0 || !finished.isEmpty } ? 0.25 : nil
    }

    /// The checks finished since the last look (each kept in `store` first), and a save of the
    /// watched file.
    func collect(store: ProgressStore) -> [Msg] {
        let done = lock.withLock {
            defer { finished = [] }
            return finished
        }
        var messages: [Msg] = done.map { id, report in
            .exerciseChecked(id: id, report, status: record(id, report, store: store))
        }
        if let (id, modified) = watched, let file = files[id] {
            let now = Self.modified(file)
            if now != modified {
                watched?.modified = now
                messages.append(.exerciseFileChanged(id: id))
            }
        }
        return messages
    }

    /// Keeps a check that ran and returns where the learner now stands (a check that could not
    /// run is not an attempt).
    private func record(_ id: String, _ report: PracticeReport, store: ProgressStore) -> ExerciseStatus {
        if report.problem.map(\.cannotRun) != true {
            try? store.recordAttempt(exerciseID: id, passed: report.passed, casesPassed: report.passedCount,
                                     casesTotal: report.cases.count, at: Date())
        }
        return (try? store.practiceRecords())?[id]?.status ?? .new
    }

    private func exercise(_ id: String) -> Exercise? {
        exercises.first { $0.meta.id == id }?.exercise
    }

    private static func modified(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
