import ConvCore
import Localization

extension Scene {
    /// The transposed convolution: cell by cell, as each `x` cell scattering `x·w` into `out`, or
    /// as the direct convolution of the zero-inserted input with the flipped kernel.
    static func transposed(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let options = Conv2DOptions(stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups)
        let xShape = [1, c.channels, c.input.h, c.input.w]
        try Limits.check(c.groups, field: "groups", minimum: 1)
        let wShape = [c.channels, max(1, c.filters / c.groups), c.kernel.h, c.kernel.w]
        let shapes = try ConvTranspose2D(x: Tensor(shape: xShape), w: Tensor(shape: wShape), options: options,
                                         outputPadding: c.outputPadding)
        let made = c.values.fill([xShape, wShape, [shapes.geometry.inChannels]])
        let layer = try ConvTranspose2D(x: c.applyingOverrides(made[0], as: .x), w: c.applyingOverrides(made[1], as: .w),
                                        b: c.bias ? c.applyingOverrides(made[2], as: .b) : nil, options: options,
                                        outputPadding: c.outputPadding)
        let out = layer.forward()
        let g = layer.geometry
        let formula = SizeFormula.axes { axis in
            OutputSize.transposedFormula(input: c.input[axis], kernel: c.kernel[axis], stride: c.stride[axis],
                                         padding: c.padding[axis], outputPadding: c.outputPadding[axis],
                                         dilation: c.dilation[axis], result: g.input[axis])
        }
        let call = ReferenceCallText.pytorch(ReferenceCall.convTranspose2d(g.options, outputPadding: c.outputPadding, bias: layer.b != nil))
        let inputs = planes(.x, layer.x, role: .input) + planes(.w, layer.w, role: .kernel) + biasPanel(layer.b)
        switch c.presentation {
        case .scatter:
            return Scene(
                title: .transposedScatter, panels: inputs + partialPanels(.out, out),
                steps: layer.scatter().map { .scatter($0, into: .out) }, formula: formula, call: call,
                notes: [.transposedScatter(bias: layer.b != nil)])
        case .cells:
            var steps: [SceneStep] = []
            for offset in 0..<out.count { steps.append(.cell(try layer.traceOutput(out.index(ofOffset: offset)))) }
            return Scene(
                title: .transposedCells, panels: inputs + planes(.out, out, role: .output), steps: steps,
                formula: formula, call: call, notes: [.transposedCells])
        case .convolution:
            return try asConvolution(
                try layer.asConvolution(), of: g, names: [.x: .xPrime, .w: .wPrime], title: .transposedAsConvolution,
                formula: formula, call: call, note: .transposedAsConvolution)
        }
    }
}
