import ConvCore
import Foundation
import LessonKit
import Localization
import Testing
@testable import QuizKit

/// Generated problems, over 500+ seeds per family: deterministic, answered by the compute core
/// (checked here against an independent computation: the shapes a forward pass produces, windows
/// counted by brute force, traces, finite differences), animated on the step that computes the
/// asked cell, and graded right on their own answer and wrong on a perturbed one.
@Suite("Generated problems")
struct GeneratorTests {
    /// 500 consecutive seeds and a few far apart.
    static let seeds: [UInt64] = Array(0..<500) + [1 << 32, 1 << 63, .max, 0x9E37_79B9_7F4A_7C15, 123_456_789_012]

    static func problems(_ family: ProblemFamily, language: Language = .en) -> [(seed: UInt64, problem: Problem, question: Question)] {
        seeds.map { seed in
            (seed, ProblemGenerator.problem(family, seed: seed, language: language),
             ProblemGenerator.question(family, seed: seed, language: language))
        }
    }

    static func number(_ q: Question) -> Double? {
        if case .numeric(.number(let v), _) = q.kind { return v }
        return nil
    }

    static func isInvalid(_ q: Question) -> Bool {
        if case .numeric(.invalid, _) = q.kind { return true }
        return false
    }

    // MARK: Every family

    @Test("the same seed gives the same question; the card and topic are gen:<family>; both languages ask the same", arguments: ProblemFamily.allCases)
    func determinism(_ family: ProblemFamily) {
        var answers = Set<String>()
        for seed in Self.seeds {
            let q = ProblemGenerator.question(family, seed: seed, language: .en)
            #expect(q == ProblemGenerator.question(family, seed: seed, language: .en), "seed \(seed)")
            #expect(q.id == .generated(family) && q.id.rawValue == "gen:\(family.rawValue)")
            #expect(q.topic == .family(family) && q.topic.rawValue == "gen:\(family.rawValue)")
            #expect(!q.prompt.isEmpty && !q.explanation.isEmpty)
            let zh = ProblemGenerator.question(family, seed: seed, language: .zh)
            #expect(zh == ProblemGenerator.question(family, seed: seed, language: .zh))
            #expect(zh.kind == q.kind && zh.animation == q.animation && zh.animationStep == q.animationStep, "seed \(seed)")
            #expect(zh.prompt.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "seed \(seed): \(zh.prompt)")
            #expect(!q.prompt.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "seed \(seed): \(q.prompt)")
            answers.insert(q.expectedText)
        }
        // Seeds really vary the problem.
        #expect(answers.count >= 8, "\(family.rawValue): only \(answers.count) distinct answers")
    }

    /// The words of ASCII letters a Chinese problem may show, each for a reason: they are code or
    /// maths, the same in every language.
    static let codeWords: Set<String> = [
        // The answer a learner types when no output exists.
        "invalid",
        // Tensor names and the output's sides.
        "out", "dOut", "outH", "outW",
        // PyTorch, its layers and their keyword arguments and values, as written in code.
        "PyTorch", "conv2d", "Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "AdaptiveMaxPool2d",
        "AdaptiveAvgPool2d",
        "kernel_size", "stride", "padding", "dilation", "output_padding", "groups", "bias", "ceil_mode",
        "count_include_pad", "True", "False",
        // Maths: max(…) in equations and max(stride, dilation), −inf read from max pooling's padding.
        "max", "inf",
        // The units counted, abbreviated as in Chinese texts too.
        "MAC", "FLOPs",
        // A batch-norm layer and a network, by their names.
        "BatchNorm2d", "Inception",
    ]

