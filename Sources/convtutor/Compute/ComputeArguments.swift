import Foundation
import ArgumentParser
import ConvCore

/// Sizes written `5`, `5x5`, `3x5x5` or `2x3x5x5` (also with `×` or `,`).
struct Dims: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var values: [Int]

    init(_ values: [Int]) {
        self.values = values
    }

    /// As the option is written: `5x5`, `3`; `--help` shows defaults this way.
    var description: String { values.map(String.init).joined(separator: "x") }

    /// The default `--help` shows.
    var defaultValueDescription: String { description }

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { "x×X,".contains($0) })
        let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, values.count == parts.count else { return nil }
        self.values = values
    }

    /// The last two numbers as a spatial pair (`5` means `5×5`).
    var pair: Pair {
        values.count == 1 ? Pair(values[0]) : Pair(values[values.count - 2], values[values.count - 1])
    }
}

/// How a window moves over the input: `--stride` and `--dilation`, each `N` or `HxW`.
struct WindowOptions: ParsableArguments {
    @Option(help: "Stride: S or SHxSW.")
    var stride = Dims([1])

    @Option(help: "Dilation: D or DHxDW.")
    var dilation = Dims([1])
}

/// `--padding-mode`: what the padding cells hold.
struct PaddingModeOption: ParsableArguments {
    @Option(help: "What the padding holds: zeros, reflect, replicate or circular (nn.Conv2d's padding_mode).")
    var paddingMode: PaddingMode = .zeros
}

extension PaddingMode: ExpressibleByArgument {}

/// `--padding` as PyTorch's `conv2d` takes it: `P` or `PHxPW` on both sides, `valid` (none) or
/// `same`.
enum PaddingArgument: ExpressibleByArgument, Equatable {
    case amount(Dims)
    case same

    init?(argument: String) {
        switch argument {
        case "same": self = .same
        case "valid": self = .amount(Dims([0]))
        default:
            guard let dims = Dims(argument: argument) else { return nil }
            self = .amount(dims)
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .amount(let dims): dims.description
        case .same: "same"
        }
    }
}

/// A convolution's padding on the command line: `--padding`, `--padding-mode` and `--pad`.
struct PaddingOptions: ParsableArguments {
    @Option(help: "Padding on each side: P or PHxPW, valid (none), or same (stride 1: the output keeps the input's size).")
    var padding = PaddingArgument.amount(Dims([0]))

    @OptionGroup var mode: PaddingModeOption

    @Option(help: "Explicit padding L,R,T,B (left, right, top, bottom, as F.pad takes it), instead of --padding.")
    var pad: Dims?

    /// The padding, its mode and its layout applied to `options`.
    func apply(to options: inout Conv2DOptions) throws {
        options.paddingMode = mode.paddingMode
        switch padding {
        case .amount(let dims): options.padding = dims.pair
        case .same: options.paddingLayout = .same
        }
        guard let pad else { return }
        guard pad.values.count == 4 else {
            throw RequestError("pad", "expected four numbers L,R,T,B (left, right, top, bottom), got \(pad.values.count)")
        }
        guard padding != .same else { throw RequestError.padWithSame }
        options.paddingLayout = .sides(PaddingSides(pad.values))
    }
}

/// `--values ramp` or `--values random --seed N`.
struct ValueOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case ramp, random
    }

    @Option(help: "Values for tensors not given explicitly: ramp (1, 2, 3, …) or random (integers −3…3).")
    var values: Kind = .ramp

    @Option(help: "Seed for --values random.")
    var seed: UInt64 = 1

    var fill: Values { values == .ramp ? .ramp : .random(seed: seed) }
}

/// Tensor values typed on the command line: rows separated by `;` and numbers by spaces or
/// commas (`"1 2 3; 4 5 6"`), or a JSON nested array (`"[[[1,2],[3,4]]]"`).
enum TensorArgument {
    static func parse(_ text: String, field: String) throws -> Tensor {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            return try Request.tensor(JSONParser.parse(trimmed), field)
        }
        let rows = trimmed.split(separator: ";", omittingEmptySubsequences: false).map { row in
            row.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        }
        var data: [Double] = []
        for (r, row) in rows.enumerated() {
            guard row.count == rows[0].count, !row.isEmpty else {
                throw RequestError(field, "row \(r + 1) has \(row.count) numbers, row 1 has \(rows[0].count)")
            }
            for item in row {
                guard let v = Double(item), v.isFinite else {
                    throw RequestError(field, "\"\(item)\" is not a number")
                }
                data.append(v)
            }
        }
        return rows.count == 1
            ? Tensor(data)
            : Tensor(shape: [rows.count, rows[0].count], data: data)
    }

    /// A given tensor as 4-D `(N, C, H, W)`: a matrix is one channel of one image.
    static func batched(_ t: Tensor, field: String) throws -> Tensor {
        switch t.rank {
        case 1: return t.reshaped([1, 1, 1, t.count])
        case 2: return t.reshaped([1, 1] + t.shape)
        case 3: return t.reshaped([1] + t.shape)
        case 4: return t
        default: throw RequestError(field, "expected at most 4 axes, got \(t.rank)")
        }
    }
}

