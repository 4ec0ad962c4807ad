import ConvCore

/// A sentence of a generated problem: a prompt, a line of its explanation, or a fragment that a
/// prompt lists (a layer of a stack).
///
/// Maths that reads the same in every language comes already formatted, as `String` arguments:
/// cell names (`out[1,2]`), PyTorch calls, formulas with today's numbers, listings of cells.
/// Everything with words in it is built by the catalogue from the typed arguments.
public enum ProblemPhrase: Equatable, Sendable {
    // MARK: Output sizes

    /// The conv2d output-size question: the input's height and width, the kernel and the layer's
    /// settings, the axis asked, and how to answer when no output exists.
    case convolutionSizePrompt(input: Pair, kernel: Int, stride: Int, padding: Int, dilation: Int, axis: Axis)
    /// The conv2d size formula, then the asked axis's `formula` with its numbers.
    case convolutionSize(axis: Axis, formula: String)
    /// The usual mistake with a dilation: the kernel spans `D·(K−1) + 1` cells; ignoring the
    /// dilation gives `ignoringIt` (nil when no window would fit then).
    case forgotDilation(dilation: Int, kernel: Int, ignoringIt: Int?)
    /// The usual mistake with padding: it goes on both sides; without it the size is `unpadded`
    /// (nil when no window would fit).
    case paddingOnOneSide(unpadded: Int?)
    /// The usual mistake with a stride: rounding up instead of down.
    case convolutionRoundedUp
    /// The usual mistake with stride 1: forgetting the `+ 1`.
    case forgotPlusOne
    /// Why a conv2d has no output: the dilated kernel is longer than the padded input on `axis`.
    case kernelDoesNotFit(axis: Axis, effectiveKernel: Int, paddedInput: Int)
    /// The usual mistake when there is no output: pushing the numbers through the formula anyway.
    case negativeNumerator

    /// The pooling output-size question: the layer's `call`, the input, the axis asked.
    case poolingSizePrompt(call: String, input: Pair, axis: Axis)
    /// The pooling size formula and its default stride, then the asked axis's `formula`.
    case poolingSize(axis: Axis, formula: String)
    /// The usual mistake when no stride is given: taking 1 instead of the window, which gives
    /// `strideOne` (nil when no window would fit then).
    case defaultPoolStride(strideOne: Int?)
    /// The usual mistake with pooling: rounding up, which `ceil_mode=False` does not.
    case poolingRoundedUp
    /// The `ceil_mode=True` formula with its drop rule, then the asked axis's `formula`.
    case ceilModeSize(formula: String)
    /// Why the last window went: it would start at `start` ≥ H (`input`), in the right padding;
    /// keeping it gives `kept`.
    case ceilModeDropped(start: Int, input: Int, kept: Int)
    /// The usual mistake with `ceil_mode=True`: rounding down, which gives `floor`.
    case ceilModeRoundedDown(floor: Int)
    /// Rounding up or down gives the same here: the windows fit exactly.
    case ceilModeExact
    /// The adaptive-bounds question: the layer's `call`, the input's height, the output row, and
    /// whether its window's end (one past its last row) or its start is asked.
    case adaptiveBoundsPrompt(call: String, input: Int, index: Int, end: Bool)
    /// The usual mistake: rounding the other way, which gives `wrong` instead of `right`.
    case adaptiveRounding(end: Bool, wrong: Int, right: Int)

    /// The transposed-convolution output-size question: the layer's `call`, the square input's
    /// side, and how to answer when no output exists.
    case transposedSizePrompt(call: String, input: Int)
    /// The transposed convolution's size formula, then its `formula` with the numbers.
    case transposedSize(formula: String)
    /// The check: a conv2d with the same settings maps the output back to the input (`formula`).
    case mapsBack(formula: String)
    /// The usual mistake: the conv2d formula instead, or no output padding.
    case conv2dFormulaInstead
    /// Why a transposed convolution has no output: its output padding is not below
    /// `max(stride, dilation)`.
    case outputPaddingTooLarge(value: Int, stride: Int, dilation: Int)
    /// The usual mistake when the output padding is out of range: using it anyway.
    case outputPaddingAnyway

    // MARK: Counts

