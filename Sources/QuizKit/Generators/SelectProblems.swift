import ConvCore
import LessonKit
import Localization

/// Select-the-cells problems: the learner marks cells on one grid of the explorer scene, counted as
/// drawn (with the padding ring, when the grid has one). The answer is read off the compute core's
/// trace (or scatter step) of the cell asked about. The quiz screens draw that grid, with its
/// values, and say how to mark or type cells, so the prompt does neither.
///
/// Padding cells are never part of an answer: a receptive field is the set of real input cells a
/// window reads, and the gradient of a window's padding taps goes nowhere.
extension ProblemGenerator {
    /// The grid of the input `x` in a conv2d or pooling scene, `x[0,0]`, drawn with its padding ring.
    static let inputGrid = GridName(.x, plane: [0, 0])
    /// The grid of `dx` in the backward scene's scatter view, `dx[0,0]` (filled up step by step);
    /// it has no padding ring.
    static let scatteredGradientGrid = GridName(.dx, plane: [0, 0])

    /// A cell of `x` as drawn on its padded grid.
    static func drawn(_ index: [Int], padding: Int) -> GridCell {
        GridCell(row: index[2] + padding, col: index[3] + padding)
    }

    /// `(1, 2) (1, 3)`: cells as the learner types them.
    static func cellList(_ cells: [GridCell]) -> String {
        cells.sorted().map { "(\($0.row), \($0.col))" }.joined(separator: " ")
    }

    // MARK: receptive-field-cells

    /// The cells of x one output cell reads: x 4–6 × 4–6 (5–6 when a dilated 3×3 kernel would not
    /// fit 4 cells), kernel 2×2 or 3×3, stride 1–2, padding 0–1, dilation 2 a third of the time.
    /// Half the time with padding, a window that reads some padding (whose cells are not marked).
    static func receptiveFieldCells(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
        let dilation = r.chance(1, in: 3) ? 2 : 1
        let c = try smallConv(&r, sizes: 4...6, kernels: [2, 3, 3], strides: [1, 1, 2], paddings: [0, 1, 1], dilation: dilation)
        let layer = c.layer
        let out = layer.forward()
        let (index, trace) = try pickTracedCell(&r, out.shape) { i throws(ConvError) in try layer.traceOutput(i) }
        let inputs = trace.terms.map { $0.factors[0] }
        let real = inputs.filter { !$0.inPadding }
        let answer = real.map { drawn($0.index, padding: c.padding) }
        // A window of padding only would have nothing to mark: none is drawn (see `problem`), and
        // this refusal keeps one from ever being asked.
        guard !answer.isEmpty else { throw .empty(field: "x") }
        let name = cellName(.out, index)

        let g = layer.geometry
        let prompt = t.problem(.receptiveFieldCellsPrompt(cell: name, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                                          dilation: c.dilation, input: g.input))

        let (rows, columns) = span(trace)
        var lines = [t.problem(.receptiveFieldReads(cell: name, rows: rows, columns: columns, dilation: c.dilation,
                                                    cells: real.map { cellName(.x, $0.index) }, drawnAt: cellList(answer)))]
        let padding = inputs.filter(\.inPadding)
        if !padding.isEmpty {
            lines.append(t.problem(.paddingTaps(padding.map { cellName(.x, $0.index) })))
        }
        if c.dilation > 1 {
            lines.append(t.problem(.markedSkippedCells(dilation: c.dilation)))
        } else if c.padding > 0 {
            lines.append(t.problem(.paddingRingCoordinates(padding: c.padding)))
        } else {
            lines.append(t.problem(.windowStride))
        }
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .selectCells(grid: inputGrid, answer: Set(answer)),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.conv2d, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                        dilation: c.dilation, w: layer.w, step: step),
                       setup: .cell(tensor: .out, index: index))
    }

    // MARK: dx-reach

    /// The cells of dx one dOut cell reaches: x 4–6 × 4–6, kernel 2×2, stride 1–2, padding 0–1,
    /// dilation 2 a third of the time; dOut of non-zero −2…3. The scene is the backward pass's
    /// scatter view, opened on that dOut cell's step.
    static func dxReach(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
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
        // As for a receptive field: never drawn, never asked.
        guard !answer.isEmpty else { throw .empty(field: "dout") }
        let name = cellName(.dOut, index)

        let prompt = t.problem(.dxReachPrompt(cell: name, kernel: c.kernel, stride: c.stride, padding: c.padding,
                                              dilation: c.dilation, input: g.input, output: g.output))

        var planarStep = step
        planarStep.source.index = Array(step.source.index.suffix(2))
        planarStep.contributions = step.contributions.map { target, term in
            var term = term
            for k in term.factors.indices { term.factors[k].index = Array(term.factors[k].index.suffix(2)) }
            return (Array(target.suffix(2)), term)
        }
        var lines = [t.problem(.scatterBack(name)),
                     indent + t.scatter(planarStep, into: .dx),
                     t.problem(.thatIs(cellList(answer)))]
        if step.contributions.count < c.kernel * c.kernel {
            lines.append(t.problem(.paddingSendsNothing))
        }
        lines.append(t.problem(c.dilation > 1 ? .filledSkippedCells(dilation: c.dilation) : .reachStride))
        let animation = scene(.conv2dBackward, x: layer.x, kernel: c.kernel, stride: c.stride, padding: c.padding,
                              dilation: c.dilation, w: layer.w, dOut: dOut, view: .scatter, step: dOut.offset(index) + 1)
        return Problem(prompt: prompt, kind: .selectCells(grid: scatteredGradientGrid, answer: Set(answer)),
                       explanation: lines.joined(separator: "\n"), animation: animation,
                       setup: .cell(tensor: .dOut, index: index))
    }

    // MARK: pool-max

    /// The cell of a max-pooling window's maximum: x 4–6 × 4–6 of −9…9, window 2×2 or 3×3, stride
    /// 1, 2 or the window, padding 1 a third of the time. A tie for the maximum is broken by
    /// raising the first maximum by one, so exactly one cell is right.
    static func poolMax(_ r: inout SeededRandom, _ t: any Catalogue) throws(ConvError) -> Problem {
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
        // Max pooling marks the first maximum of every window (each holds a real cell).
        guard let selected = trace.selected else { throw .empty(field: "x") }
        let winner = trace.terms[selected].factors[0]
        let answer = drawn(winner.index, padding: padding)
        let name = cellName(.out, index)

        let call = "nn.MaxPool2d(kernel_size=\(window), stride=\(stride), padding=\(padding))"
        let prompt = t.problem(.poolMaxPrompt(call: call, input: Pair(h, w), cell: name, padding: padding))
        let (rows, columns) = span(trace)
        let lines = [t.problem(.windowCovers(cell: name, rows: rows, columns: columns)),
                     equation(t, trace),
                     t.problem(.maximumIs(value: winner.value, cell: cellName(.x, winner.index), row: answer.row, column: answer.col)),
                     t.problem(padding > 0 ? .maxPaddingRing(padding: padding) : .maxWindowStride)]
        let step = out.offset(index) + 1
        return Problem(prompt: prompt, kind: .selectCells(grid: inputGrid, answer: [answer]),
                       explanation: lines.joined(separator: "\n"),
                       animation: scene(.maxpool2d, x: x, kernel: window, stride: stride, padding: padding, step: step),
                       setup: .cell(tensor: .out, index: index))
    }
}