/// The geometry and values of a 2-D convolution on the command line.
struct Conv2DArguments: ParsableArguments {
    @Option(help: "Input size: HxW, CxHxW or NxCxHxW.")
    var input = Dims([5, 5])

    @Option(help: "Kernel size: K or KHxKW.")
    var kernel = Dims([3, 3])

    @Option(help: "Number of filters (output channels of conv2d; input channels of the transposed kernel's output).")
    var filters = 1

    @OptionGroup var window: WindowOptions

    @OptionGroup var padding: PaddingOptions

    @Option(help: "Groups (input channels and filters are split into this many independent convolutions).")
    var groups = 1

    @Flag(help: "Add a bias per output channel.")
    var bias = false

    @Option(name: .customLong("x"), help: "Input values, e.g. \"1 2 3; 4 5 6; 7 8 9\" or a JSON nested array.")
    var xText: String?

    @Option(name: .customLong("w"), help: "Kernel values, same forms as --x.")
    var wText: String?

    @Option(name: .customLong("b"), help: "Bias values, e.g. \"0.5 -1\" (implies --bias).")
    var bText: String?

    @OptionGroup var values: ValueOptions

    func options(convention: Convention = .crossCorrelation) throws -> Conv2DOptions {
        var options = Conv2DOptions(stride: window.stride.pair, dilation: window.dilation.pair, groups: groups,
                                    convention: convention)
        try padding.apply(to: &options)
        return options
    }

    /// The input: typed values, or `--input`'s shape filled with `--values`.
    func xShape() throws -> [Int] {
        if let xText { return try TensorArgument.batched(TensorArgument.parse(xText, field: "x"), field: "x").shape }
        switch input.values.count {
        case 1, 2: return [1, 1, input.pair.h, input.pair.w]
        case 3: return [1] + input.values
        case 4: return input.values
        default: throw RequestError("input", "expected HxW, CxHxW or NxCxHxW, got \(input.values.count) numbers")
        }
    }

    /// The kernel: typed values, or `--kernel` with `kernelChannels` channels per filter.
    func wShape(filters: Int, kernelChannels: Int) throws -> [Int] {
        if let wText { return try TensorArgument.batched(TensorArgument.parse(wText, field: "w"), field: "w").shape }
        guard kernel.values.count <= 2 else { throw RequestError("kernel", "expected K or KHxKW") }
        return [filters, kernelChannels, kernel.pair.h, kernel.pair.w]
    }

    /// Tensors in order, each taken from its typed text when given, else generated.
    func tensors(_ shapes: [(field: String, shape: [Int], text: String?)]) throws -> [Tensor] {
        let generated = values.fill.fill(shapes.map(\.shape))
        return try zip(shapes, generated).map { spec, made in
            guard let text = spec.text else { return made }
            let given = try TensorArgument.parse(text, field: spec.field)
            return spec.shape.count == 1 ? given : try TensorArgument.batched(given, field: spec.field)
        }
    }

    var hasBias: Bool { bias || bText != nil }
}

/// `--cell`: one cell's index, written `i,j` (the first image and channel) or in full.
struct CellOption: ParsableArguments {
    @Option(help: "Show the arithmetic of one cell: i,j (first image and channel) or the full index.")
    var cell: Dims?

    /// The full index in a tensor of `shape`: missing leading axes are 0.
    func index(in shape: [Int]) throws -> [Int]? {
        guard let given = cell?.values else { return nil }
        guard given.count <= shape.count else {
            throw RequestError("cell", "\(given.count) numbers given for a \(shape.count)-D tensor")
        }
        return Array(repeating: 0, count: shape.count - given.count) + given
    }
}
