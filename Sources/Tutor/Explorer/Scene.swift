import ConvCore

/// One grid on screen: a 2-D slice of a named tensor, with an optional ring of padding cells.
public struct Panel: Equatable, Sendable {
    public enum Role: Equatable, Sendable {
        case input, kernel, bias, output, gradient
    }

    /// The title above the grid, e.g. `x[0,1]` or `dw[0,0]`.
    public var title: String
    /// The tensor name that trace factors use for it: `x`, `w`, `out`, `dx`, …
    public var tensor: String
    /// The leading index that selects this plane (`[n, c]`); empty for 1-D tensors.
    public var prefix: [Int]
    /// The values as rows × columns.
    public var grid: Tensor
    /// Padding cells drawn around the grid: the zeros (or −∞) a window may read.
    public var padding: Pair
    public var role: Role
    /// The filter this panel belongs to, if any; panels of other filters are hidden while a
    /// step works on one filter.
    public var filter: Int?
    /// The grid is the tensor rotated by 180° (the flipped kernel of a true convolution):
    /// positions map through the rotation.
    public var mirrored = false
    /// The grid is being built by a scatter: the view shows the current step's partial sums.
    public var showsPartial = false

    /// The grid position (row, column, both including the padding ring) of a tensor index, if the
    /// index lies on this panel.
    public func position(of tensor: String, _ index: [Int]) -> (row: Int, col: Int)? {
        guard tensor == self.tensor else { return nil }
        if prefix.isEmpty && index.count == 1 { return (padding.h, index[0] + padding.w) }
        guard index.count == prefix.count + 2, Array(index.prefix(prefix.count)) == prefix else { return nil }
        var (row, col) = (index[prefix.count] + padding.h, index[prefix.count + 1] + padding.w)
        if mirrored { (row, col) = (grid.shape[0] - 1 - index[prefix.count], grid.shape[1] - 1 - index[prefix.count + 1]) }
        guard row >= 0, row < grid.shape[0] + 2 * padding.h, col >= 0, col < grid.shape[1] + 2 * padding.w else { return nil }
        return (row, col)
    }
}

/// One step of an animation: the complete arithmetic of one cell, or one cell's contribution
/// scattered into the cells it reaches.
public enum SceneStep: Equatable, Sendable {
    case cell(Trace)
    /// A scatter step, and the tensor name of the panel receiving the contributions.
    case scatter(Conv2D.ScatterStep, into: String)

    /// The trace, for a cell step.
    public var trace: Trace? {
        if case .cell(let t) = self { return t }
        return nil
    }

    /// The cell this step is about: the one computed, or the one scattered.
    public var subject: (tensor: String, index: [Int]) {
        switch self {
        case .cell(let t): (t.tensor, t.index)
        case .scatter(let s, _): (s.source.tensor, s.source.index)
        }
    }

    /// True when the step reads or writes `tensor[index]` (besides its subject).
    public func touches(_ tensor: String, _ index: [Int]) -> Bool {
        switch self {
        case .cell(let t):
            return t.terms.contains { $0.factors.contains { $0.tensor == tensor && $0.index == index } }
                || (t.bias?.tensor == tensor && t.bias?.index == index)
        case .scatter(let s, let target):
            return s.contributions.contains { c in
                (target == tensor && c.target == index) || c.term.factors.contains { $0.tensor == tensor && $0.index == index }
            }
        }
    }

    /// What `tensor[index]` meets in this step: the other factors of its terms (the weights an
    /// input cell is multiplied by), and for a scatter the cells it is added into.
    public func partners(of tensor: String, _ index: [Int]) -> [Factor] {
        let isIt = { (f: Factor) in f.tensor == tensor && f.index == index }
        switch self {
        case .cell(let t):
            return t.terms.filter { $0.factors.contains(where: isIt) }.flatMap { $0.factors.filter { !isIt($0) } }
        case .scatter(let s, let target):
            return s.contributions.flatMap { c -> [Factor] in
                let others = c.term.factors.filter { !isIt($0) }
                if c.term.factors.contains(where: isIt) { return others + [Factor(tensor: target, index: c.target, value: 0)] }
                if target == tensor && c.target == index { return others }
                return []
            }
        }
    }

    /// The arithmetic on one line.
    public var equation: String {
        switch self {
        case .cell(let t): Text.equation(t)
        case .scatter(let s, let target): Text.scatter(s, into: target)
        }
    }
}

