import Foundation
import LessonIndex
import LessonKit
import Localization
import ProgressStore
import QuizKit
import Tutor

/// What the full-screen tutor starts with, as plain values: what the options say, or, for a bare
/// `convtutor`, every option's default, read without parsing any argument.
struct TutorStart: Equatable {
    var language: Language
    /// `--lessons`: the learner's own lesson folders.
    var lessonFolders: [String] = []
    /// `--data-dir`.
    var dataDir: String?
    /// The exercise folder, when the practice screens can open.
    var practice: PracticeFolder?
    var screen = ScreenSettings()

    /// The start a bare `convtutor` makes: every option at its default.
    static func defaults(environment: [String: String]) -> TutorStart {
        TutorStart(language: Language.of(environment: environment), practice: PracticeFolder())
    }

    /// The start the parsed options ask for.
    init(lessons: LessonOptions, language: Language? = nil, data: DataOptions, practice: PracticeOptions?, screen: ScreenOptions) {
        self.init(language: language ?? lessons.language.language(), lessonFolders: lessons.folders, dataDir: data.dataDir,
                  practice: practice?.practice, screen: screen.settings)
    }

    init(language: Language, lessonFolders: [String] = [], dataDir: String? = nil, practice: PracticeFolder?,
         screen: ScreenSettings = ScreenSettings()) {
        self.language = language
        self.lessonFolders = lessonFolders
        self.dataDir = dataDir
        self.practice = practice
        self.screen = screen
    }

    /// Opens the full screen on `first`, with everything the screens reachable from it need: the
    /// lessons and where the learner stands in them, the exercises and their files, the runner.
    ///
    /// What the first screen draws is read before its first frame, the rest just after it: home
    /// draws no lesson, so the lessons are read (through the index) and the exercises parsed once
    /// home is on screen, before the first key is read. `first` is made from the learner's saved
    /// positions (a lesson opens where they stopped); `opened` is a lesson parsed already.
    func open(on first: (_ positions: [String: LessonPosition]) -> Screen, instead: String, opened: Lesson? = nil) throws -> Never {
        let directory = DataOptions.directory(explicit: dataDir)
        let store = try DataOptions.openStore(in: directory)
        let positions = try DataOptions.positions(store)
        let first = first(positions)
        let index = DataOptions.lessonIndex(in: directory)
        let runner = QuizRunner(store: store, index: index, language: language)
        // Finding the bundled folder takes a few looks on disk: home does it after its frame.
        var key: String { LessonOptions.snapshotKey(folders: lessonFolders, language) }
        var summaries: [LessonSummary] = []
        /// The catalogue of `lessons`, in order.
        func catalogue(_ lessons: [LessonSummary]) -> LessonCatalogue {
            var catalogue = LessonCatalogue(lessons: lessons, positions: positions)
            if let opened { catalogue.loaded[opened.meta.id] = opened }
            runner.lessons = catalogue.lessons
            return catalogue
        }
        /// The catalogue from the files (through the index); its lessons, in order, are kept for the
        /// next start's first frame when they differ from `saved`.
        func loadCatalogue(saved: [LessonSummary]?) -> LessonCatalogue {
            summaries = LessonOptions.summaries(folders: lessonFolders, language, index: index)
            let lessons = LessonOptions.lessons(of: summaries)
            if lessons != saved { LessonIndex.saveSnapshot(lessons, key: key, index: index) }
            return catalogue(lessons)
        }
        func loadPractice() -> PracticeCatalogue? {
            guard let practice else { return nil }
            runner.exercises = LessonOptions.exerciseSummaries(of: summaries)
            // Read when the exercises are: every attempt ever made, which home does not show.
            let statuses: [String: ExerciseStatus]
            do {
                statuses = try store.practiceRecords().mapValues(\.status)
            } catch {
                runner.fail(error.description)
                statuses = [:]
            }
            let (catalogue, work) = practice.setUp(LessonOptions.parse(runner.exercises), statuses: statuses)
            runner.practice = work
            return catalogue
        }
        // A list draws its items in its first frame (the exercises' list needs the summaries
        // first); home draws none.
        let list: ListKind? = if case .lessons(let list) = first { list.kind } else { nil }
        var state = AppState(screen: first, width: 80, height: 24, language: language)
        // The lessons' list draws its first frame from the first lessons of the list the last
        // start saved, more than a screen holds, and reads the files just after; the exercises'
        // list needs them parsed, so it reads them first.
        let head = list == .lessons ? LessonIndex.snapshot(key, index: index, first: LessonIndex.snapshotHead) : nil
        if let head {
            state.catalogue = LessonCatalogue(first: head.lessons, columns: ListColumns(widestOrder: head.widestOrder, stepCounts: head.stepCounts),
                                              positions: positions)
        } else if list != nil {
            state.catalogue = loadCatalogue(saved: nil)
        }
        if list == .exercises, let catalogue = loadPractice() { state.practice = catalogue }
        launch(state, screen: screen, runner: runner, instead: instead) {
            var replies: [Msg] = []
            if list == nil || head != nil {
                replies.append(.catalogueLoaded(loadCatalogue(saved: LessonIndex.snapshot(key, index: index)?.lessons)))
            }
            if list != .exercises, let catalogue = loadPractice() { replies.append(.practiceLoaded(catalogue)) }
            return replies
        }
    }
}
