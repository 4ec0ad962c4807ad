import ConvCore
import LessonKit
import Localization

/// Generated problems: a family and a seed give one question, the same on every machine, whose
/// answer key comes from the compute core.
///
///     let q = ProblemGenerator.question(.outputSize, seed: 42, language: .en)
///     q.id == .generated(.outputSize)    // the family is the card; each review draws a new seed
///
/// Cell and select-the-cells problems carry the explorer scene of their computation (`animation`)
/// and the step of that scene that computes the asked cell (`animationStep`), so the tutor can
/// play the answer. Those grids are at most 6×6 with one channel, in sizes whose scene the explorer
/// draws whole at 80×24.
public struct ProblemGenerator {
    /// The question of `family` for `seed`, in `language`.
    public static func question(_ family: ProblemFamily, seed: UInt64, language: Language) -> Question {
        problem(family, seed: seed, language: language).question(family)
    }

    /// The question with the parameters it was drawn from (the tests check the answer against them).
    static func problem(_ family: ProblemFamily, seed: UInt64, language: Language) -> Problem {
        var random = SeededRandom(seed: seed ^ family.salt)
        do {
            return try draw(family, &random, language.catalogue)
        } catch {
            // Unreachable, whatever the seed. The size and count families do not throw (ceil-mode-size
            // draws padding at most half the window and H + 2P ≥ K); the
            // factorised ones draw nonzero factors (rank 1), layers PyTorch accepts and σ² > 0. The cell
            // and select families draw only layers the compute core accepts, x never smaller than
            // the kernel's reach over the padded input (`smallConv`, `backwardSizes`, pooling
            // windows of 2–3 over x of 4–6 with padding at most half the window), and ask only
            // cells of the tensors those layers produce. Their own guards cannot fire either: with
            // padding at most 1 and kernels of at least 2, every window reads a real cell of x (its
            // first tap in each axis, or failing that its second), so a receptive field or a dx
            // reach is never empty, and a max-pooling window always has a maximum.
            preconditionFailure("\(family.rawValue) seed \(seed): the compute core refused the draw: \(error)")
        }
    }

    /// One draw of `family`'s parameters, and the problem they make, in `t`'s language.
    static func draw(_ family: ProblemFamily, _ random: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        switch family {
        case .outputSize: return outputSize(&random, t)
        case .poolOutputSize: return poolOutputSize(&random, t)
        case .transposedOutputSize: return transposedOutputSize(&random, t)
        case .ceilModeSize: return try ceilModeSize(&random, t)
        case .adaptiveBounds: return adaptiveBounds(&random, t)
        case .parameters: return parameters(&random, t)
        case .macs: return macs(&random, t)
        case .separableCost: return try separableCost(&random, t)
        case .foldedBias: return try foldedBias(&random, t)
        case .receptiveField: return receptiveField(&random, t)
        case .outputCell: return try outputCell(&random, t)
        case .dxCell: return try gradientCell(.dx, &random, t)
        case .dwCell: return try gradientCell(.dw, &random, t)
        case .poolCell: return try poolCell(&random, t)
        case .receptiveFieldCells: return try receptiveFieldCells(&random, t)
        case .dxReach: return try dxReach(&random, t)
        case .poolMax: return try poolMax(&random, t)
        }
    }
}

/// A generated question before it becomes a `Question`, with what it was drawn from.
struct Problem {
    var prompt: String
    var kind: Question.Kind
    var explanation: String
    var animation: Animation?
    var setup: Setup

    init(prompt: String, kind: Question.Kind, explanation: String, animation: Animation? = nil, setup: Setup) {
        self.prompt = prompt
        self.kind = kind
        self.explanation = explanation
        self.animation = animation
        self.setup = setup
    }

    func question(_ family: ProblemFamily) -> Question {
        Question(id: .generated(family), prompt: prompt, kind: kind, explanation: explanation,
                 animation: animation, animationStep: animation?.startStep)
    }
}

/// The parameters a problem was drawn from.
enum Setup: Equatable {
    /// A conv2d's output size along `axis`.
    case convolutionSize(input: Pair, kernel: Int, stride: Int, padding: Int, dilation: Int, axis: Axis)
    /// A pooling layer's output size along `axis`; `stride` is nil when the prompt leaves it to the default.
    case poolingSize(kind: Pool2D.Kind, input: Pair, kernel: Int, stride: Int?, padding: Int, axis: Axis)
    /// A pooling layer's output height on a square input, with `ceil_mode` on or off.
    case ceilModeSize(kind: Pool2D.Kind, input: Int, kernel: Int, stride: Int, padding: Int, ceilMode: Bool)
    /// Output row `index`'s window of adaptive pooling from `input` rows to `output`: its end, or its start.
    case adaptiveBounds(kind: Pool2D.Kind, input: Int, output: Int, index: Int, end: Bool)
    /// A transposed convolution's output size (square).
    case transposedSize(input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, outputPadding: Int)
    /// A conv2d layer's learnable parameters.
    case parameters(channels: Int, filters: Int, kernel: Int, groups: Int, bias: Bool, image: Int)
    /// A conv2d's multiply-accumulates on one square image.
    case macs(input: Int, channels: Int, filters: Int, kernel: Int, stride: Int, padding: Int, groups: Int)
    /// A separable kernel `column·rowᵀ`; what it saves, or what it costs.
    case separableKernel(column: [Double], row: [Double], saving: Bool)
    /// Inception-v3's n×n layer `channels` → `filters` as 1×n then n×1.
    case inception(channels: Int, filters: Int, n: Int)
    /// A convolution's bias (nil: none) and the batch norm folded into it.
    case foldedBias(b: Double?, gamma: Double, beta: Double, mean: Double, variance: Double)
    /// A stack of layers, input first.
    case receptiveField([ReceptiveField.Layer])
    /// The asked cell of the animation's scene: `out`, `dx` or `dw` for a cell, or for a
    /// select-the-cells problem the output cell whose window (`out`) or gradient (`dOut`) is asked
    /// about; a 4-D index `[0, 0, row, col]`.
    case cell(tensor: TensorName, index: [Int])
}

