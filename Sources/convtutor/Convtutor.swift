import ArgumentParser

@main
struct Convtutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convtutor",
        abstract: "An interactive terminal tutor for convolution as used in deep learning.",
        version: "0.1.0",
        subcommands: [Compute.self])
}
