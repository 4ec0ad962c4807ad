import ConvCore

extension English {
    func problem(_ phrase: ProblemPhrase) -> String {
        switch phrase {
        // Output sizes
        case .convolutionSizePrompt(let input, let kernel, let stride, let padding, let dilation, let axis):
            "A conv2d layer gets an input of height \(input.h) and width \(input.w) and uses a \(kernel)×\(kernel) kernel with "
                + "\(settings(stride: stride, padding: padding, dilation: dilation)). What is the output \(axisName(axis))? \(invalidHint)"
        case .convolutionSize(let axis, let formula):
            "Along each axis, out = ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1. For the \(axisName(axis)): \(formula)."
        case .forgotDilation(let dilation, let kernel, let ignoringIt):
            "The usual mistake is forgetting the dilation: with dilation \(dilation) a kernel of \(kernel) spans D·(K−1) + 1 cells, not \(kernel)"
                + (ignoringIt.map { "; ignoring it gives \($0)." } ?? ".")
        case .paddingOnOneSide(let unpadded):
            "The usual mistake is adding the padding on one side only, or not at all: it goes on both sides (2P)"
                + (unpadded.map { "; without it the answer would be \($0)." } ?? "; without it no window would fit.")
        case .convolutionRoundedUp:
            "The usual mistake is rounding up: when the last stride would push the window out of the input, that position is dropped (the floor)."
        case .forgotPlusOne:
            "The usual mistake is forgetting the + 1: with stride 1 a kernel of K fits H − K + 1 times."
        case .kernelDoesNotFit(let axis, let effective, let padded):
            "The kernel spans D·(K−1) + 1 = \(effective) cells along the \(axisName(axis)), but the padded input is only H + 2P = \(padded) cells: "
                + "no window fits, so the layer has no output (PyTorch raises an error)."
        case .negativeNumerator:
            "The usual mistake is pushing the numbers through the formula anyway: with a negative numerator, ⌊…⌋ + 1 is not a size."
        case .poolingSizePrompt(let call, let input, let axis):
            "\(call) gets an input of height \(input.h) and width \(input.w). What is the output \(axisName(axis))?"
        case .poolingSize(let axis, let formula):
            "Pooling: out = ⌊(H + 2P − K)/S⌋ + 1, and the stride defaults to the window size. For the \(axisName(axis)): \(formula)."
        case .defaultPoolStride(let strideOne):
            "The usual mistake is taking stride 1 when none is given: PyTorch's pooling stride defaults to kernel_size"
                + (strideOne.map { "; stride 1 would give \($0)." } ?? ".")
        case .poolingRoundedUp:
            "The usual mistake is rounding up: with ceil_mode=False (the default) a window that would stick out of the padded input is not placed."
        case .ceilModeSize(let formula):
            "With ceil_mode=True: out = ⌈(H + 2P − K)/S⌉ + 1, less 1 when that last window would start in the right padding. For the height: \(formula)."
        case .ceilModeDropped(let start, let input, let kept):
            "Rounding up would add a window starting at row \(start), past the input's last row \(input - 1): PyTorch drops it. "
                + "The usual mistake is keeping it, which gives \(kept)."
        case .ceilModeRoundedDown(let floor):
            "The usual mistake is rounding down as ceil_mode=False does, which gives \(floor): the last window may hang past the padded input."
        case .ceilModeExact:
            "Here the windows fit exactly: ceil_mode=True and False give the same size."
        case .adaptiveBoundsPrompt(let call, let input, let i, let end):
            "\(call) gets an input of height \(input). Output row \(i) (counting from 0) pools a window of input rows. "
                + (end ? "Where does that window end (PyTorch's end index, one past its last row)?" : "What is that window's first row?")
        case .adaptiveRounding(let end, let wrong, let right):
            (end ? "The end rounds up, ⌈(i+1)·H/O⌉, so the windows cover every row" : "The start rounds down, ⌊i·H/O⌋")
                + (wrong == right ? "; here both roundings agree." : ". The usual mistake is rounding the other way, which gives \(wrong).")
        case .transposedSizePrompt(let call, let input):
            "\(call) gets an input of \(input)×\(input). What is the output height (which equals the width)? \(invalidHint)"
        case .transposedSize(let formula):
            "A transposed convolution gives out = (H − 1)·S − 2P + D·(K − 1) + OP + 1: \(formula)."
        case .mapsBack(let formula):
            "Check: a conv2d with the same kernel, stride, padding and dilation maps it back, \(formula)."
        case .conv2dFormulaInstead:
            "The usual mistake is running the conv2d formula instead, or dropping output_padding: it adds OP cells at the end to pick "
                + "one of the sizes that the forward conv2d maps to the same H."
        case .outputPaddingTooLarge(let value, let stride, let dilation):
            "The forward conv2d floors several input sizes to the same H; output_padding only picks which of them is meant, so PyTorch "
                + "requires output_padding < max(stride, dilation) = max(\(stride), \(dilation)) = \(max(stride, dilation)). "
                + "Here it is \(value): PyTorch refuses the layer, so there is no output."
        case .outputPaddingAnyway:
            "The usual mistake is adding it into the formula anyway."

        // Counts
        case .parametersPrompt(let call, let image):
            "\(call) is applied to \(image)×\(image) images. How many learnable parameters does the layer have?"
        case .parameterCount(let shape, let product, let weights, let biases, let total):
            "The weight has shape (F, C/groups, KH, KW) = \(shape): \(product) = \(weights) weights"
                + (biases.map { ", plus one bias per output channel: \(weights) + \($0) = \(total)." } ?? "; bias=False adds none.")
                + " The image size does not matter: the same weights slide over every position."
        case .ignoredGroups(let channelsPerGroup, let ungrouped):
            "The usual mistake is ignoring groups: each filter sees only C/groups = \(count(channelsPerGroup, "input channel")); "
                + "with groups=1 it would be \(ungrouped)."
        case .forgotBias(let weights):
            "The usual mistake is forgetting the bias (one per output channel, and bias=True is the default): that gives \(weights)."
        case .multipliedByImage:
            "The usual mistake is multiplying by the image size: weights are shared across positions."
        case .macsPrompt(let call, let channels, let input):
            "\(call) processes one \(channels)×\(input)×\(input) input (C×H×W). How many multiply-accumulates (MACs) does its forward "
                + "pass take? Count one per weight tap of every output value; leave the bias out."
        case .macsCount(let outputShape, let cells, let side, let kernelStack, let perCell, let total):
            "The output is F × outH × outW = \(outputShape) = \(cells) values, with outH = outW = \(side). "
                + "Each value sums C/groups · KH · KW = \(kernelStack) = \(perCell) products, so \(cells) · \(perCell) = \(total) MACs."
        case .inputSizeForOutput(let stride):
            "The usual mistake is using the input size instead of the output size: stride \(stride) shrinks each axis."
        case .allInputChannels(let channels, let groups, let channelsPerGroup):
            "The usual mistake is multiplying by all \(channels) input channels: with groups=\(groups) each output value sees only \(channelsPerGroup)."

        // Factorised kernels
        case .separableKernelPrompt(let k, let column, let row, let saving):
            "The \(k.h)×\(k.w) kernel w = c·rᵀ is separable, with c = \(column) and r = \(row). One channel is correlated with it "
                + "as a 1×\(k.w) pass with r followed by a \(k.h)×1 pass with c. "
                + (saving ? "How many multiplications per output does that save against the \(k.h)×\(k.w) kernel?"
                    : "How many multiplications does each output cost?")
        case .separableKernelCount(let k, let direct, let separable):
            "Directly, each output sums KH·KW = \(k.h)·\(k.w) = \(direct) products. Separably, the row pass costs KW = \(k.w) "
                + "and the column pass KH = \(k.h) per output: KH + KW = \(separable), saving \(direct) − \(separable) = \(direct - separable)."
        case .separableAsProduct:
            "The usual mistake is multiplying the two passes (KH·KW again): they run one after the other, so their costs add. "
                + "(At the border the row pass also runs over KH − 1 extra rows, which the count per output leaves out.)"
        case .inceptionPrompt(let call, let first, let second):
            "As in Inception-v3, \(call) is replaced by \(first) followed by \(second). How many multiply-accumulates does the "
                + "factorised pair cost per output position (all output channels, bias left out)?"
        case .inceptionCount(let c, let f, let n, let first, let second, let total, let square):
            "The 1×\(n) layer costs C·F·n = \(c)·\(f)·\(n) = \(grouped(first)) per position, the \(n)×1 layer F·F·n = "
                + "\(f)·\(f)·\(n) = \(grouped(second)): \(grouped(total)) together, against C·F·n·n = \(grouped(square)) for the \(n)×\(n) layer."
        case .inceptionLearned:
            "The usual mistake is using C for both layers: the second one reads the first one's F channels. "
                + "(The pair is learned, with a nonlinearity between, not an exact factorisation of an n×n kernel.)"
        case .foldedBiasPrompt(let b, let gamma, let beta, let mean, let variance):
            (b.map { "A convolution with bias b = \($0)" } ?? "A convolution with bias=False")
                + " is followed by nn.BatchNorm2d in evaluation mode with γ = \(gamma), β = \(beta), running mean μ = \(mean), "
                + "running variance σ² = \(variance) and ε = 1e-5. Folded into the convolution, what is its new bias b′? "
                + "Give it to 2 decimals."
        case .foldedBias(let gamma, let variance, let scale, let b, let mean, let beta, let result):
            "s = γ/√(σ² + ε) = \(gamma)/√(\(variance) + 0.00001) = \(scale); "
                + "b′ = s·(b − μ) + β = \(scale)·(\(b) − \(mean)) + \(beta) = \(result). The weights become w′ = s·w."
        case .foldedBiasMistakes:
            "The usual mistakes are leaving out the scale s (b − μ + β), or β, or the square root of σ² + ε."

        case .leftOutInputChannels(let channels):
            "The usual mistake is leaving out the input channels: each output value sums over all \(channels) of them."
        case .flops:
            "FLOPs are often quoted as 2 × MACs (a multiply and an add)."
        case .convLayer(let kernel, let stride, let dilation):
            "conv \(kernel)×\(kernel), stride \(stride)" + (dilation != 1 ? ", dilation \(dilation)" : "")
        case .maxPoolLayer(let kernel, let stride):
            "max pool \(kernel)×\(kernel), stride \(stride)"
        case .receptiveFieldPrompt(let listing):
            "Layers are stacked on an image, input first:\n\(listing)\nHow many input pixels wide is the receptive field of one cell "
                + "of the last layer's output? (Padding does not change it.)"
        case .receptiveFieldStart:
            "Start from one input pixel (r = 1, jump 1). Each layer adds D·(K−1)·jump and multiplies the jump by its stride:"
        case .receptiveFieldSize(let size):
            "The receptive field is \(size) pixels."
        case .addedKernels(let unstrided):
            "The usual mistake is adding the kernels up as if every stride were 1, which gives \(unstrided): after a layer of stride S, "
                + "neighbouring cells are S input pixels apart (times the strides before it). The last layer's stride does not matter."
        case .addedK:
            "The usual mistake is adding K instead of K − 1 per layer, or forgetting the dilation: a layer adds D·(K−1) times the jump."

        // One cell by hand
        case .whatIsCell(let cell, let row, let column, let decimals):
            "What is \(cell) (row \(row), column \(column), counting from 0)?" + (decimals.map { " Give it to \($0) decimals." } ?? "")
        case .outputCellPrompt(let convention, let stride, let padding, let bias):
            (convention == .convolution
                ? "A true convolution (w is rotated by 180° before it slides)"
                : "A conv2d (PyTorch's cross-correlation: w slides as stored, unflipped)")
                + " with stride \(stride), padding \(padding)" + (padding > 0 ? " (a ring of zeros around x)" : "")
                + (bias.map { " and bias b = \(Text.number($0))" } ?? ", no bias") + ":"
        case .convolutionWindow(let cell, let rows, let columns, let readsPadding, let convention):
            "The window of \(cell) covers x \(cellSpan(rows, columns))"
                + (readsPadding ? " (cells outside x are padding and read 0)" : "")
                + (convention == .convolution
                    ? " and meets w rotated by 180°: its top-left cell meets w's bottom-right."
                    : " and meets w as stored: top-left with top-left.")
        case .flipMistake(let convention, let wrongValue, let bias):
            "The usual mistake is "
                + (convention == .convolution
                    ? "forgetting to flip w (that is PyTorch's cross-correlation)"
                    : "flipping w (that is the mathematical convolution)")
                + (wrongValue.map { ", which gives \(Text.number($0))" } ?? ", which here happens to give the same value")
                + (bias ? ", or forgetting the bias." : ".")
        case .backwardPrompt(let asked, let kernel, let stride, let padding, let input, let output):
            "A conv2d with a \(kernel)×\(kernel) kernel, stride \(stride) and padding \(padding) maps x (\(input.h)×\(input.w)) "
                + "to out (\(output.h)×\(output.w)). The upstream gradient dOut = ∂L/∂out and "
                + (asked == .dx ? "the kernel are:" : "the input are:")
        case .whatIsGradient(let cell, let of):
            "What is \(cell) = ∂L/∂\(of)?"
        case .dxUnreached(let of):
            "No window covered \(of): the last stride stopped short of it, so nothing flows back."
        case .dxTerms(let cell, let of):
            "\(of) was read by every window that covered it, each time through a different weight; \(cell) adds w × dOut over those windows:"
        case .dxMistake:
            "The usual mistake is pairing each dOut[i,j] with the weight at the same offset: as the window moves right, x[r,c] meets "
                + "the kernel further left (w is effectively flipped), so dOut[i,j] pairs with w[r − i·S + P, c − j·S + P]."
        case .dwTerms(let cell, let of, let row, let column):
            "\(of) met one x cell in every window, x[i·S − P + \(row), j·S − P + \(column)] for out[i,j]; "
                + "\(cell) adds dOut[i,j] × that cell over all windows:"
        case .dwMistake(let readsPadding):
            readsPadding
                ? "The usual mistake is giving padding cells a value: they are 0, so their terms vanish; or forgetting the stride in the offset."
                : "The usual mistake is forgetting the stride in the offset, or leaving out some windows: every output cell adds one term."
        case .poolCellPrompt(let call):
            "\(call), with PyTorch's defaults otherwise, runs over x:"
        case .poolWindow(let cell, let rows, let columns, let kind, let readsPadding):
            readsPadding
                ? "The window of \(cell) covers x \(cellSpan(rows, columns))"
                    + (kind == .max
                        ? "; its padding cells read −∞ and never win:"
                        : "; its padding cells read 0 and still count in the divisor (count_include_pad=True):")
                : problem(.windowCovers(cell: cell, rows: rows, columns: columns))
        case .maxPaddingAsZero:
            "The usual mistake is treating the padding as 0: it is −∞, so a window of negative numbers keeps its largest negative number."
        case .averageOverRealCells(let window):
            "The usual mistake is dividing by the real cells only (that is count_include_pad=False): PyTorch's default divides by all "
                + "\(window)·\(window) = \(window * window)."
        case .poolWindowPlacement:
            "The usual mistake is placing the window wrongly: out[i,j]'s window starts at row i·S − P, column j·S − P."

        // Select the cells
        case .windowCovers(let cell, let rows, let columns):
            "The window of \(cell) covers x \(cellSpan(rows, columns)):"
        case .receptiveFieldCellsPrompt(let cell, let kernel, let stride, let padding, let dilation, let input):
            "A conv2d with a \(kernel)×\(kernel) kernel, \(settings(stride: stride, padding: padding, dilation: dilation)) slides over "
                + "x (\(input.h)×\(input.w)). Mark every cell of x that \(cell) reads."
                + (padding > 0 ? " Padding cells are not part of x: do not mark them." : "")
                + " " + drawnHint(padding: padding)
        case .receptiveFieldReads(let cell, let rows, let columns, let dilation, let cells, let drawnAt):
            "The window of \(cell) covers x \(cellSpan(rows, columns))"
                + (dilation > 1 ? ", every other row and column (dilation \(dilation))" : "")
                + ". It reads \(cells.joined(separator: comma)), drawn at \(drawnAt)."
        case .paddingTaps(let taps):
            "Its other taps, \(taps.joined(separator: comma)), fall in the padding: they read 0 and are not part of the receptive field."
        case .markedSkippedCells:
            "The usual mistake is marking the cells the dilated kernel skips: it reads every other row and column only."
        case .paddingRingCoordinates(let padding):
            "The usual mistake is forgetting the padding ring in the coordinates: x[r,c] is drawn at (r + \(padding), c + \(padding))."
        case .windowStride:
            "The usual mistake is forgetting the stride: the window of out[i,j] starts at row i·S − P, column j·S − P."
        case .dxReachPrompt(let cell, let kernel, let stride, let padding, let dilation, let input, let output):
            "Backpropagating through a conv2d with a \(kernel)×\(kernel) kernel, \(settings(stride: stride, padding: padding, dilation: dilation)) "
                + "(x is \(input.h)×\(input.w), out is \(output.h)×\(output.w)), the gradient \(cell) flows back into dx. "
                + "Mark every cell of dx that it reaches. dx is drawn without padding: (row, col) is dx[row, col]."
        case .scatterBack(let cell):
            "\(cell) goes back to exactly the cells its window read in the forward pass, each times the weight that met it:"
        case .thatIs(let cells):
            "That is \(cells)."
        case .paddingSendsNothing:
            "Taps that fell in the padding send nothing back: the padding is not part of x."
        case .filledSkippedCells:
            "The usual mistake is filling in the cells the dilated kernel skipped: only every other row and column receives gradient."
        case .reachStride:
            "The usual mistake is forgetting the stride (the window of dOut[i,j] starts at x row i·S − P) or marking padding positions."
        case .poolMaxPrompt(let call, let input, let cell, let padding):
            "\(call) runs over x (\(input.h)×\(input.w)). Mark the cell of x whose value becomes \(cell). " + drawnHint(padding: padding)
        case .maximumIs(let value, let cell, let row, let column):
            "The maximum, \(Text.number(value)), is \(cell), drawn at (\(row), \(column))."
        case .maxPaddingRing(let padding):
            "The usual mistake is forgetting the padding ring in the coordinates (x[r,c] is drawn at (r + \(padding), c + \(padding))); "
                + "padding reads −∞, so it never wins."
        case .maxWindowStride:
            "The usual mistake is placing the window without the stride: out[i,j]'s window starts at row i·S, column j·S."
        }
    }

