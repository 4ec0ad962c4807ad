import ArgumentParser

/// `--no-color`: the full screen without colours, as `NO_COLOR` asks.
///
/// convtutor and each of its screen subcommands take it as this one group: ArgumentParser gives an
/// option to the first command of `convtutor explore …` that declares it, and hands a group the
/// parent has decoded on to the subcommand, so a flag declared on both would never reach the
/// subcommand.
struct ColorOption: ParsableArguments {
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false
}
