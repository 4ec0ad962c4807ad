import ConvCore

/// What a fenced block is, from the first word of its info string.
///
/// `conv2d`, `quiz`, `compute`, `math`, … name block kinds (`ConvOperation.animated` for animations); any other word (`python`, `swift`, `text`) or none
/// makes a code block to show. A word within a small edit distance of a kind (`quizz`, `conv2D`,
/// `conv-2d`) is taken for a misspelt kind, unless it is a known programming language.
enum FenceKind: Equatable {
    case animation(ConvOperation)
    case quiz
    case compute
    case math
    /// An exercise's spec, its starter file (```` ```python starter ````) and its solution
    /// (```` ```python solution ````).
    case exercise
    case starter
    case solution
    case code(language: String)
    /// Looks like a misspelt block kind: shown as code, and reported.
    case misspelt(String, suggestion: String)

    /// Every block kind an info string can name.
    static let kinds: [String] = ConvOperation.animated.map(\.rawValue) + ["quiz", "compute", "math", "exercise"]

    /// Kinds that had another name before: a block that uses the old one is told the new one.
    static let renamed = ["transpose2d": ConvOperation.convTranspose2d.rawValue]

    init(info: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = words.first ?? ""
        if ["python", "python3", "py"].contains(word.lowercased()), words.count > 1, words[1] == "starter" || words[1] == "solution" {
            self = words[1] == "starter" ? .starter : .solution
        } else if word == "exercise" {
            self = .exercise
        } else if let kind = ConvOperation(rawValue: word), ConvOperation.animated.contains(kind) {
            self = .animation(kind)
        } else if word == "quiz" {
            self = .quiz
        } else if word == "compute" {
            self = .compute
        } else if word == "math" {
            self = .math
        } else if let suggestion = Self.misspelling(word) {
            self = .misspelt(word, suggestion: suggestion)
        } else {
            self = .code(language: word)
        }
    }

    /// The kind `word` seems a misspelling of: same letters but for case, or at most 1 edit from a
    /// kind of 4 letters (`quiz`, `math`) and 2 from longer ones; known languages never are.
    static func misspelling(_ word: String) -> String? {
        let lower = word.lowercased()
        guard !word.isEmpty, !languages.contains(lower) else { return nil }
        if let new = renamed[lower] { return new }
        var best: (kind: String, distance: Int)?
        for kind in kinds {
            let d = EditDistance.distance(lower, kind)
            let within = kind.count <= 4 ? 1 : 2
            if d <= within, d < (best?.distance ?? Int.max) { best = (kind, d) }
        }
        return best?.kind
    }

    /// Info-string words that are programming or text languages, never misspelt kinds.
    static let languages: Set<String> = [
        "bash", "bat", "batch", "c", "c++", "console", "cpp", "cs", "csharp", "css", "csv", "cuda", "diff",
        "dockerfile", "fish", "fortran", "go", "haskell", "html", "ini", "java", "javascript", "js", "json",
        "julia", "kotlin", "latex", "lua", "make", "makefile", "markdown", "mathml", "matlab",
        "md", "numpy", "objc", "octave", "output", "path", "perl", "php", "plain", "plaintext", "powershell",
        "ps", "py", "pycon", "python", "python3", "r", "rb", "ruby", "rust", "rs", "scala", "sh", "shell",
        "sql", "svg", "swift", "tex", "text", "toml", "ts", "tsx", "txt", "typescript", "xml", "yaml", "yml",
        "zsh",
    ]
}
