import ConvCore

/// What a case probes.
public enum CaseLabel: String, Equatable, Sendable, CaseIterable {
    /// The example the lessons work through.
    case example
    /// More than one image, channel and filter (N, C, F > 1).
    case batch
    /// A non-square input and kernel.
    case nonSquare = "non-square"
    /// A 1×1 kernel.
    case pointwise
    /// A kernel (or window) as large as the input: one output cell.
    case kernelIsInput = "kernel-is-input"
    /// A stride larger than the kernel: input cells no window reads.
    case strideOverKernel = "stride-over-kernel"
    /// Padding of at least 1.
    case padded
    /// A stride that does not divide the input: the floor of the size formula drops the rest.
    case unevenStride = "uneven-stride"
    /// Windows that overlap: one input cell in several windows, so gradients add up.
    case overlapping
    /// Equal values in a window: max pooling sends the gradient to the first maximum only.
    case ties
    /// Dilation above 1.
    case dilated
    /// Parameters with no output: 0 or an exception is right.
    case invalid
    /// A 1-D mode of numpy.convolve, with the first array longer, shorter or as long.
    case longer, shorter, sameLength = "same-length"
    /// Drawn at random within the exercise's ranges.
    case random
}

/// A mistake hand-written convolution code is known to make, recognised by what it returns (or
/// raises, or how its source reads).
public enum Diagnosis: Equatable, Sendable {
    /// The bias is added inside the window sum: every cell is off by (C·KH·KW − 1)·b[f].
    case biasInWindow(times: Int)
    /// No bias at all: every cell is off by −b[f].
    case biasMissing
    /// The kernel is flipped: a true convolution, not deep learning's cross-correlation.
    case kernelFlipped
    /// The stride is not used: the output has the size of stride 1.
    case strideIgnored
    /// The padding is not used.
    case paddingIgnored
    /// The widely copied wrong formula `(H − K + 2P − (S−1)(K−1) − 1) // S + 1`.
    case wrongSizeFormula
    /// The output is one row or column too many or too few.
    case offByOne
    /// dx keeps the padded shape: the padding is not cropped off.
    case dxNotCropped
    /// dW has a batch axis: it is not summed over the samples.
    case dWNotSummed
    /// dW (or db) holds only the last sample's share: `=` where `+=` sums over the batch.
    case gradientOverwritten
    /// dW (or db) is divided by the batch size.
    case gradientAveraged
    /// dx slides the kernel unrotated over dout; the kernel must be rotated by 180°.
    case dxKernelNotRotated
    /// Max pooling's gradient goes to every maximum of a window, not to the first.
    case tiesToEveryMaximum
    /// Max pooling's gradient goes to the last maximum of a window, not to the first.
    case tiesToLastMaximum
    /// Overlapping windows overwrite each other's gradient: `=` where `+=` is needed.
    case overlapOverwritten
    /// A 1-D correlation: `g` is not flipped.
    case notFlipped1D
    /// The output size is not an integer: `/` where `//` (the floor) is needed.
    case sizeNotFloored
    /// The dilation is not used in the output size.
    case dilationIgnored
    /// A size is returned where no output exists.
    case invalidNotDetected
    /// `N, C, H = x.shape`: x (and W) have four axes.
    case unpackThree
    /// `N, C, H, W = x.shape` rebinds W, the weights, to the input's width.
    case shadowedWeights
}

/// Why an expected array has its shape, for a report of a wrong shape.
public enum ShapeRule: Equatable, Sendable {
    /// `(N, F, outH, outW)` with `out = ⌊(H + 2P − K)/S⌋ + 1` per axis.
    case convolution
    /// `(N, C, outH, outW)` with `out = ⌊(H − K)/S⌋ + 1` per axis.
    case pooling
    /// `(N, F, outH, outW)` with `out = (H − 1)·S − 2P + K` per axis.
    case transposed
    /// The gradient of a tensor has the tensor's shape (`dx` is x's, `dW` is W's).
    case gradient(of: String)
    /// One value per filter: `db` sums `dout` over N, H and W.
    case perFilter
    /// numpy.convolve's length in a mode.
    case conv1d(Conv1D.Mode)
}
