/// Why the full-screen interface cannot start; each description says what to do instead.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or standard output is a pipe or a file, not a terminal.
    case notATerminal
    /// `TERM` is unset or empty, so the terminal type is unknown.
    case termUnset
    /// The terminal type cannot move the cursor (`dumb`, or an entry without `cup`).
    case cannotAddressCursor(term: String)
    /// No terminfo entry describes `TERM`.
    case unknownTerm(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must both be a terminal for the full-screen tutor; use --plain for linear text"
        case .termUnset:
            "TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color) or use --plain"
        case .cannotAddressCursor(let term):
            "the terminal type '\(term)' cannot move the cursor; use --plain, or set TERM=xterm-256color "
                + "if your terminal can"
        case .unknownTerm(let term):
            "unknown terminal type '\(term)' (no terminfo entry); set TERM=xterm-256color or use --plain"
        }
    }
}
