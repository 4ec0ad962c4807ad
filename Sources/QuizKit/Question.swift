import ConvCore
import LessonKit

/// A question the quiz engine asks: a lesson's quiz block or a generated problem, with what
/// grading needs, the explanation shown after the answer, and for computed items the animation of
/// the computation (an explorer scene, described as a lesson's animation block is).
public struct Question: Equatable, Sendable {
    /// What kind of answer the question takes, and the right one.
    public enum Kind: Equatable, Sendable {
        /// One choice (0-based index).
        case single(choices: [String], answer: Int)
        /// Every right choice, and no other.
        case multiple(choices: [String], answers: Set<Int>)
        /// A number within `tolerance`; `invalid` when the parameters admit no answer.
        case numeric(answer: NumericAnswer, tolerance: Double)
        /// The learner thinks, reveals the model answer and grades themselves.
        case open(modelAnswer: String)
        /// Pick the wrong line: of a code listing (`isCode`) or of a list of statements.
        case spotTheMistake(lines: [String], wrong: Int, isCode: Bool)
        /// Mark cells of one grid of the animation's scene: the receptive field of an output cell,
        /// the `dx` cells a `dOut` cell reaches, a window's maximum.
        case selectCells(grid: GridName, answer: Set<GridCell>)
    }

    /// The card it is scheduled under (a family of generated problems is one card; each review
    /// draws a new problem of it).
    public var id: CardID
    public var prompt: String
    public var kind: Kind
    public var explanation: String
    /// The computation behind the answer, played after it (for computed and grid items).
    public var animation: Animation?
    /// Which cell of that animation the answer is, so the replay opens on it (1-based step).
    public var animationStep: Int?
    /// A lesson question's computation, when its answer is checked against one: the replay opens
    /// on the cell it names.
    public var computation: Computation?

    public init(id: CardID, prompt: String, kind: Kind, explanation: String,
                animation: Animation? = nil, animationStep: Int? = nil) {
        self.id = id
        self.prompt = prompt
        self.kind = kind
        self.explanation = explanation
        self.animation = animation
        self.animationStep = animationStep
    }

    /// For accuracy by topic: the lesson, or the generated problem's family.
    public var topic: Topic { id.topic }

    /// A fingerprint of what the learner sees and what counts as right: a card whose text changes
    /// keeps its history and is marked as changed. FNV-1a over the fields, as hex.
    public var contentHash: String {
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100000001b3
            }
            hash ^= 0xff
            hash &*= 0x100000001b3
        }
        mix(prompt)
        mix(expectedText)
        switch kind {
        case .single(let choices, _), .multiple(let choices, _): choices.forEach(mix)
        case .spotTheMistake(let lines, _, _): lines.forEach(mix)
        default: break
        }
        return String(hash, radix: 16)
    }
}

/// A numeric answer: a number, or "invalid" when no output exists (a kernel larger than the
/// padded input, an output padding out of range, …).
public enum NumericAnswer: Equatable, Sendable {
    case number(Double)
    case invalid
}

/// A grid of an animation's scene: a tensor's plane (`x[0,0]` is `x` at plane `[0, 0]`).
public struct GridName: Hashable, Sendable {
    public var tensor: TensorName
    /// The leading indices that select the plane.
    public var plane: [Int]

    public init(_ tensor: TensorName, plane: [Int]) {
        self.tensor = tensor
        self.plane = plane
    }
}

/// A cell of a grid as drawn: row and column, both 0-based, counting the padding ring.
public struct GridCell: Hashable, Sendable, Comparable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }

    public static func < (a: GridCell, b: GridCell) -> Bool {
        (a.row, a.col) < (b.row, b.col)
    }
}
