import ConvCore
import LessonKit
import Localization

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

    /// Draws a small convolution whose x sides come from `sizes`, never shorter than the dilated
    /// kernel's reach over the padded input: the compute core accepts every draw (`sizes` must
    /// reach that far).
    static func smallConv(
        _ r: inout SeededRandom, sizes: ClosedRange<Int>, kernels: [Int], strides: [Int], paddings: [Int],
        dilation: Int = 1, bias: Bool = false, convention: Convention = .crossCorrelation
    ) throws(ConvError) -> SmallConv {
        let kernel = r.pick(kernels)
        let stride = r.pick(strides)
        let padding = min(r.pick(paddings), kernel - 1)
        let fits = max(sizes.lowerBound, dilation * (kernel - 1) + 1 - 2 * padding)...sizes.upperBound
        let (h, w) = (r.int(in: fits), r.int(in: fits))
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

    /// The rows and columns of `x` that a trace reads (padding included).
    static func span(_ trace: Trace) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        let indices = trace.terms.flatMap(\.factors).filter { $0.tensor == .x }.map(\.index)
        let range = { (values: [Int]) in (values.min() ?? 0)...(values.max() ?? 0) }
        return (range(indices.map { $0[2] }), range(indices.map { $0[3] }))
    }

    /// The trace's term lines, indented, with row-and-column indices.
    static func termLines(_ t: any Catalogue, _ trace: Trace) -> [String] {
        t.termLines(planar(trace)).map { indent + $0 }
    }

    /// The trace's arithmetic on one indented line, with row-and-column indices.
    static func equation(_ t: any Catalogue, _ trace: Trace) -> String {
        indent + t.equation(planar(trace))
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
    static func outputCell(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        let convention: Convention = r.chance(1, in: 6) ? .convolution : .crossCorrelation
        let (kernel, stride, padding) = (r.pick([2, 3, 3]), r.pick([1, 1, 2]), r.pick([0, 0, 1]))
        // With its padding ring x stays at most 6 columns wide, so the bias and the flipped kernel
        // still fit beside it at 80×24.
        let c = try smallConv(&r, h: r.int(in: 3...6), w: r.int(in: 3...(6 - 2 * padding)), kernel: kernel, stride: stride,
                              padding: padding, bias: r.chance(1, in: 3), convention: convention)
        let layer = c.layer
        let out = layer.forward()
        let (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try layer.traceOutput(i) }
        let name = cellName(.out, index)

        let prompt = t.problem(.outputCellPrompt(convention: convention, stride: c.stride, padding: c.padding,
                                                 bias: layer.b.map { $0.data[0] }))
            + "\n" + gridText(.x, layer.x) + "\n" + gridText(.w, layer.w) + "\n"
            + t.problem(.whatIsCell(name, row: index[2], column: index[3], decimals: nil))

        let (rows, columns) = span(trace)
        var lines = [t.problem(.convolutionWindow(cell: name, rows: rows, columns: columns, readsPadding: readsPadding(trace),
                                                  convention: convention)),
                     equation(t, trace)]
        let flipped = Conv2DOptions(stride: Pair(c.stride), padding: Pair(c.padding),
                                    convention: convention == .convolution ? .crossCorrelation : .convolution)
        let other = try Conv2D(x: layer.x, w: layer.w, b: layer.b, options: flipped).traceOutput(index).value
        lines.append(t.problem(.flipMistake(convention: convention, wrongValue: other == trace.value ? nil : other,
                                            bias: layer.b != nil)))
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.conv2d, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                        w: layer.w, b: layer.b, convention: convention, step: step),
                       setup: .cell(tensor: .out, index: index))
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
    static func gradientCell(_ gradient: Conv2D.Gradient, _ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
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
        let (tensor, of): (TensorName, TensorName) = gradient == .dx ? (.dx, .x) : (.dw, .w)
        let name = cellName(tensor, index), ofName = cellName(of, index)

        let given = gradient == .dx ? gridText(.w, layer.w) : gridText(.x, layer.x)
        let prompt = t.problem(.backwardPrompt(asked: gradient, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                               input: g.input, output: g.output))
            + "\n" + given + "\n" + gridText(.dOut, dOut) + "\n"
            + t.problem(.whatIsGradient(name, of: ofName))

        var lines: [String] = []
        if gradient == .dx {
            if trace.terms.isEmpty {
                lines.append(t.problem(.dxUnreached(of: ofName)))
            } else {
                lines.append(t.problem(.dxTerms(name, of: ofName)))
                lines += termLines(t, trace)
            }
            lines.append(equation(t, trace))
            lines.append(t.problem(.dxMistake))
        } else {
            lines.append(t.problem(.dwTerms(name, of: ofName, row: index[2], column: index[3])))
            lines += termLines(t, trace)
            lines.append(equation(t, trace))
            lines.append(t.problem(.dwMistake(readsPadding: readsPadding(trace))))
        }
        let animation = scene(.conv2dBackward, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                              w: layer.w, dOut: dOut, view: .cells, step: step)
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: 0),
                       explanation: lines.joined(separator: "\n"), animation: animation,
                       setup: .cell(tensor: tensor, index: index))
    }

    // MARK: pool-cell

    /// One output cell of max or average pooling: x 4–6 × 4–6 (4–5 columns for a 3×3 average;
    /// max: −5…9, average: −3…9), window 2×2 or 3×3, stride 1, 2 or the window, padding 1 a third
    /// of the time. An average over a
    /// 3×3 window is asked to 2 decimals (tolerance 0.005); over 2×2 it is exact in quarters.
    static func poolCell(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
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
        let name = cellName(.out, index)
        let rounded = kind == .average && window * window == 9

        let call = "nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(window), stride=\(stride), padding=\(padding))"
        let prompt = t.problem(.poolCellPrompt(call: call))
            + "\n" + gridText(.x, x) + "\n"
            + t.problem(.whatIsCell(name, row: index[2], column: index[3], decimals: rounded ? 2 : nil))

        let padded = readsPadding(trace)
        let (rows, columns) = span(trace)
        var lines = [t.problem(.poolWindow(cell: name, rows: rows, columns: columns, kind: kind, readsPadding: padded)),
                     equation(t, trace)]
        switch (kind, padded) {
        case (.max, true): lines.append(t.problem(.maxPaddingAsZero))
        case (.average, true): lines.append(t.problem(.averageOverRealCells(window: window)))
        default: lines.append(t.problem(.poolWindowPlacement))
        }
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .numeric(answer: .number(trace.value), tolerance: rounded ? 0.005 : 0),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(kind == .max ? .maxpool2d : .avgpool2d, x: x, kernel: window, stride: stride,
                                        padding: padding, step: step),
                       setup: .cell(tensor: .out, index: index))
    }
}
