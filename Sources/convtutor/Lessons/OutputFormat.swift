import ArgumentParser

/// `--plain` and `--json`: a command's answer as text or as JSON instead of a screen (or of its
/// default text).
struct OutputFormat: ParsableArguments {
    @Flag(help: "Plain text on stdout.")
    var plain = false

    @Flag(help: "JSON on stdout.")
    var json = false

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json: choose one") }
    }
}
