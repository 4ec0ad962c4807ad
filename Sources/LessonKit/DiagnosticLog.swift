/// A 1-based line and character column in the lesson file.
struct SourcePosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// The diagnostics of one file, collected while parsing.
struct DiagnosticLog {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: position.line, column: position.column, message: message))
    }

    mutating func report(line: Int, column: Int, _ message: String) {
        report(SourcePosition(line: line, column: column), message)
    }

    /// The diagnostics in file order (stable for those at the same place).
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }
}
