import ArgumentParser
import Tutor

@main
struct Convtutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convtutor",
        abstract: "An interactive terminal tutor for convolution as used in deep learning.",
        discussion: "Without a subcommand, opens the home screen.",
        version: "0.1.0",
        subcommands: [Learn.self, Lessons.self, Quiz.self, Stats.self, Explore.self, Replay.self, Check.self, Compute.self])

    @OptionGroup var color: ColorOption

    @OptionGroup var lessons: LessonOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let language = lessons.language.language()
        let store = try data.openStore()
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: lessons.catalogue(language), positions: try data.positions(store))
        launch(state, noColor: color.noColor, runner: QuizRunner(store: store, lessons: state.catalogue.lessons, language: language),
               instead: "convtutor lessons")
    }
}
