import ConvCore
import LessonKit

/// What a computation gives: a number, a list, a grid, a size, or the compute core's refusal.
public enum ComputedValue: Equatable, Sendable {
    case number(Double)
    case list([Double])
    case grid([[Double]])
    /// An output size: one length (1-D) or height and width.
    case size([Int])
    /// The compute core refused the parameters, with its reason.
    case invalid(String)

    /// The value as convtutor writes it: `4`, `-0.5`, `[1, 2, 2, -2, -3]`, `4×4`, rows.
    public var text: String {
        switch self {
        case .number(let v): Text.number(v)
        case .list(let values): Self.listText(values)
        case .grid(let rows): "[" + rows.map(Self.listText).joined(separator: ", ") + "]"
        case .size(let extents): extents.map(String.init).joined(separator: "×")
        case .invalid(let reason): "invalid (\(reason))"
        }
    }

    /// `[1, 2, -3]`.
    static func listText(_ values: [Double]) -> String {
        "[" + values.map(Text.number).joined(separator: ", ") + "]"
    }

    /// The value as rows of numbers, for comparing with an author's `expect`.
    var rows: [[Double]]? {
        switch self {
        case .number(let v): [[v]]
        case .list(let values): [values]
        case .grid(let rows): rows
        case .size(let extents): [extents.map(Double.init)]
        case .invalid: nil
        }
    }

    /// The single number it stands for: a number, or the side of a square size.
    public var scalar: Double? {
        switch self {
        case .number(let v): v
        case .size(let e) where Set(e).count == 1: Double(e[0])
        default: nil
        }
    }

    /// True when `expectation` names this value (a square size may be written as its side).
    public func matches(_ expectation: Computation.Expectation) -> Bool {
        switch expectation {
        case .invalid:
            if case .invalid = self { return true }
            return false
        case .numbers(let expected):
            if expected.count == 1, expected[0].count == 1, let s = scalar { return Self.close(s, expected[0][0]) }
            guard let rows, rows.count == expected.count else { return false }
            return zip(rows, expected).allSatisfy { a, b in a.count == b.count && zip(a, b).allSatisfy(Self.close) }
        }
    }

    /// Equal to 1e-9 relative: the core's sums are exact for the small integers lessons use.
    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}

/// A computation evaluated: the lines the learner reads (the arithmetic, ending in the result) and
/// the value `check` compares.
public struct ComputedResult: Equatable, Sendable {
    public var lines: [String]
    public var value: ComputedValue
}

extension Computation {
    /// Asks the compute core, through the same scene the animation of these parameters shows;
    /// `words` put the arithmetic in the lesson's language. Pure: the same computation always
    /// gives the same result.
    public func evaluate(_ words: ComputeWords = .english) -> ComputedResult {
        do throws(ConvError) {
            switch subject {
            case .animation: return try animationResult(words)
            case .receptiveField: return try receptiveFieldResult(words)
            case .property(let property): return try propertyResult(property, words)
            }
        } catch {
            return ComputedResult(lines: [words.invalid + words.colon + error.description], value: .invalid(error.description))
        }
    }

    // MARK: Animation kinds

    private func animationResult(_ words: ComputeWords) throws(ConvError) -> ComputedResult {
        var config = ExplorerConfig(animation: parameters)
        switch show {
        case .size: return try size(config, words)
        case .parameters, .macs: return try count(config, words)
        case .output:
            let scene = try Scene.build(config)
            return output(scene, oneD: config.mode.is1D)
        case .cell:
            // Cell by cell, every cell of the animation is a step with its trace.
            config.presentation = .cells
            let scene = try Scene.build(config)
            let name = tensor ?? "out"
            let index = cellIndex(name, oneD: config.mode.is1D)
            guard let trace = scene.steps.lazy.compactMap(\.trace).first(where: { $0.tensor == name && $0.index == index }) else {
                let plane = scene.panels.first { $0.tensor == name }.map { " (its planes are \($0.grid.shape[0])×\($0.grid.shape[1]))" } ?? ""
                let reason = "cell: \(Text.cell(name, index)) is not a cell of \(name)\(plane)"
                return ComputedResult(lines: [words.invalid + words.colon + reason], value: .invalid(reason))
            }
            return ComputedResult(lines: [Text.equation(trace)], value: .number(trace.value))
        }
    }

