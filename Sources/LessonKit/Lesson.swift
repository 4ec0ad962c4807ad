import ConvCore

/// A lesson parsed from a markdown file: its front matter and its steps, with source lines.
///
/// The file's format is documented for authors in `Lessons/README.md`. Every part keeps the
/// 1-based line where it starts, so diagnostics and the player can point back at the source.
public struct Lesson: Equatable, Sendable {
    /// The front matter.
    public var meta: LessonMeta
    /// One step per `##` heading, in order: for an exercise, its statement.
    public var steps: [Step]
    /// The exercise, when the file is one (`kind: exercise`).
    public var exercise: Exercise?

    public init(meta: LessonMeta, steps: [Step], exercise: Exercise? = nil) {
        self.meta = meta
        self.steps = steps
        self.exercise = exercise
    }

    /// Every quiz item of the lesson, in order.
    public var quizzes: [QuizItem] {
        steps.flatMap { $0.blocks.compactMap { if case .quiz(let q) = $0 { q } else { nil } } }
    }
}

/// The YAML front matter: `id`, `title`, `lang`, `order`, `summary`, optional `requires` and
/// `kind` (`lesson`, the default, or `exercise`).
public struct LessonMeta: Equatable, Sendable {
    /// Stable identifier; the same `id` in `en` and `zh` is the same lesson.
    public var id: String
    public var title: String
    /// `en` or `zh`.
    public var lang: String
    /// Position in the lesson list.
    public var order: Int
    public var summary: String
    /// Ids of lessons to take first.
    public var requires: [String]
    public var kind: LessonKind

    public init(id: String, title: String, lang: String, order: Int, summary: String, requires: [String] = [],
                kind: LessonKind = .lesson) {
        self.id = id
        self.title = title
        self.lang = lang
        self.order = order
        self.summary = summary
        self.requires = requires
        self.kind = kind
    }
}

/// One step: a `##` heading and everything up to the next one.
public struct Step: Equatable, Sendable {
    public var title: String
    /// The line of the `##` heading.
    public var line: Int
    public var blocks: [Block]

    public init(title: String, line: Int, blocks: [Block]) {
        self.title = title
        self.line = line
        self.blocks = blocks
    }

    /// The step's compute blocks, in order.
    public var computations: [Computation] {
        blocks.compactMap { if case .compute(let c) = $0 { c } else { nil } }
    }

    /// The step's animations, in order.
    public var animations: [Animation] {
        blocks.compactMap { if case .animation(let a) = $0 { a } else { nil } }
    }
}

/// Block-level content of a step.
public indirect enum Block: Equatable, Sendable {
    /// `###` and deeper headings inside a step.
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    /// Items are lists of blocks; `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[Block]])
    case quote([Block])
    case table(Table)
    /// A fenced block that is code to show (never to run), with its info string's language.
    case code(language: String, text: String)
    /// A display math block (```` ```math ````), already rendered to Unicode.
    case math(String)
    case animation(Animation)
    /// A `compute` block: a result of the compute core, shown with its arithmetic.
    case compute(Computation)
    case quiz(QuizItem)
    case thematicBreak
}

/// A GitHub table.
public struct Table: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// Inline content.
public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    /// Inline math (`` $`…`$ ``), already rendered to Unicode.
    case math(String)
    /// A link, shown as its text followed by its address.
    case link(text: [Inline], destination: String)
    /// An image, shown as its alt text.
    case image(alt: String)
    case softBreak
    case lineBreak
}

