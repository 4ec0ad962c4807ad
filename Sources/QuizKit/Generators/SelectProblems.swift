import ConvCore
import LessonKit

/// Select-the-cells problems: the learner marks cells on one grid of the explorer scene, counted as
/// drawn (with the padding ring, when the grid has one). The answer is read off the compute core's
/// trace (or scatter step) of the cell asked about. The quiz screens draw that grid, with its
/// values, and say how to mark or type cells, so the prompt does neither.
///
/// Padding cells are never part of an answer: a receptive field is the set of real input cells a
/// window reads, and the gradient of a window's padding taps goes nowhere.
extension ProblemGenerator {
    /// The panel of the input `x` in a conv2d or pooling scene: `x[0,0]`, drawn with its padding ring.
    static let inputPanel = Text.cell("x", [0, 0])
    /// The panel of `dx` in the backward scene's scatter view, which titles it `dx[0,0] so far`
    /// (it fills up step by step); it has no padding ring.
    static let scatteredGradientPanel = Text.cell("dx", [0, 0]) + " so far"

    /// A cell of `x` as drawn on its padded grid.
    static func drawn(_ index: [Int], padding: Int) -> GridCell {
        GridCell(row: index[2] + padding, col: index[3] + padding)
    }

    /// `(1, 2) (1, 3)`: cells as the learner types them.
    static func cellList(_ cells: [GridCell]) -> String {
        cells.sorted().map { "(\($0.row), \($0.col))" }.joined(separator: " ")
    }

    /// How x is drawn and its cells counted: with its padding ring (x[0,0] drawn at (P, P)), or
    /// without (cell (r, c) is x[r,c]).
    static func drawnHint(_ t: Words, padding: Int) -> String {
        padding > 0
            ? t("x is drawn with its ring of padding, and rows and columns are counted on the grid as drawn, padding included: x[0,0] is drawn at (\(padding), \(padding)).",
                "x 连同外圈填充一起画出，行和列按画出的网格来数，包括填充圈：x[0,0] 画在 (\(padding), \(padding))。")
            : t("There is no padding: (row, col) is x[row, col].", "没有填充：(行, 列) 就是 x[行, 列]。")
    }

    // MARK: receptive-field-cells

