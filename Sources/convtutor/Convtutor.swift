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
        try launchTutor(on: .home(HomeState()), lessons: lessons, data: data, practice: practice, screen: screen, instead: "convtutor lessons")
    }
}