    /// The 1-based step of the cell-by-cell animation of these parameters that computes the cell
    /// of `show: cell`, if there is one.
    public func animationStep() -> Int? {
        guard show == .cell, case .animation = subject else { return nil }
        var config = ExplorerConfig(animation: parameters)
        config.presentation = .cells
        guard let scene = try? Scene.build(config) else { return nil }
        let name = tensor ?? "out"
        let index = cellIndex(name, oneD: config.mode.is1D)
        return scene.steps.firstIndex { $0.trace?.tensor == name && $0.trace?.index == index }.map { $0 + 1 }
    }

    /// The full index of `cell` in `tensor`: leading indices default to 0 (first image, first
    /// filter or channel); `db` and 1-D outputs take the cell as it is.
    private func cellIndex(_ tensor: String, oneD: Bool) -> [Int] {
        let given = cell ?? [0]
        if oneD || tensor == "db" { return given }
        return Array(repeating: 0, count: max(0, 4 - given.count)) + given.suffix(4)
    }

    /// The NumPy call and its list (1-D), or the output planes (forward), or the gradients
    /// (backward); the value is the first output plane (backward: of `dx`).
    private func output(_ scene: Scene, oneD: Bool) -> ComputedResult {
        let outputs = scene.panels.filter { $0.role == .output || $0.role == .gradient }
        if oneD, let out = outputs.first {
            let inputs = scene.panels.filter { $0.role != .output }.map { "\($0.title) = \(ComputedValue.listText($0.grid.data))" }
            let values = out.grid.data
            return ComputedResult(lines: [inputs.joined(separator: ", "), "\(scene.call) = \(ComputedValue.listText(values))"],
                                  value: .list(values))
        }
        var lines = [scene.call]
        for panel in outputs {
            lines.append("\(panel.title)  (\(panel.grid.shape[0])×\(panel.grid.shape[1]))")
            lines += Text.grid(panel.grid).map { "  " + $0 }
        }
        let main = outputs.first { $0.tensor == "dx" } ?? outputs.first
        let rows = main.map { p in (0..<p.grid.shape[0]).map { r in Array(p.grid.data[(r * p.grid.shape[1])..<((r + 1) * p.grid.shape[1])]) } } ?? []
        return ComputedResult(lines: lines, value: rows.count == 1 ? .list(rows[0]) : .grid(rows))
    }

    /// The output size with its formula, per axis; for a backward kind, the size of the forward
    /// output (the shape of `dOut`).
    private func size(_ c: ExplorerConfig, _ words: ComputeWords) throws(ConvError) -> ComputedResult {
        if c.mode.is1D {
            let (m, n) = (c.input.w, c.kernel.w)
            try Limits.check(m, field: "input", minimum: 1)
            try Limits.check(n, field: "kernel", minimum: 1)
            let length = Conv1D.outputLength(m, n, mode: c.mode1D)
            return ComputedResult(lines: ["\(words.outputLength) (\(c.mode1D.rawValue))\(words.colon)\(Conv1D.lengthFormula(m, n, mode: c.mode1D))"],
                                  value: .size([length]))
        }
        var extents: [Int] = []
        var formulas: [Axis: String] = [:]
        for axis in Axis.allCases {
            let (h, k, s, p, d) = (c.input[axis], c.kernel[axis], c.stride[axis], c.padding[axis], c.dilation[axis])
            let result: Int
            switch c.mode {
            case .maxpool, .avgpool, .maxpoolBackward, .avgpoolBackward:
                result = try OutputSize.pooling(input: h, kernel: k, stride: s, padding: p, axis: axis)
                formulas[axis] = OutputSize.poolingFormula(input: h, kernel: k, stride: s, padding: p, result: result)
            case .transposed:
                let op = c.outputPadding[axis]
                result = try OutputSize.transposed(input: h, kernel: k, stride: s, padding: p, outputPadding: op, dilation: d, axis: axis)
                formulas[axis] = OutputSize.transposedFormula(input: h, kernel: k, stride: s, padding: p, outputPadding: op,
                                                              dilation: d, result: result)
            default:
                result = try OutputSize.convolution(input: h, kernel: k, stride: s, padding: p, dilation: d, axis: axis)
                formulas[axis] = OutputSize.convolutionFormula(input: h, kernel: k, stride: s, padding: p, dilation: d, result: result)
            }
            extents.append(result)
        }
        var lines = OutputSize.lines(labels: (words.outputSize, words.outputHeight, words.outputWidth),
                                     separator: words.colon) { formulas[$0] ?? "" }
        lines.append("\(words.output)\(words.colon)\(extents[0])×\(extents[1])")
        return ComputedResult(lines: lines, value: .size(extents))
    }

