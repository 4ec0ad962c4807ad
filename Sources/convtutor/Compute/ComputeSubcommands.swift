import ArgumentParser
import ConvCore
import Localization

extension CommandConfiguration {
    /// A `compute` subcommand: named as its operation, with the operation's aliases.
    init(_ operation: ComputeOperation, abstract: String) {
        self.init(commandName: operation.name, abstract: abstract, aliases: operation.aliases)
    }
}

// MARK: - 1-D

/// Shared by `conv1d` and `correlate1d`.
struct Conv1DArguments: ParsableArguments {
    @Option(name: .customLong("a"), help: "The first array, e.g. \"1 2 3\" (default: --length values).")
    var aText: String?

    @Option(name: .customLong("v"), help: "The second array, e.g. \"1 0 -1\" (default: --kernel values).")
    var vText: String?

    @Option(help: "Length of a generated first array.")
    var length = 5

    @Option(help: "Length of a generated second array.")
    var kernel = 3

    @Option(help: "Output mode: full, same or valid.")
    var mode: Conv1D.Mode = .full

    @Option(help: "Show the arithmetic of output k.")
    var cell: Int?

    @OptionGroup var values: ValueOptions

    /// The report of `conv1d` or `correlate1d`.
    func lines(_ operation: Conv1D.Operation, _ report: Report) throws -> [String] {
        let made = values.fill.fill([[length], [kernel]])
        let a = try aText.map { try TensorArgument.parse($0, field: "a").data } ?? made[0].data
        let v = try vText.map { try TensorArgument.parse($0, field: "v").data } ?? made[1].data
        let out = operation == .convolve
            ? try Conv1D.convolve(a, v, mode: mode)
            : try Conv1D.correlate(a, v, mode: mode)
        let name = operation == .convolve ? ConvOperation.conv1d : .correlate1d
        var lines = ["\(name.rawValue)  a (\(a.count))  v (\(v.count))  mode \(mode.rawValue)  →  out (\(out.count))"]
        lines += report.t.sizeLines(.length(mode, Conv1D.lengthFormula(a.count, v.count, mode: mode)))
        lines += [report.t.call(.numpy(ReferenceCall.numpy(operation, mode: mode))), ""]
        lines += Report.vector(.a, Tensor(a)).dropLast() + Report.vector(.v, Tensor(v)).dropLast()
            + Report.vector(.out, Tensor(out))
        if let cell {
            lines += report.cell(try Conv1D.trace(operation, a, v, mode: mode, at: cell))
        }
        return lines
    }
}

extension Conv1D.Mode: ExpressibleByArgument {}
extension Convention: ExpressibleByArgument {}
extension Conv2D.Gradient: ExpressibleByArgument {}

struct Conv1DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.conv1d), abstract: "1-D convolution, as numpy.convolve(a, v, mode).")
    @OptionGroup var arguments: Conv1DArguments
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try arguments.lines(.convolve, $0) } }
}

struct Correlate1DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.correlate1d), abstract: "1-D correlation, as numpy.correlate(a, v, mode).")
    @OptionGroup var arguments: Conv1DArguments
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try arguments.lines(.correlate, $0) } }
}

// MARK: - 2-D convolution

struct Conv2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.conv2d), abstract: "2-D convolution (cross-correlation, as PyTorch's conv2d).")
    @OptionGroup var arguments: Conv2DArguments
    @Option(help: "cross-correlation (deep learning's convolution) or convolution (kernel flipped).")
    var convention: Convention = .crossCorrelation
    @OptionGroup var cell: CellOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        try Report.emit(in: language.language()) { report in
            let layer = try Self.layer(arguments, convention: convention, extraShapes: []).layer
            var lines = Self.header(.conv2d, layer, convention: convention, report)
            lines += Report.grids(.x, layer.x) + report.paddedInput(layer) + Report.grids(.w, layer.w)
            if let b = layer.b { lines += Report.vector(.b, b) }
            lines += Report.grids(.out, layer.forward())
            if let index = try cell.index(in: layer.geometry.outShape) {
                lines += report.cell(try layer.traceOutput(index))
            }
            return lines
        }
    }

    /// Builds the layer from the arguments, generating values for tensors not typed in, plus
    /// more tensors shaped by the layer's geometry (e.g. `dOut`).
    static func layer(
        _ a: Conv2DArguments, convention: Convention, extraShapes: [(field: String, text: String?)]
    ) throws -> (layer: Conv2D, extra: [Tensor]) {
        let options = try a.options(convention: convention)
        let xShape = try a.xShape()
        let wShape = try a.wShape(filters: a.filters, kernelChannels: xShape[1] / max(a.groups, 1))
        let geometry = try Conv2DGeometry(xShape: xShape, wShape: wShape, options: options)
        var specs: [(field: String, shape: [Int], text: String?)] = [("x", xShape, a.xText), ("w", wShape, a.wText)]
        specs += extraShapes.map { ($0.field, geometry.outShape, $0.text) }
        if a.hasBias { specs.append(("b", [wShape[0]], a.bText)) }
        let t = try a.tensors(specs)
        let layer = try Conv2D(x: t[0], w: t[1], b: a.hasBias ? t.last : nil, options: options)
        return (layer, Array(t[2..<2 + extraShapes.count]))
    }

    /// The shapes and options, the size formula and the PyTorch call, then a blank line.
    static func header(_ operation: ConvOperation, _ layer: Conv2D, convention: Convention, _ report: Report) -> [String] {
        let g = layer.geometry
        var lines = ["\(operation.rawValue)  x \(Report.shape(g.xShape))  w \(Report.shape(g.wShape))  \(Report.options(g.options))  →  out \(Report.shape(g.outShape))"]
        if convention == .convolution {
            lines.append(report.t.command(.trueConvolution))
        }
        lines += report.convolutionSizes(g)
        lines.append(report.t.call(.pytorch(ReferenceCall.conv2d(g, bias: layer.b != nil))))
        return lines + [""]
    }
}

