/// The name of a tensor as the maths writes it, in traces, grids and explanations.
///
/// The primed names are the operands of a convolution that computes something else: `dx` as the
/// convolution of `dOut′` (zero-inserted and framed) with `w′` (the kernel rotated by 180°), and a
/// transposed convolution as that of `x′` with `w′`.
public enum TensorName: String, CaseIterable, Sendable {
    /// A 2-D input `(N, C, H, W)` and its weight `(F, C/groups, KH, KW)`, bias `(F,)` and output.
    case x, w, b, out
    /// The gradient of the loss with respect to the output, and the gradients it gives.
    case dOut, dx, dw, db
    /// The two arrays of a 1-D convolution or correlation.
    case a, v
    case dOutPrime = "dOut′", xPrime = "x′", wPrime = "w′"

    /// True for the tensors a learner may give values to (inputs, kernels, biases, upstream
    /// gradients), as opposed to those the compute core computes.
    public var isGiven: Bool { [.x, .w, .b, .dOut, .a, .v].contains(self) }
}
