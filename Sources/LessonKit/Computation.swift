import ConvCore

/// A computed number in a lesson: a `compute` block, or the `compute` key of a question, that asks
/// the compute core for a result (an output size, a cell, a count, a 1-D identity) instead of
/// having the author type it.
///
/// LessonKit reads and validates the keys; the tutor evaluates it, shows the answer with its
/// arithmetic, and `check` compares it with `expect` (or with the question's answer).
public struct Computation: Equatable, Sendable {
    /// What is computed.
    public enum Subject: Equatable, Sendable {
        /// The computation an animation of this operation shows, with `parameters`.
        case animation(ConvOperation)
        /// The receptive field of a stack of `layers`.
        case receptiveField
        /// Both sides of an identity of 1-D convolution.
        case property(Property)
        /// One cell of `dx`, `dw` or `db` of a conv2d-backward animation checked by centred
        /// differences of `L = Σ dOut ⊙ out` (`cell`, `tensor`).
        case gradientCheck
        /// A fast algorithm, a factorisation or an initialisation, with its inputs.
        case technique(Technique)
    }

    /// Which part of a computation is shown: the first six for animation kinds, the others for
    /// the techniques that name them (`Technique.Name.shows`).
    public enum Show: String, CaseIterable, Equatable, Sendable {
        case output, size, cell, parameters, macs
        /// Adaptive pooling's window of an output cell: its start and end (exclusive) per axis.
        case window
        case cost, multiplications, transforms, error, weights, bias, check, factors, rank, exact
        case fanIn = "fan-in"

        /// What an animation kind shows.
        public static let animationShows: [Show] = [.output, .size, .cell, .parameters, .macs, .window]
    }

    /// The identities of 1-D convolution (`numpy.convolve`, full mode) a block can demonstrate.
    public enum Property: String, CaseIterable, Equatable, Sendable {
        /// (α·f + β·g) ∗ h = α(f ∗ h) + β(g ∗ h)
        case linearity
        /// (α·f) ∗ (β·g) = αβ(f ∗ g)
        case scaling
        /// f ∗ g = g ∗ f
        case commutativity
        /// (f ∗ g) ∗ h = f ∗ (g ∗ h)
        case associativity
        /// f ∗ (g + h) = f ∗ g + f ∗ h
        case distributivity
        /// Shifting f by k shifts f ∗ g by k.
        case shift

        /// The arrays the identity needs.
        public var arrays: [String] {
            switch self {
            case .linearity, .associativity, .distributivity: ["f", "g", "h"]
            case .scaling, .commutativity, .shift: ["f", "g"]
            }
        }
    }

    /// The answer an author expects.
    public enum Expectation: Equatable, Sendable {
        /// A number (`[[v]]`), a list (one row) or rows of a grid.
        case numbers([[Double]])
        /// The compute core must refuse the parameters.
        case invalid
    }

    /// The line of the opening fence (or of the question's `compute` key).
    public var line: Int
    public var subject: Subject
    public var show: Show
    /// The animation keys (`input`, `kernel`, `x`, …): for `.animation`, exactly what an animation
    /// block of that kind would compute.
    public var parameters: Animation
    /// The cell of `show: cell` or of a gradient check: `[i]`, `[i, j]` or `[c, i, j]`; of
    /// `show: window`, the output cell `[i]` (the height's window) or `[i, j]` (both axes').
    public var cell: [Int]?
    /// The tensor of `show: cell`: `out`, or `dx`, `dw`, `db` for backward kinds.
    public var tensor: TensorName?
    /// The stack of `of: receptive-field`.
    public var layers: [ReceptiveField.Layer]
    /// The arrays `f`, `g`, `h` of a property.
    public var arrays: [String: [Double]]
    public var alpha: Double?
    public var beta: Double?
    public var shift: Int?
    public var expect: Expectation?
    /// How far the core's answer may be from `expect` (default: equal to 1e-9 relative).
    public var tolerance: Double?

    public init(line: Int, subject: Subject, show: Show = .output, parameters: Animation) {
        self.line = line
        self.subject = subject
        self.show = show
        self.parameters = parameters
        self.layers = []
        self.arrays = [:]
    }
}