    /// The parameter-count question: the layer's `call`, applied to `image`×`image` images.
    case parametersPrompt(call: String, image: Int)
    /// The weight's shape (`(16, 3, 3, 3)`), its `product` written out (`16·3·3·3`) and its
    /// count, the biases (nil with `bias=False`), the total, and why the image size does not count.
    case parameterCount(weightShape: String, product: String, weights: Int, biases: Int?, total: Int)
    /// The usual mistake with groups: each filter sees only `channelsPerGroup` input channels;
    /// with `groups=1` the count would be `ungrouped`.
    case ignoredGroups(channelsPerGroup: Int, ungrouped: Int)
    /// The usual mistake with a bias: forgetting it, which gives `weights`.
    case forgotBias(weights: Int)
    /// The usual mistake without groups or a bias: multiplying by the image size.
    case multipliedByImage

    /// The multiply-accumulate question: the layer's `call` on one `channels`×`input`×`input` image.
    case macsPrompt(call: String, channels: Int, input: Int)
    /// The count: the output's shape (`16 × 14 × 14`, F × outH × outW) and its `cells`, the
    /// output's `side` as a formula, the kernel stack each cell sums (`3·3·3`, C/groups·KH·KW)
    /// and its `perCell` terms, and the total.
    case macsCount(outputShape: String, cells: Int, side: String, kernelStack: String, perCell: Int, total: Int)
    /// The usual mistake with a stride: counting the input's size instead of the output's.
    case inputSizeForOutput(stride: Int)
    /// The usual mistake with groups: multiplying by all `channels` where each value sees
    /// `channelsPerGroup`.
    case allInputChannels(channels: Int, groups: Int, channelsPerGroup: Int)
    /// The usual mistake otherwise: leaving out the `channels` input channels.
    case leftOutInputChannels(channels: Int)
    /// FLOPs as twice the multiply-accumulates.
    case flops

    // MARK: Factorised kernels

    /// The separable-kernel question: a `kernel` that is `column`·`row`ᵀ, and whether the
    /// multiplications per output are asked or what they save against the kernel directly.
    case separableKernelPrompt(kernel: Pair, column: String, row: String, saving: Bool)
    /// The count: `KH·KW` directly, `KH + KW` as two 1-D passes (and their difference).
    case separableKernelCount(kernel: Pair, direct: Int, separable: Int)
    /// The usual mistake: counting the two passes as a product, or the row pass's extra rows.
    case separableAsProduct
    /// Inception-v3's factorisation: an n×n layer's `call` replaced by the 1×n `first` then the
    /// n×1 `second`; the multiply-accumulates per output position asked.
    case inceptionPrompt(call: String, first: String, second: String)
    /// The count: `C·F·n` then `F·F·n`, against the n×n layer's `C·F·n·n`.
    case inceptionCount(channels: Int, filters: Int, n: Int, first: Int, second: Int, total: Int, square: Int)
    /// The pair is learned, not an exact factorisation of the n×n layer.
    case inceptionLearned
    /// The folded-bias question: the convolution's bias `b` (nil: `bias=False`) and the batch
    /// norm's `gamma`, `beta`, `mean`, `variance`, formatted, with ε = 1e-5.
    case foldedBiasPrompt(b: String?, gamma: String, beta: String, mean: String, variance: String)
    /// The answer: `s = γ/√(σ² + ε)`, then `b′ = s·(b − μ) + β`, every number formatted.
    case foldedBias(gamma: String, variance: String, scale: String, b: String, mean: String, beta: String, result: String)
    /// The usual mistakes: leaving out the scale, or β, or the square root.
    case foldedBiasMistakes

    /// A convolution layer of a stack: `conv 3×3, stride 2`, with its dilation when not 1.
    case convLayer(kernel: Int, stride: Int, dilation: Int)
    /// A max-pooling layer of a stack: `max pool 2×2, stride 2`.
    case maxPoolLayer(kernel: Int, stride: Int)
    /// The receptive-field question, around the `listing` of the stack's layers (one per line).
    case receptiveFieldPrompt(listing: String)
    /// How the explanation grows the field, before one line per layer.
    case receptiveFieldStart
    /// The answer: the field's width in input pixels.
    case receptiveFieldSize(Int)
    /// The usual mistake with strides: adding the kernels up, which gives `unstrided`.
    case addedKernels(unstrided: Int)
    /// The usual mistake with stride 1 throughout: adding `K` instead of `K − 1`, or no dilation.
    case addedK

    // MARK: One cell by hand

    /// The question after the grids: the value of `cell` at `row`, `column`; to `decimals`
    /// decimals when given.
    case whatIsCell(String, row: Int, column: Int, decimals: Int?)

