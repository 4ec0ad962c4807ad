import ConvCore
import LessonKit
import Localization

/// Why a computation has no value.
public enum ComputeFailure: Equatable, Sendable {
    /// The compute core refused the parameters.
    case core(ConvError)
    /// `show: cell` names a cell the tensor does not have.
    case notACell(cell: [Int], tensor: TensorName, plane: Pair?)
    /// The two sides of a 1-D identity differ (never, for the identities that hold).
    case sidesDiffer(Computation.Property)
    /// `show: factors` of a kernel whose rank is not 1.
    case notSeparable(rank: Int)

    /// The reason in `t`'s language.
    public func text(_ t: any Catalogue) -> String {
        switch self {
        case .core(let error): t.error(error)
        case .notACell(let cell, let tensor, let plane): t.compute(.notACell(cell: Text.cell(tensor, cell), tensor: tensor, plane: plane))
        case .sidesDiffer(let property): t.compute(.sidesDiffer(property.rawValue))
        case .notSeparable(let rank): t.technique(.notSeparable(rank: rank))
        }
    }
}

/// What a computation gives: a number, a list, a grid, a size, or the reason there is none.
public enum ComputedValue: Equatable, Sendable {
    case number(Double)
    case list([Double])
    case grid([[Double]])
    /// An output size: one length (1-D) or height and width.
    case size([Int])
    case invalid(ComputeFailure)