/// How the backward pass or the transposed convolution is shown.
public enum Presentation: String, CaseIterable, Sendable {
    /// One output cell at a time, with every term that sums into it.
    case cells = "cell by cell"
    /// One source cell at a time, adding its contributions into every cell it reaches.
    case scatter
    /// As one ordinary convolution of the zero-inserted, framed tensor with the flipped kernel.
    case convolution = "as a convolution"
}

/// Everything the explorer shows for one configuration, computed by the compute core: the grids,
/// the animation as one trace per step, the size formulas and the reference call.
public struct Scene: Equatable, Sendable {
    public var title: String
    public var panels: [Panel]
    /// The animation, in the order shown.
    public var steps: [SceneStep]
    /// The output size with today's numbers, one line per axis (or one when they agree).
    public var formulas: [String]
    /// The PyTorch or NumPy call that computes the same thing.
    public var call: String
    /// Extra explanations shown under the grids.
    public var notes: [String]

    /// The filter a step works on (its target is an `out`, `dOut`, `dw` or `db` cell of that
    /// filter), so only that filter's panels need showing.
    public func filter(of step: SceneStep) -> Int? {
        let (tensor, index) = step.subject
        switch tensor {
        case "db", "dw": return index.first
        case "out" where index.count == 4 && step.trace != nil: return index[1]
        case "dOut" where index.count == 4: return index[1]
        default: return nil
        }
    }

    /// Builds the scene, or says why the configuration is invalid.
    public static func build(_ config: ExplorerConfig) throws(ConvError) -> Scene {
        switch config.mode {
        case .conv1d: return try oneD(config, .convolve)
        case .correlate1d: return try oneD(config, .correlate)
        case .forward: return try forward(config)
        case .backward: return try backward(config)
        case .maxpool: return try pool(config, .max, backward: false)
        case .avgpool: return try pool(config, .average, backward: false)
        case .maxpoolBackward: return try pool(config, .max, backward: true)
        case .avgpoolBackward: return try pool(config, .average, backward: true)
        case .transposed: return try transposed(config)
        }
    }

    // MARK: 1-D

    static func oneD(_ c: ExplorerConfig, _ operation: Conv1D.Operation) throws(ConvError) -> Scene {
        let made = c.values.fill([[c.input.w], [c.kernel.w]])
        let (a, v) = (c.applyingOverrides(made[0], as: "a").data, c.applyingOverrides(made[1], as: "v").data)
        let out = operation == .convolve
            ? try Conv1D.convolve(a, v, mode: c.mode1D) : try Conv1D.correlate(a, v, mode: c.mode1D)
        var steps: [Trace] = []
        for k in out.indices { steps.append(try Conv1D.trace(operation, a, v, mode: c.mode1D, at: k)) }
        let traces = steps
        // The longer array is the one the other slides along; NumPy's implicit zeros pad it.
        let aIsLong = a.count >= v.count
        let pad = Pair(0, stepsPadding(traces, longName: aIsLong ? "a" : "v"))
        let row = { (t: [Double]) in Tensor(shape: [1, t.count], data: t) }
        let note = operation == .convolve
            ? "convolution flips v, then slides it along a: out[k] = Σ a[m]·v[k−m]"
            : "correlation slides v unflipped: out[k] = Σ a[n+k]·v[n]"
        return Scene(
            title: "\(c.mode.title), mode \(c.mode1D.rawValue)",
            panels: [
                Panel(title: "a", tensor: "a", prefix: [], grid: row(a), padding: aIsLong ? pad : Pair(0), role: .input),
                Panel(title: "v", tensor: "v", prefix: [], grid: row(v), padding: aIsLong ? Pair(0) : pad, role: .kernel),
                Panel(title: "out", tensor: "out", prefix: [], grid: row(out), padding: Pair(0), role: .output),
            ],
            steps: traces.map(SceneStep.cell),
            formulas: ["output length: \(Conv1D.lengthFormula(a.count, v.count, mode: c.mode1D))"],
            call: ReferenceCall.numpy(operation, mode: c.mode1D),
            notes: [note])
    }

    /// How far the longer array's implicit zero padding reaches on either side in `steps`.
    private static func stepsPadding(_ steps: [Trace], longName: String) -> Int {
        let indices = steps.flatMap { $0.terms.flatMap { $0.factors } }.filter { $0.tensor == longName && $0.inPadding }.map { $0.index[0] }
        return indices.map { $0 < 0 ? -$0 : 0 }.max() ?? 0
    }

    // MARK: 2-D convolution

