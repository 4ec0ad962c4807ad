import ConvCore
import Localization

extension Scene {
    /// The input, kernel and bias of a convolution, filled with the configured values.
    static func convolution(_ c: ExplorerConfig) throws(ConvError) -> Conv2D {
        let options = Conv2DOptions(stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups,
                                    convention: c.convention, paddingMode: c.paddingMode, paddingLayout: c.paddingLayout)
        let xShape = [1, c.channels, c.input.h, c.input.w]
        try Limits.check(c.groups, field: "groups", minimum: 1)
        let wShape = [c.filters, max(1, c.channels / c.groups), c.kernel.h, c.kernel.w]
        _ = try Conv2DGeometry(xShape: xShape, wShape: wShape, options: options)
        let made = c.values.fill([xShape, wShape, [c.filters]])
        return try Conv2D(x: c.applyingOverrides(made[0], as: .x), w: c.applyingOverrides(made[1], as: .w),
                          b: c.bias ? c.applyingOverrides(made[2], as: .b) : nil, options: options)
    }

    /// The `dOut` of the backward pass: the configured values over the output's shape, typed
    /// values applied.
    static func outputGradient(_ c: ExplorerConfig, _ g: Conv2DGeometry) -> Tensor {
        c.applyingOverrides(c.values.fill([g.outShape])[0], as: .dOut)
    }

    /// The check of one cell of `dx`, `dw` or `db` of the backward pass `c` configures, by
    /// centred differences of `L = Σ dOut ⊙ out`.
    public static func gradientProbe(_ c: ExplorerConfig, _ gradient: Conv2D.Gradient, at index: [Int]) throws(ConvError) -> GradientProbe {
        let layer = try convolution(c)
        return try layer.gradientProbe(gradient, at: index, dOut: outputGradient(c, layer.geometry))
    }

    /// The input's planes with the layer's padding ring on each side; a ring that copies input
    /// cells (reflect, replicate, circular) carries its values.
    static func paddedPlanes(_ layer: Conv2D) -> [Panel] {
        let g = layer.geometry
        let padded = g.paddingMode == .zeros ? nil : g.padded(layer.x)
        return planes(.x, layer.x, padding: g.sides.before, role: .input).map { panel in
            var p = panel
            p.paddingAfter = g.sides.after
            p.ring = padded.map { $0.plane(panel.prefix[0], panel.prefix[1]) }
            return p
        }
    }

    /// The forward pass, one output cell per step, filter by filter.
    static func forward(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let layer = try convolution(c)
        let g = layer.geometry
        let out = layer.forward()
        var steps: [SceneStep] = []
        for f in 0..<g.filters {
            for i in 0..<g.output.h {
                for j in 0..<g.output.w { steps.append(.cell(try layer.traceOutput([0, f, i, j]))) }
            }
        }
        var notes: [SceneNote] = []
        if c.convention == .convolution { notes.append(.trueConvolution) }
        if g.inChannels > 1 { notes.append(.sumsOverChannels(channelsPerGroup: g.channelsPerGroup, bias: layer.b != nil)) }
        var scene = Scene(
            title: .conv2d(c.convention),
            panels: paddedPlanes(layer)
                + planes(.w, layer.w, role: .kernel, filterAxis: true)
                + (c.convention == .convolution ? flippedKernels(layer.w) : [])
                + biasPanel(layer.b)
                + planes(.out, out, role: .output, filterAxis: true),
            steps: steps, formula: convolutionFormula(g),
            call: .pytorch(ReferenceCall.conv2d(g, bias: layer.b != nil)),
            notes: notes)
        if g.channelsPerGroup > 1 {
            scene.channelParts = steps.map { step in
                guard let trace = step.trace else { return [] }
                return trace.sums(groupedBy: { $0.factors[0].index[1] }).map {
                    ChannelPart(plane: [trace.index[0], $0.key], sum: $0.sum)
                }
            }
        }
        return scene
    }

    /// The backward pass: cell by cell (`db`, `dw`, `dx`), as `dOut` scattering into `dx`, or as
    /// the convolution that gives `dx`.
    static func backward(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let layer = try convolution(c)
        let g = layer.geometry
        let dOut = outputGradient(c, g)
        let grads = try layer.backward(dOut)
        let call = ReferenceCallText.pytorchBackward(ReferenceCall.conv2d(g, bias: true))
        switch c.presentation {
        case .cells:
            var steps: [SceneStep] = []
            for f in 0..<g.filters { steps.append(.cell(try layer.traceGradient(.db, at: [f], dOut: dOut))) }
            for offset in 0..<grads.dw.count {
                steps.append(.cell(try layer.traceGradient(.dw, at: grads.dw.index(ofOffset: offset), dOut: dOut)))
            }
            for offset in 0..<grads.dx.count {
                steps.append(.cell(try layer.traceGradient(.dx, at: grads.dx.index(ofOffset: offset), dOut: dOut)))
            }
            return Scene(
                title: .backwardCells,
                panels: paddedPlanes(layer)
                    + planes(.w, layer.w, role: .kernel, filterAxis: true)
                    + planes(.dOut, dOut, role: .gradient, filterAxis: true)
                    + [row(.db, grads.db, role: .gradient)]
                    + planes(.dw, grads.dw, role: .gradient, filterAxis: true)
                    + planes(.dx, grads.dx, role: .gradient),
                steps: steps, formula: convolutionFormula(g), call: call, notes: [.backwardCells])
        case .scatter:
            return Scene(
                title: .backwardScatter,
                panels: planes(.w, layer.w, role: .kernel, filterAxis: true)
                    + planes(.dOut, dOut, role: .gradient, filterAxis: true)
                    + partialPanels(.dx, grads.dx),
                steps: try layer.scatterInputGradient(dOut).map { .scatter($0, into: .dx) },
                formula: convolutionFormula(g), call: call, notes: [.backwardScatter])
        case .convolution:
            return try asConvolution(
                try layer.inputGradientAsConvolution(dOut), of: g, names: [.x: .dOutPrime, .w: .wPrime, .out: .dx],
                title: .backwardAsConvolution, formula: convolutionFormula(g), call: call,
                note: g.stride == Pair(1) ? .backwardAsConvolution : .backwardAsStridedConvolution(stride: g.stride))
        }
    }

    /// The kernels rotated by 180°, as the window of a true convolution meets them.
    static func flippedKernels(_ w: Tensor) -> [Panel] {
        planes(.w, w.flippedSpatially(), role: .kernel, filterAxis: true).map { panel in
            var p = panel
            p.caption = .flipped
            p.id.mirrored = true
            return p
        }
    }
}
