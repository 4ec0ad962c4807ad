/// What a lesson file is: a lesson to read, or an exercise to write code for.
public enum LessonKind: String, CaseIterable, Sendable {
    case lesson, exercise
}

/// A practice exercise: the function the learner writes, what it must equal, the file it starts
/// from and the reference solution. Its statement is the file's steps, as a lesson's text is.
///
/// An exercise file has `kind: exercise` in its front matter, one `exercise` block (the spec),
/// one ```` ```python starter ```` block and one ```` ```python solution ```` block.
public struct Exercise: Equatable, Sendable {
    public var spec: ExerciseSpec
    /// The file the learner starts from: a stub, or code with bugs to fix.
    public var starter: String
    /// A passing solution, shown only when the learner asks.
    public var solution: String

    public init(spec: ExerciseSpec, starter: String, solution: String) {
        self.spec = spec
        self.starter = starter
        self.solution = solution
    }
}

/// The `exercise` block: the Python function to call, the operation of the compute core it must
/// equal, the ranges its test cases are drawn from, the tolerance and the hints.
public struct ExerciseSpec: Equatable, Sendable {
    /// The line of the block's opening fence.
    public var line: Int
    /// The Python function the learner's file defines (`conv_forward`).
    public var function: String
    public var target: ExerciseTarget
    /// Bounds for the drawn cases, by parameter; a parameter not given takes the target's default.
    public var ranges: [CaseParameter: ClosedRange<Int>]
    /// The `mode`s a 1-D convolution is checked in (`full`, `same`, `valid`).
    public var modes: [String]
    /// How many random cases to draw beyond the fixed ones.
    public var random: Int
    /// The seed of the random cases: the same seed, the same cases on every machine.
    public var seed: UInt64
    /// Largest relative error accepted per value: |got − expected| ≤ tolerance · max(1, |expected|).
    public var tolerance: Double
    /// Hints, shown one at a time.
    public var hints: [String]

    public init(line: Int, function: String, target: ExerciseTarget, ranges: [CaseParameter: ClosedRange<Int>] = [:],
                modes: [String] = ExerciseSpec.allModes, random: Int = 6, seed: UInt64 = 1, tolerance: Double = 1e-6,
                hints: [String] = []) {
        self.line = line
        self.function = function
        self.target = target
        self.ranges = ranges
        self.modes = modes
        self.random = random
        self.seed = seed
        self.tolerance = tolerance
        self.hints = hints
    }

    /// numpy's three modes.
    public static let allModes = ["full", "same", "valid"]
}

/// The operation an exercise's function must equal, and how it is called.
public enum ExerciseTarget: String, CaseIterable, Sendable {
    /// `f(f, g, mode)` equals `numpy.convolve(f, g, mode)`.
    case conv1d
    /// `f(H, K, S, P, D)` equals ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1, and is 0 or raises when no
    /// output exists.
    case outputSize = "output-size"
    /// `f(x, W, b, stride, padding)` equals conv2d's `out`.
    case conv2d
    /// `f(dout, x, W, b, stride, padding)` equals conv2d's `(dx, dW, db)`.
    case conv2dBackward = "conv2d-backward"
    /// `f(x, size, stride)` equals max pooling's `out`.
    case maxpool2d
    /// `f(dout, x, size, stride)` equals max pooling's `dx` (ties to the first maximum).
    case maxpool2dBackward = "maxpool2d-backward"
    /// `f(x, W, stride, padding)` equals conv_transpose2d's `out`.
    case convTranspose2d = "conv-transpose2d"

    /// The parameters its cases are drawn over.
    public var parameters: [CaseParameter] {
        switch self {
        case .conv1d: [.lengthF, .lengthG]
        case .outputSize: [.h, .kernel, .stride, .padding, .dilation]
        case .conv2d, .conv2dBackward, .convTranspose2d: [.n, .c, .f, .h, .w, .kernel, .stride, .padding]
        case .maxpool2d, .maxpool2dBackward: [.n, .c, .h, .w, .size, .stride]
        }
    }
}

/// A parameter of an exercise's cases, as the `cases` mapping names it.
public enum CaseParameter: String, CaseIterable, Sendable {
    case n, c, f, h, w, kernel, stride, padding, dilation, size
    case lengthF = "length-f"
    case lengthG = "length-g"

    /// The values a range may span: small enough that a case's arithmetic can be read.
    public var limits: ClosedRange<Int> {
        switch self {
        case .n, .c, .f: 1...4
        case .h, .w: 1...256
        case .lengthF, .lengthG: 1...64
        case .kernel, .size: 1...7
        case .stride, .dilation: 1...4
        case .padding: 0...3
        }
    }
}
