import ConvCore
import Localization

/// Pooling's options: the output size with `ceil_mode` (and PyTorch's dropped last window), and
/// the bounds of an adaptive pooling window. The answers are `OutputSize.pooling` and
/// `AdaptivePool2D.window`.
extension ProblemGenerator {
    // MARK: ceil-mode-size

    /// A max or average pooling layer's output height, `ceil_mode=True` two seeds in three. A third
    /// of the seeds are built so that rounding up would place a last window starting in the right
    /// padding, which PyTorch drops: padding P ≥ 1, stride S ≥ K − P + 1 and
    /// `H + 2P − K = q·S − r` with `K − P ≤ r < S`. The others draw inputs 4–33 (or a classic 7…224),
    /// windows 2–4, stride 1–3 (a third of the prompts leave it to the window) and padding up to
    /// half the window. Always valid.
    static func ceilModeSize(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        let kind: Pool2D.Kind = r.chance(1, in: 2) ? .max : .average
        let window = r.pick([2, 2, 3, 3, 4])
        var (input, stride, padding, strideGiven) = (0, window, 0, true)
        let dropping = r.chance(1, in: 3)
        if dropping {
            padding = r.int(in: 1...(window / 2))
            stride = window - padding + 1 + r.int(in: 0...1)
            let rest = r.int(in: (window - padding)...(stride - 1))
            let n = r.int(in: 2...10) * stride - rest
            input = n - 2 * padding + window
        } else {
            strideGiven = !r.chance(1, in: 3)
            stride = strideGiven ? r.pick([1, 2, 2, 3]) : window
            padding = r.chance(1, in: 3) ? r.int(in: 1...(window / 2)) : 0
            input = r.chance(1, in: 4) ? r.pick([7, 13, 14, 27, 55, 56, 112, 224]) : r.int(in: 4...33)
        }
        let ceilMode = dropping || !r.chance(1, in: 3)
        let result = try OutputSize.pooling(input: input, kernel: window, stride: stride, padding: padding, ceilMode: ceilMode)
        let other = try OutputSize.pooling(input: input, kernel: window, stride: stride, padding: padding, ceilMode: !ceilMode)
        let call = "nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(window)"
            + (strideGiven ? ", stride=\(stride)" : "") + (padding > 0 ? ", padding=\(padding)" : "")
            + ", ceil_mode=\(ceilMode ? "True" : "False"))"
        let prompt = t.problem(.poolingSizePrompt(call: call, input: Pair(input), axis: .height))
        let formula = OutputSize.poolingFormula(input: input, kernel: window, stride: stride, padding: padding,
                                                ceilMode: ceilMode, result: result)
        var lines = [t.problem(ceilMode ? .ceilModeSize(formula: formula) : .poolingSize(axis: .height, formula: formula))]
        if !ceilMode {
            lines.append(t.problem(.poolingRoundedUp))
        } else if OutputSize.poolingDropsLastWindow(input: input, kernel: window, stride: stride, padding: padding) {
            // The dropped window would be output row `result`, starting at result·S − P.
            lines.append(t.problem(.ceilModeDropped(start: result * stride - padding, input: input, kept: result + 1)))
        } else if other == result {
            lines.append(t.problem(.ceilModeExact))
        } else {
            lines.append(t.problem(.ceilModeRoundedDown(floor: other)))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(result)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .ceilModeSize(kind: kind, input: input, kernel: window, stride: stride, padding: padding,
                                            ceilMode: ceilMode))
    }

    // MARK: adaptive-bounds

    /// The start (first row) or end (one past the last row) of output row `i`'s window in
    /// adaptive pooling from H rows to O: inputs 5–24 (or a classic 7, 13, 14) to outputs 2–7 below
    /// them; one seed in six grows 2–5 rows to 3–7 (windows repeat rows).
    static func adaptiveBounds(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
        let kind: Pool2D.Kind = r.chance(1, in: 2) ? .max : .average
        var (input, output) = (0, 0)
        if r.chance(1, in: 6) {
            input = r.int(in: 2...5)
            output = r.int(in: (input + 1)...7)
        } else {
            input = r.chance(1, in: 4) ? r.pick([7, 13, 14]) : r.int(in: 5...24)
            output = r.int(in: 2...min(7, input - 1))
        }
        let i = r.int(in: 0...(output - 1))
        let end = r.chance(1, in: 2)
        let window = AdaptivePool2D.window(i, input: input, output: output)
        let call = "nn.\(kind == .max ? "AdaptiveMaxPool2d" : "AdaptiveAvgPool2d")(\(output))"
        let prompt = t.problem(.adaptiveBoundsPrompt(call: call, input: input, index: i, end: end))
        // Rounding the other way: ⌈i·H/O⌉ for the start, ⌊(i+1)·H/O⌋ for the end.
        let wrong = end ? (i + 1) * input / output : OutputSize.ceilDiv(i * input, output)
        let lines = [t.compute(.adaptiveWindow(axis: .height, index: i, input: input, output: output, window: window)),
                     t.problem(.adaptiveRounding(end: end, wrong: wrong, right: end ? window.upperBound : window.lowerBound))]
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(end ? window.upperBound : window.lowerBound)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .adaptiveBounds(kind: kind, input: input, output: output, index: i, end: end))
    }
}