    /// The input, kernel and bias of a convolution, filled with the configured values, plus
    /// tensors of the given extra shapes (for `dOut`).
    static func convolution(_ c: ExplorerConfig) throws(ConvError) -> Conv2D {
        let options = Conv2DOptions(stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups,
                                    convention: c.convention)
        let xShape = [1, c.channels, c.input.h, c.input.w]
        try Limits.check(c.groups, field: "groups", minimum: 1)
        let wShape = [c.filters, max(1, c.channels / c.groups), c.kernel.h, c.kernel.w]
        _ = try Conv2DGeometry(xShape: xShape, wShape: wShape, options: options)
        let made = c.values.fill([xShape, wShape, [c.filters]])
        return try Conv2D(x: c.applyingOverrides(made[0], as: "x"), w: c.applyingOverrides(made[1], as: "w"),
                          b: c.bias ? c.applyingOverrides(made[2], as: "b") : nil, options: options)
    }

    static func forward(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let layer = try convolution(c)
        let g = layer.geometry
        let out = layer.forward()
        var steps: [Trace] = []
        for f in 0..<g.filters {
            for i in 0..<g.output.h {
                for j in 0..<g.output.w { steps.append(try layer.traceOutput([0, f, i, j])) }
            }
        }
        var notes: [String] = []
        if c.convention == .convolution {
            notes.append("true convolution: the window meets the kernel rotated by 180° (w flipped), so x's top-left cell meets w's bottom-right")
        }
        if g.inChannels > 1 {
            notes.append("each output cell sums over all \(g.channelsPerGroup) input channel\(g.channelsPerGroup == 1 ? "" : "s") of its group\(layer.b == nil ? "" : ", plus the bias")")
        }
        return Scene(
            title: c.convention == .convolution ? "2-D true convolution (kernel flipped)" : "2-D convolution (cross-correlation)",
            panels: planes("x", layer.x, padding: g.padding, role: .input)
                + planes("w", layer.w, role: .kernel, filterAxis: true)
                + (c.convention == .convolution ? flippedKernels(layer.w) : [])
                + biasPanel(layer.b)
                + planes("out", out, role: .output, filterAxis: true),
            steps: steps.map(SceneStep.cell),
            formulas: convolutionFormulas(g),
            call: ReferenceCall.conv2d(g.options, bias: layer.b != nil),
            notes: notes)
    }

    static func backward(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let layer = try convolution(c)
        let g = layer.geometry
        let dOut = c.applyingOverrides(c.values.fill([g.outShape])[0], as: "dOut")
        let grads = try layer.backward(dOut)
        let call = "out = " + ReferenceCall.conv2d(g.options, bias: true) + "; out.backward(dOut) gives x.grad, w.grad, b.grad"
        switch c.presentation {
        case .cells:
            var steps: [Trace] = []
            for f in 0..<g.filters { steps.append(try layer.traceGradient(.db, at: [f], dOut: dOut)) }
            for offset in 0..<grads.dw.count {
                steps.append(try layer.traceGradient(.dw, at: grads.dw.index(ofOffset: offset), dOut: dOut))
            }
            for offset in 0..<grads.dx.count {
                steps.append(try layer.traceGradient(.dx, at: grads.dx.index(ofOffset: offset), dOut: dOut))
            }
            return Scene(
                title: "conv2d backward: db, then dw, then dx",
                panels: planes("x", layer.x, padding: g.padding, role: .input)
                    + planes("w", layer.w, role: .kernel, filterAxis: true)
                    + planes("dOut", dOut, role: .gradient, filterAxis: true)
                    + [Panel(title: "db", tensor: "db", prefix: [], grid: grads.db.reshaped([1, g.filters]), padding: Pair(0), role: .gradient)]
                    + planes("dw", grads.dw, role: .gradient, filterAxis: true)
                    + planes("dx", grads.dx, role: .gradient),
                steps: steps.map(SceneStep.cell), formulas: convolutionFormulas(g), call: call,
                notes: ["db[f] = Σ dOut[f];  dw = x (padded) correlated with dOut;  dx = dOut (dilated by the stride) fully convolved with the flipped kernel"])
        case .scatter:
            let steps = try layer.scatterInputGradient(dOut)
            return Scene(
                title: "conv2d backward: each dOut cell scatters into dx",
                panels: planes("w", layer.w, role: .kernel, filterAxis: true)
                    + planes("dOut", dOut, role: .gradient, filterAxis: true)
                    + partialPanels("dx", grads.dx),
                steps: steps.map { .scatter($0, into: "dx") }, formulas: convolutionFormulas(g), call: call,
                notes: ["each dOut cell sends w·dOut back to the inputs its window covered; dx is the sum of everything that arrives"])
        case .convolution:
            let direct = try layer.inputGradientAsConvolution(dOut)
            return try asConvolution(
                direct, names: ["x": "dOut′", "w": "w′", "out": "dx"],
                titles: ("zero-inserted, framed", "= w flipped", ""),
                title: "conv2d backward: dx as an ordinary convolution",
                formulas: convolutionFormulas(g), call: call,
                note: g.stride == Pair(1)
                    ? "dx is the full convolution of dOut with the flipped kernel: dOut framed by D·(K−1)−P zeros, slid over by w rotated 180°"
                    : "with stride \(g.stride), dOut first gets \(g.stride.h - 1) zero(s) between its cells (dilated), then the full convolution with the flipped kernel")
        }
    }

