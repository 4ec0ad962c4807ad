import ArgumentParser
import Foundation
import LessonKit
import Localization
import Practice
import ProgressStore
import QuizKit
import Tutor

/// `--dir` and `--timeout`: where the learner's files are, and how long a check may run.
struct PracticeOptions: ParsableArguments {
    @Option(help: "The folder of your exercise files.")
    var dir: String = PracticeFolder.defaultDir

    @Option(help: "Seconds a check may run before it is stopped.")
    var timeout: Double = PracticeFolder.defaultTimeout

    var practice: PracticeFolder { PracticeFolder(dir: dir, timeout: timeout) }
    var folder: URL { practice.folder }
    var limits: Harness.Limits { practice.limits }

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout: give a number of seconds from 0 to 600, got \(timeout)") }
    }

    func file(of exercise: Lesson) -> URL { practice.file(of: exercise) }
}

/// The learner's exercise folder and how long a check may run, as `--dir` and `--timeout` give
/// them.
struct PracticeFolder: Equatable {
    static let defaultDir = "convtutor-practice"
    static let defaultTimeout: Double = 10

    var dir = defaultDir
    var timeout = defaultTimeout

    var folder: URL { URL(fileURLWithPath: dir).standardizedFileURL }

    var limits: Harness.Limits { Harness.Limits(seconds: timeout) }

    /// The learner's file for `exercise`: `<dir>/<id>.py`.
    func file(of exercise: Lesson) -> URL {
        folder.appendingPathComponent(exercise.meta.id + ".py")
    }

    /// What the screens show of `exercises` (their files, where the learner stands) and the work
    /// behind them (files prepared and watched, checks run).
    func setUp(_ exercises: [Lesson], statuses: [String: ExerciseStatus]) -> (PracticeCatalogue, PracticeWork) {
        let files = Dictionary(exercises.map { ($0.meta.id, file(of: $0)) }) { first, _ in first }
        return (PracticeCatalogue(exercises: exercises, files: exercises.map { file(of: $0).path }, statuses: statuses),
                PracticeWork(exercises: exercises, files: files, limits: limits))
    }
}

/// `convtutor practice`: write convolution code yourself, checked case by case against the
/// compute core.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Write convolution in NumPy yourself; each save is checked cell by cell.",
        discussion: """
            Without a subcommand, opens the exercises: pick one, edit its file in your editor, and \
            every save is checked again (c checks now, h shows a hint, s the solution after asking, \
            a opens the explorer on the first wrong cell). Needs python3 with numpy.
            """,
        subcommands: [PracticeInit.self, PracticeList.self, PracticeCheck.self])

    @OptionGroup var practice: PracticeOptions
    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try TutorStart(lessons: lessons, data: data, practice: practice, screen: screen)
            .open(on: { _ in .lessons(LessonListState(kind: .exercises)) }, instead: "convtutor practice check ID FILE")
    }
}

/// `convtutor practice init`: the starter files, one per exercise, and a README.
struct PracticeInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write the starter files (one .py per exercise and a README); never overwrites a file.")

    @OptionGroup var practice: PracticeOptions
    @OptionGroup var lessons: LessonOptions

    func run() throws {
        let language = lessons.language.language()
        let t = language.catalogue
        let exercises = lessons.exercises(language, index: DataOptions.defaultLessonIndex)
        try FileManager.default.createDirectory(at: practice.folder, withIntermediateDirectories: true)
        var (wrote, kept) = (0, 0)
        for (url, text) in exercises.compactMap({ e in e.exercise.map { (practice.file(of: e), $0.starter + "\n") } }) {
            if try PracticeFiles.writeNew(url, text) { wrote += 1 } else { kept += 1 }
        }
        let readme = try PracticeFiles.writeNew(practice.folder.appendingPathComponent("README.md"), t.practice(.initReadme) + "\n")
        print(t.practice(.initWrote(wrote, readme: readme, folder: practice.folder.path)))
        if kept > 0 { print(t.practice(.initKept(kept))) }
    }
}

