import ArgumentParser

/// How the full screen uses the terminal, for every command that opens it.
struct ScreenOptions: ParsableArguments {
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false
}