    /// Panels showing a tensor being built up by a scatter: the values are replaced, step by
    /// step, by the partial sums.
    static func partialPanels(_ name: String, _ final: Tensor) -> [Panel] {
        planes(name, final, role: .gradient).map { panel in
            var p = panel
            p.title = "\(panel.title) so far"
            p.showsPartial = true
            return p
        }
    }

    /// The scene of a direct convolution that computes a gradient or a transposed convolution,
    /// with its tensors renamed for what they are and a few words after each panel's title.
    static func asConvolution(
        _ direct: Conv2D, names: [String: String], titles: (x: String, w: String, out: String),
        title: String, formulas: [String], call: String, note: String
    ) throws(ConvError) -> Scene {
        let out = direct.forward()
        var steps: [SceneStep] = []
        for offset in 0..<out.count {
            steps.append(.cell(try direct.traceOutput(out.index(ofOffset: offset)).renamed(names)))
        }
        func titled(_ panels: [Panel], _ words: String) -> [Panel] {
            panels.map { panel in
                var p = panel
                p.tensor = names[panel.tensor] ?? panel.tensor
                p.title = Text.cell(p.tensor, p.prefix) + (words.isEmpty ? "" : " " + words)
                return p
            }
        }
        return Scene(
            title: title,
            panels: titled(planes("x", direct.x, role: .input), titles.x)
                + titled(planes("w", direct.w, role: .kernel), titles.w)
                + titled(planes("out", out, role: .output), titles.out),
            steps: steps, formulas: formulas, call: call, notes: [note])
    }

    // MARK: Pooling

    static func pool(_ c: ExplorerConfig, _ kind: Pool2D.Kind, backward: Bool) throws(ConvError) -> Scene {
        let xShape = [1, c.channels, c.input.h, c.input.w]
        let shapes = try Pool2D(kind, x: Tensor(shape: xShape), kernel: c.kernel, stride: c.stride, padding: c.padding)
        let made = c.values.fill([xShape, shapes.outShape])
        let layer = try Pool2D(kind, x: c.applyingOverrides(made[0], as: "x"), kernel: c.kernel, stride: c.stride, padding: c.padding)
        let out = layer.forward()
        var steps: [SceneStep] = []
        var panels = planes("x", layer.x, padding: c.padding, role: .input) + planes("out", out, role: .output)
        if backward {
            let dOut = c.applyingOverrides(made[1], as: "dOut")
            let dx = try layer.backward(dOut)
            for offset in 0..<dx.count { steps.append(.cell(try layer.traceGradient(at: dx.index(ofOffset: offset), dOut: dOut))) }
            panels += planes("dOut", dOut, role: .gradient) + planes("dx", dx, role: .gradient)
        } else {
            for offset in 0..<out.count { steps.append(.cell(try layer.traceOutput(out.index(ofOffset: offset)))) }
        }
        let formulas = OutputSize.lines { axis in
            OutputSize.poolingFormula(input: c.input[axis], kernel: c.kernel[axis], stride: c.stride[axis],
                                      padding: c.padding[axis], result: layer.output[axis])
        }
        let note = switch (kind, backward) {
        case (.max, false): "each window keeps its largest value (padding reads −∞); the first maximum in row-major order wins ties"
        case (.max, true): "each dOut goes only to the first maximum of its window; every other cell gets 0"
        case (.average, false): "each window averages all \(c.kernel.h * c.kernel.w) cells, padding zeros included"
        case (.average, true): "each dOut is spread evenly: dOut / \(c.kernel.h * c.kernel.w) to every cell of its window"
        }
        return Scene(
            title: (kind == .max ? "max pooling" : "average pooling") + (backward ? ", backward" : ""),
            panels: panels, steps: steps, formulas: formulas,
            call: ReferenceCall.pool2d(kind, kernel: c.kernel, stride: c.stride, padding: c.padding),
            notes: [note])
    }

