import ArgumentParser
import Tutor

@main
struct Convtutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convtutor",
        abstract: "An interactive terminal tutor for convolution as used in deep learning.",
        discussion: "Without a subcommand, opens the home screen.",
        version: "0.1.0",
        subcommands: [Explore.self, Compute.self])

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        launch(AppState(screen: .home(HomeState()), width: 80, height: 24), noColor: noColor)
    }
}