struct Conv2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.conv2dBackward), abstract: "Gradients dx, dw, db of conv2d given dOut.")
    @OptionGroup var arguments: Conv2DArguments
    @Option(help: "cross-correlation (deep learning's convolution) or convolution (kernel flipped).")
    var convention: Convention = .crossCorrelation
    @Option(name: .customLong("dout"), help: "Upstream gradient values, same forms as --x (default: --values).")
    var dOutText: String?
    @OptionGroup var cell: CellOption
    @Option(help: "Which gradient --cell is in: dx, dw or db.")
    var of: Conv2D.Gradient = .dx
    @Flag(help: "Check every cell of dx, dw and db by central differences of L = Σ dOut ⊙ out, as a table.")
    var check = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        try Report.emit(in: language.language()) { report in
            let (layer, extra) = try Conv2DCommand.layer(arguments, convention: convention, extraShapes: [("dout", dOutText)])
            let dOut = extra[0]
            let g = try layer.backward(dOut)
            var lines = Conv2DCommand.header(.conv2dBackward, layer, convention: convention, report)
            lines += Report.grids(.x, layer.x) + report.paddedInput(layer) + Report.grids(.w, layer.w) + Report.grids(.dOut, dOut)
            lines += Report.grids(.dx, g.dx) + Report.grids(.dw, g.dw) + Report.vector(.db, g.db)
            if let index = try cell.index(in: g[of].shape) {
                lines += report.cell(try layer.traceGradient(of, at: index, dOut: dOut)) + [""]
            }
            if check {
                lines += report.t.gradientCheckTable(try layer.gradientProbes(dOut))
            }
            return lines
        }
    }
}

// MARK: - Transposed convolution

/// Shared by `conv-transpose2d` and its backward.
struct TransposedArguments: ParsableArguments {
    @OptionGroup var conv: Conv2DArguments
    @Option(help: "Extra rows/columns added to one side of the output: OP or OPHxOPW, below max(stride, dilation).")
    var outputPadding = Dims([0])

    /// The layer, plus more tensors shaped like its output (e.g. `dOut`).
    func layer(extra: [(field: String, text: String?)]) throws -> (layer: ConvTranspose2D, extra: [Tensor]) {
        let options = try conv.options()
        let xShape = try conv.xShape()
        let wShape = try conv.wShape(filters: xShape[1], kernelChannels: conv.filters / max(conv.groups, 1))
        let shapes = try ConvTranspose2D(
            x: Tensor(shape: xShape), w: Tensor(shape: wShape), options: options,
            outputPadding: outputPadding.pair)
        var specs: [(field: String, shape: [Int], text: String?)] = [("x", xShape, conv.xText), ("w", wShape, conv.wText)]
        specs += extra.map { ($0.field, shapes.geometry.xShape, $0.text) }
        if conv.hasBias { specs.append(("b", [shapes.geometry.inChannels], conv.bText)) }
        let t = try conv.tensors(specs)
        let layer = try ConvTranspose2D(x: t[0], w: t[1], b: conv.hasBias ? t.last : nil, options: options,
                                        outputPadding: outputPadding.pair)
        return (layer, Array(t[2..<2 + extra.count]))
    }

    /// The shapes and options, the size formula and the PyTorch call, then a blank line.
    func header(_ operation: ConvOperation, _ t: ConvTranspose2D, _ report: Report) -> [String] {
        let g = t.geometry
        var options = Report.options(g.options)
        if t.outputPadding != Pair(0) { options += "  output_padding \(t.outputPadding)" }
        var lines = ["\(operation.rawValue)  x \(Report.shape(g.outShape))  w \(Report.shape(t.w.shape))  \(options)  →  out \(Report.shape(g.xShape))"]
        lines += report.transposedSizes(t)
        lines.append(report.t.call(.pytorch(ReferenceCall.convTranspose2d(g.options, outputPadding: t.outputPadding, bias: t.b != nil))))
        return lines + [""]
    }
}

