/// Output-size arithmetic for one spatial axis, with the formula written out for learners.
///
/// Each function validates its arguments and throws a `ConvError` naming the field at fault.
public enum OutputSize {
    /// Convolution: `⌊(H + 2P − D·(K−1) − 1) / S⌋ + 1`.
    ///
    /// The floor drops the last, incomplete stride: a window that would stick out of the padded
    /// input is never placed.
    public static func convolution(
        input: Int, kernel: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1,
        axis: Axis? = nil
    ) throws(ConvError) -> Int {
        try convolution(input: input, kernel: kernel, stride: stride, before: padding, after: padding,
                        dilation: dilation, axis: axis)
    }

    /// Convolution with `before` padding rows (or columns) ahead of the input and `after` behind
    /// it: `⌊(H + P₁ + P₂ − D·(K−1) − 1) / S⌋ + 1`.
    public static func convolution(
        input: Int, kernel: Int, stride: Int, before: Int, after: Int, dilation: Int, axis: Axis? = nil
    ) throws(ConvError) -> Int {
        try checkCommon(input: input, kernel: kernel, stride: stride, padding: before,
                        dilation: dilation, axis: axis)
        try Limits.check(after, field: "padding", axis: axis, minimum: 0)
        let effective = dilation * (kernel - 1) + 1
        let padded = input + before + after
        guard effective <= padded else {
            throw .kernelLargerThanInput(field: "kernel", axis: axis ?? .height,
                                         effectiveKernel: effective, paddedInput: padded)
        }
        return (padded - effective) / stride + 1
    }

