import ArgumentParser
import ConvCore
import Localization

/// The input of every pooling command: `x` by size or by value, `dOut` for a backward pass, the
/// generated values and the cell whose arithmetic to show.
struct PoolInput: ParsableArguments {
    @Option(help: "Input size: HxW, CxHxW or NxCxHxW.")
    var input = Dims([4, 4])

    @Option(name: .customLong("x"), help: "Input values, e.g. \"1 2; 3 4\" or a JSON nested array.")
    var xText: String?

    @Option(name: .customLong("dout"), help: "Upstream gradient values (backward only; default: --values).")
    var dOutText: String?

    @OptionGroup var values: ValueOptions
    @OptionGroup var cell: CellOption

    /// What a report says about a layer besides its grids: the header's settings, the size (or
    /// windows) formula and the PyTorch call.
    struct Description {
        var settings: String
        var formula: SizeFormula
        var call: String
    }

    /// The report of pooling `operation` by the layer `make` builds over an input: the header, the
    /// formula, the call, the grids, and with `--cell` the arithmetic of one cell (of `out`, or of
    /// `dx` for a backward pass).
    func lines<Layer: PoolingLayer>(_ operation: ConvOperation, _ report: Report, make: (Tensor) throws -> Layer,
                                    describe: (Layer) -> Description) throws -> [String] {
        var xShape: [Int]
        if let xText {
            xShape = try TensorArgument.batched(TensorArgument.parse(xText, field: "x"), field: "x").shape
        } else {
            switch input.values.count {
            case 1, 2: xShape = [1, 1, input.pair.h, input.pair.w]
            case 3: xShape = [1] + input.values
            default: xShape = input.values
            }
        }
        let made = values.fill.fill([xShape, try make(Tensor(shape: xShape)).outShape])
        let x = try xText.map { try TensorArgument.batched(TensorArgument.parse($0, field: "x"), field: "x") } ?? made[0]
        let pool = try make(x)
        let about = describe(pool)
        var lines = ["\(operation.rawValue)  x \(Report.shape(x.shape))  \(about.settings)  →  out \(Report.shape(pool.outShape))"]
        lines += report.t.sizeLines(about.formula)
        lines += [report.t.call(.pytorch(about.call)), ""]
        lines += Report.grids(.x, x) + Report.grids(.out, pool.forward())
        if operation.isBackward {
            let dOut = try dOutText.map { try TensorArgument.batched(TensorArgument.parse($0, field: "dout"), field: "dout") } ?? made[1]
            lines += Report.grids(.dOut, dOut) + Report.grids(.dx, try pool.backward(dOut))
            if let index = try cell.index(in: x.shape) {
                lines += report.cell(try pool.traceGradient(at: index, dOut: dOut))
            }
        } else if let index = try cell.index(in: pool.outShape) {
            lines += report.cell(try pool.traceOutput(index))
        }
        return lines
    }
}

/// The window of max and average pooling: its size, stride, padding and `ceil_mode`.
struct PoolWindowOptions: ParsableArguments {
    @Option(help: "Window size: K or KHxKW.")
    var kernel = Dims([2])

    @Option(help: "Stride: S or SHxSW (default: the window size).")
    var stride: Dims?

    @Option(help: "Padding on each side, at most half the window: P or PHxPW.")
    var padding = Dims([0])

    @Flag(help: "PyTorch's ceil_mode: round the output size up, keeping a last window that hangs past the padded input.")
    var ceilMode = false

    /// The report of `operation` (`maxpool2d`, `avgpool2d` or their backward) with `extra` options.
    func lines(_ operation: ConvOperation, input: PoolInput, extra: Pool2DOptions, _ report: Report) throws -> [String] {
        guard let kind = operation.poolKind else { preconditionFailure("\(operation) is not pooling") }
        var options = extra
        (options.stride, options.padding, options.ceilMode) = (stride?.pair, padding.pair, ceilMode)
        return try input.lines(operation, report, make: { x in try Pool2D(kind, x: x, kernel: kernel.pair, options: options) }) { pool in
            var settings = "kernel \(pool.kernel)  stride \(pool.stride)  padding \(pool.padding)"
            if options.dilation != Pair(1) { settings += "  dilation \(options.dilation)" }
            if options.ceilMode { settings += "  ceil_mode true" }
            if !options.countIncludePad { settings += "  count_include_pad false" }
            if let divisor = options.divisorOverride { settings += "  divisor_override \(divisor)" }
            let input = Pair(pool.x.shape[2], pool.x.shape[3])
            return PoolInput.Description(
                settings: settings,
                formula: .axes { axis in
                    OutputSize.poolingFormula(input: input[axis], kernel: pool.kernel[axis], stride: pool.stride[axis],
                                              padding: pool.padding[axis], dilation: options.dilation[axis],
                                              ceilMode: options.ceilMode, result: pool.output[axis])
                },
                call: ReferenceCall.pool2d(kind, kernel: pool.kernel, options: options))
        }
    }
}