    /// Parameters (`F·(C/groups)·KH·KW` weights, plus `F` biases unless `bias: false`) or
    /// multiply-accumulates for one image, of a convolution or a transposed convolution.
    private func count(_ c: ExplorerConfig, _ words: ComputeWords) throws(ConvError) -> ComputedResult {
        let (kh, kw) = (c.kernel.h, c.kernel.w)
        let transposed = c.mode == .transposed
        // A transposed convolution's weight is (C_in, C_out/groups, KH, KW).
        let wShape = transposed ? [c.channels, c.filters / max(1, c.groups), kh, kw] : [c.filters, c.channels / max(1, c.groups), kh, kw]
        for (value, field) in [(c.channels, "channels"), (c.filters, "filters"), (c.groups, "groups")] {
            try Limits.check(value, field: field, minimum: 1)
        }
        if c.channels % c.groups != 0 { throw .groupsDoNotDivide(channels: c.channels, of: "channels", groups: c.groups) }
        if c.filters % c.groups != 0 { throw .groupsDoNotDivide(channels: c.filters, of: "filters", groups: c.groups) }
        let shape = wShape.map(String.init).joined(separator: "·")
        let weights = wShape.reduce(1, *)
        if show == .parameters {
            let biases = (parameters.bias ?? true) ? c.filters : 0
            let text = biases > 0 ? "\(words.weights(shape)) + \(words.biases(biases)) = \(grouped(weights + biases))"
                : "\(words.weights(shape)) = \(grouped(weights))"
            return ComputedResult(lines: [words.parameters + words.colon + text], value: .number(Double(weights + biases)))
        }
        let out = try size(c, words).value
        guard case .size(let extents) = out else { return ComputedResult(lines: [], value: out) }
        if transposed {
            // Every input cell scatters C_out/groups·KH·KW products.
            let macs = c.input.h * c.input.w * weights
            return ComputedResult(lines: [words.macs + words.colon + "\(words.inputCells("\(c.input.h)·\(c.input.w)")) × \(shape) = \(grouped(macs))"],
                                  value: .number(Double(macs)))
        }
        let macs = extents[0] * extents[1] * weights
        return ComputedResult(lines: ["\(words.output) \(extents[0])×\(extents[1]); " + words.macs + words.colon
                                      + "\(words.cells("\(extents[0])·\(extents[1])")) × \(shape) = \(grouped(macs))"],
                              value: .number(Double(macs)))
    }