    /// The value as convtutor writes it: `4`, `-0.5`, `[1, 2, 2, -2, -3]`, `4×4`, rows, or why
    /// there is none in `t`'s language.
    public func text(_ t: any Catalogue) -> String {
        switch self {
        case .number(let v): Text.number(v)
        case .list(let values): Self.listText(values)
        case .grid(let rows): "[" + rows.map(Self.listText).joined(separator: ", ") + "]"
        case .size(let extents): extents.map(String.init).joined(separator: "×")
        case .invalid(let failure): t.compute(.invalid(failure.text(t)))
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

    /// True when `expectation` names this value (a square size may be written as its side),
    /// each number equal to 1e-9 relative or, given a `tolerance`, within it.
    public func matches(_ expectation: Computation.Expectation, tolerance: Double? = nil) -> Bool {
        let near = { (a: Double, b: Double) in Self.close(a, b) || tolerance.map { abs(a - b) <= $0 } == true }
        switch expectation {
        case .invalid:
            if case .invalid = self { return true }
            return false
        case .numbers(let expected):
            if expected.count == 1, expected[0].count == 1, let s = scalar { return near(s, expected[0][0]) }
            guard let rows, rows.count == expected.count else { return false }
            return zip(rows, expected).allSatisfy { a, b in a.count == b.count && zip(a, b).allSatisfy(near) }
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
    /// the lines read in `t`'s language. Pure: the same computation always gives the same result.
    public func evaluate(_ t: any Catalogue) -> ComputedResult {
        do throws(ConvError) {
            switch subject {
            case .animation: return try animationResult(t)
            case .receptiveField: return try receptiveFieldResult(t)
            case .property(let property): return try propertyResult(property, t)
            case .gradientCheck: return try gradientCheckResult(t)
            case .technique(let technique): return try technique.evaluate(show, t)
            }
        } catch {
            return Self.failed(.core(error), t)
        }
    }

    static func failed(_ failure: ComputeFailure, _ t: any Catalogue) -> ComputedResult {
        ComputedResult(lines: [t.compute(.invalid(failure.text(t)))], value: .invalid(failure))
    }

    // MARK: Animation kinds

    private func animationResult(_ t: any Catalogue) throws(ConvError) -> ComputedResult {
        var config = ExplorerConfig(animation: parameters)
        switch show {
        case .size: return try size(config, t)
        case .parameters, .macs: return try count(config, t)
        case .window: return try window(config, t)
        case .cell:
            // Cell by cell, every cell of the animation is a step with its trace.
            config.presentation = .cells
            let scene = try Scene.build(config)
            let name = tensor ?? .out
            let index = cellIndex(name, oneD: config.mode.is1D)
            guard let trace = scene.steps.lazy.compactMap(\.trace).first(where: { $0.tensor == name && $0.index == index }) else {
                let plane = scene.panels.first { $0.tensor == name }.map { Pair($0.grid.shape[0], $0.grid.shape[1]) }
                return Self.failed(.notACell(cell: index, tensor: name, plane: plane), t)
            }
            return ComputedResult(lines: [t.equation(trace)], value: .number(trace.value))
        default:
            // `output`: the other shows are the techniques', which an animation kind never reads.
            return output(try Scene.build(config), t)
        }
    }

    /// One cell's gradient check, in two lines (the losses, then the centred difference beside
    /// the analytic value and the relative error); the value is the centred difference.
    private func gradientCheckResult(_ t: any Catalogue) throws(ConvError) -> ComputedResult {
        var config = ExplorerConfig(animation: parameters)
        config.mode = .conv2dBackward
        let name = tensor ?? .dx
        let index = cellIndex(name, oneD: false)
        guard let gradient = Conv2D.Gradient(rawValue: name.rawValue) else {
            return Self.failed(.notACell(cell: index, tensor: name, plane: nil), t)
        }
        let probe: GradientProbe
        do {
            probe = try Scene.gradientProbe(config, gradient, at: index)
        } catch .indexOutOfRange {
            return Self.failed(.notACell(cell: index, tensor: name, plane: nil), t)
        }
        return ComputedResult(lines: t.probeLines(probe), value: .number(probe.numeric))
    }

    /// The 1-based step of the cell-by-cell animation of these parameters that computes the cell
    /// of `show: cell`, if there is one.
    public func animationStep() -> Int? {
        guard show == .cell, case .animation = subject else { return nil }
        var config = ExplorerConfig(animation: parameters)
        config.presentation = .cells
        guard let scene = try? Scene.build(config) else { return nil }
        let name = tensor ?? .out
        return scene.step(computing: name, cellIndex(name, oneD: config.mode.is1D)).map { $0 + 1 }
    }

    /// The full index of `cell` in `tensor`: leading indices default to 0 (first image, first
    /// filter or channel); `db` and 1-D outputs take the cell as it is.
    private func cellIndex(_ tensor: TensorName, oneD: Bool) -> [Int] {
        let given = cell ?? [0]
        if oneD || tensor == .db { return given }
        return Array(repeating: 0, count: max(0, 4 - given.count)) + given.suffix(4)
    }

    /// The NumPy call and its list (1-D), or the output planes (forward), or the gradients
    /// (backward); the value is the first output plane (backward: of `dx`).
    private func output(_ scene: Scene, _ t: any Catalogue) -> ComputedResult {
        let outputs = scene.panels.filter { $0.role == .output || $0.role == .gradient }
        if case .numpy(let call) = scene.call, let out = outputs.first {
            let inputs = scene.panels.filter { $0.role != .output }.map { "\($0.name) = \(ComputedValue.listText($0.grid.data))" }
            let values = out.grid.data
            return ComputedResult(lines: [inputs.joined(separator: ", "), "\(call) = \(ComputedValue.listText(values))"],
                                  value: .list(values))
        }
        var lines = [t.call(scene.call)]
        for panel in outputs {
            lines.append("\(panel.name)  (\(panel.grid.shape[0])×\(panel.grid.shape[1]))")
            lines += Text.grid(panel.grid).map { "  " + $0 }
        }
        let main = outputs.first { $0.tensor == .dx } ?? outputs.first
        let rows = main?.grid.rows ?? []
        return ComputedResult(lines: lines, value: rows.count == 1 ? .list(rows[0]) : .grid(rows))
    }

    /// The output size with its formula, per axis; for a backward kind, the size of the forward
    /// output (the shape of `dOut`).
    private func size(_ c: ExplorerConfig, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        if c.mode.is1D {
            let (m, n) = (c.input.w, c.kernel.w)
            try Limits.check(m, field: "input", minimum: 1)
            try Limits.check(n, field: "kernel", minimum: 1)
            return ComputedResult(lines: t.sizeLines(.length(c.mode1D, Conv1D.lengthFormula(m, n, mode: c.mode1D))),
                                  value: .size([Conv1D.outputLength(m, n, mode: c.mode1D)]))
        }
        if c.paddingLayout != .symmetric || c.paddingMode != .zeros {
            // `padding: same`, explicit sides or a padding mode: the convolution's own geometry.
            let options = Conv2DOptions(stride: c.stride, padding: c.padding, dilation: c.dilation,
                                        paddingMode: c.paddingMode, paddingLayout: c.paddingLayout)
            let g = try Conv2DGeometry(xShape: [1, 1, c.input.h, c.input.w], wShape: [1, 1, c.kernel.h, c.kernel.w], options: options)
            return ComputedResult(lines: t.sizeLines(.axes(g.sizeFormula)) + [t.compute(.output(g.output))],
                                  value: .size([g.output.h, g.output.w]))
        }
        var extents: [Int] = []
        var formulas: [Axis: String] = [:]
        for axis in Axis.allCases {
            let (h, k, s, p, d) = (c.input[axis], c.kernel[axis], c.stride[axis], c.padding[axis], c.dilation[axis])
            let result: Int
            if c.mode.isAdaptivePooling {
                try Limits.check(h, field: "input", axis: axis, minimum: 1)
                try Limits.check(c.outputSize[axis], field: "output_size", axis: axis, minimum: 1)
                result = c.outputSize[axis]
                formulas[axis] = AdaptivePool2D.windowsFormula(input: h, output: result)
            } else if let kind = c.mode.poolKind {
                let d = c.poolOptions(kind).dilation[axis]
                result = try OutputSize.pooling(input: h, kernel: k, stride: s, padding: p, dilation: d, ceilMode: c.ceilMode,
                                                axis: axis)
                formulas[axis] = OutputSize.poolingFormula(input: h, kernel: k, stride: s, padding: p, dilation: d,
                                                           ceilMode: c.ceilMode, result: result)
            } else if c.mode == .convTranspose2d {
                let op = c.outputPadding[axis]
                result = try OutputSize.transposed(input: h, kernel: k, stride: s, padding: p, outputPadding: op, dilation: d, axis: axis)
                formulas[axis] = OutputSize.transposedFormula(input: h, kernel: k, stride: s, padding: p, outputPadding: op,
                                                              dilation: d, result: result)
            } else {
                result = try OutputSize.convolution(input: h, kernel: k, stride: s, padding: p, dilation: d, axis: axis)
                formulas[axis] = OutputSize.convolutionFormula(input: h, kernel: k, stride: s, padding: p, dilation: d, result: result)
            }
            extents.append(result)
        }
        let formula: SizeFormula = c.mode.isAdaptivePooling
            ? .windows(height: formulas[.height] ?? "", width: formulas[.width] ?? "") : .axes { formulas[$0] ?? "" }
        let lines = t.sizeLines(formula) + [t.compute(.output(Pair(extents[0], extents[1])))]
        return ComputedResult(lines: lines, value: .size(extents))
    }

    /// Adaptive pooling's window of output cell `i` (the height's) or `[i, j]` (both axes):
    /// `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉`, as `[start, end]`, or one such row per axis.
    private func window(_ c: ExplorerConfig, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let index = cell ?? [0]
        var lines: [String] = []
        var bounds: [[Double]] = []
        for (axis, i) in zip(Axis.allCases, index) {
            let (h, o) = (c.input[axis], c.outputSize[axis])
            try Limits.check(h, field: "input", axis: axis, minimum: 1)
            try Limits.check(o, field: "output_size", axis: axis, minimum: 1)
            guard i < o else {
                return Self.failed(.notACell(cell: index, tensor: .out, plane: c.outputSize), t)
            }
            let window = AdaptivePool2D.window(i, input: h, output: o)
            lines.append(t.compute(.adaptiveWindow(axis: axis, index: i, input: h, output: o, window: window)))
            bounds.append([Double(window.lowerBound), Double(window.upperBound)])
        }
        return ComputedResult(lines: lines, value: bounds.count == 1 ? .list(bounds[0]) : .grid(bounds))
    }

    /// Parameters (`F·(C/groups)·KH·KW` weights, plus `F` biases unless `bias: false`) or
    /// multiply-accumulates for one image, of a convolution or a transposed convolution.
    private func count(_ c: ExplorerConfig, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let transposed = c.mode == .convTranspose2d
        for (value, field) in [(c.channels, "channels"), (c.filters, "filters"), (c.groups, "groups")] {
            try Limits.check(value, field: field, minimum: 1)
        }
        if c.channels % c.groups != 0 { throw .groupsDoNotDivide(channels: c.channels, of: .channels, groups: c.groups) }
        if c.filters % c.groups != 0 { throw .groupsDoNotDivide(channels: c.filters, of: .filterCount, groups: c.groups) }
        // A transposed convolution's weight is (C_in, C_out/groups, KH, KW).
        let wShape = transposed ? [c.channels, c.filters / c.groups, c.kernel.h, c.kernel.w]
            : [c.filters, c.channels / c.groups, c.kernel.h, c.kernel.w]
        let weights = wShape.reduce(1, *)
        if show == .parameters {
            let biases = (parameters.bias ?? true) ? c.filters : 0
            return ComputedResult(lines: [t.compute(.parameters(weightShape: wShape, biases: biases, total: weights + biases))],
                                  value: .number(Double(weights + biases)))
        }
        guard case .size(let extents) = try size(c, t).value else { return ComputedResult(lines: [], value: .size([])) }
        if transposed {
            // Every input cell scatters C_out/groups·KH·KW products.
            let macs = c.input.h * c.input.w * weights
            return ComputedResult(lines: [t.compute(.transposedMACs(input: c.input, weightShape: wShape, total: macs))],
                                  value: .number(Double(macs)))
        }
        let macs = extents[0] * extents[1] * weights
        return ComputedResult(lines: [t.compute(.macs(output: Pair(extents[0], extents[1]), weightShape: wShape, total: macs))],
                              value: .number(Double(macs)))
    }

    // MARK: Receptive field

    private func receptiveFieldResult(_ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let growth = try ReceptiveField.growth(layers)
        var previous = ReceptiveField.Growth.input
        var lines: [String] = []
        for (k, (layer, g)) in zip(layers, growth).enumerated() {
            lines.append(t.compute(.receptiveFieldLayer(number: k + 1, layer: layer, previous: previous, result: g)))
            previous = g
        }
        lines.append(t.compute(.receptiveField(size: previous.size)))
        return ComputedResult(lines: lines, value: .number(Double(previous.size)))
    }

    // MARK: Properties of 1-D convolution

    private func propertyResult(_ property: Property, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
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
            let shifted = { (name: String) in t.compute(.shifted(name, by: k)) }
            lines = ["f = \(L(f)), g = \(L(g)), \(shifted("f")) = \(L(zeros + f))",
                     "(\(shifted("f"))) ∗ g = \(L(lhs))",
                     "\(shifted("(f ∗ g)")) = \(L(rhs))"]
        }
        let agree = lhs.count == rhs.count && zip(lhs, rhs).allSatisfy(ComputedValue.close)
        lines.append(t.compute(.sidesAgree(agree)))
        guard agree else { return ComputedResult(lines: lines, value: .invalid(.sidesDiffer(property))) }
        return ComputedResult(lines: lines, value: .list(lhs))
    }

    /// Elementwise sum of two lists of one length.
    private static func add(_ p: [Double], _ q: [Double]) -> [Double] {
        zip(p, q).map { $0 + $1 }
    }
}