    /// `height` or `width`.
    private func axisName(_ axis: Axis) -> String {
        switch axis {
        case .height: "height"
        case .width: "width"
        }
    }

    /// `stride 2, padding 1`, and `dilation 2` when it is not 1.
    private func settings(stride: Int, padding: Int, dilation: Int) -> String {
        (["stride \(stride)", "padding \(padding)"] + (dilation != 1 ? ["dilation \(dilation)"] : [])).joined(separator: comma)
    }

    /// `rows 1 to 3 and columns 0 to 2`.
    private func cellSpan(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>) -> String {
        "rows \(rows.lowerBound) to \(rows.upperBound) and columns \(columns.lowerBound) to \(columns.upperBound)"
    }

    /// The hint closing a question whose answer may be `invalid`.
    private var invalidHint: String {
        "If the layer has no valid output, answer invalid."
    }

    /// How x is drawn and its cells counted: with its padding ring (x[0,0] drawn at (P, P)), or
    /// without.
    private func drawnHint(padding: Int) -> String {
        padding > 0
            ? "x is drawn with its ring of padding, and rows and columns are counted on the grid as drawn, padding included: "
                + "x[0,0] is drawn at (\(padding), \(padding))."
            : "There is no padding: (row, col) is x[row, col]."
    }
}