    /// The output-cell setting before the grids: which operation, stride, padding, bias (nil
    /// when the layer has none).
    case outputCellPrompt(convention: Convention, stride: Int, padding: Int, bias: Double?)
    /// The window of an output `cell` over x's `rows` and `columns`, whether it reads padding, and
    /// how it meets the kernel.
    case convolutionWindow(cell: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>, readsPadding: Bool,
                           convention: Convention)
    /// The usual mistake with the kernel's orientation: flipping it or not, which gives
    /// `wrongValue` (nil when that happens to be the right value); or forgetting the bias.
    case flipMistake(convention: Convention, wrongValue: Double?, bias: Bool)

    /// The backward setting before the grids: the layer, x's and out's sizes, and that `dOut`
    /// comes with the kernel (for `dx`) or with the input (for `dw`).
    case backwardPrompt(asked: Conv2D.Gradient, kernel: Int, stride: Int, padding: Int, input: Pair, output: Pair)
    /// The question after the grids: `cell` as the gradient of the loss with respect to `of`.
    case whatIsGradient(String, of: String)
    /// Why a `dx` cell is 0: no window covered the input cell `of`.
    case dxUnreached(of: String)
    /// How the `dx` `cell` sums over the windows that covered `of`, before its terms.
    case dxTerms(String, of: String)
    /// The usual mistake with `dx`: pairing `dOut` with the weight at the same offset.
    case dxMistake
    /// How the `dw` `cell` (weight `of` at `row`, `column`) sums over every window, before its terms.
    case dwTerms(String, of: String, row: Int, column: Int)
    /// The usual mistake with `dw`: a value for the padding (when the cell reads some), or the
    /// stride forgotten.
    case dwMistake(readsPadding: Bool)

    /// The pooling-cell setting before the grid: the layer's `call`, PyTorch's defaults otherwise.
    case poolCellPrompt(call: String)
    /// The window of a pooled `cell` over x's `rows` and `columns`, and what its padding reads.
    case poolWindow(cell: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>, kind: Pool2D.Kind, readsPadding: Bool)
    /// The usual mistake with max pooling's padding: reading it as 0.
    case maxPaddingAsZero
    /// The usual mistake with average pooling's padding: dividing by the real cells only.
    case averageOverRealCells(window: Int)
    /// The usual mistake otherwise: the window in the wrong place.
    case poolWindowPlacement

    // MARK: Select the cells

    /// The window of `cell` over x's `rows` and `columns`, before its arithmetic.
    case windowCovers(cell: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>)

    /// The receptive-field-cells question: the layer, x's size, the output `cell`, and how x's
    /// cells are counted on its drawn grid.
    case receptiveFieldCellsPrompt(cell: String, kernel: Int, stride: Int, padding: Int, dilation: Int, input: Pair)
    /// The answer: the window of `cell` over `rows` and `columns`, the x `cells` it reads, and
    /// where they are drawn (`drawnAt`, as the learner types them).
    case receptiveFieldReads(cell: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>, dilation: Int,
                             cells: [String], drawnAt: String)
    /// The window's taps on the padding (`taps`), which are not part of the field.
    case paddingTaps([String])
    /// The usual mistake with a dilation: marking the cells the kernel skips.
    case markedSkippedCells(dilation: Int)
    /// The usual mistake with padding: forgetting the ring in the drawn coordinates.
    case paddingRingCoordinates(padding: Int)
    /// The usual mistake otherwise: the window placed without the stride.
    case windowStride

    /// The dx-reach question: the layer, x's and out's sizes, the `dOut` `cell`, and how dx is drawn.
    case dxReachPrompt(cell: String, kernel: Int, stride: Int, padding: Int, dilation: Int, input: Pair, output: Pair)
    /// How the `dOut` `cell` scatters back, before its scatter line.
    case scatterBack(String)
    /// The answer as the learner types it: `That is (1, 2) (1, 3).`
    case thatIs(String)
    /// The window's taps on the padding send nothing back.
    case paddingSendsNothing
    /// The usual mistake with a dilation: filling in the cells the kernel skipped.
    case filledSkippedCells(dilation: Int)
    /// The usual mistake otherwise: the stride forgotten, or padding marked.
    case reachStride

    /// The pool-max question: the layer's `call`, x's size, the output `cell`, and how x's cells
    /// are counted on its drawn grid.
    case poolMaxPrompt(call: String, input: Pair, cell: String, padding: Int)
    /// The answer: the maximum's `value`, its x `cell`, and where it is drawn.
    case maximumIs(value: Double, cell: String, row: Int, column: Int)
    /// The usual mistake with padding: forgetting the ring in the coordinates.
    case maxPaddingRing(padding: Int)
    /// The usual mistake otherwise: the window placed without the stride.
    case maxWindowStride
}
