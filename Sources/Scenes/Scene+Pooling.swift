import ConvCore
import Localization

extension Scene {
    /// Max or average pooling, forward (one output cell per step) or backward (one `dx` cell per
    /// step).
    static func pool(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let kind: Pool2D.Kind = c.mode == .maxpool2d || c.mode == .maxpool2dBackward ? .max : .average
        let backward = c.mode.isBackward
        let xShape = [1, c.channels, c.input.h, c.input.w]
        let shapes = try Pool2D(kind, x: Tensor(shape: xShape), kernel: c.kernel, stride: c.stride, padding: c.padding)
        let made = c.values.fill([xShape, shapes.outShape])
        let layer = try Pool2D(kind, x: c.applyingOverrides(made[0], as: .x), kernel: c.kernel, stride: c.stride, padding: c.padding)
        let out = layer.forward()
        var steps: [SceneStep] = []
        var panels = planes(.x, layer.x, padding: c.padding, role: .input) + planes(.out, out, role: .output)
        if backward {
            let dOut = c.applyingOverrides(made[1], as: .dOut)
            let dx = try layer.backward(dOut)
            for offset in 0..<dx.count { steps.append(.cell(try layer.traceGradient(at: dx.index(ofOffset: offset), dOut: dOut))) }
            panels += planes(.dOut, dOut, role: .gradient) + planes(.dx, dx, role: .gradient)
        } else {
            for offset in 0..<out.count { steps.append(.cell(try layer.traceOutput(out.index(ofOffset: offset)))) }
        }
        let cells = c.kernel.h * c.kernel.w
        let note: SceneNote = switch (kind, backward) {
        case (.max, false): .maxPool
        case (.max, true): .maxPoolBackward
        case (.average, false): .averagePool(cells: cells)
        case (.average, true): .averagePoolBackward(cells: cells)
        }
        return Scene(
            title: .pooling(kind, backward: backward), panels: panels, steps: steps,
            formula: .axes { axis in
                OutputSize.poolingFormula(input: c.input[axis], kernel: c.kernel[axis], stride: c.stride[axis],
                                          padding: c.padding[axis], result: layer.output[axis])
            },
            call: .pytorch(ReferenceCall.pool2d(kind, kernel: c.kernel, options: Pool2DOptions(stride: c.stride, padding: c.padding))),
            notes: [note])
    }
}
