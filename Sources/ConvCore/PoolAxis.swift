/// The windows of a pooling layer along one axis: the input positions output position `i` reads,
/// as an arithmetic progression, and how many of them an average counts in its divisor.
enum PoolAxis: Sendable {
    /// `kernel` taps `dilation` apart from `i·stride − padding` (PyTorch's `max_pool2d` and
    /// `avg_pool2d`). An average counts the window's cells up to the end of the padding,
    /// `min(start + K, H + P) − start`, when `countIncludePad`, else its input cells; cells a
    /// `ceil_mode` window reaches past the padding count in neither (ATen's `cpu_avg_pool`).
    case sliding(input: Int, output: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, countIncludePad: Bool)
    /// The input cells `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉` (ATen's `start_index` and `end_index`, used by
    /// `adaptive_max_pool2d` and `adaptive_avg_pool2d`); an average counts all of them.
    case adaptive(input: Int, output: Int)

    /// The input's extent `H`.
    var input: Int {
        switch self {
        case .sliding(let input, _, _, _, _, _, _), .adaptive(let input, _): input
        }
    }

    /// The output's extent.
    var output: Int {
        switch self {
        case .sliding(_, let output, _, _, _, _, _), .adaptive(_, let output): output
        }
    }

    /// The taps of window `i`, in unpadded coordinates: `first`, `first + step`, …, `count` of them.
    func window(_ i: Int) -> (first: Int, step: Int, count: Int) {
        switch self {
        case .sliding(_, _, let kernel, let stride, let padding, let dilation, _):
            return (i * stride - padding, dilation, kernel)
        case .adaptive(let input, let output):
            let range = Self.adaptiveWindow(i, input: input, output: output)
            return (range.lowerBound, 1, range.count)
        }
    }

    /// The positions window `i` reads, in order (some may lie outside `0 ..< H`).
    func taps(_ i: Int) -> StrideTo<Int> {
        let (first, step, count) = window(i)
        return stride(from: first, to: first + step * count, by: step)
    }

    /// How many positions of window `i` an average divides by (one factor of the divisor).
    func counted(_ i: Int) -> Int {
        switch self {
        case .sliding(let input, _, let kernel, let stride, let padding, _, let countIncludePad):
            let start = i * stride - padding
            return countIncludePad ? min(start + kernel, input + padding) - start
                : min(start + kernel, input) - max(start, 0)
        case .adaptive:
            return window(i).count
        }
    }

    /// The most taps a window has.
    var largestWindow: Int {
        switch self {
        case .sliding(_, _, let kernel, _, _, _, _): kernel
        case .adaptive(let input, let output): OutputSize.ceilDiv(input, output) + 1
        }
    }

    /// The windows whose span (first to last tap) covers input position `p`, ascending; with
    /// dilation, some of them step over it.
    func covering(_ p: Int) -> ClosedRange<Int>? {
        let first: Int, last: Int
        switch self {
        case .sliding(_, let output, let kernel, let stride, let padding, let dilation, _):
            // i·S − P ≤ p ≤ i·S − P + D·(K−1)
            first = max(0, OutputSize.ceilDiv(p + padding - dilation * (kernel - 1), stride))
            last = min(output - 1, (p + padding) / stride)
        case .adaptive(let input, let output):
            // ⌊i·H/O⌋ ≤ p < ⌈(i+1)·H/O⌉  ⟺  ⌊p·O/H⌋ ≤ i < ⌈(p+1)·O/H⌉
            first = p * output / input
            last = min(output - 1, OutputSize.ceilDiv((p + 1) * output, input) - 1)
        }
        return first <= last ? first...last : nil
    }

    /// The first window with no tap inside the input, if any (only dilation can make one).
    var windowReadingNothing: Int? {
        (0..<output).first { i in
            let (first, step, count) = window(i)
            let k = first >= 0 ? 0 : OutputSize.ceilDiv(-first, step)
            return k >= count || first + k * step >= input
        }
    }

    /// Window `i` of adaptive pooling from `input` to `output` cells: `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉`.
    static func adaptiveWindow(_ i: Int, input: Int, output: Int) -> Range<Int> {
        (i * input / output)..<OutputSize.ceilDiv((i + 1) * input, output)
    }
}