    /// Transposed convolution: `(H − 1)·S − 2P + D·(K−1) + OP + 1`, with `0 ≤ OP < max(S, D)`.
    ///
    /// It is the input size of a convolution whose output size is `H`; `OP` picks among the input
    /// sizes that the convolution's floor maps to the same `H`.
    public static func transposed(
        input: Int, kernel: Int, stride: Int = 1, padding: Int = 0, outputPadding: Int = 0,
        dilation: Int = 1, axis: Axis? = nil
    ) throws(ConvError) -> Int {
        try checkCommon(input: input, kernel: kernel, stride: stride, padding: padding,
                        dilation: dilation, axis: axis)
        guard outputPadding >= 0, outputPadding < max(stride, dilation) else {
            throw .outputPaddingOutOfRange(axis: axis ?? .height, value: outputPadding,
                                           stride: stride, dilation: dilation)
        }
        let size = (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1
        guard size >= 1 else { throw .emptyOutput(field: "padding", axis: axis ?? .height, size: size) }
        return size
    }

    /// Pooling: `⌊(H + 2P − D·(K−1) − 1) / S⌋ + 1` (dilation `D` for max pooling; 1 makes it
    /// `⌊(H + 2P − K) / S⌋ + 1`), with padding at most half the window.
    ///
    /// `ceilMode` rounds up, `⌈…⌉ + 1`, so a last window may hang past the padded input; PyTorch
    /// then drops that window if it would start in the right padding, `(out − 1)·S ≥ H + P`
    /// (`pooling_output_shape_pad_lr` in ATen's `Pool.h`). Rounding up may place a window wider
    /// than the padded input; the output is refused only when it has no cell.
    public static func pooling(
        input: Int, kernel: Int, stride: Int, padding: Int = 0, dilation: Int = 1, ceilMode: Bool = false,
        axis: Axis? = nil
    ) throws(ConvError) -> Int {
        try checkCommon(input: input, kernel: kernel, stride: stride, padding: padding,
                        dilation: dilation, axis: axis)
        guard padding <= kernel / 2 else {
            throw .poolPaddingTooLarge(axis: axis ?? .height, padding: padding, kernel: kernel)
        }
        guard ceilMode else {
            return try convolution(input: input, kernel: kernel, stride: stride, padding: padding,
                                   dilation: dilation, axis: axis)
        }
        let size = poolingCeil(input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        let out = poolingDropsLastWindow(input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
            ? size - 1 : size
        guard out >= 1 else { throw .emptyOutput(field: "kernel", axis: axis ?? .height, size: out) }
        return out
    }

    /// True when rounding up would place a last window that starts in the right padding,
    /// `(⌈(H + 2P − D·(K−1) − 1) / S⌉ + 1 − 1)·S ≥ H + P`, which PyTorch's `ceil_mode` drops.
    public static func poolingDropsLastWindow(input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int = 1) -> Bool {
        let size = poolingCeil(input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        return size >= 1 && (size - 1) * stride >= input + padding
    }

    /// `⌈(H + 2P − D·(K−1) − 1) / S⌉ + 1`, before PyTorch's drop rule (the numerator may be negative).
    private static func poolingCeil(input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int) -> Int {
        ceilDiv(input + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1
    }

    /// `⌈a / b⌉` for `b > 0`, `a` of either sign.
    public static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }

    private static func checkCommon(
        input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, axis: Axis?
    ) throws(ConvError) {
        try Limits.check(input, field: "input", axis: axis, minimum: 1)
        try Limits.check(kernel, field: "kernel", axis: axis, minimum: 1)
        try Limits.check(stride, field: "stride", axis: axis, minimum: 1)
        try Limits.check(padding, field: "padding", axis: axis, minimum: 0)
        try Limits.check(dilation, field: "dilation", axis: axis, minimum: 1)
    }

    // MARK: - The formulas with today's numbers

    /// `⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3` for input 5, kernel 3, stride 2, padding 1.
    public static func convolutionFormula(
        input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, result: Int
    ) -> String {
        convolutionFormula(input: input, kernel: kernel, stride: stride, before: padding, after: padding,
                           dilation: dilation, result: result)
    }

    /// The formula with the padding of each side: `2·1` when they agree, else `1 + 2`:
    /// `⌊(4 + 1 + 2 − 1·(4−1) − 1)/1⌋ + 1 = 4`.
    public static func convolutionFormula(
        input: Int, kernel: Int, stride: Int, before: Int, after: Int, dilation: Int, result: Int
    ) -> String {
        let padding = before == after ? "2·\(before)" : "\(before) + \(after)"
        return "⌊(\(input) + \(padding) − \(dilation)·(\(kernel)−1) − 1)/\(stride)⌋ + 1 = \(result)"
    }

    /// `(3−1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 6` for input 3, kernel 3, stride 2, padding 1, OP 1.
    public static func transposedFormula(
        input: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int, dilation: Int,
        result: Int
    ) -> String {
        "(\(input)−1)·\(stride) − 2·\(padding) + \(dilation)·(\(kernel)−1) + \(outputPadding) + 1 = \(result)"
    }

    /// `⌊(4 + 2·0 − 2)/2⌋ + 1 = 2` for input 4, window 2, stride 2; with dilation the
    /// convolution's numerator, `⌊(7 + 2·0 − 2·(2−1) − 1)/2⌋ + 1 = 3`; with `ceilMode`
    /// `⌈(5 + 2·0 − 2)/2⌉ + 1 = 3`, and `⌈(3 + 2·1 − 2)/2⌉ + 1 − 1 = 2` when PyTorch drops a last
    /// window that would start in the right padding.
    public static func poolingFormula(
        input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int = 1, ceilMode: Bool = false, result: Int
    ) -> String {
        let window = dilation == 1 ? "\(kernel)" : "\(dilation)·(\(kernel)−1) − 1"
        let fraction = "(\(input) + 2·\(padding) − \(window))/\(stride)"
        guard ceilMode else { return "⌊\(fraction)⌋ + 1 = \(result)" }
        let drops = poolingDropsLastWindow(input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        return "⌈\(fraction)⌉ + 1" + (drops ? " − 1" : "") + " = \(result)"
    }
}