    /// The identifiers of a text (`kernel_size`, `MaxPool2d`, `dOut`) with at least three ASCII
    /// letters in a row: an English word would be one.
    static func asciiWords(_ text: String) -> Set<String> {
        let identifiers = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }
        return Set(identifiers.map(String.init).filter { word in
            var run = 0
            return word.contains { c in
                run = c.isLetter ? run + 1 : 0
                return run >= 3
            }
        })
    }

    /// True for a CJK ideograph, CJK punctuation (，。：) or a full-width form (（）).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        [0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF].contains { $0.contains(scalar.value) }
    }

    @Test("Chinese problems show no English words but code, tensor names and maths; English ones no Chinese", arguments: ProblemFamily.allCases)
    func languagesDoNotMix(_ family: ProblemFamily) {
        for seed in Self.seeds.prefix(50) {
            let zh = ProblemGenerator.question(family, seed: seed, language: .zh)
            let english = Self.asciiWords(zh.prompt + "\n" + zh.explanation).subtracting(Self.codeWords)
            #expect(english.isEmpty, "seed \(seed): \(english.sorted())")
            let en = ProblemGenerator.question(family, seed: seed, language: .en)
            #expect(!(en.prompt + en.explanation).unicodeScalars.contains(where: Self.isCJK), "seed \(seed)")
        }
    }

    @Test("grading accepts the expected answer as typed and rejects a perturbed one", arguments: ProblemFamily.allCases)
    func grading(_ family: ProblemFamily) throws {
        for language in Language.allCases {
            for seed in Self.seeds {
                let q = ProblemGenerator.question(family, seed: seed, language: language)
                // The expected text, as a learner types it: without the tolerance, cells as row,col.
                var typed = q.expectedText
                if let tail = typed.range(of: " (± ") { typed = String(typed[..<tail.lowerBound]) }
                if case .selectCells = q.kind { typed = typed.replacingOccurrences(of: ", ", with: ",") }
                let right = try q.read(typed).get()
                #expect(q.grade(right).correct == true, "\(family.rawValue) seed \(seed): '\(typed)' refused")
                for wrong in Self.perturbed(q) {
                    #expect(q.grade(try q.read(wrong).get()).correct == false, "\(family.rawValue) seed \(seed): '\(wrong)' accepted")
                }
            }
        }
    }

    /// Answers that must be graded wrong.
    static func perturbed(_ q: Question) -> [String] {
        switch q.kind {
        case .numeric(.number(let v), let tolerance):
            let near = tolerance > 0 ? [Text.number(v + 3 * tolerance), Text.number(v - 3 * tolerance)] : []
            return [Text.number(v + 1), Text.number(v - 1), "invalid"] + near
        case .numeric(.invalid, _):
            return ["0", "1"]
        case .selectCells(_, let cells):
            let typed = { (set: Set<GridCell>) in set.sorted().map { "\($0.row),\($0.col)" }.joined(separator: " ") }
            let outside = (0...12).lazy.map { GridCell(row: $0, col: $0) }.first { !cells.contains($0) }!
            var wrong = [typed(cells.union([outside]))]
            if cells.count > 1 { wrong.append(typed(cells.subtracting([cells.sorted()[0]]))) }
            return wrong
        default:
            return []
        }
    }

    @Test("cell and select problems animate one channel on grids of at most 6×6, with every value given", arguments: ProblemFamily.allCases)
    func animations(_ family: ProblemFamily) throws {
        let animated: Set<ProblemFamily> = [.outputCell, .dxCell, .dwCell, .poolCell, .receptiveFieldCells, .dxReach, .poolMax]
        for (seed, _, q) in Self.problems(family) {
            guard animated.contains(family) else {
                #expect(q.animation == nil && q.animationStep == nil)
                continue
            }
            let a = try #require(q.animation, "seed \(seed)")
            #expect(q.animationStep != nil && a.startStep == q.animationStep)
            #expect(a.channels == nil && a.filters == nil && a.groups == nil)
            let x = try #require(a.explicit[.x])
            #expect(x.count <= 6 && x[0].count <= 6 && a.input == [x.count, x[0].count])
            #expect((a.kernel ?? []).allSatisfy { $0 <= 3 })
            if let w = a.explicit[.w] { #expect(a.kernel == [w.count, w[0].count]) }
            if [.conv2d, .conv2dBackward].contains(a.kind) { #expect(a.explicit[.w] != nil) }
            if a.kind == .conv2dBackward { #expect(a.explicit[.dOut] != nil) }
        }
    }

    // MARK: Sizes

    /// Window positions along one axis, counted one by one: a window starting at `start` fits when
    /// its last tap lies inside the padded input.
    static func windows(input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int = 1) -> Int {
        var count = 0
        var start = 0
        while start + dilation * (kernel - 1) <= input + 2 * padding - 1 {
            count += 1
            start += stride
        }
        return count
    }

    @Test("output-size: the shape conv2d's forward pass produces, windows counted one by one; invalid exactly when conv2d refuses")
    func outputSize() throws {
        var invalid = 0
        for (seed, p, q) in Self.problems(.outputSize) {
            guard case .convolutionSize(let input, let k, let s, let pad, let d, let axis) = p.setup else { Issue.record("setup"); return }
            let options = Conv2DOptions(stride: Pair(s), padding: Pair(pad), dilation: Pair(d))
            let layer = try? Conv2D(x: Tensor(shape: [1, 1, input.h, input.w]), w: Tensor(shape: [1, 1, k, k]), options: options)
            let count = Self.windows(input: input[axis], kernel: k, stride: s, padding: pad, dilation: d)
            guard let layer else {
                invalid += 1
                #expect(Self.isInvalid(q), "seed \(seed): conv2d refused but the answer is \(q.expectedText)")
                #expect(count == 0)
                continue
            }
            // The forward pass itself when it is cheap; the shape it allocates otherwise.
            let shape = layer.geometry.outShape.reduce(1, *) * k * k < 200_000 ? layer.forward().shape : layer.geometry.outShape
            let side = shape[axis == .height ? 2 : 3]
            #expect(Self.number(q) == Double(side), "seed \(seed)")
            #expect(side == count, "seed \(seed)")
            #expect(q.prompt.contains("height \(input.h) and width \(input.w)") && q.prompt.contains("output \(axis.rawValue)"))
        }
        // About one seed in eight has no output.
        #expect((Self.seeds.count / 16...Self.seeds.count / 5).contains(invalid), "\(invalid) invalid of \(Self.seeds.count)")
    }

    @Test("pool-output-size: the shape pooling's forward pass produces, windows counted one by one; the default stride is the window")
    func poolOutputSize() throws {
        var defaulted = 0
        for (seed, p, q) in Self.problems(.poolOutputSize) {
            guard case .poolingSize(let kind, let input, let k, let s, let pad, let axis) = p.setup else { Issue.record("setup"); return }
            let pool = try Pool2D(kind, x: Tensor(shape: [1, 1, input.h, input.w]), kernel: Pair(k), stride: s.map { Pair($0) }, padding: Pair(pad))
            let side = pool.forward().shape[axis == .height ? 2 : 3]
            #expect(Self.number(q) == Double(side), "seed \(seed)")
            #expect(side == Self.windows(input: input[axis], kernel: k, stride: s ?? k, padding: pad), "seed \(seed)")
            #expect(q.prompt.contains("kernel_size=\(k)"))
            #expect(q.prompt.contains("stride=") == (s != nil) && (s.map { q.prompt.contains("stride=\($0)") } ?? true), "seed \(seed)")
            if s == nil { defaulted += 1 }
        }
        #expect(defaulted > 50)
    }

    @Test("transposed-output-size: the shape the transposed forward pass produces, mapped back by conv2d; invalid exactly when it refuses (output_padding ≥ max(stride, dilation))")
    func transposedOutputSize() throws {
        var invalid = 0
        for (seed, p, q) in Self.problems(.transposedOutputSize) {
            guard case .transposedSize(let h, let k, let s, let pad, let d, let op) = p.setup else { Issue.record("setup"); return }
            let layer = try? ConvTranspose2D(x: Tensor(shape: [1, 1, h, h]), w: Tensor(shape: [1, 1, k, k]),
                                             options: Conv2DOptions(stride: Pair(s), padding: Pair(pad), dilation: Pair(d)),
                                             outputPadding: Pair(op))
            #expect((layer == nil) == (op >= max(s, d)), "seed \(seed)")
            guard let layer else {
                invalid += 1
                #expect(Self.isInvalid(q), "seed \(seed)")
                continue
            }
            let size = layer.forward().shape[2]
            #expect(Self.number(q) == Double(size), "seed \(seed)")
            if op < s {
                // The output is an input size that a conv2d with these settings maps back to h; without
                // the output padding it is the smallest such size.
                #expect(Self.windows(input: size, kernel: k, stride: s, padding: pad, dilation: d) == h, "seed \(seed)")
                #expect(Self.windows(input: size - op - 1, kernel: k, stride: s, padding: pad, dilation: d) < h, "seed \(seed)")
            }
        }
        #expect((Self.seeds.count / 16...Self.seeds.count / 5).contains(invalid), "\(invalid) invalid of \(Self.seeds.count)")
    }

    // MARK: Counts

    @Test("parameters: the element counts of the weight and bias tensors conv2d accepts")
    func parameters() throws {
        var grouped = 0
        for (seed, p, q) in Self.problems(.parameters) {
            guard case .parameters(let c, let f, let k, let g, let bias, _) = p.setup else { Issue.record("setup"); return }
            // PyTorch's weight (F, C/groups, K, K) and bias (F).
            let expected = f * (c / g) * k * k + (bias ? f : 0)
            #expect(Self.number(q) == Double(expected), "seed \(seed)")
            if f * (c / g) * k * k <= 300_000 {
                let layer = try Conv2D(x: Tensor(shape: [1, c, k, k]), w: Tensor(shape: [f, c / g, k, k]),
                                       b: bias ? Tensor(shape: [f]) : nil, options: Conv2DOptions(groups: g))
                #expect(Double(layer.w.count + (layer.b?.count ?? 0)) == Self.number(q), "seed \(seed)")
            }
            if g > 1 { grouped += 1 }
        }
        #expect(grouped > 50)
    }

    @Test("macs: the number of terms in all output traces (small layers), output cells × C/groups·K·K otherwise")
    func macs() throws {
        var traced = 0
        for (seed, p, q) in Self.problems(.macs) {
            guard case .macs(let h, let c, let f, let k, let s, let pad, let g) = p.setup else { Issue.record("setup"); return }
            let side = Self.windows(input: h, kernel: k, stride: s, padding: pad)
            let expected = f * side * side * (c / g) * k * k
            #expect(Self.number(q) == Double(expected), "seed \(seed)")
            if expected <= 20_000 {
                let layer = try Conv2D(x: Tensor(shape: [1, c, h, h], repeating: 1), w: Tensor(shape: [f, c / g, k, k], repeating: 1),
                                       options: Conv2DOptions(stride: Pair(s), padding: Pair(pad), groups: g))
                let out = layer.forward()
                var terms = 0
                for offset in 0..<out.count { terms += try layer.traceOutput(out.index(ofOffset: offset)).terms.count }
                #expect(Double(terms) == Self.number(q), "seed \(seed)")
                traced += 1
            }
        }
        #expect(traced > 50)
    }

    @Test("receptive-field: the span of input cells reached by following every window back, index by index")
    func receptiveField() throws {
        for (seed, p, q) in Self.problems(.receptiveField) {
            guard case .receptiveField(let layers) = p.setup else { Issue.record("setup"); return }
            #expect((2...4).contains(layers.count))
            // One cell of the last layer; each layer back, the cells its window reads.
            var reached: Set<Int> = [0]
            for layer in layers.reversed() {
                reached = Set(reached.flatMap { i in (0..<layer.kernel).map { i * layer.stride + $0 * layer.dilation } })
            }
            let span = reached.max()! - reached.min()! + 1
            #expect(Self.number(q) == Double(span), "seed \(seed): \(layers)")
        }
    }

    // MARK: Cells, rebuilt from the animation

    /// The tensors and options an animation describes, built with the compute core.
    struct Rebuilt {
        var x: Tensor
        var w: Tensor?
        var b: Tensor?
        var dOut: Tensor?
        var kernel: Pair
        var options: Conv2DOptions

        init(_ a: Animation) throws {
            func tensor(_ rows: [[Double]]) -> Tensor {
                Tensor(shape: [1, 1, rows.count, rows[0].count], data: rows.flatMap { $0 })
            }
            let pair = { (v: [Int]?) in Pair(v![0], v!.count > 1 ? v![1] : v![0]) }
            x = tensor(try #require(a.explicit[.x]))
            w = a.explicit[.w].map(tensor)
            b = a.explicit[.b].map { Tensor($0[0]) }
            #expect((b != nil) == (a.bias == true))
            dOut = a.explicit[.dOut].map(tensor)
            kernel = pair(a.kernel)
            options = Conv2DOptions(stride: pair(a.stride), padding: pair(a.padding), dilation: a.dilation.map(pair) ?? Pair(1),
                                    convention: a.convention ?? .crossCorrelation)
            #expect(a.input == [x.shape[2], x.shape[3]])
        }

        func conv() throws -> Conv2D {
            try Conv2D(x: x, w: w!, b: b, options: options)
        }

        func pool(_ kind: Pool2D.Kind) throws -> Pool2D {
            try Pool2D(kind, x: x, kernel: kernel, stride: options.stride, padding: options.padding)
        }

        /// The traces of the explorer's steps, in its order: forward output cells row-major;
        /// backward cells view db, then dw cells, then dx cells.
        func traces(_ kind: ConvOperation) throws -> [Trace] {
            switch kind {
            case .conv2d:
                let layer = try conv()
                let out = layer.forward()
                return try (0..<out.count).map { try layer.traceOutput(out.index(ofOffset: $0)) }
            case .conv2dBackward:
                let layer = try conv()
                let grads = try layer.backward(dOut!)
                return try [layer.traceGradient(.db, at: [0], dOut: dOut!)]
                    + (0..<grads.dw.count).map { try layer.traceGradient(.dw, at: grads.dw.index(ofOffset: $0), dOut: dOut!) }
                    + (0..<grads.dx.count).map { try layer.traceGradient(.dx, at: grads.dx.index(ofOffset: $0), dOut: dOut!) }
            case .maxpool2d, .avgpool2d:
                let pool = try pool(kind == .maxpool2d ? .max : .average)
                let out = pool.forward()
                return try (0..<out.count).map { try pool.traceOutput(out.index(ofOffset: $0)) }
            default:
                Issue.record("unexpected kind \(kind)")
                return []
            }
        }

        /// `x[h, w]` with zero padding (and the other value `outside` off the tensor).
        func input(_ h: Int, _ w: Int, outside: Double = 0) -> Double {
            h >= 0 && h < x.shape[2] && w >= 0 && w < x.shape[3] ? x[0, 0, h, w] : outside
        }
    }

    /// The asked cell of a problem, and the step trace its animation opens on.
    static func stepTrace(_ p: Problem, _ q: Question, seed: UInt64) throws -> (rebuilt: Rebuilt, trace: Trace, index: [Int]) {
        let a = try #require(q.animation)
        let rebuilt = try Rebuilt(a)
        let traces = try rebuilt.traces(a.kind)
        let step = try #require(q.animationStep)
        try #require((1...traces.count).contains(step), "seed \(seed): step \(step) of \(traces.count)")
        guard case .cell(let tensor, let index) = p.setup else { throw Failure.setup }
        let trace = traces[step - 1]
        #expect(trace.tensor == tensor && trace.index == index, "seed \(seed): step \(step) is \(trace.tensor)\(trace.index), asked \(tensor)\(index)")
        #expect(q.prompt.contains(Text.cell(tensor, Array(index.suffix(2)))), "seed \(seed): the prompt does not name the cell")
        return (rebuilt, trace, index)
    }

    enum Failure: Error { case setup }

    @Test("output-cell: the forward tensor's cell, summed again over the window by hand; the step's trace is that cell")
    func outputCell() throws {
        var flipped = 0, biased = 0
        for (seed, p, q) in Self.problems(.outputCell) {
            let (r, trace, index) = try Self.stepTrace(p, q, seed: seed)
            let layer = try r.conv()
            #expect(Self.number(q) == layer.forward()[index], "seed \(seed)")
            #expect(Self.number(q) == trace.value)
            // The window by hand: x (zero-padded) times w, flipped for a true convolution, plus b.
            let (k, s, pad) = (r.kernel.h, r.options.stride.h, r.options.padding.h)
            let flip = r.options.convention == .convolution
            var sum = r.b?.data[0] ?? 0
            for kh in 0..<k {
                for kw in 0..<k {
                    let weight = flip ? r.w![0, 0, k - 1 - kh, k - 1 - kw] : r.w![0, 0, kh, kw]
                    sum += r.input(index[2] * s - pad + kh, index[3] * s - pad + kw) * weight
                }
            }
            #expect(Self.number(q) == sum, "seed \(seed)")
            if flip { flipped += 1 }
            if r.b != nil { biased += 1 }
        }
        #expect(flipped > 30 && biased > 100)
    }

    @Test("dx-cell and dw-cell: the backward tensors' cell, and central differences agree; the step's trace is that cell",
          arguments: [ProblemFamily.dxCell, .dwCell])
    func gradientCell(_ family: ProblemFamily) throws {
        var zeros = 0
        for (seed, p, q) in Self.problems(family) {
            let (r, trace, index) = try Self.stepTrace(p, q, seed: seed)
            let layer = try r.conv()
            let grads = try layer.backward(r.dOut!)
            let numeric = try layer.numericGradients(r.dOut!)
            let (analytic, estimate) = family == .dxCell ? (grads.dx[index], numeric.dx[index]) : (grads.dw[index], numeric.dw[index])
            #expect(Self.number(q) == analytic, "seed \(seed)")
            #expect(Self.number(q) == trace.value)
            #expect(abs(estimate - analytic) < 1e-6, "seed \(seed): numeric \(estimate), analytic \(analytic)")
            if trace.terms.isEmpty { zeros += 1 }
        }
        if family == .dwCell { #expect(zeros == 0) }
    }

    @Test("pool-cell: the pooled tensor's cell, the window's max or mean by hand; a 3×3 average is asked to 2 decimals")
    func poolCell() throws {
        var kinds = Set<ConvOperation>()
        for (seed, p, q) in Self.problems(.poolCell) {
            let (r, trace, index) = try Self.stepTrace(p, q, seed: seed)
            let a = q.animation!
            kinds.insert(a.kind)
            let pool = try r.pool(a.kind == .maxpool2d ? .max : .average)
            guard case .numeric(.number(let v), let tolerance) = q.kind else { Issue.record("kind"); return }
            #expect(v == pool.forward()[index] && v == trace.value, "seed \(seed)")
            let (k, s, pad) = (r.kernel.h, r.options.stride.h, r.options.padding.h)
            var values: [Double] = []
            for kh in 0..<k {
                for kw in 0..<k {
                    values.append(r.input(index[2] * s - pad + kh, index[3] * s - pad + kw,
                                          outside: a.kind == .maxpool2d ? -.infinity : 0))
                }
            }
            let expected = a.kind == .maxpool2d ? values.max()! : values.reduce(0, +) / Double(k * k)
            #expect(abs(v - expected) < 1e-12, "seed \(seed)")
            let rounded = a.kind == .avgpool2d && k == 3
            #expect(tolerance == (rounded ? 0.005 : 0))
            #expect(q.prompt.contains("2 decimals") == rounded)
        }
        #expect(kinds == [.maxpool2d, .avgpool2d])
    }

    // MARK: Select the cells

    @Test("receptive-field-cells: the real x cells of the step trace's window, on the padded grid, found again tap by tap")
    func receptiveFieldCells() throws {
        var padded = 0
        for (seed, p, q) in Self.problems(.receptiveFieldCells) {
            let (r, trace, index) = try Self.stepTrace(p, q, seed: seed)
            guard case .selectCells(let grid, let answer) = q.kind else { Issue.record("kind"); return }
            #expect(grid == GridName(.x, plane: [0, 0]))
            let pad = r.options.padding.h
            let fromTrace = Set(trace.terms.map { $0.factors[0] }.filter { $0.tensor == .x && !$0.inPadding }
                .map { GridCell(row: $0.index[2] + pad, col: $0.index[3] + pad) })
            #expect(answer == fromTrace, "seed \(seed)")
            var byHand = Set<GridCell>()
            let (k, s, d) = (r.kernel.h, r.options.stride.h, r.options.dilation.h)
            for kh in 0..<k {
                for kw in 0..<k {
                    let (h, w) = (index[2] * s - pad + kh * d, index[3] * s - pad + kw * d)
                    if h >= 0, h < r.x.shape[2], w >= 0, w < r.x.shape[3] { byHand.insert(GridCell(row: h + pad, col: w + pad)) }
                }
            }
            #expect(answer == byHand, "seed \(seed)")
            if byHand.count < k * k { padded += 1 }
        }
        #expect(padded > 100)
    }

    @Test("dx-reach: the dx cells whose gradient trace holds the dOut cell of the scatter step the animation opens on")
    func dxReach() throws {
        for (seed, p, q) in Self.problems(.dxReach) {
            let a = try #require(q.animation)
            #expect(a.kind == .conv2dBackward && a.view == .scatter)
            let r = try Rebuilt(a)
            let layer = try r.conv()
            let steps = try layer.scatterInputGradient(r.dOut!)
            let step = try #require(q.animationStep)
            try #require((1...steps.count).contains(step))
            guard case .cell(.dOut, let index) = p.setup, case .selectCells(let grid, let answer) = q.kind else {
                Issue.record("seed \(seed): setup or kind")
                return
            }
            #expect(grid == GridName(.dx, plane: [0, 0]))
            #expect(steps[step - 1].source.index == index, "seed \(seed)")
            #expect(q.prompt.contains(Text.cell(.dOut, Array(index.suffix(2)))))
            // Every dx cell whose gradient sums a term of this dOut cell, and no other.
            var reached = Set<GridCell>()
            for offset in 0..<r.x.count {
                let cell = r.x.index(ofOffset: offset)
                let trace = try layer.traceGradient(.dx, at: cell, dOut: r.dOut!)
                if trace.terms.contains(where: { $0.factors.contains { $0.tensor == .dOut && $0.index == index } }) {
                    reached.insert(GridCell(row: cell[2], col: cell[3]))
                }
            }
            #expect(answer == reached, "seed \(seed)")
        }
    }

    @Test("pool-max: the step trace's selected maximum, on the padded grid; it holds the output's value and is the window's only maximum")
    func poolMax() throws {
        for (seed, p, q) in Self.problems(.poolMax) {
            let (r, trace, index) = try Self.stepTrace(p, q, seed: seed)
            guard case .selectCells(let grid, let answer) = q.kind else { Issue.record("kind"); return }
            #expect(grid == GridName(.x, plane: [0, 0]))
            let pad = r.options.padding.h
            let winner = trace.terms[try #require(trace.selected)].factors[0]
            #expect(answer == [GridCell(row: winner.index[2] + pad, col: winner.index[3] + pad)], "seed \(seed)")
            let cell = try #require(answer.first)
            let out = try r.pool(.max).forward()
            try #require((pad..<r.x.shape[2] + pad).contains(cell.row) && (pad..<r.x.shape[3] + pad).contains(cell.col),
                         "seed \(seed): \(cell) is not a cell of x")
            #expect(r.x[0, 0, cell.row - pad, cell.col - pad] == out[index], "seed \(seed)")
            var ties = 0
            let (k, s) = (r.kernel.h, r.options.stride.h)
            for kh in 0..<k {
                for kw in 0..<k where r.input(index[2] * s - pad + kh, index[3] * s - pad + kw, outside: -.infinity) == out[index] {
                    ties += 1
                }
            }
            #expect(ties == 1, "seed \(seed)")
        }
    }
}
