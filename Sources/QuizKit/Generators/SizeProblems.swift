import ConvCore
import Localization

/// Output sizes: conv2d, pooling and transposed convolution. The answers are
/// `OutputSize.convolution`, `.pooling` and `.transposed`; an error from them is `invalid`.
extension ProblemGenerator {
    // MARK: output-size

    /// A conv2d's output height or width. Inputs 5–32 (a quarter of the time a classic size such as
    /// 224 or 227), kernels 1–7 (or 11), stride 1–4, padding 0–3, dilation 1 (2–3 a quarter of
    /// the time). One seed in eight draws a kernel that does not fit the asked axis: `invalid`.
    static func outputSize(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
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
        let prompt = t.problem(.convolutionSizePrompt(input: input, kernel: kernel, stride: stride, padding: padding,
                                                      dilation: dilation, axis: axis))

        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.convolutionFormula(input: input[axis], kernel: kernel, stride: stride,
                                                        padding: padding, dilation: dilation, result: result)
            lines.append(t.problem(.convolutionSize(axis: axis, formula: formula)))
            if dilation > 1 {
                let plain = try? OutputSize.convolution(input: input[axis], kernel: kernel, stride: stride, padding: padding)
                lines.append(t.problem(.forgotDilation(dilation: dilation, kernel: kernel, ignoringIt: plain)))
            } else if padding > 0 {
                let unpadded = try? OutputSize.convolution(input: input[axis], kernel: kernel, stride: stride)
                lines.append(t.problem(.paddingOnOneSide(unpadded: unpadded)))
            } else if stride > 1 {
                lines.append(t.problem(.convolutionRoundedUp))
            } else {
                lines.append(t.problem(.forgotPlusOne))
            }
        case .failure(let error):
            if case .kernelLargerThanInput(_, _, let effective, let padded) = error {
                lines.append(t.problem(.kernelDoesNotFit(axis: axis, effectiveKernel: effective, paddedInput: padded)))
            } else {
                lines.append(t.error(error))
            }
            lines.append(t.problem(.negativeNumerator))
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
    static func poolOutputSize(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
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
        let prompt = t.problem(.poolingSizePrompt(call: call, input: input, axis: axis))
        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.poolingFormula(input: input[axis], kernel: window, stride: stride, padding: padding, result: result)
            lines.append(t.problem(.poolingSize(axis: axis, formula: formula)))
        case .failure(let error):
            lines.append(t.error(error))
        }
        if !strideGiven {
            let one = try? OutputSize.pooling(input: input[axis], kernel: window, stride: 1, padding: padding)
            lines.append(t.problem(.defaultPoolStride(strideOne: one)))
        } else {
            lines.append(t.problem(.poolingRoundedUp))
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
    static func transposedOutputSize(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
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
        let prompt = t.problem(.transposedSizePrompt(call: call, input: input))
        var lines: [String] = []
        switch size {
        case .success(let result):
            let formula = OutputSize.transposedFormula(input: input, kernel: kernel, stride: stride, padding: padding,
                                                       outputPadding: outputPadding, dilation: dilation, result: result)
            lines.append(t.problem(.transposedSize(formula: formula)))
            if let back = try? OutputSize.convolution(input: result, kernel: kernel, stride: stride, padding: padding,
                                                      dilation: dilation), back == input {
                let check = OutputSize.convolutionFormula(input: result, kernel: kernel, stride: stride, padding: padding,
                                                          dilation: dilation, result: back)
                lines.append(t.problem(.mapsBack(formula: check)))
            }
            lines.append(t.problem(.conv2dFormulaInstead))
        case .failure(let error):
            if case .outputPaddingOutOfRange(_, let value, let s, let d) = error {
                lines.append(t.problem(.outputPaddingTooLarge(value: value, stride: s, dilation: d)))
            } else {
                lines.append(t.error(error))
            }
            lines.append(t.problem(.outputPaddingAnyway))
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
