import ConvCore

/// Why the full screen cannot start.
public enum TerminalProblem: Equatable, Sendable {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// `TERM` is not set.
    case termUnset
    /// The terminal type cannot move the cursor.
    case cannotAddressCursor(term: String)
    /// No terminfo entry describes the terminal type.
    case unknownTerm(String)
}

/// What the command line prints besides the screens: refusals, failures and summaries (its
/// `--help` pages and argument errors are English).
public enum CommandPhrase: Equatable, Sendable {
    /// The screen cannot start; `instead` is a command that gives the same as text, if there is one.
    case terminal(TerminalProblem, instead: String?)
    /// The learner's progress or answers could not be saved; the reason follows.
    case progressNotSaved(String)
    case answersNotSaved(String)
    /// No lesson with that id in the language; the ids there are.
    case noLesson(id: String, language: String, known: [String])
    /// A file that cannot be written.
    case cannotWrite(path: String, reason: String)
    /// `check` found nothing wrong.
    case checked(files: Int)
    /// `check` found no errors, only warnings (which it has printed).
    case checkedWithWarnings(files: Int, warnings: Int)
    /// `compute`'s note under the header of a true convolution (`--convention convolution`).
    case trueConvolution
    /// A line of `compute output-size`: one axis's formula after its label, the two labels aligned.
    case axisSize(Axis, formula: String)
}
