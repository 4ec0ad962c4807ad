import ConvCore

/// Output sizes: conv2d, pooling and transposed convolution. The answers are
/// `OutputSize.convolution`, `.pooling` and `.transposed`; an error from them is `invalid`.
extension ProblemGenerator {
    // MARK: output-size

    /// A conv2d's output height or width. Inputs 5–32 (a quarter of the time a classic size such as
    /// 224 or 227), kernels 1–7 (or 11), stride 1–4, padding 0–3, dilation 1 (2–3 a quarter of
    /// the time). One seed in eight draws a kernel that does not fit the asked axis: `invalid`.
    static func outputSize(_ r: inout SeededRandom, _ t: Words) -> Problem {
        let axis: Axis = r.chance(1, in: 2) ? .height : .width
        let other: Axis = axis == .height ? .width : .height
        var input = Pair(1)
        var (kernel, stride, padding, dilation) = (1, 1, 0, 1)
        if r.chance(1, in: 8) {
            // The dilated kernel is wider than the padded input on the asked axis only.
            kernel = r.int(in: 3...7)
            dilation = r.chance(1, in: 3) ? 2 : 1
            stride = r.pick([1, 1, 2])
            let effective = dilation * (kernel - 1) + 1
            padding = effective >= 4 ? r.int(in: 0...1) : 0
            let fits = effective - 2 * padding
            input[axis] = r.int(in: max(1, fits - 4)...(fits - 1))
            input[other] = r.int(in: fits...(fits + 12))
        } else {
            repeat {
                if r.chance(1, in: 4) {
                    input = Pair(r.pick([28, 32, 56, 64, 112, 224, 227]))
                    kernel = r.pick([1, 3, 3, 5, 7, 11])
                    stride = r.pick([1, 2, 2, 4])
                    padding = r.pick([0, kernel / 2, kernel / 2])
                    dilation = r.chance(1, in: 6) ? 2 : 1
                } else {
                    input = Pair(r.int(in: 5...32))
                    if r.chance(1, in: 2) { input[other] = r.int(in: 5...32) }
                    kernel = r.int(in: 1...7)
                    stride = r.pick([1, 1, 2, 2, 3])
                    padding = r.int(in: 0...3)
                    dilation = kernel > 1 && r.chance(1, in: 4) ? r.int(in: 2...3) : 1
                }
            } while Axis.allCases.contains(where: { a in
                (try? OutputSize.convolution(input: input[a], kernel: kernel, stride: stride, padding: padding,
                                             dilation: dilation, axis: a)) == nil
            })
        }

        let size: Result<Int, ConvError> = Result { () throws(ConvError) -> Int in
            try OutputSize.convolution(input: input[axis], kernel: kernel, stride: stride, padding: padding,
                                       dilation: dilation, axis: axis)
        }
        let options = settings(t, stride: stride, padding: padding, dilation: dilation)
        let prompt = t(
            "A conv2d layer gets an input of height \(input.h) and width \(input.w) and uses a \(kernel)×\(kernel) kernel with \(options). What is the output \(t.axis(axis))? \(t.invalidHint)",
            "一个 conv2d 层的输入高 \(input.h)、宽 \(input.w)，卷积核 \(kernel)×\(kernel)，\(options)。输出的\(t.axis(axis))是多少？\(t.invalidHint)")

        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.convolutionFormula(input: input[axis], kernel: kernel, stride: stride,
                                                        padding: padding, dilation: dilation, result: result)
            lines.append(t("Along each axis, out = ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1. For the \(t.axis(axis)): \(formula).",
                           "每个方向上，out = ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1。输出的\(t.axis(axis))：\(formula)。"))
            if dilation > 1 {
                let plain = try? OutputSize.convolution(input: input[axis], kernel: kernel, stride: stride, padding: padding)
                lines.append(t("The usual mistake is forgetting the dilation: with dilation \(dilation) a kernel of \(kernel) spans D·(K−1) + 1 cells, not \(kernel)" + (plain.map { "; ignoring it gives \($0)." } ?? "."),
                               "常见错误是忘了空洞率：空洞率为 \(dilation) 时，大小为 \(kernel) 的卷积核覆盖 D·(K−1) + 1 个格子，而不是 \(kernel) 个" + (plain.map { "；忽略它会得到 \($0)。" } ?? "。")))
            } else if padding > 0 {
                let unpadded = try? OutputSize.convolution(input: input[axis], kernel: kernel, stride: stride)
                lines.append(t("The usual mistake is adding the padding on one side only, or not at all: it goes on both sides (2P)" + (unpadded.map { "; without it the answer would be \($0)." } ?? "; without it no window would fit."),
                               "常见错误是只在一侧加填充，或者根本不加：两侧都要加（2P）" + (unpadded.map { "；不加填充会得到 \($0)。" } ?? "；不加填充连一个窗口都放不下。")))
            } else if stride > 1 {
                lines.append(t("The usual mistake is rounding up: when the last stride would push the window out of the input, that position is dropped (the floor).",
                               "常见错误是向上取整：如果最后一步会让窗口超出输入，这个位置就不算（向下取整）。"))
            } else {
                lines.append(t("The usual mistake is forgetting the + 1: with stride 1 a kernel of K fits H − K + 1 times.",
                               "常见错误是漏掉 + 1：步幅为 1 时，大小为 K 的卷积核能放 H − K + 1 个位置。"))
            }
        case .failure(let error):
            if case .kernelLargerThanInput(_, _, let effective, let padded) = error {
                lines.append(t("The kernel spans D·(K−1) + 1 = \(effective) cells along the \(t.axis(axis)), but the padded input is only H + 2P = \(padded) cells: no window fits, so the layer has no output (PyTorch raises an error).",
                               "卷积核在\(t.axis(axis))方向上覆盖 D·(K−1) + 1 = \(effective) 个格子，而加上填充后的输入只有 H + 2P = \(padded) 个格子：一个窗口都放不下，所以这一层没有输出（PyTorch 会报错）。"))
            } else {
                lines.append(error.description)
            }
            lines.append(t("The usual mistake is pushing the numbers through the formula anyway: with a negative numerator, ⌊…⌋ + 1 is not a size.",
                           "常见错误是硬把数字代进公式：分子为负时，⌊…⌋ + 1 算出来的不是尺寸。"))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: numericAnswer(size), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .convolutionSize(input: input, kernel: kernel, stride: stride, padding: padding,
                                               dilation: dilation, axis: axis))
    }

    // MARK: pool-output-size

    /// A max or average pooling layer's output height or width. Inputs 4–33 (a quarter of the time
    /// a classic 7…224), windows 2–4, stride 1 up to the window (a third of the prompts leave it to
    /// PyTorch's default, the window), padding up to half the window a third of the time. Always
    /// valid.
    static func poolOutputSize(_ r: inout SeededRandom, _ t: Words) -> Problem {
        let kind: Pool2D.Kind = r.chance(1, in: 2) ? .max : .average
        let axis: Axis = r.chance(1, in: 2) ? .height : .width
        let window = r.pick([2, 2, 2, 3, 3, 4])
        let strideGiven = !r.chance(1, in: 3)
        let stride = strideGiven ? r.pick([1, 2, 2, 3].filter { $0 <= window }) : window
        let padding = r.chance(1, in: 3) ? r.int(in: 1...(window / 2)) : 0
        var input = Pair(r.chance(1, in: 4) ? r.pick([7, 14, 28, 55, 56, 112, 224]) : r.int(in: 4...33))
        if r.chance(1, in: 2) { input.w = r.int(in: 4...33) }

        let size: Result<Int, ConvError> = Result { () throws(ConvError) -> Int in
            try OutputSize.pooling(input: input[axis], kernel: window, stride: stride, padding: padding, axis: axis)
        }
        let call = "nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(window)"
            + (strideGiven ? ", stride=\(stride)" : "") + (padding > 0 ? ", padding=\(padding)" : "") + ")"
        let prompt = t("\(call) gets an input of height \(input.h) and width \(input.w). What is the output \(t.axis(axis))?",
                       "\(call) 的输入高 \(input.h)、宽 \(input.w)。输出的\(t.axis(axis))是多少？")
        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.poolingFormula(input: input[axis], kernel: window, stride: stride, padding: padding, result: result)
            lines.append(t("Pooling: out = ⌊(H + 2P − K)/S⌋ + 1, and the stride defaults to the window size. For the \(t.axis(axis)): \(formula).",
                           "池化：out = ⌊(H + 2P − K)/S⌋ + 1，步幅默认等于窗口大小。输出的\(t.axis(axis))：\(formula)。"))
        case .failure(let error):
            lines.append(error.description)
        }
        if !strideGiven {
            let one = try? OutputSize.pooling(input: input[axis], kernel: window, stride: 1, padding: padding)
            lines.append(t("The usual mistake is taking stride 1 when none is given: PyTorch's pooling stride defaults to kernel_size" + (one.map { "; stride 1 would give \($0)." } ?? "."),
                           "常见错误是没写步幅就当成 1：PyTorch 池化层的步幅默认等于 kernel_size" + (one.map { "；按步幅 1 算会得到 \($0)。" } ?? "。")))
        } else {
            lines.append(t("The usual mistake is rounding up: with ceil_mode=False (the default) a window that would stick out of the padded input is not placed.",
                           "常见错误是向上取整：默认 ceil_mode=False，会超出填充后输入的窗口不算。"))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: numericAnswer(size), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .poolingSize(kind: kind, input: input, kernel: window, stride: strideGiven ? stride : nil,
                                           padding: padding, axis: axis))
    }

    // MARK: transposed-output-size

    /// A transposed convolution's output size (square). Inputs 2–12 (a quarter of the time 4…32),
    /// kernels 1–5, stride 1–3, dilation 1 (2 a fifth of the time), padding up to half the dilated
    /// kernel's reach, output padding below `max(stride, dilation)`; one seed in eight draws an
    /// output padding of `max(stride, dilation)` or one more: `invalid`.
    static func transposedOutputSize(_ r: inout SeededRandom, _ t: Words) -> Problem {
        let input = r.chance(1, in: 4) ? r.pick([4, 7, 8, 14, 16, 28, 32]) : r.int(in: 2...12)
        let kernel = r.pick([1, 2, 3, 3, 4, 4, 5])
        let stride = r.pick([1, 2, 2, 2, 3])
        let dilation = kernel > 1 && r.chance(1, in: 5) ? 2 : 1
        let padding = r.int(in: 0...(dilation * (kernel - 1) / 2))
        let limit = max(stride, dilation)
        let outputPadding = r.chance(1, in: 8) ? limit + r.int(in: 0...1) : r.int(in: 0...(limit - 1))
        let (inChannels, outChannels) = (r.pick([1, 8, 16, 32, 64]), r.pick([1, 3, 8, 16, 32]))

        let size: Result<Int, ConvError> = Result { () throws(ConvError) -> Int in
            try OutputSize.transposed(input: input, kernel: kernel, stride: stride, padding: padding,
                                      outputPadding: outputPadding, dilation: dilation)
        }
        let call = "nn.ConvTranspose2d(\(inChannels), \(outChannels), kernel_size=\(kernel), stride=\(stride), padding=\(padding), output_padding=\(outputPadding)"
            + (dilation != 1 ? ", dilation=\(dilation)" : "") + ")"
        let prompt = t("\(call) gets an input of \(input)×\(input). What is the output height (which equals the width)? \(t.invalidHint)",
                       "\(call) 的输入为 \(input)×\(input)。输出的高（与宽相等）是多少？\(t.invalidHint)")
        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.transposedFormula(input: input, kernel: kernel, stride: stride, padding: padding,
                                                       outputPadding: outputPadding, dilation: dilation, result: result)
            lines.append(t("A transposed convolution gives out = (H − 1)·S − 2P + D·(K − 1) + OP + 1: \(formula).",
                           "转置卷积的输出 out = (H − 1)·S − 2P + D·(K − 1) + OP + 1：\(formula)。"))
            if let back = try? OutputSize.convolution(input: result, kernel: kernel, stride: stride, padding: padding,
                                                      dilation: dilation), back == input {
                let check = OutputSize.convolutionFormula(input: result, kernel: kernel, stride: stride, padding: padding,
                                                          dilation: dilation, result: back)
                lines.append(t("Check: a conv2d with the same kernel, stride, padding and dilation maps it back, \(check).",
                               "验算：同样卷积核、步幅、填充和空洞率的 conv2d 会把它映射回去，\(check)。"))
            }
            lines.append(t("The usual mistake is running the conv2d formula instead, or dropping output_padding: it adds OP cells at the end to pick one of the sizes that the forward conv2d maps to the same H.",
                           "常见错误是套用 conv2d 的公式，或者漏掉 output_padding：它在末端多加 OP 个格子，从正向 conv2d 映射到同一个 H 的几种尺寸中选定一种。"))
        case .failure(let error):
            if case .outputPaddingOutOfRange(_, let value, let s, let d) = error {
                lines.append(t("The forward conv2d floors several input sizes to the same H; output_padding only picks which of them is meant, so PyTorch requires output_padding < max(stride, dilation) = max(\(s), \(d)) = \(max(s, d)). Here it is \(value): PyTorch refuses the layer, so there is no output.",
                               "正向 conv2d 向下取整后，会把几种输入尺寸映射到同一个 H；output_padding 只是挑出指的是哪一种，所以 PyTorch 要求 output_padding < max(stride, dilation) = max(\(s), \(d)) = \(max(s, d))。这里是 \(value)：PyTorch 会拒绝这一层，没有输出。"))
            } else {
                lines.append(error.description)
            }
            lines.append(t("The usual mistake is adding it into the formula anyway.", "常见错误是照样把它代进公式。"))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: numericAnswer(size), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .transposedSize(input: input, kernel: kernel, stride: stride, padding: padding,
                                              dilation: dilation, outputPadding: outputPadding))
    }

    /// A size, or `invalid` when the compute core refused the parameters.
    static func numericAnswer(_ size: Result<Int, ConvError>) -> NumericAnswer {
        switch size {
        case .success(let n): .number(Double(n))
        case .failure: .invalid
        }
    }
}