/// Max pooling's own option.
struct MaxPoolOptions: ParsableArguments {
    @Option(help: "Dilation, the gap between the window's taps: D or DHxDW.")
    var dilation = Dims([1])

    var options: Pool2DOptions { Pool2DOptions(dilation: dilation.pair) }
}

/// Average pooling's own options.
struct AvgPoolOptions: ParsableArguments {
    @Option(help: "PyTorch's count_include_pad, true or false: padding cells count in the divisor.")
    var countIncludePad = true

    @Option(help: "PyTorch's divisor_override: divide every window's sum by this (any integer but 0).")
    var divisorOverride: Int?

    var options: Pool2DOptions { Pool2DOptions(countIncludePad: countIncludePad, divisorOverride: divisorOverride) }
}

struct MaxPool2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(.core(.maxpool2d), abstract: "Max pooling (PyTorch's max_pool2d).")
    @OptionGroup var input: PoolInput
    @OptionGroup var window: PoolWindowOptions
    @OptionGroup var max: MaxPoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws {
        try Report.emit(in: language.language()) { try window.lines(.maxpool2d, input: input, extra: max.options, $0) }
    }
}

struct AvgPool2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.avgpool2d), abstract: "Average pooling (PyTorch's avg_pool2d; padding counted unless --count-include-pad false).")
    @OptionGroup var input: PoolInput
    @OptionGroup var window: PoolWindowOptions
    @OptionGroup var average: AvgPoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws {
        try Report.emit(in: language.language()) { try window.lines(.avgpool2d, input: input, extra: average.options, $0) }
    }
}

struct MaxPool2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.maxpool2dBackward), abstract: "dx of max pooling: each dOut goes to its window's first maximum.")
    @OptionGroup var input: PoolInput
    @OptionGroup var window: PoolWindowOptions
    @OptionGroup var max: MaxPoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws {
        try Report.emit(in: language.language()) { try window.lines(.maxpool2dBackward, input: input, extra: max.options, $0) }
    }
}

struct AvgPool2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.avgpool2dBackward), abstract: "dx of average pooling: each dOut is divided by its window's divisor and spread over it.")
    @OptionGroup var input: PoolInput
    @OptionGroup var window: PoolWindowOptions
    @OptionGroup var average: AvgPoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws {
        try Report.emit(in: language.language()) { try window.lines(.avgpool2dBackward, input: input, extra: average.options, $0) }
    }
}

// MARK: - Adaptive pooling

/// Adaptive pooling's output size.
struct AdaptivePoolOptions: ParsableArguments {
    @Option(help: "PyTorch's output_size: O or OHxOW.")
    var outputSize = Dims([2])

    /// The report of an adaptive pooling `operation`.
    func lines(_ operation: ConvOperation, input: PoolInput, _ report: Report) throws -> [String] {
        guard let kind = operation.poolKind else { preconditionFailure("\(operation) is not pooling") }
        let size = outputSize.pair
        return try input.lines(operation, report, make: { x in try AdaptivePool2D(kind, x: x, outputSize: size) }) { pool in
            let input = Pair(pool.x.shape[2], pool.x.shape[3])
            let windows = { (axis: Axis) in AdaptivePool2D.windowsFormula(input: input[axis], output: size[axis]) }
            return PoolInput.Description(
                settings: "output_size \(size)", formula: .windows(height: windows(.height), width: windows(.width)),
                call: ReferenceCall.adaptivePool2d(kind, outputSize: size))
        }
    }
}

struct AdaptiveMaxPool2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.adaptiveMaxpool2d), abstract: "Adaptive max pooling (PyTorch's adaptive_max_pool2d): windows chosen for --output-size.")
    @OptionGroup var input: PoolInput
    @OptionGroup var adaptive: AdaptivePoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try adaptive.lines(.adaptiveMaxpool2d, input: input, $0) } }
}

struct AdaptiveAvgPool2DCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.adaptiveAvgpool2d), abstract: "Adaptive average pooling (PyTorch's adaptive_avg_pool2d): windows chosen for --output-size.")
    @OptionGroup var input: PoolInput
    @OptionGroup var adaptive: AdaptivePoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try adaptive.lines(.adaptiveAvgpool2d, input: input, $0) } }
}

struct AdaptiveMaxPool2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.adaptiveMaxpool2dBackward), abstract: "dx of adaptive max pooling: each dOut goes to its window's first maximum.")
    @OptionGroup var input: PoolInput
    @OptionGroup var adaptive: AdaptivePoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try adaptive.lines(.adaptiveMaxpool2dBackward, input: input, $0) } }
}

struct AdaptiveAvgPool2DBackwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        .core(.adaptiveAvgpool2dBackward), abstract: "dx of adaptive average pooling: each dOut is spread over its own window.")
    @OptionGroup var input: PoolInput
    @OptionGroup var adaptive: AdaptivePoolOptions
    @OptionGroup var language: LanguageOption
    func run() throws { try Report.emit(in: language.language()) { try adaptive.lines(.adaptiveAvgpool2dBackward, input: input, $0) } }
}