struct ConvTranspose2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.convTranspose2d),
        abstract: "Transposed 2-D convolution (PyTorch's conv_transpose2d): each input cell scatters a copy of the kernel.")
    @OptionGroup var arguments: TransposedArguments
    @OptionGroup var cell: CellOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        try Report.emit(in: language.language()) { report in
            let layer = try arguments.layer(extra: []).layer
            var lines = arguments.header(.convTranspose2d, layer, report)
            lines += Report.grids(.x, layer.x) + Report.grids(.w, layer.w)
            if let b = layer.b { lines += Report.vector(.b, b) }
            lines += Report.grids(.out, layer.forward())
            if let index = try cell.index(in: layer.geometry.xShape) {
                lines += report.cell(try layer.traceOutput(index))
            }
            return lines
        }
    }
}

struct ConvTranspose2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.convTranspose2dBackward), abstract: "Gradients dx, dw, db of conv-transpose2d given dOut.")
    @OptionGroup var arguments: TransposedArguments
    @Option(name: .customLong("dout"), help: "Upstream gradient values, same forms as --x (default: --values).")
    var dOutText: String?
    @OptionGroup var cell: CellOption
    @Option(help: "Which gradient --cell is in: dx, dw or db.")
    var of: Conv2D.Gradient = .dx
    @OptionGroup var language: LanguageOption

    func run() throws {
        try Report.emit(in: language.language()) { report in
            let (layer, extra) = try arguments.layer(extra: [("dout", dOutText)])
            let dOut = extra[0]
            let g = try layer.backward(dOut)
            var lines = arguments.header(.convTranspose2dBackward, layer, report)
            lines += Report.grids(.x, layer.x) + Report.grids(.w, layer.w) + Report.grids(.dOut, dOut)
            lines += Report.grids(.dx, g.dx) + Report.grids(.dw, g.dw) + Report.vector(.db, g.db)
            if let index = try cell.index(in: g[of].shape) {
                lines += report.cell(try layer.traceGradient(of, at: index, dOut: dOut))
            }
            return lines
        }
    }
}

// MARK: - Sizes

struct OutputSizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .outputSize, abstract: "The output size of a convolution, transposed convolution or pooling, with the formula.")

    @Option(help: "Input size: H or HxW.")
    var input: Dims
    @Option(help: "Kernel size: K or KHxKW.")
    var kernel: Dims
    @Option(help: "Stride: S or SHxSW (pooling's default: the kernel).")
    var stride: Dims?
    @Option(help: "Padding: P or PHxPW.")
    var padding = Dims([0])
    @Option(help: "Dilation: D or DHxDW.")
    var dilation = Dims([1])
    @Flag(help: "A transposed convolution.")
    var transposed = false
    @Option(help: "Output padding of a transposed convolution.")
    var outputPadding = Dims([0])
    @Flag(help: "Pooling (stride defaults to the window; dilation is max pooling's).")
    var pool = false
    @Flag(help: "Pooling's ceil_mode: round up, less a last window that would start in the right padding.")
    var ceilMode = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        guard !(transposed && pool) else { throw ValidationError("--transposed and --pool exclude each other") }
        guard pool || !ceilMode else { throw ValidationError("--ceil-mode applies only with --pool") }
        try Report.emit(in: language.language()) { report in
            try Axis.allCases.map { axis in
                report.t.command(.axisSize(axis, formula: try formula(axis)))
            }
        }
    }

    /// One axis's size formula with its result.
    func formula(_ axis: Axis) throws -> String {
        let (i, k, p, d) = (input.pair[axis], kernel.pair[axis], padding.pair[axis], dilation.pair[axis])
        if pool {
            let s = (stride ?? kernel).pair[axis]
            let out = try OutputSize.pooling(input: i, kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceilMode, axis: axis)
            return OutputSize.poolingFormula(input: i, kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceilMode, result: out)
        } else if transposed {
            let (s, op) = ((stride ?? Dims([1])).pair[axis], outputPadding.pair[axis])
            let out = try OutputSize.transposed(input: i, kernel: k, stride: s, padding: p, outputPadding: op, dilation: d, axis: axis)
            return OutputSize.transposedFormula(input: i, kernel: k, stride: s, padding: p, outputPadding: op, dilation: d, result: out)
        } else {
            let s = (stride ?? Dims([1])).pair[axis]
            let out = try OutputSize.convolution(input: i, kernel: k, stride: s, padding: p, dilation: d, axis: axis)
            return OutputSize.convolutionFormula(input: i, kernel: k, stride: s, padding: p, dilation: d, result: out)
        }
    }
}
