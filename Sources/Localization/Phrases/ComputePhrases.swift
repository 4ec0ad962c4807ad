import ConvCore

/// A label before an output-size formula.
public enum SizeLabel: Equatable, Sendable {
    /// Both axes at once.
    case size
    case height
    case width
    /// A 1-D output's length in a NumPy mode.
    case length(Conv1D.Mode)
    /// Adaptive pooling's windows along one axis, or both (`nil`).
    case windows(Axis?)
}

/// A line of a lesson's `compute` block around the compute core's arithmetic.
public enum ComputePhrase: Equatable, Sendable {
    /// `output: 3×3`.
    case output(Pair)
    /// The parameter count: `F·C·KH·KW` weights, plus `biases` biases when there are some.
    case parameters(weightShape: [Int], biases: Int, total: Int)
    /// A transposed convolution's multiply-accumulates: every input cell scatters a kernel stack.
    case transposedMACs(input: Pair, weightShape: [Int], total: Int)
    /// A convolution's multiply-accumulates: every output cell sums a kernel stack.
    case macs(output: Pair, weightShape: [Int], total: Int)
    /// One layer of a receptive-field stack, with the step from the field before it:
    /// `r = 3 + 2·(3−1)·1 = 7, jump 1·2 = 2`.
    case receptiveFieldLayer(number: Int, layer: ReceptiveField.Layer, previous: ReceptiveField.Growth, result: ReceptiveField.Growth)
    /// The stack's receptive field: `7×7 input cells`.
    case receptiveField(size: Int)
    /// An array shifted by `k` places to the right: `f shifted by 2`.
    case shifted(String, by: Int)
    /// Adaptive pooling's window `index` of `output` over `input` cells along `axis`:
    /// `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉`.
    case adaptiveWindow(axis: Axis, index: Int, input: Int, output: Int, window: Range<Int>)
    /// Whether the two sides of an identity agree.
    case sidesAgree(Bool)
    /// A cell that the asked tensor does not have.
    case notACell(cell: String, tensor: TensorName, plane: Pair?)
    /// A 1-D identity whose sides differ (never, for the identities that hold).
    case sidesDiffer(String)
    /// The heading of the padded input a window slides over: `padded input (reflect), as F.pad
    /// gives it:`.
    case paddedInput(PaddingMode)
    /// The compute core refused the parameters: `invalid: <why>`.
    case invalid(String)
}
