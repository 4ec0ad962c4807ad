import ArgumentParser

/// How the full screen uses the terminal (colours, mouse), for every command that opens it.
struct ScreenOptions: ParsableArguments {
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Leave the mouse to the terminal: no clicks or wheel in convtutor, and text selects without Shift.")
    var noMouse = false
}