    /// `1,234,567`.
    private func grouped(_ n: Int) -> String {
        var digits = String(n)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    // MARK: Receptive field

    private func receptiveFieldResult(_ words: ComputeWords) throws(ConvError) -> ComputedResult {
        let growth = try ReceptiveField.growth(layers)
        var previous = ReceptiveField.Growth.input
        var lines: [String] = []
        for (k, (layer, g)) in zip(layers, growth).enumerated() {
            lines.append("\(words.layer(k + 1)) (K=\(layer.kernel), S=\(layer.stride), D=\(layer.dilation))\(words.colon)"
                         + ReceptiveField.formula(previous: previous, layer: layer, result: g, jump: words.jump))
            previous = g
        }
        lines.append(words.receptiveField(previous.size))
        return ComputedResult(lines: lines, value: .number(Double(previous.size)))
    }

    // MARK: Properties of 1-D convolution

    private func propertyResult(_ property: Property, _ words: ComputeWords) throws(ConvError) -> ComputedResult {
        let (f, g, h) = (arrays["f"] ?? [], arrays["g"] ?? [], arrays["h"] ?? [])
        let (a, b) = (alpha ?? 1, beta ?? 1)
        let conv = { (p: [Double], q: [Double]) throws(ConvError) in try Conv1D.convolve(p, q, mode: .full) }
        let L = ComputedValue.listText
        let n = Text.number
        let lhs: [Double], rhs: [Double]
        var lines: [String] = []
        switch property {
        case .linearity:
            let mix = zip(f, g).map { a * $0 + b * $1 }
            lhs = try conv(mix, h)
            rhs = Self.add(try conv(f, h).map { a * $0 }, try conv(g, h).map { b * $0 })
            lines = ["f = \(L(f)), g = \(L(g)), h = \(L(h)), α = \(n(a)), β = \(n(b))",
                     "(α·f + β·g) ∗ h = \(L(mix)) ∗ h = \(L(lhs))",
                     "α(f ∗ h) + β(g ∗ h) = \(n(a))·\(L(try conv(f, h))) + \(n(b))·\(L(try conv(g, h))) = \(L(rhs))"]
        case .scaling:
            lhs = try conv(f.map { a * $0 }, g.map { b * $0 })
            rhs = try conv(f, g).map { a * b * $0 }
            lines = ["f = \(L(f)), g = \(L(g)), α = \(n(a)), β = \(n(b))",
                     "(α·f) ∗ (β·g) = \(L(f.map { a * $0 })) ∗ \(L(g.map { b * $0 })) = \(L(lhs))",
                     "αβ(f ∗ g) = \(n(a * b))·\(L(try conv(f, g))) = \(L(rhs))"]
        case .commutativity:
            lhs = try conv(f, g)
            rhs = try conv(g, f)
            lines = ["f = \(L(f)), g = \(L(g))", "f ∗ g = \(L(lhs))", "g ∗ f = \(L(rhs))"]
        case .associativity:
            lhs = try conv(try conv(f, g), h)
            rhs = try conv(f, try conv(g, h))
            lines = ["f = \(L(f)), g = \(L(g)), h = \(L(h))",
                     "(f ∗ g) ∗ h = \(L(try conv(f, g))) ∗ h = \(L(lhs))",
                     "f ∗ (g ∗ h) = f ∗ \(L(try conv(g, h))) = \(L(rhs))"]
        case .distributivity:
            let sum = Self.add(g, h)
            lhs = try conv(f, sum)
            rhs = Self.add(try conv(f, g), try conv(f, h))
            lines = ["f = \(L(f)), g = \(L(g)), h = \(L(h))",
                     "f ∗ (g + h) = f ∗ \(L(sum)) = \(L(lhs))",
                     "f ∗ g + f ∗ h = \(L(try conv(f, g))) + \(L(try conv(f, h))) = \(L(rhs))"]
        case .shift:
            let k = shift ?? 0
            let zeros = [Double](repeating: 0, count: k)
            lhs = try conv(zeros + f, g)
            rhs = zeros + (try conv(f, g))
            lines = ["f = \(L(f)), g = \(L(g)), \(words.shifted("f", k)) = \(L(zeros + f))",
                     "(\(words.shifted("f", k))) ∗ g = \(L(lhs))",
                     "\(words.shifted("(f ∗ g)", k)) = \(L(rhs))"]
        }
        let agree = lhs.count == rhs.count && zip(lhs, rhs).allSatisfy(ComputedValue.close)
        lines.append(agree ? words.agree : words.differ)
        guard agree else { return ComputedResult(lines: lines, value: .invalid("the two sides of \(property.rawValue) differ")) }
        return ComputedResult(lines: lines, value: .list(lhs))
    }

    /// Elementwise sum of two lists of one length.
    private static func add(_ p: [Double], _ q: [Double]) -> [Double] {
        zip(p, q).map { $0 + $1 }
    }
}
