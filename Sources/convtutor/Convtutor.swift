import ArgumentParser
import Tutor

@main
struct Convtutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convtutor",
        abstract: "An interactive terminal tutor for convolution as used in deep learning.",
        discussion: "Without a subcommand, opens the home screen.",
        version: "0.1.0",
        subcommands: [Learn.self, Lessons.self, Quiz.self, PracticeCommand.self, Stats.self, Explore.self, Replay.self, Check.self, Compute.self])

    @OptionGroup var screen: ScreenOptions

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var practice: PracticeOptions

    func run() throws {
        let language = lessons.language.language()
        let store = try data.openStore()
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: lessons.catalogue(language), positions: try data.positions(store))
        let exercises = lessons.exercises(language)
        let work: PracticeWork
        (state.practice, work) = practice.setUp(exercises, statuses: try data.practiceStatuses(store))
        launch(state, screen: screen, runner: QuizRunner(store: store, lessons: state.catalogue.lessons, exercises: exercises,
                                                         language: language, practice: work),
               instead: "convtutor lessons")
    }
}
