import ConvCore
import LessonKit

/// One cell computed by hand: an output of conv2d, a cell of `dx` or `dw`, an output of pooling.
/// The answer is the value of the compute core's trace of that cell; the animation is the
/// explorer scene of the same tensors, opened on the step that computes it.
extension ProblemGenerator {
    /// A small convolution of one image, one channel and one filter, with integer values.
    struct SmallConv {
        var layer: Conv2D
        var kernel: Int
        var stride: Int
        var padding: Int
        var dilation: Int
    }

    /// Draws a small convolution; the compute core validates it (a refusal makes the caller draw
    /// again).
    static func smallConv(
        _ r: inout SeededRandom, sizes: ClosedRange<Int>, kernels: [Int], strides: [Int], paddings: [Int],
        dilation: Int = 1, bias: Bool = false, convention: Convention = .crossCorrelation
    ) throws(ConvError) -> SmallConv {
        let (h, w) = (r.int(in: sizes), r.int(in: sizes))
        let kernel = r.pick(kernels)
        let stride = r.pick(strides)
        let padding = min(r.pick(paddings), kernel - 1)
        return try smallConv(&r, h: h, w: w, kernel: kernel, stride: stride, padding: padding, dilation: dilation,
                             bias: bias, convention: convention)
    }

    /// A small convolution of the given sizes with drawn values: x of −3…3, w of ±1, ±2, b of −3…3.
    static func smallConv(
        _ r: inout SeededRandom, h: Int, w: Int, kernel: Int, stride: Int, padding: Int, dilation: Int = 1,
        bias: Bool = false, convention: Convention = .crossCorrelation
    ) throws(ConvError) -> SmallConv {
        let x = r.grid(h, w, -3...3)
        // Weights are never 0, so that every term of a cell counts.
        let weights = r.grid(kernel, kernel, -2...2, nonzero: true)
        let b = bias ? Tensor([Double(r.int(in: -3...3))]) : nil
        let layer = try Conv2D(x: x, w: weights, b: b,
                               options: Conv2DOptions(stride: Pair(stride), padding: Pair(padding), dilation: Pair(dilation),
                                                      convention: convention))
        return SmallConv(layer: layer, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
    }

    /// Every `[0, 0, i, j]` index of a `(1, 1, H, W)` shape, row-major.
    static func cells(_ shape: [Int]) -> [[Int]] {
        (0..<shape[2]).flatMap { i in (0..<shape[3]).map { j in [0, 0, i, j] } }
    }

    /// `rows 1 to 3 and columns 0 to 2` of `x` that a trace reads (padding included).
    static func span(_ t: Words, _ trace: Trace, _ tensor: String = "x") -> String {
        let indices = trace.terms.flatMap(\.factors).filter { $0.tensor == tensor }.map(\.index)
        let rows = indices.map { $0[2] }, cols = indices.map { $0[3] }
        let range = { (values: [Int]) in
            let (lo, hi) = (values.min() ?? 0, values.max() ?? 0)
            return (lo, hi)
        }
        let ((r0, r1), (c0, c1)) = (range(rows), range(cols))
        return t("rows \(r0) to \(r1) and columns \(c0) to \(c1)", "第 \(r0) 到 \(r1) 行、第 \(c0) 到 \(c1) 列")
    }

    /// The trace's term lines, indented, with row-and-column indices.
    static func termLines(_ trace: Trace) -> [String] {
        Text.termLines(planar(trace)).map { indent + $0 }
    }

    /// True when some term of the trace reads the padding.
    static func readsPadding(_ trace: Trace) -> Bool {
        trace.terms.contains { $0.factors.contains(where: \.inPadding) }
    }

    // MARK: output-cell

    /// One output cell of a conv2d: x 3–6 × 3–6 (3–4 columns with padding) of integers −3…3, w 2×2
    /// or 3×3 of −2…2, stride 1–2, padding 0–1, a bias (−3…3) a third of the time, a true (flipped)
    /// convolution a sixth of the time. Half the time with padding, the cell is one whose window
    /// reads padding.
    static func outputCell(_ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let convention: Convention = r.chance(1, in: 6) ? .convolution : .crossCorrelation
        let (kernel, stride, padding) = (r.pick([2, 3, 3]), r.pick([1, 1, 2]), r.pick([0, 0, 1]))
        // With its padding ring x stays at most 6 columns wide, so the bias and the flipped kernel
        // still fit beside it at 80×24.
        let c = try smallConv(&r, h: r.int(in: 3...6), w: r.int(in: 3...(6 - 2 * padding)), kernel: kernel, stride: stride,
                              padding: padding, bias: r.chance(1, in: 3), convention: convention)
        let layer = c.layer
        let out = layer.forward()
        let (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try layer.traceOutput(i) }
        let name = cellName("out", index)

        let how = convention == .convolution
            ? t("A true convolution (w is rotated by 180° before it slides)", "一个真正的卷积（w 先旋转 180° 再滑动）")
            : t("A conv2d (PyTorch's cross-correlation: w slides as stored, unflipped)", "一个 conv2d（PyTorch 的互相关：w 按原样滑动，不翻转）")
        let ring = c.padding > 0 ? t(" (a ring of zeros around x)", "（x 周围补一圈 0）") : ""
        let bias = layer.b.map { t(" and bias b = \(Text.number($0.data[0]))", "，偏置 b = \(Text.number($0.data[0]))") }
            ?? t(", no bias", "，无偏置")
        let prompt = t("\(how) with stride \(c.stride), padding \(c.padding)\(ring)\(bias):",
                       "\(how)，步幅 \(c.stride)、填充 \(c.padding)\(ring)\(bias)：")
            + "\n" + gridText("x", layer.x) + "\n" + gridText("w", layer.w) + "\n"
            + t("What is \(name) (row \(index[2]), column \(index[3]), counting from 0)?",
                "\(name)（第 \(index[2]) 行第 \(index[3]) 列，从 0 数起）是多少？")

        var lines = [t("The window of \(name) covers x \(span(t, trace))", "\(name) 的窗口覆盖 x 的\(span(t, trace))")
            + (readsPadding(trace) ? t(" (cells outside x are padding and read 0)", "（x 之外的格子是填充，读作 0）") : "")
            + (convention == .convolution
                ? t(" and meets w rotated by 180°: its top-left cell meets w's bottom-right.", "，与旋转 180° 后的 w 对齐：窗口左上角对着 w 的右下角。")
                : t(" and meets w as stored: top-left with top-left.", "，与 w 按原样对齐：左上角对左上角。")),
            indent + Text.equation(planar(trace))]
        let flipped = Conv2DOptions(stride: Pair(c.stride), padding: Pair(c.padding),
                                    convention: convention == .convolution ? .crossCorrelation : .convolution)
        let other = try Conv2D(x: layer.x, w: layer.w, b: layer.b, options: flipped).traceOutput(index).value
        let slip = convention == .convolution
            ? t("forgetting to flip w (that is PyTorch's cross-correlation)", "忘了翻转 w（那是 PyTorch 的互相关）")
            : t("flipping w (that is the mathematical convolution)", "把 w 翻转（那是数学上的卷积）")
        let outcome = other == trace.value
            ? t(", which here happens to give the same value", "，这里恰好得到同样的值")
            : t(", which gives \(Text.number(other))", "，那样会得到 \(Text.number(other))")
        lines.append(t("The usual mistake is \(slip)\(outcome)", "常见错误是\(slip)\(outcome)")
            + (layer.b != nil ? t(", or forgetting the bias.", "，或者漏掉偏置。") : t(".", "。")))
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.conv2d, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                        w: layer.w, b: layer.b, convention: convention, step: step),
                       setup: .cell(tensor: "out", index: index))
    }

    // MARK: dx-cell, dw-cell

    /// The sizes whose backward scene (cells view: x, w, dOut, db, dw and dx side by side) the
    /// explorer draws whole at 80×24 with these values: kernel, stride, padding, x heights, x widths.
    static let backwardSizes: [(kernel: Int, stride: Int, padding: Int, heights: ClosedRange<Int>, widths: ClosedRange<Int>)] = [
        (2, 1, 0, 3...6, 3...4),
        (2, 2, 0, 3...6, 3...5),
        (2, 2, 1, 3...5, 3...3),
        (3, 1, 0, 3...3, 3...6),
        (3, 1, 0, 4...4, 3...3),
        (3, 1, 0, 5...6, 3...3),
        (3, 2, 0, 3...3, 3...6),
        (3, 2, 0, 4...6, 3...4),
    ]

    /// One cell of `dx` or `dw` of a conv2d given `dOut`: sizes from `backwardSizes` (x 3–6 × 3–6,
    /// kernel 2 or 3, stride 1–2, padding 0–1), x of −3…3, w of −2…2, dOut of −2…2, no bias. The
    /// `dx` cell is one that some window reached seven times in eight (else any, which may be 0:
    /// nothing reaches it).
    static func gradientCell(_ gradient: Conv2D.Gradient, _ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let size = r.pick(backwardSizes)
        let c = try smallConv(&r, h: r.int(in: size.heights), w: r.int(in: size.widths), kernel: size.kernel,
                              stride: size.stride, padding: size.padding)
        let layer = c.layer
        let g = layer.geometry
        let dOut = r.grid(g.output.h, g.output.w, -2...2, nonzero: true)
        let grads = try layer.backward(dOut)
        let index: [Int]
        let step: Int
        if gradient == .dx {
            var reached: [[Int]] = []
            for cell in cells(g.xShape) {
                if !(try layer.traceGradient(.dx, at: cell, dOut: dOut)).terms.isEmpty { reached.append(cell) }
            }
            index = !reached.isEmpty && r.chance(7, in: 8) ? r.pick(reached) : pickCell(&r, g.input.h, g.input.w)
            // The backward scene's cells view: db, then every dw cell, then every dx cell.
            step = grads.db.count + grads.dw.count + grads.dx.offset(index) + 1
        } else {
            index = [0, 0, r.int(in: 0...(c.kernel - 1)), r.int(in: 0...(c.kernel - 1))]
            step = grads.db.count + grads.dw.offset(index) + 1
        }
        let trace = try layer.traceGradient(gradient, at: index, dOut: dOut)
        let name = cellName(gradient.rawValue, index)
        let of = cellName(gradient == .dx ? "x" : "w", index)

        let setting = t("A conv2d with a \(c.kernel)×\(c.kernel) kernel, stride \(c.stride) and padding \(c.padding) maps x (\(g.input.h)×\(g.input.w)) to out (\(g.output.h)×\(g.output.w)). The upstream gradient dOut = ∂L/∂out and ",
                        "一个 conv2d，卷积核 \(c.kernel)×\(c.kernel)，步幅 \(c.stride)、填充 \(c.padding)，把 x（\(g.input.h)×\(g.input.w)）映射为 out（\(g.output.h)×\(g.output.w)）。上游梯度 dOut = ∂L/∂out 和")
        let given = gradient == .dx
            ? t("the kernel are:", "卷积核如下：") + "\n" + gridText("w", layer.w)
            : t("the input are:", "输入如下：") + "\n" + gridText("x", layer.x)
        let prompt = setting + given + "\n" + gridText("dOut", dOut) + "\n"
            + t("What is \(name) = ∂L/∂\(of)?", "\(name) = ∂L/∂\(of) 是多少？")

        var lines: [String] = []
        if gradient == .dx {
            if trace.terms.isEmpty {
                lines.append(t("No window covered \(of): the last stride stopped short of it, so nothing flows back.",
                               "没有任何窗口覆盖 \(of)：最后一步就停在它前面了，所以没有梯度流回来。"))
            } else {
                lines.append(t("\(of) was read by every window that covered it, each time through a different weight; \(name) adds w × dOut over those windows:",
                               "\(of) 被每个覆盖它的窗口读过，每次经过的权重都不同；\(name) 就是这些窗口的 w × dOut 之和："))
                lines += termLines(trace)
            }
            lines.append(indent + Text.equation(planar(trace)))
            lines.append(t("The usual mistake is pairing each dOut[i,j] with the weight at the same offset: as the window moves right, x[r,c] meets the kernel further left (w is effectively flipped), so dOut[i,j] pairs with w[r − i·S + P, c − j·S + P].",
                           "常见错误是让每个 dOut[i,j] 配上同一偏移处的权重：窗口向右移时，x[r,c] 碰到的是卷积核更靠左的格子（相当于把 w 翻转），所以 dOut[i,j] 配的是 w[r − i·S + P, c − j·S + P]。"))
        } else {
            lines.append(t("\(of) met one x cell in every window, x[i·S − P + \(index[2]), j·S − P + \(index[3])] for out[i,j]; \(name) adds dOut[i,j] × that cell over all windows:",
                           "\(of) 在每个窗口里都碰到一个 x 格子：对 out[i,j] 来说是 x[i·S − P + \(index[2]), j·S − P + \(index[3])]；\(name) 就是所有窗口的 dOut[i,j] × 该格子之和："))
            lines += termLines(trace)
            lines.append(indent + Text.equation(planar(trace)))
            lines.append(readsPadding(trace)
                ? t("The usual mistake is giving padding cells a value: they are 0, so their terms vanish; or forgetting the stride in the offset.",
                    "常见错误是给填充格赋值：它们是 0，对应的项都消失了；或者在偏移里忘了步幅。")
                : t("The usual mistake is forgetting the stride in the offset, or leaving out some windows: every output cell adds one term.",
                    "常见错误是在偏移里忘了步幅，或者漏掉一些窗口：每个输出格都贡献一项。"))
        }
        let animation = scene(.conv2dBackward, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                              w: layer.w, dOut: dOut, view: "cells", step: step)
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: 0),
                       explanation: lines.joined(separator: "\n"), animation: animation,
                       setup: .cell(tensor: gradient.rawValue, index: index))
    }

    // MARK: pool-cell

    /// One output cell of max or average pooling: x 4–6 × 4–6 (4–5 columns for a 3×3 average;
    /// max: −5…9, average: −3…9), window 2×2 or 3×3, stride 1, 2 or the window, padding 1 a third
    /// of the time. An average over a
    /// 3×3 window is asked to 2 decimals (tolerance 0.005); over 2×2 it is exact in quarters.
    static func poolCell(_ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let kind: Pool2D.Kind = r.chance(1, in: 2) ? .max : .average
        let window = r.pick([2, 2, 3])
        // Ninths print with six digits: such an output row stays at most 5 cells wide.
        let (h, w) = (r.int(in: 4...6), r.int(in: 4...(kind == .average && window == 3 ? 5 : 6)))
        let stride = r.pick([window, window, 1, 2].filter { $0 <= window })
        let padding = r.chance(1, in: 3) ? 1 : 0
        let x = r.grid(h, w, kind == .max ? -5...9 : -3...9)
        let pool = try Pool2D(kind, x: x, kernel: Pair(window), stride: Pair(stride), padding: Pair(padding))
        let out = pool.forward()
        let (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try pool.traceOutput(i) }
        let name = cellName("out", index)
        let rounded = kind == .average && window * window == 9

        let call = "nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(window), stride=\(stride), padding=\(padding))"
        let prompt = t("\(call), with PyTorch's defaults otherwise, runs over x:", "\(call)（其余参数取 PyTorch 默认值）作用在 x 上：")
            + "\n" + gridText("x", x) + "\n"
            + t("What is \(name) (row \(index[2]), column \(index[3]), counting from 0)?",
                "\(name)（第 \(index[2]) 行第 \(index[3]) 列，从 0 数起）是多少？")
            + (rounded ? t(" Give it to 2 decimals.", "保留 2 位小数。") : "")

        let padded = readsPadding(trace)
        var lines = [t("The window of \(name) covers x \(span(t, trace))", "\(name) 的窗口覆盖 x 的\(span(t, trace))")
            + (padded
                ? (kind == .max
                    ? t("; its padding cells read −∞ and never win:", "；其中的填充格读作 −∞，永远不会胜出：")
                    : t("; its padding cells read 0 and still count in the divisor (count_include_pad=True):",
                        "；其中的填充格读作 0，但仍计入除数（count_include_pad=True）："))
                : t(":", "：")),
            indent + Text.equation(planar(trace))]
        switch (kind, padded) {
        case (.max, true):
            lines.append(t("The usual mistake is treating the padding as 0: it is −∞, so a window of negative numbers keeps its largest negative number.",
                           "常见错误是把填充当成 0：它是 −∞，所以全是负数的窗口会保留其中最大的那个负数。"))
        case (.average, true):
            lines.append(t("The usual mistake is dividing by the real cells only (that is count_include_pad=False): PyTorch's default divides by all \(window)·\(window) = \(window * window).",
                           "常见错误是只除以真实格子的个数（那是 count_include_pad=False）：PyTorch 默认除以全部 \(window)·\(window) = \(window * window) 个。"))
        default:
            lines.append(t("The usual mistake is placing the window wrongly: out[i,j]'s window starts at row i·S − P, column j·S − P.",
                           "常见错误是把窗口放错位置：out[i,j] 的窗口从第 i·S − P 行、第 j·S − P 列开始。"))
        }
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: rounded ? 0.005 : 0),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(kind == .max ? .maxpool2d : .avgpool2d, x: x, kernel: window, stride: stride,
                                        padding: padding, step: step),
                       setup: .cell(tensor: "out", index: index))
    }
}
