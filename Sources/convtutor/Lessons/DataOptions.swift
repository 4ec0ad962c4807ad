import ArgumentParser
import Foundation
import LessonIndex
import ProgressStore
import QuizKit
import Tutor

/// `--data-dir`: where the learner's progress lives (else `$CONVTUTOR_DATA_DIR`, else
/// `$XDG_DATA_HOME/convtutor`, else `~/.local/share/convtutor`).
struct DataOptions: ParsableArguments {
    @Option(help: "Folder for your progress (default: $CONVTUTOR_DATA_DIR, $XDG_DATA_HOME/convtutor or ~/.local/share/convtutor).")
    var dataDir: String?

    var directory: DataDirectory { Self.directory(explicit: dataDir) }

    /// The data folder for `--data-dir` given as `explicit`, or not given (`nil`).
    static func directory(explicit: String?) -> DataDirectory {
        let environment = processEnvironment
        // $HOME when set: asking the user database (what Foundation does) costs a millisecond.
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0, isDirectory: true) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return DataDirectory.resolve(explicit: explicit, environment: environment, home: home,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The lesson index, beside the progress database (used once the folder exists).
    var lessonIndex: URL { Self.lessonIndex(in: directory) }

    /// The lesson index of the data folder for commands without `--data-dir`.
    static var defaultLessonIndex: URL { lessonIndex(in: directory(explicit: nil)) }

    static func lessonIndex(in directory: DataDirectory) -> URL {
        directory.url.appendingPathComponent(LessonIndex.fileName)
    }

    /// The progress store; a folder or database that cannot be used stops here, before the
    /// screen opens, with the store's message (what is wrong and what to do).
    func openStore() throws -> ProgressStore {
        try Self.openStore(in: directory)
    }

    /// The progress store of `directory`, its problems as the error.
    static func openStore(in directory: DataDirectory) throws -> ProgressStore {
        do {
            return try ProgressStore.open(in: directory)
        } catch {
            throw LessonError(error.description)
        }
    }

    /// The saved positions of every lesson opened before, by lesson id.
    static func positions(_ store: ProgressStore) throws -> [String: LessonPosition] {
        do {
            return try store.allPositions()
        } catch {
            throw LessonError(error.description)
        }
    }
}

extension ProgressStore {
    /// Performs one progress effect now, stamped with the current time, and reads back what the
    /// store then holds for the lesson. A failure is thrown: the runner reports it after the
    /// screen closes.
    func perform(_ effect: Effect) throws(ProgressError) -> (lesson: String, LessonPosition)? {
        switch effect {
        case .saveProgress(let lesson, let step, let stepCount):
            try setPosition(lessonID: lesson, step: step, stepCount: stepCount, at: Date())
            return try position(of: lesson).map { (lesson, $0) }
        case .markCompleted(let lesson):
            try markCompleted(lessonID: lesson, at: Date())
            return try position(of: lesson).map { (lesson, $0) }
        default:
            return nil
        }
    }
}
