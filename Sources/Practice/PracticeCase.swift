import ConvCore
import LessonKit
import Localization

/// One call of the learner's function: what it is given, and what the compute core says it must
/// return.
public struct PracticeCase: Equatable, Sendable {
    /// Why the case is there (an edge it probes, or a random draw).
    public var label: CaseLabel
    public var settings: CaseSettings
    /// The positional arguments, with the names the function's signature gives them.
    public var arguments: [Argument]
    public var expected: Expected

    public init(label: CaseLabel, settings: CaseSettings, arguments: [Argument], expected: Expected) {
        self.label = label
        self.settings = settings
        self.arguments = arguments
        self.expected = expected
    }

    /// An argument: its name in the signature (`x`, `W`, `dout`) and its value.
    public struct Argument: Equatable, Sendable {
        public var name: String
        public var value: PyValue

        public init(_ name: String, _ value: PyValue) {
            self.name = name
            self.value = value
        }
    }

    /// The argument named `name`'s tensor.
    public func tensor(_ name: String) -> Tensor? {
        arguments.first { $0.name == name }.flatMap { if case .array(let t, _) = $0.value { t } else { nil } }
    }
}

/// The sizes and options of one case.
public struct CaseSettings: Equatable, Sendable {
    public var n = 1, c = 1, f = 1
    /// The input's height and width (for `output-size`, `h` is the input size).
    public var input = Pair(1)
    public var kernel = Pair(1)
    public var stride = 1, padding = 0, dilation = 1
    /// A 1-D case: the lengths of `f` and `g`, and numpy's mode.
    public var lengthF = 0, lengthG = 0
    public var mode: Conv1D.Mode = .full

    public init() {}

    /// The value of one of an exercise's case parameters (the larger of a pair's two).
    public func value(_ parameter: CaseParameter) -> Int {
        switch parameter {
        case .n: n
        case .c: c
        case .f: f
        case .h: input.h
        case .w: input.w
        case .kernel, .size: max(kernel.h, kernel.w)
        case .stride: stride
        case .padding: padding
        case .dilation: dilation
        case .lengthF: lengthF
        case .lengthG: lengthG
        }
    }

    /// Whether every value lies in `ranges` (the smaller of a pair's two as well).
    public func lies(in ranges: [CaseParameter: ClosedRange<Int>]) -> Bool {
        ranges.allSatisfy { parameter, range in
            switch parameter {
            case .kernel, .size: range.contains(kernel.h) && range.contains(kernel.w)
            default: range.contains(value(parameter))
            }
        }
    }
}

/// What the function must return.
public enum Expected: Equatable, Sendable {
    /// Arrays in the order the function returns them: one returned alone, several as a tuple.
    case arrays([Result])
    /// An output size; `nil` when no output exists (then 0 or an exception is right).
    case size(Int?)

    /// An expected array: its name in the exercise (`out`, `dx`, `dW`, `db`), its values, and
    /// the rule its shape follows.
    public struct Result: Equatable, Sendable {
        public var name: String
        public var tensor: Tensor
        public var rule: ShapeRule

        public init(_ name: String, _ tensor: Tensor, _ rule: ShapeRule) {
            self.name = name
            self.tensor = tensor
            self.rule = rule
        }
    }
}

extension Expected {
    /// The expected shape of the array named `name`.
    public func shape(of name: String) -> [Int]? {
        guard case .arrays(let results) = self else { return nil }
        return results.first { $0.name == name }?.tensor.shape
    }
}