/// An animation block: a fenced block whose info string names an operation the explorer animates
/// (`conv2d`, `conv2d-backward`, …: `ConvOperation.animated`), with the explorer's parameters in YAML.
public struct Animation: Equatable, Sendable {
    /// The operation animated.
    public var kind: ConvOperation
    /// The line of the opening fence.
    public var line: Int
    public var input: [Int]?
    public var kernel: [Int]?
    public var stride: [Int]?
    public var padding: [Int]?
    /// What the padding holds (`padding_mode`; conv2d and conv2d-backward only).
    public var paddingMode: PaddingMode?
    /// `padding: same`, or `pad: [left, right, top, bottom]` (conv2d and conv2d-backward only);
    /// `nil` for `padding` as an amount (`valid` is the amount 0).
    public var paddingLayout: PaddingLayout?
    public var dilation: [Int]?
    public var outputPadding: [Int]?
    public var channels: Int?
    public var filters: Int?
    public var groups: Int?
    public var bias: Bool?
    public var convention: Convention?
    /// The 1-D output mode.
    public var mode: Conv1D.Mode?
    /// Pooling's `ceil_mode`; average pooling's `count_include_pad` and `divisor_override`.
    public var ceilMode: Bool?
    public var countIncludePad: Bool?
    public var divisorOverride: Int?
    /// Adaptive pooling's `output_size`: `[h, w]`, or one number for both.
    public var outputSize: [Int]?
    /// How a backward pass or a transposed convolution is shown.
    public var view: Presentation?
    /// `values: ramp`, or `values: random` with its `seed` (1 when none is given).
    public var values: Values?
    /// Explicit values, overriding generated ones: rows of numbers for `x`, `w`, `dOut` (written
    /// `dout`), a flat list for `a`, `v`, `b`.
    public var explicit: [TensorName: [[Double]]]
    /// The step of the animation to open on (1-based).
    public var startStep: Int?
    /// Read with the explorer's limits (an animation block), or only the compute core's (the
    /// parameters of a computation that shows a size or a count).
    public var drawn = true

    public init(kind: ConvOperation, line: Int) {
        self.kind = kind
        self.line = line
        self.explicit = [:]
    }
}

/// How the explorer shows a backward pass or a transposed convolution.
public enum Presentation: String, CaseIterable, Equatable, Sendable {
    /// One output cell at a time, with every term that sums into it.
    case cells
    /// One source cell at a time, adding its contributions into every cell it reaches.
    case scatter
    /// As one ordinary convolution of the zero-inserted, framed tensor with the flipped kernel.
    case convolution
}

/// A quiz block: a stable id, a kind, a prompt, and what grading needs. LessonKit parses and
/// validates it; the quiz engine grades it.
public struct QuizItem: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Equatable, Sendable {
        case single, multiple, numeric, open
        /// Pick the wrong line (of code, or of statements).
        case spotTheMistake = "spot-the-mistake"
    }

    public var id: String
    public var kind: Kind
    public var line: Int
    public var prompt: String
    public var choices: [String]
    /// For `single` and `spot-the-mistake`: one choice (its text); for `multiple`: several; for
    /// `numeric`: one number; for `open`: the model answer.
    public var answer: [String]
    public var tolerance: Double?
    public var explanation: String
    /// A code listing for `spot-the-mistake`, whose lines are the choices when `choices` is empty.
    public var code: String?
    /// The computation the answer must agree with (`check` compares them).
    public var compute: Computation?

    public init(id: String, kind: Kind, line: Int, prompt: String, choices: [String], answer: [String],
                tolerance: Double? = nil, explanation: String, code: String? = nil, compute: Computation? = nil) {
        self.id = id
        self.kind = kind
        self.line = line
        self.prompt = prompt
        self.choices = choices
        self.answer = answer
        self.tolerance = tolerance
        self.explanation = explanation
        self.code = code
        self.compute = compute
    }
}

/// A problem in a lesson file, at a 1-based line and column.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// An error makes `check` fail; a warning is reported and does not.
    public enum Severity: Equatable, Sendable {
        case error, warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `file:line:column: message`, as compilers print it; a warning's message starts with
    /// `warning: `.
    public var description: String {
        "\(file):\(line):\(column): " + (severity == .warning ? "warning: " : "") + message
    }
}
