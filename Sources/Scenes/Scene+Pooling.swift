import ConvCore
import Localization

extension Scene {
    /// Max or average pooling, with fixed windows (`ceil_mode`, dilation, `count_include_pad`,
    /// `divisor_override`) or adaptive ones, forward (one output cell per step) or backward (one
    /// `dx` cell per step).
    static func pool(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        guard let kind = c.mode.poolKind else { preconditionFailure("\(c.mode) is not pooling") }
        let backward = c.mode.isBackward
        let adaptive = c.mode.isAdaptivePooling
        let options = c.poolOptions(kind)
        func layer(_ x: Tensor) throws(ConvError) -> any PoolingLayer {
            adaptive ? try AdaptivePool2D(kind, x: x, outputSize: c.outputSize)
                : try Pool2D(kind, x: x, kernel: c.kernel, options: options)
        }
        let xShape = [1, c.channels, c.input.h, c.input.w]
        let made = c.values.fill([xShape, try layer(Tensor(shape: xShape)).outShape])
        let layer = try layer(c.applyingOverrides(made[0], as: .x))
        let out = layer.forward()
        var steps: [SceneStep] = []
        var inputs = planes(.x, layer.x, padding: adaptive ? Pair(0) : c.padding, role: .input)
        if let fixed = layer as? Pool2D {
            for k in inputs.indices { inputs[k].overhang = fixed.overhang }
        }
        var panels = inputs + planes(.out, out, role: .output)
        var traces: [Trace] = []
        if backward {
            let dOut = c.applyingOverrides(made[1], as: .dOut)
            let dx = try layer.backward(dOut)
            for offset in 0..<dx.count { traces.append(try layer.traceGradient(at: dx.index(ofOffset: offset), dOut: dOut)) }
            panels += planes(.dOut, dOut, role: .gradient) + planes(.dx, dx, role: .gradient)
        } else {
            for offset in 0..<out.count { traces.append(try layer.traceOutput(out.index(ofOffset: offset))) }
        }
        steps = traces.map(SceneStep.cell)
        if let fixed = layer as? Pool2D {
            return Scene(
                title: .pooling(kind, backward: backward), panels: panels, steps: steps,
                formula: .axes { axis in
                    OutputSize.poolingFormula(input: c.input[axis], kernel: c.kernel[axis], stride: c.stride[axis],
                                              padding: c.padding[axis], dilation: options.dilation[axis],
                                              ceilMode: c.ceilMode, result: fixed.output[axis])
                },
                call: .pytorch(ReferenceCall.pool2d(kind, kernel: c.kernel, options: options)),
                notes: poolNotes(fixed, backward: backward, traces: traces))
        }
        let windows = { (axis: Axis) in AdaptivePool2D.windowsFormula(input: c.input[axis], output: c.outputSize[axis]) }
        return Scene(
            title: .adaptivePooling(kind, backward: backward), panels: panels, steps: steps,
            formula: .windows(height: windows(.height), width: windows(.width)),
            call: .pytorch(ReferenceCall.adaptivePool2d(kind, outputSize: c.outputSize)),
            notes: [backward ? .adaptivePoolBackward(kind) : .adaptivePool(kind)])
    }

    /// What a fixed-window pooling scene explains: how each window combines its cells (for an
    /// average, what it divides by), then `ceil_mode` when a window hangs over the padded input
    /// or one was dropped.
    private static func poolNotes(_ layer: Pool2D, backward: Bool, traces: [Trace]) -> [SceneNote] {
        let o = layer.options
        let cells = layer.kernel.h * layer.kernel.w
        var notes: [SceneNote]
        switch (layer.kind, backward) {
        case (.max, false): notes = [.maxPool]
        case (.max, true): notes = [.maxPoolBackward]
        case (.average, _) where o.divisorOverride != nil:
            notes = [.divisorOverride(o.divisorOverride ?? 0)]
        case (.average, false):
            // Every divisor the whole window: the familiar average; else what it counts.
            let whole = traces.allSatisfy { $0.reduction == .average(divisor: cells) }
            notes = [whole ? .averagePool(cells: cells) : .averagePoolCounted(countsPadding: o.countIncludePad)]
        case (.average, true):
            let whole = traces.allSatisfy { $0.reduction == .average(divisor: cells) || $0.terms.isEmpty }
            notes = [whole ? .averagePoolBackward(cells: cells) : .averagePoolBackwardDivisors]
        }
        if o.ceilMode {
            let input = Pair(layer.x.shape[2], layer.x.shape[3])
            let dropsWindow = Axis.allCases.contains { axis in
                OutputSize.poolingDropsLastWindow(input: input[axis], kernel: layer.kernel[axis], stride: layer.stride[axis],
                                                  padding: o.padding[axis], dilation: o.dilation[axis])
            }
            notes.append(.ceilMode(dropsWindow: dropsWindow))
        }
        return notes
    }
}
