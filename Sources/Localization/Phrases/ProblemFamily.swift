/// A kind of generated problem, as learners meet it by name in the quiz and the statistics. Each
/// family is one FSRS card (QuizKit's `CardID.generated`): every review draws a fresh seed, so
/// the learner practises the skill, not one memorised answer.
public enum ProblemFamily: String, CaseIterable, Sendable {
    /// The output height or width of a conv2d, with stride, padding and dilation; about one seed in
    /// eight has no valid output (the answer is `invalid`).
    case outputSize = "output-size"
    /// The output height or width of a max or average pooling layer.
    case poolOutputSize = "pool-output-size"
    /// The output size of a transposed convolution with output padding; invalid when the output
    /// padding is not smaller than `max(stride, dilation)` (about one seed in eight).
    case transposedOutputSize = "transposed-output-size"
    /// The output height of a pooling layer with `ceil_mode` true or false, including layers
    /// whose last window PyTorch drops (it would start in the right padding).
    case ceilModeSize = "ceil-mode-size"
    /// The start or end of one window of adaptive pooling, `⌊i·H/O⌋` or `⌈(i+1)·H/O⌉`.
    case adaptiveBounds = "adaptive-bounds"
    /// The learnable parameters of a conv2d layer, with or without bias, with groups.
    case parameters
    /// The multiply-accumulates of one conv2d forward pass for one image.
    case macs
    /// Multiplications per output of a separable kernel (or what it saves), or the
    /// multiply-accumulates per position of Inception-v3's 1×n then n×1 layers.
    case separableCost = "separable-cost"
    /// The bias of a convolution with a batch norm folded into it, to 2 decimals.
    case foldedBias = "folded-bias"
    /// The receptive field of a stack of 2–4 layers with kernel, stride and dilation.
    case receptiveField = "receptive-field"
    /// One output cell of a small conv2d with explicit integer `x` and `w`.
    case outputCell = "output-cell"
    /// One cell of `dx`, given `dOut`.
    case dxCell = "dx-cell"
    /// One cell of `dw`, given `dOut`.
    case dwCell = "dw-cell"
    /// One output cell of max or average pooling.
    case poolCell = "pool-cell"
    /// Select the cells of `x` that one output cell reads.
    case receptiveFieldCells = "receptive-field-cells"
    /// Select the cells of `dx` that one `dOut` cell sends gradient to.
    case dxReach = "dx-reach"
    /// Select the cell holding a max-pooling window's maximum.
    case poolMax = "pool-max"
}