// MARK: - Drawing numbers

extension SeededRandom {
    /// A `(1, 1, h, w)` tensor of integers from `values` (without 0 when `nonzero`).
    mutating func grid(_ h: Int, _ w: Int, _ values: ClosedRange<Int>, nonzero: Bool = false) -> Tensor {
        tensor([1, 1, h, w], values, nonzero: nonzero)
    }
}

// MARK: - Shared pieces of cell problems

extension ProblemGenerator {
    /// The rows of a `(1, 1, H, W)` tensor, as an animation's explicit values.
    static func rows(_ t: Tensor) -> [[Double]] {
        t.plane(0, 0).rows
    }

    /// Two no-break spaces: the indent of a listed line (an equation, a term, a layer), which the
    /// quiz screen's word wrapping keeps (it collapses ordinary leading spaces).
    static let indent = "\u{00A0}\u{00A0}"

    /// `x (5×5):` and the rows of the tensor's first plane, indented and right-aligned.
    ///
    /// The rows are spaced with no-break spaces (U+00A0, one column wide): the quiz screen wraps a
    /// prompt as words and would collapse ordinary runs of spaces, losing the alignment.
    static func gridText(_ name: TensorName, _ t: Tensor) -> String {
        let plane = t.plane(0, 0)
        let rows = Text.grid(plane).map { ("  " + $0).replacingOccurrences(of: " ", with: "\u{00A0}") }
        return "\(name.rawValue) (\(plane.shape[0])×\(plane.shape[1])):\n" + rows.joined(separator: "\n")
    }

    /// `out[1,2]`: a cell by its row and column (the last two axes of a 4-D index).
    static func cellName(_ tensor: TensorName, _ index: [Int]) -> String {
        Text.cell(tensor, Array(index.suffix(2)))
    }

    /// A trace with every 4-D index cut to its row and column, for explanations that talk about
    /// one image and one channel: `dx[2,3] = 1×2 + …` instead of `dx[0,0,2,3] = …`. Values are
    /// untouched.
    static func planar(_ trace: Trace) -> Trace {
        var t = trace
        if t.index.count == 4 { t.index = Array(t.index.suffix(2)) }
        for k in t.terms.indices {
            for f in t.terms[k].factors.indices where t.terms[k].factors[f].index.count == 4 {
                t.terms[k].factors[f].index = Array(t.terms[k].factors[f].index.suffix(2))
            }
        }
        return t
    }

    /// The animation of a 2-D explorer scene with explicit values (one image, one channel, one
    /// filter), opening on `step`.
    static func scene(
        _ kind: ConvOperation, x: Tensor, kernel: Int, stride: Int, padding: Int, dilation: Int = 1,
        w: Tensor? = nil, b: Tensor? = nil, dOut: Tensor? = nil, convention: Convention = .crossCorrelation,
        view: Presentation? = nil, step: Int
    ) -> Animation {
        var a = Animation(kind: kind, line: 0)
        a.input = [x.shape[2], x.shape[3]]
        a.kernel = [kernel, kernel]
        a.stride = [stride, stride]
        a.padding = [padding, padding]
        if dilation != 1 { a.dilation = [dilation, dilation] }
        a.explicit[.x] = rows(x)
        if let w { a.explicit[.w] = rows(w) }
        if let b {
            a.explicit[.b] = [b.data]
            a.bias = true
        } else if w != nil {
            a.bias = false
        }
        if let dOut { a.explicit[.dOut] = rows(dOut) }
        // Cross-correlation is an animation's default: only the true convolution is written out.
        if convention == .convolution { a.convention = .convolution }
        a.view = view
        a.startStep = step
        return a
    }

    /// A random cell of an `h`×`w` grid; with `preferred` non-empty, one of those half the time.
    static func pickCell(_ r: inout SeededRandom, _ h: Int, _ w: Int, preferring preferred: [[Int]] = []) -> [Int] {
        if !preferred.isEmpty, r.chance(1, in: 2) { return r.pick(preferred) }
        return [0, 0, r.int(in: 0...(h - 1)), r.int(in: 0...(w - 1))]
    }

    /// An output cell of `shape` and its trace, half the time one whose window reads padding (the
    /// cells learners get wrong).
    static func pickTracedCell(_ r: inout SeededRandom, _ shape: [Int],
                               trace: ([Int]) throws(ConvError) -> Trace) throws(ConvError) -> (index: [Int], trace: Trace) {
        var edge: [[Int]] = []
        for index in cells(shape) where readsPadding(try trace(index)) { edge.append(index) }
        let index = pickCell(&r, shape[2], shape[3], preferring: edge)
        return (index, try trace(index))
    }
}
