/// TensorFlow's `padding="SAME"` per axis, at any stride: the output size is chosen first,
///
///     out = ⌈H/S⌉,   total = max((out − 1)·S + D·(K − 1) + 1 − H, 0)
///
/// and the total is split `⌊total/2⌋` before (top, left) and the rest after (bottom, right),
/// as `tf.nn.conv2d` and Keras' `padding="same"` do. At stride 1 this is PyTorch's
/// `padding="same"`; at a larger stride PyTorch has no such option (it needs `F.pad`).
public enum TensorFlowSamePadding {
    /// One axis: the output size, the total padding and its two sides.
    public struct Axis: Equatable, Sendable {
        public var out: Int
        public var total: Int
        public var before: Int
        public var after: Int
    }

    /// The padding of one axis of length `input` for a window of `kernel` taps, `dilation` apart,
    /// moved by `stride`.
    public static func axis(input: Int, kernel: Int, stride: Int, dilation: Int = 1) throws(ConvError) -> Axis {
        try Limits.check(input, field: "input", minimum: 1)
        try Limits.check(kernel, field: "kernel", minimum: 1)
        try Limits.check(stride, field: "stride", minimum: 1)
        try Limits.check(dilation, field: "dilation", minimum: 1)
        let out = (input + stride - 1) / stride
        let total = max((out - 1) * stride + dilation * (kernel - 1) + 1 - input, 0)
        return Axis(out: out, total: total, before: total / 2, after: total - total / 2)
    }

    /// Both axes as `F.pad`'s sides `[left, right, top, bottom]`, with the rows' and columns' axes.
    public static func sides(input: Pair, kernel: Pair, stride: Pair, dilation: Pair = Pair(1)) throws(ConvError)
        -> (sides: PaddingSides, rows: Axis, columns: Axis) {
        let rows = try axis(input: input.h, kernel: kernel.h, stride: stride.h, dilation: dilation.h)
        let columns = try axis(input: input.w, kernel: kernel.w, stride: stride.w, dilation: dilation.w)
        return (PaddingSides(left: columns.before, right: columns.after, top: rows.before, bottom: rows.after), rows, columns)
    }
}