/// `convtutor practice list`: the exercises, with where the learner stands (`--json`).
struct PracticeList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the exercises: number, id, title and your status (--json for scripts).")

    @Flag(help: "JSON on stdout: one object per exercise.")
    var json = false

    @OptionGroup var practice: PracticeOptions
    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let language = lessons.language.language()
        let t = language.catalogue
        let store = try data.openStore()
        let exercises = lessons.exercises(language, index: data.lessonIndex)
        let statuses = try DataOptions.practiceStatuses(store)
        if json {
            let entries = exercises.map { e in
                let status = statuses[e.meta.id] ?? .new
                return Entry(number: e.meta.order, id: e.meta.id, title: e.meta.title, function: e.exercise?.spec.function ?? "",
                             status: status.key, attempts: status.attempts, file: practice.file(of: e).path)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        guard !exercises.isEmpty else {
            print(t.practice(.noExercises))
            return
        }
        let idWidth = exercises.map(\.meta.id.count).max() ?? 0
        for e in exercises {
            let id = e.meta.id + String(repeating: " ", count: idWidth - e.meta.id.count)
            print("\(String(e.meta.order).leftPadded(to: 3))  \(id)  \(e.meta.title)  ·  \(t.practice(.status(statuses[e.meta.id] ?? .new)))")
        }
    }

    struct Entry: Encodable {
        var number: Int
        var id: String
        var title: String
        var function: String
        var status: String
        var attempts: Int
        var file: String
    }
}

/// `convtutor practice check ID FILE`: one check, as text or JSON; exit status 0 when every case
/// passes, 1 when one fails, 2 when the check cannot run.
struct PracticeCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a file against an exercise: exit 0 when every case passes, 1 when one fails, 2 when it cannot run.")

    @Argument(help: "The exercise's id (see practice list).")
    var id: String

    @Argument(help: "Your Python file.")
    var file: String

    @OptionGroup var output: OutputFormat
    @OptionGroup var practice: PracticeOptions
    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let language = lessons.language.language()
        let t = language.catalogue
        let exercises = lessons.exercises(language, index: DataOptions.defaultLessonIndex)
        guard let lesson = exercises.first(where: { $0.meta.id == id }), let exercise = lesson.exercise else {
            FileHandle.standardError.write(Data("convtutor: \(t.practice(.unknownExercise(id, known: exercises.map(\.meta.id))))\n".utf8))
            throw ExitCode(2)
        }
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("convtutor: \(t.practice(.noFile(file)))\n".utf8))
            throw ExitCode(2)
        }
        let report = PracticeRunner.check(exercise, file: url, limits: practice.limits)
        // A check that ran is kept, as on the screen; one that could not run is not an attempt.
        if report.problem.map(\.cannotRun) != true, let store = try? data.openStore() {
            try? store.recordAttempt(exerciseID: id, passed: report.passed, casesPassed: report.passedCount,
                                     casesTotal: report.cases.count, at: Date())
        }
        if output.json {
            print(String(decoding: PracticeJSON.encode(report, id: id, target: exercise.spec.target, t), as: UTF8.self))
        } else {
            print(report.lines(exercise.spec.target, t).joined(separator: "\n"))
        }
        if report.problem.map(\.cannotRun) == true { throw ExitCode(2) }
        if !report.passed { throw ExitCode(1) }
    }
}

extension RunProblem {
    /// Python or numpy is missing: nothing of the learner's ran.
    var cannotRun: Bool {
        switch self {
        case .noPython, .noNumpy: true
        default: false
        }
    }
}

extension ExerciseStatus {
    /// `new`, `failing` or `passed`, for JSON.
    var key: String {
        switch self {
        case .new: "new"
        case .failing: "failing"
        case .passed: "passed"
        }
    }

    var attempts: Int {
        switch self {
        case .new: 0
        case .failing(let n), .passed(let n): n
        }
    }
}

extension PracticeRecord {
    /// Where the learner stands: passing when the last check passed.
    var status: ExerciseStatus {
        lastPassed ? .passed(attempts: attempts) : .failing(attempts: attempts)
    }
}

extension DataOptions {
    /// Where the learner stands on each exercise checked before: passing if the last check passed.
    static func practiceStatuses(_ store: ProgressStore) throws -> [String: ExerciseStatus] {
        do {
            return try store.practiceRecords().mapValues(\.status)
        } catch {
            throw LessonError(error.description)
        }
    }
}

/// The learner's exercise files.
enum PracticeFiles {
    /// Writes `text` to `url` unless a file is there; true when it wrote. The file is created
    /// exclusively, so a file that appears meanwhile is never overwritten either.
    static func writeNew(_ url: URL, _ text: String) throws -> Bool {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw LessonError("\(url.path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try handle.write(contentsOf: Data(text.utf8))
        return true
    }
}