    // MARK: Transposed convolution

    static func transposed(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let options = Conv2DOptions(stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups)
        let xShape = [1, c.channels, c.input.h, c.input.w]
        try Limits.check(c.groups, field: "groups", minimum: 1)
        let wShape = [c.channels, max(1, c.filters / c.groups), c.kernel.h, c.kernel.w]
        let shapes = try ConvTranspose2D(x: Tensor(shape: xShape), w: Tensor(shape: wShape), options: options,
                                         outputPadding: c.outputPadding)
        let made = c.values.fill([xShape, wShape, [shapes.geometry.inChannels]])
        let layer = try ConvTranspose2D(x: c.applyingOverrides(made[0], as: "x"), w: c.applyingOverrides(made[1], as: "w"),
                                        b: c.bias ? c.applyingOverrides(made[2], as: "b") : nil, options: options,
                                        outputPadding: c.outputPadding)
        let out = layer.forward()
        let g = layer.geometry
        let formulas = OutputSize.lines { axis in
            OutputSize.transposedFormula(input: c.input[axis], kernel: c.kernel[axis], stride: c.stride[axis],
                                         padding: c.padding[axis], outputPadding: c.outputPadding[axis],
                                         dilation: c.dilation[axis], result: g.input[axis])
        }
        let call = ReferenceCall.convTranspose2d(g.options, outputPadding: c.outputPadding, bias: layer.b != nil)
        let inputs = planes("x", layer.x, role: .input) + planes("w", layer.w, role: .kernel) + biasPanel(layer.b)
        switch c.presentation {
        case .scatter:
            return Scene(
                title: "transposed: each x cell scatters x·w into out",
                panels: inputs + partialPanels("out", out),
                steps: layer.scatter().map { .scatter($0, into: "out") }, formulas: formulas, call: call,
                notes: ["x[i,j]·w lands on out rows i·S−P+kh·D, columns j·S−P+kw·D; overlaps add up"
                    + (layer.b == nil ? "" : "; the bias b is added to every out cell at the end")])
        case .cells:
            var steps: [SceneStep] = []
            for offset in 0..<out.count { steps.append(.cell(try layer.traceOutput(out.index(ofOffset: offset)))) }
            return Scene(
                title: "transposed convolution: small x → large out",
                panels: inputs + planes("out", out, role: .output), steps: steps, formulas: formulas, call: call,
                notes: ["each out cell sums x[i,j]·w[kh,kw] over every input cell whose scattered kernel lands on it"])
        case .convolution:
            return try asConvolution(
                try layer.asConvolution(), names: ["x": "x′", "w": "w′"],
                titles: ("zero-inserted, framed", "= w flipped", ""),
                title: "transposed convolution as an ordinary convolution",
                formulas: formulas, call: call,
                note: "insert S−1 zeros between the cells of x, frame it with D·(K−1)−P zeros (plus the output padding), and slide the flipped kernel with stride 1")
        }
    }

    // MARK: Helpers

    /// One panel per `[i0, i1]` plane of a 4-D tensor.
    static func planes(
        _ name: String, _ t: Tensor, padding: Pair = Pair(0), role: Panel.Role, filterAxis: Bool = false
    ) -> [Panel] {
        var panels: [Panel] = []
        for i0 in 0..<t.shape[0] {
            for i1 in 0..<t.shape[1] {
                panels.append(Panel(
                    title: Text.cell(name, [i0, i1]), tensor: name, prefix: [i0, i1], grid: t.plane(i0, i1),
                    padding: padding, role: role, filter: filterAxis ? (name == "w" || name == "dw" ? i0 : i1) : nil))
            }
        }
        return panels
    }

    /// The kernels rotated by 180°, as the window of a true convolution meets them.
    static func flippedKernels(_ w: Tensor) -> [Panel] {
        planes("w", w.flippedSpatially(), role: .kernel, filterAxis: true).map { panel in
            var p = panel
            p.title = "\(panel.title) flipped"
            p.mirrored = true
            return p
        }
    }

    static func biasPanel(_ b: Tensor?) -> [Panel] {
        guard let b else { return [] }
        return [Panel(title: "b", tensor: "b", prefix: [], grid: b.reshaped([1, b.count]), padding: Pair(0), role: .bias)]
    }

    static func convolutionFormulas(_ g: Conv2DGeometry) -> [String] {
        OutputSize.lines { axis in
            OutputSize.convolutionFormula(input: g.input[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                                          padding: g.padding[axis], dilation: g.dilation[axis], result: g.output[axis])
        }
    }
}
