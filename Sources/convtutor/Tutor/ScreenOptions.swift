import ArgumentParser

/// `--no-color` and `--no-mouse`: how the full screen uses the terminal.
///
/// convtutor and each of its screen subcommands take them as this one group: ArgumentParser gives
/// an option to the first command of `convtutor explore …` that declares it, and hands a group the
/// parent has decoded on to the subcommand, so a flag declared on both would never reach the
/// subcommand.
struct ScreenOptions: ParsableArguments {
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Leave the mouse to the terminal: no clicks or wheel in convtutor, and text selects without Shift.")
    var noMouse = false

    var settings: ScreenSettings { ScreenSettings(noColor: noColor, noMouse: noMouse) }
}

/// How the full screen uses the terminal, as `--no-color` and `--no-mouse` say.
struct ScreenSettings: Equatable {
    var noColor = false
    var noMouse = false
}
