import ArgumentParser
import Foundation
import Localization
import Scenes
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

    /// Starts convtutor. The starts a learner makes many times a day, a bare `convtutor` and
    /// `convtutor explore`, take every option's default, so they open without parsing arguments:
    /// ArgumentParser's reflection over every command and option takes longer than drawing the
    /// whole frame. (Tests check that parsing no options gives the same start.)
    static func main() {
        let environment = processEnvironment
        switch Array(CommandLine.arguments.dropFirst()) {
        case []:
            do {
                try TutorStart.defaults(environment: environment).openHome()
            } catch {
                exit(withError: error)
            }
        case ["explore"]:
            Explore.open(ExplorerConfig(), language: Language.of(environment: environment), screen: ScreenSettings())
        default:
            main(nil)
        }
    }

    func run() throws {
        try TutorStart(lessons: lessons, data: data, practice: practice, screen: screen).openHome()
    }
}

extension TutorStart {
    /// The home screen.
    func openHome() throws -> Never {
        try open(on: { _ in .home(HomeState()) }, instead: "convtutor lessons")
    }
}
