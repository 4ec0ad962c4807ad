import ConvCore

/// The heading of an explorer scene: what is animated, and how.
public enum SceneTitle: Equatable, Sendable {
    /// `1-D convolution (flip and slide), mode full`.
    case oneD(ConvOperation, Conv1D.Mode)
    /// `2-D convolution (cross-correlation)`, or the true convolution with the kernel flipped.
    case conv2d(Convention)
    /// The backward pass cell by cell: `db`, then `dw`, then `dx`.
    case backwardCells
    /// The backward pass as each `dOut` cell scattering into `dx`.
    case backwardScatter
    /// `dx` as an ordinary convolution.
    case backwardAsConvolution
    /// Max or average pooling, forward or backward.
    case pooling(Pool2D.Kind, backward: Bool)
    /// Adaptive max or average pooling, forward or backward.
    case adaptivePooling(Pool2D.Kind, backward: Bool)
    /// The transposed convolution cell by cell.
    case transposedCells
    /// The transposed convolution as each `x` cell scattering `x·w` into `out`.
    case transposedScatter
    /// The transposed convolution as an ordinary convolution.
    case transposedAsConvolution
}

/// An explanation under an explorer scene's grids.
public enum SceneNote: Equatable, Sendable {
    /// Convolution flips `v`, then slides it along `a`.
    case convolve1d
    /// Correlation slides `v` unflipped.
    case correlate1d
    /// True convolution: the window meets the kernel rotated by 180°.
    case trueConvolution
    /// Each output cell sums over every input channel of its group (and adds the bias).
    case sumsOverChannels(channelsPerGroup: Int, bias: Bool)
    /// The three gradients in one line.
    case backwardCells
    /// Each `dOut` cell sends `w·dOut` back to the inputs its window covered.
    case backwardScatter
    /// `dx` as the full convolution of `dOut` with the flipped kernel (stride 1).
    case backwardAsConvolution
    /// The same with a stride: zeros inserted between `dOut`'s cells first.
    case backwardAsStridedConvolution(stride: Pair)
    /// Each window keeps its largest value; padding reads −∞; the first maximum wins ties.
    case maxPool
    /// Each `dOut` goes to the first maximum of its window.
    case maxPoolBackward
    /// Each window averages its `cells` cells, padding zeros included.
    case averagePool(cells: Int)
    /// Each `dOut` is spread evenly, `dOut / cells` to every cell of its window.
    case averagePoolBackward(cells: Int)
    /// `ceil_mode`: the output size rounds up, so a last window may hang past the padded input;
    /// `dropsWindow`: one that would start in the right padding was dropped.
    case ceilMode(dropsWindow: Bool)
    /// What an average divides by when it is not every cell of the window: the cells inside the
    /// padded input (`countsPadding`, `count_include_pad=True` with `ceil_mode`), or inside `x`.
    case averagePoolCounted(countsPadding: Bool)
    /// `divisor_override`: one divisor for every window.
    case divisorOverride(Int)
    /// Average pooling's backward when windows divide by different numbers.
    case averagePoolBackwardDivisors
    /// Adaptive pooling's windows, `⌊i·H/O⌋ … ⌈(i+1)·H/O⌉ − 1`, and what each keeps.
    case adaptivePool(Pool2D.Kind)
    /// Adaptive pooling's backward: each `dOut` to its window's maximum, or shared over its window.
    case adaptivePoolBackward(Pool2D.Kind)
    /// Where `x[i,j]·w` lands in the output of a transposed convolution.
    case transposedScatter(bias: Bool)
    /// Each output cell of a transposed convolution sums the scattered copies that land on it.
    case transposedCells
    /// The transposed convolution as zero insertion, framing and the flipped kernel.
    case transposedAsConvolution
}

/// Words after a grid's name: what the grid is besides the tensor it shows.
public enum PanelCaption: Equatable, Sendable {
    /// A kernel rotated by 180°, as a true convolution's window meets it.
    case flipped
    /// A tensor being built by a scatter: the partial sums so far.
    case soFar
    /// The operand of an adjoint convolution: zeros inserted between the cells, then a frame.
    case zeroInsertedAndFramed
    /// The kernel of an adjoint convolution: the plane `[f, c]` of the original kernel `w`,
    /// rotated by 180° (`w′[c, f]` is `w[f, c]` flipped: the channels swap roles); `nil` when `w`
    /// has only one plane.
    case flippedKernel(of: [Int]?)
}

/// The reference call that computes the same thing as a scene, with its library's name.
public enum ReferenceCallText: Equatable, Sendable {
    /// `numpy.convolve(a, v, mode="full")`.
    case numpy(String)
    /// `torch.nn.functional.conv2d(x, w, …)`.
    case pytorch(String)
    /// The forward call, then `out.backward(dOut)` giving the three gradients.
    case pytorchBackward(String)
}

/// An output-size formula with today's numbers, to be labelled in the reader's language.
public enum SizeFormula: Equatable, Sendable {
    /// A 1-D output length for a NumPy mode: `3 + 3 − 1 = 5`.
    case length(Conv1D.Mode, String)
    /// Both axes of a 2-D output give the same formula.
    case size(String)
    /// The height's and the width's formulas.
    case perAxis(height: String, width: String)
    /// Adaptive pooling's windows along the height and the width (one line when they agree).
    case windows(height: String, width: String)

    /// The formula of each axis, one line when both agree.
    public static func axes(_ formula: (Axis) -> String) -> SizeFormula {
        let (h, w) = (formula(.height), formula(.width))
        return h == w ? .size(h) : .perAxis(height: h, width: w)
    }
}

/// Words inside a cell's arithmetic.
public enum TraceWord: Equatable, Sendable {
    /// After `= 0` when no term reaches a cell.
    case nothingReaches
    /// After a scatter source whose window reaches no cell.
    case reachesNoCell
    /// After a value read from the padding.
    case padding
    /// After the bias term.
    case bias
    /// Beside the term that a max pooling window keeps.
    case maximum
    /// The name of a padding mode: `reflect`, `反射填充`.
    case paddingMode(PaddingMode)
    /// A gradient term that arrived through the padding cell named here (which copies the cell
    /// the gradient is of): `via x[0,0,-1,2]`.
    case via(String)
}
