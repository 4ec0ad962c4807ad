import Foundation

/// Why a convolution, pooling or size request cannot be computed.
///
/// Every case names the offending field (`field`) as the JSON requests and the command line spell
/// it, and `description` says why in one sentence, with the numbers involved.
public enum ConvError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An integer parameter below its minimum: stride, dilation, kernel or groups < 1, padding < 0.
    case tooSmall(field: String, axis: Axis?, value: Int, minimum: Int)
    /// A parameter above `Limits.maxParameter`.
    case tooBig(field: String, axis: Axis?, value: Int, maximum: Int)
    /// The dilated kernel `D·(K−1)+1` does not fit in the padded input `H + 2P`.
    case kernelLargerThanInput(field: String, axis: Axis, effectiveKernel: Int, paddedInput: Int)
    /// `groups` does not divide a channel count.
    case groupsDoNotDivide(channels: Int, of: ChannelCount, groups: Int)
    /// A tensor of the wrong rank.
    case wrongRank(field: String, expected: [Int], got: Int)
    /// A tensor whose extent on one axis disagrees with another tensor or parameter.
    case shapeMismatch(field: String, axis: Int, expected: Int, got: Int, because: ShapeRule)
    /// A tensor with an axis of extent zero.
    case empty(field: String)
    /// `output_padding` outside `0 ..< max(stride, dilation)`.
    case outputPaddingOutOfRange(axis: Axis, value: Int, stride: Int, dilation: Int)
    /// Pooling padding larger than half the window.
    case poolPaddingTooLarge(axis: Axis, padding: Int, kernel: Int)
    /// A pooling option that this kind of pooling does not take (PyTorch's function has no such
    /// argument): `dilation` for average pooling, `count_include_pad` and `divisor_override` for max.
    case optionNotTaken(field: String, kind: Pool2D.Kind)
    /// A divisor of zero (`divisor_override`).
    case zeroDivisor(field: String)
    /// A dilated max-pooling window, `window` along `axis`, whose taps all fall in the padding:
    /// it would have no maximum (PyTorch returns −∞ there).
    case windowReadsOnlyPadding(axis: Axis, window: Int)
    /// A transposed convolution whose output would have no rows or columns.
    case emptyOutput(field: String, axis: Axis, size: Int)
    /// A tensor, or the work of a request, above the documented limits.
    case tooLarge(field: String, what: Workload, amount: Double, limit: Int)
    /// An index outside a tensor (for traces).
    case indexOutOfRange(field: String, index: [Int], shape: [Int])
    /// Reflect padding of at least the input's extent, or circular padding of more: one
    /// reflection or wrap would not fill it (PyTorch refuses it too).
    case paddingTooDeep(field: String, mode: PaddingMode, axis: Axis, padding: Int, input: Int)
    /// `padding="same"` with a stride above 1, which PyTorch refuses.
    case sameNeedsStrideOne(axis: Axis, stride: Int)
    /// `pad` given together with a non-zero `padding`.
    case padWithPadding(padding: Pair)
    /// A padding the transposed convolution does not take: like PyTorch's `conv_transpose2d`, it
    /// pads with zeros, the same amount on both sides.
    case transposedPadding(UnsupportedPadding)
    /// `dx` asked for as one ordinary convolution with a padding that copies cells: the gradient
    /// reaching the padding folds back onto the cells it copies, which no convolution does.
    case foldedPaddingGradient(mode: PaddingMode)
    /// A real number that must be greater than zero (a width, a step, a variance plus ε).
    case notPositive(field: String, value: Double)
    /// A point that is not on the sampling grid of step `step`.
    case offGrid(field: String, value: Double, step: Double)

    /// The request field the error is about, e.g. `"stride"` or `"w"`.
    public var field: String {
        switch self {
        case .tooSmall(let field, _, _, _), .tooBig(let field, _, _, _),
             .kernelLargerThanInput(let field, _, _, _), .wrongRank(let field, _, _),
             .shapeMismatch(let field, _, _, _, _), .empty(let field), .emptyOutput(let field, _, _),
             .tooLarge(let field, _, _, _), .indexOutOfRange(let field, _, _), .notPositive(let field, _),
             .offGrid(let field, _, _), .optionNotTaken(let field, _), .zeroDivisor(let field):
            return field
        case .groupsDoNotDivide:
            return "groups"
        case .outputPaddingOutOfRange:
            return "output_padding"
        case .poolPaddingTooLarge, .sameNeedsStrideOne:
            return "padding"
        case .paddingTooDeep(let field, _, _, _, _):
            return field
        case .padWithPadding:
            return "pad"
        case .transposedPadding(let padding):
            return padding.field
        case .foldedPaddingGradient:
            return "padding_mode"
        case .windowReadsOnlyPadding:
            return "dilation"
        }
    }

    public var description: String {
        switch self {
        case let .tooSmall(field, axis, value, minimum):
            return "\(field): \(Self.on(axis))must be at least \(minimum), got \(value)"
        case let .tooBig(field, axis, value, maximum):
            return "\(field): \(Self.on(axis))must be at most \(maximum), got \(value)"
        case let .kernelLargerThanInput(field, axis, effectiveKernel, paddedInput):
            return "\(field): effective kernel \(axis.rawValue) \(effectiveKernel) is larger than "
                + "the padded input \(axis.rawValue) \(paddedInput)"
        case let .groupsDoNotDivide(channels, of, groups):
            return "groups: \(groups) does not divide the \(channels) \(of)"
        case let .wrongRank(field, expected, got):
            let ranks = expected.map { "\($0)-D" }.joined(separator: " or ")
            return "\(field): expected a \(ranks) tensor, got \(got)-D"
        case let .shapeMismatch(field, axis, expected, got, because):
            return "\(field): shape[\(axis)] must be \(expected) (\(because)), got \(got)"
        case let .empty(field):
            return "\(field): every axis must have at least one element"
        case let .outputPaddingOutOfRange(axis, value, stride, dilation):
            return "output_padding: the \(axis.rawValue) \(value) must be at least 0 and smaller than "
                + "stride (\(stride)) or dilation (\(dilation))"
        case let .poolPaddingTooLarge(axis, padding, kernel):
            return "padding: the \(axis.rawValue) \(padding) must be at most half the kernel "
                + "(\(kernel)/2 = \(kernel / 2))"
        case let .optionNotTaken(field, kind):
            return "\(field): \(kind == .max ? "max" : "average") pooling takes no \(field)"
        case let .zeroDivisor(field):
            return "\(field): must not be 0"
        case let .windowReadsOnlyPadding(axis, window):
            return "dilation: window \(window) along the \(axis.rawValue) reads only padding, so it has no maximum"
        case let .emptyOutput(field, axis, size):
            return "\(field): the output \(axis.rawValue) would be \(size); it must be at least 1"
        case let .tooLarge(field, what, amount, limit):
            let size = amount < 1e15 ? String(Int(amount)) : String(format: "%.3g", amount)
            return "\(field): \(what) \(size) exceeds the limit of \(limit)"
        case let .indexOutOfRange(field, index, shape):
            let i = index.map(String.init).joined(separator: ", ")
            let s = shape.map(String.init).joined(separator: ", ")
            return "\(field): index [\(i)] is outside the shape (\(s))"
        case let .paddingTooDeep(field, mode, axis, padding, input):
            return mode == .reflect
                ? "\(field): reflect padding must be smaller than the input \(axis.rawValue) (\(input)), got \(padding)"
                : "\(field): circular padding must be at most the input \(axis.rawValue) (\(input)), got \(padding)"
        case let .sameNeedsStrideOne(axis, stride):
            return "padding: \"same\" needs stride 1 (as in PyTorch), got a \(axis.rawValue) stride of \(stride)"
        case let .padWithPadding(padding):
            return "pad: give either pad or a non-zero padding (\(padding)), not both"
        case .transposedPadding(.mode(let mode)):
            return "padding_mode: the transposed convolution pads with zeros only (as PyTorch's "
                + "conv_transpose2d), got \(mode.rawValue)"
        case .transposedPadding(.same):
            return "padding: the transposed convolution takes no \"same\" padding (nor does PyTorch's conv_transpose2d)"
        case .transposedPadding(.sides):
            return "pad: the transposed convolution takes no explicit sides; give padding"
        case let .foldedPaddingGradient(mode):
            return "padding_mode: dx is one ordinary convolution only with zero padding; with \(mode.rawValue) "
                + "padding the gradient reaching the padding folds back onto the cells it copies"
        case let .notPositive(field, value):
            return "\(field): must be greater than 0, got \(Text.number(value))"
        case let .offGrid(field, value, step):
            return "\(field): \(Text.number(value)) is not a multiple of the step \(Text.number(step))"
        }
    }

    private static func on(_ axis: Axis?) -> String {
        axis.map { "the \($0.rawValue) " } ?? ""
    }

    /// Which channel count `groups` must divide.
    public enum ChannelCount: Equatable, Sendable, CustomStringConvertible {
        /// The input's channels, `x.shape[1]`.
        case inputChannels
        /// The filters, `shape[0]` of the weight named `field`.
        case filters(field: String)
        /// The channels or filters of a layer described by its counts (no tensors given).
        case channels, filterCount

        public var description: String {
            switch self {
            case .inputChannels: "input channels"
            case .filters(let field): "filters (\(field).shape[0])"
            case .channels: "channels"
            case .filterCount: "filters"
            }
        }
    }

    /// Why a tensor must have the extent it is asked for.
    public enum ShapeRule: Equatable, Sendable, CustomStringConvertible {
        /// `dOut` has the shape of the output.
        case outputShape
        /// A convolution's bias has one value per filter.
        case oneBiasPerFilter
        /// A transposed convolution's bias has one value per output channel.
        case oneBiasPerOutputChannel
        /// A transposed convolution's weight has one kernel stack per input channel.
        case oneKernelStackPerInputChannel
        /// A weight's second axis is the input channels divided by the groups.
        case channelsPerGroup(inChannels: Int, groups: Int)
        /// A batch norm has one γ, β, mean and variance per filter.
        case oneValuePerFilter
        /// Winograd's F(2,3) filter has 3 taps (F(2×2,3×3): 3×3).
        case winogradFilter
        /// Winograd's tiles give 2 outputs per axis from 4 inputs, stepping by 2: `2k + 2` inputs.
        case winogradTiles
        /// Rows of a matrix all have one length.
        case sameRowLengths

        public var description: String {
            switch self {
            case .outputShape: "the output shape"
            case .oneBiasPerFilter: "one bias per filter"
            case .oneBiasPerOutputChannel: "one bias per output channel"
            case .oneKernelStackPerInputChannel: "one kernel stack per input channel"
            case .channelsPerGroup(let c, let g): "input channels \(c) / groups \(g)"
            case .oneValuePerFilter: "one value per filter"
            case .winogradFilter: "Winograd's filter has 3 taps per axis"
            case .winogradTiles: "Winograd's tiles take 2k + 2 inputs per axis"
            case .sameRowLengths: "every row as long as the first"
            }
        }
    }

    /// A padding an operation that pads only with zeros, symmetrically, does not take.
    public enum UnsupportedPadding: Equatable, Sendable {
        /// A padding mode other than zeros.
        case mode(PaddingMode)
        /// `padding="same"`.
        case same
        /// Explicit sides (`pad`).
        case sides

        /// The request field that asked for it.
        public var field: String {
            switch self {
            case .mode: "padding_mode"
            case .same: "padding"
            case .sides: "pad"
            }
        }
    }

    /// What a request would do too much of.
    public enum Workload: Equatable, Sendable, CustomStringConvertible {
        case elements, multiplyAdds, windowReads

        public var description: String {
            switch self {
            case .elements: "element count"
            case .multiplyAdds: "multiply-add count"
            case .windowReads: "window read count"
            }
        }
    }
}