    /// The cells of x one output cell reads: x 4–6 × 4–6, kernel 2×2 or 3×3, stride 1–2, padding
    /// 0–1, dilation 2 a third of the time. Half the time with padding, a window that reads some
    /// padding (whose cells are not marked).
    static func receptiveFieldCells(_ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let dilation = r.chance(1, in: 3) ? 2 : 1
        let c = try smallConv(&r, sizes: 4...6, kernels: [2, 3, 3], strides: [1, 1, 2], paddings: [0, 1, 1], dilation: dilation)
        let layer = c.layer
        let out = layer.forward()
        let (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try layer.traceOutput(i) }
        let inputs = trace.terms.map { $0.factors[0] }
        let real = inputs.filter { !$0.inPadding }
        let answer = real.map { drawn($0.index, padding: c.padding) }
        // A window of padding only has no receptive field to mark; the core's draw is redone.
        guard !answer.isEmpty else { throw .empty(field: "x") }
        let name = cellName("out", index)

        let g = layer.geometry
        let prompt = t.sentences([
            t("A conv2d with a \(c.kernel)×\(c.kernel) kernel, \(settings(t, stride: c.stride, padding: c.padding, dilation: c.dilation)) slides over x (\(g.input.h)×\(g.input.w)). Mark every cell of x that \(name) reads.",
              "一个 conv2d，卷积核 \(c.kernel)×\(c.kernel)，\(settings(t, stride: c.stride, padding: c.padding, dilation: c.dilation))，在 x（\(g.input.h)×\(g.input.w)）上滑动。请标出 \(name) 读到的 x 的所有格子。"),
            c.padding > 0 ? t("Padding cells are not part of x: do not mark them.", "填充格不属于 x，不要标。") : "",
            drawnHint(t, padding: c.padding)])

        var lines = [t("The window of \(name) covers x \(span(t, trace))", "\(name) 的窗口覆盖 x 的\(span(t, trace))")
            + (c.dilation > 1 ? t(", every other row and column (dilation \(c.dilation))", "，每隔 \(c.dilation - 1) 行、\(c.dilation - 1) 列取一格（空洞率 \(c.dilation)）") : "")
            + t(". It reads ", "。它读到 ")
            + t.list(real.map { cellName("x", $0.index) })
            + t(", drawn at ", "，画在 ") + cellList(answer) + t(".", "。")]
        let padding = inputs.filter(\.inPadding)
        if !padding.isEmpty {
            lines.append(t("Its other taps, ", "其余的抽头 ") + t.list(padding.map { cellName("x", $0.index) })
                + t(", fall in the padding: they read 0 and are not part of the receptive field.",
                    " 落在填充里：读到的是 0，不属于感受野。"))
        }
        if c.dilation > 1 {
            lines.append(t("The usual mistake is marking the cells the dilated kernel skips: it reads every other row and column only.",
                           "常见错误是把空洞卷积核跳过的格子也标上：它只读每隔 \(c.dilation - 1) 行、\(c.dilation - 1) 列的格子。"))
        } else if c.padding > 0 {
            lines.append(t("The usual mistake is forgetting the padding ring in the coordinates: x[r,c] is drawn at (r + \(c.padding), c + \(c.padding)).",
                           "常见错误是在坐标里忘了填充圈：x[r,c] 画在 (r + \(c.padding), c + \(c.padding))。"))
        } else {
            lines.append(t("The usual mistake is forgetting the stride: the window of out[i,j] starts at row i·S − P, column j·S − P.",
                           "常见错误是忘了步幅：out[i,j] 的窗口从第 i·S − P 行、第 j·S − P 列开始。"))
        }
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .selectCells(panel: inputPanel, answer: Set(answer)),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.conv2d, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                        dilation: c.dilation, w: layer.w, step: step),
                       setup: .cell(tensor: "out", index: index))
    }

    // MARK: dx-reach

    /// The cells of dx one dOut cell reaches: x 4–6 × 4–6, kernel 2×2, stride 1–2, padding 0–1,
    /// dilation 2 a third of the time; dOut of non-zero −2…3. The scene is the backward pass's
    /// scatter view, opened on that dOut cell's step.
    static func dxReach(_ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let dilation = r.chance(1, in: 3) ? 2 : 1
        // A 3×3 kernel's scatter (nine `dx[…] += w×dOut` terms) is longer than the explorer's two lines.
        let c = try smallConv(&r, sizes: 4...6, kernels: [2], strides: [1, 2, 2], paddings: [0, 1], dilation: dilation)
        let layer = c.layer
        let g = layer.geometry
        let dOut = Tensor(shape: g.outShape, data: (0..<g.outShape.reduce(1, *)).map { _ in Double(r.pick([-2, -1, 1, 2, 3])) })
        let steps = try layer.scatterInputGradient(dOut)
        let edge = cells(g.outShape).filter { steps[dOut.offset($0)].contributions.count < c.kernel * c.kernel }
        let index = pickCell(&r, g.output.h, g.output.w, preferring: edge)
        let step = steps[dOut.offset(index)]
        let answer = step.contributions.map { GridCell(row: $0.target[2], col: $0.target[3]) }
        guard !answer.isEmpty else { throw .empty(field: "dout") }
        let name = cellName("dOut", index)

        let prompt = t.sentences([
            t("Backpropagating through a conv2d with a \(c.kernel)×\(c.kernel) kernel, \(settings(t, stride: c.stride, padding: c.padding, dilation: c.dilation)) (x is \(g.input.h)×\(g.input.w), out is \(g.output.h)×\(g.output.w)), the gradient \(name) flows back into dx. Mark every cell of dx that it reaches. dx is drawn without padding: (row, col) is dx[row, col].",
              "反向传播经过一个 conv2d（卷积核 \(c.kernel)×\(c.kernel)，\(settings(t, stride: c.stride, padding: c.padding, dilation: c.dilation))；x 为 \(g.input.h)×\(g.input.w)，out 为 \(g.output.h)×\(g.output.w)），梯度 \(name) 流回 dx。请标出它到达的 dx 的所有格子。dx 画出时不带填充：(行, 列) 就是 dx[行, 列]。")])

        var planarStep = step
        planarStep.source.index = Array(step.source.index.suffix(2))
        planarStep.contributions = step.contributions.map { target, term in
            var term = term
            for k in term.factors.indices { term.factors[k].index = Array(term.factors[k].index.suffix(2)) }
            return (Array(target.suffix(2)), term)
        }
        var lines = [t("\(name) goes back to exactly the cells its window read in the forward pass, each times the weight that met it:",
                       "\(name) 正好流回前向传播时它的窗口读过的那些格子，各自乘上当时对上的权重："),
                     indent + Text.scatter(planarStep, into: "dx"),
                     t("That is ", "也就是 ") + cellList(answer) + t(".", "。")]
        if step.contributions.count < c.kernel * c.kernel {
            lines.append(t("Taps that fell in the padding send nothing back: the padding is not part of x.",
                           "落在填充里的抽头不回传任何梯度：填充不属于 x。"))
        }
        lines.append(c.dilation > 1
            ? t("The usual mistake is filling in the cells the dilated kernel skipped: only every other row and column receives gradient.",
                "常见错误是把空洞卷积核跳过的格子也填上：只有每隔 \(c.dilation - 1) 行、\(c.dilation - 1) 列的格子收到梯度。")
            : t("The usual mistake is forgetting the stride (the window of dOut[i,j] starts at x row i·S − P) or marking padding positions.",
                "常见错误是忘了步幅（dOut[i,j] 的窗口从 x 的第 i·S − P 行开始），或者把填充位置也标上。"))
        let animation = scene(.conv2dBackward, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                              dilation: c.dilation, w: layer.w, dOut: dOut, view: "scatter", step: dOut.offset(index) + 1)
        return Problem(prompt: prompt, kind: .selectCells(panel: scatteredGradientPanel, answer: Set(answer)),
                       explanation: lines.joined(separator: "\n"), animation: animation,
                       setup: .cell(tensor: "dOut", index: index))
    }

    // MARK: pool-max

    /// The cell of a max-pooling window's maximum: x 4–6 × 4–6 of −9…9, window 2×2 or 3×3, stride
    /// 1, 2 or the window, padding 1 a third of the time. A tie for the maximum is broken by
    /// raising the first maximum by one, so exactly one cell is right.
    static func poolMax(_ r: inout SeededRandom, _ t: Words) throws(ConvError) -> Problem {
        let (h, w) = (r.int(in: 4...6), r.int(in: 4...6))
        let window = r.pick([2, 3])
        let stride = r.pick([window, window, 1, 2].filter { $0 <= window })
        let padding = r.chance(1, in: 3) ? 1 : 0
        var x = r.grid(h, w, -9...9)
        var pool = try Pool2D(.max, x: x, kernel: Pair(window), stride: Pair(stride), padding: Pair(padding))
        let out = pool.forward()
        var (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try pool.traceOutput(i) }
        let ties = trace.terms.filter { !$0.factors[0].inPadding && $0.factors[0].value == trace.value }
        if ties.count > 1 {
            x[ties[0].factors[0].index] += 1
            pool = try Pool2D(.max, x: x, kernel: Pair(window), stride: Pair(stride), padding: Pair(padding))
            trace = try pool.traceOutput(index)
        }
        guard let selected = trace.selected else { throw .empty(field: "x") }
        let winner = trace.terms[selected].factors[0]
        let answer = drawn(winner.index, padding: padding)
        let name = cellName("out", index)

        let call = "nn.MaxPool2d(kernel_size=\(window), stride=\(stride), padding=\(padding))"
        let prompt = t.sentences([
            t("\(call) runs over x (\(h)×\(w)). Mark the cell of x whose value becomes \(name).",
              "\(call) 作用在 x（\(h)×\(w)）上。请标出其值成为 \(name) 的那个 x 格子。"),
            drawnHint(t, padding: padding)])
        var lines = [t("The window of \(name) covers x \(span(t, trace)):", "\(name) 的窗口覆盖 x 的\(span(t, trace))："),
                     indent + Text.equation(planar(trace)),
                     t("The maximum, \(Text.number(winner.value)), is \(cellName("x", winner.index)), drawn at (\(answer.row), \(answer.col)).",
                       "最大值 \(Text.number(winner.value)) 是 \(cellName("x", winner.index))，画在 (\(answer.row), \(answer.col))。")]
        lines.append(padding > 0
            ? t("The usual mistake is forgetting the padding ring in the coordinates (x[r,c] is drawn at (r + 1, c + 1)); padding reads −∞, so it never wins.",
                "常见错误是在坐标里忘了填充圈（x[r,c] 画在 (r + 1, c + 1)）；填充读作 −∞，永远不会胜出。")
            : t("The usual mistake is placing the window without the stride: out[i,j]'s window starts at row i·S, column j·S.",
                "常见错误是放窗口时忘了步幅：out[i,j] 的窗口从第 i·S 行、第 j·S 列开始。"))
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .selectCells(panel: inputPanel, answer: [answer]),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.maxpool2d, x: x, kernel: window, stride: stride, padding: padding, step: step),
                       setup: .cell(tensor: "out", index: index))
    }
}
