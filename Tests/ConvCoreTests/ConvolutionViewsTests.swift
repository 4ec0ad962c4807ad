import ConvCore
import Testing
import TestSupport

/// The teaching views of the gradient: `dx` as a direct convolution of the zero-inserted `dOut`
/// with the flipped kernel, and `dx` built by scattering, checked against the golden vectors.
@Suite("dx as a convolution, and as a scatter")
struct ConvolutionViewsTests {
    @Test("dx equals the convolution of the framed, zero-inserted dOut with the flipped kernel",
          arguments: goldenCases("conv2d.json", as: GoldenConvCase.self))
    func inputGradientAsConvolution(_ c: GoldenConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        let direct = try layer.inputGradientAsConvolution(c.dout.tensor)
        #expect(direct.geometry.stride == Pair(1))
        #expect(mismatch(direct.forward(), c.dx.tensor) == nil, "\(mismatch(direct.forward(), c.dx.tensor) ?? "")")
    }

    /// With zero padding on uneven sides (`"same"`, `pad`) `dx` is still one convolution; padding
    /// that copies cells folds its gradient back, which no convolution does, and is refused.
    @Test("padded layers: dx as a convolution with zero padding, refused for copying padding",
          arguments: goldenCases("conv2d_padding.json", as: GoldenPaddedConvCase.self))
    func paddedInputGradientAsConvolution(_ c: GoldenPaddedConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        guard c.options.paddingMode == .zeros else {
            #expect(throws: ConvError.foldedPaddingGradient(mode: c.options.paddingMode)) {
                try layer.inputGradientAsConvolution(c.dout.tensor)
            }
            return
        }
        let direct = try layer.inputGradientAsConvolution(c.dout.tensor)
        #expect(mismatch(direct.forward(), c.dx.tensor) == nil, "\(mismatch(direct.forward(), c.dx.tensor) ?? "")")
    }

    @Test("padded layers: the scatter sends what reaches a padding cell to the cell it copies",
          arguments: goldenCases("conv2d_padding.json", as: GoldenPaddedConvCase.self).prefix(45))
    func paddedScatter(_ c: GoldenPaddedConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        try expectScatterBuilds(layer, dOut: c.dout.tensor, dx: c.dx.tensor)
    }

    @Test("the transposed convolution equals its direct-convolution form",
          arguments: goldenCases("conv_transpose2d.json", as: GoldenConvCase.self))
    func transposedAsConvolution(_ c: GoldenConvCase) throws {
        let op = try #require(c.output_padding)
        let layer = try ConvTranspose2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options,
                                        outputPadding: Pair(op[0], op[1]))
        let direct = try layer.asConvolution()
        #expect(mismatch(direct.forward(), c.out.tensor) == nil, "\(mismatch(direct.forward(), c.out.tensor) ?? "")")
    }

    @Test("scattering every dOut cell builds dx, with exactly the terms of the dx traces",
          arguments: goldenCases("conv2d.json", as: GoldenConvCase.self).prefix(60))
    func scatter(_ c: GoldenConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        try expectScatterBuilds(layer, dOut: c.dout.tensor, dx: c.dx.tensor)
    }

    @Test("a worked scatter: stride 2 spreads each dOut cell over its own 2×2 block")
    func workedScatter() throws {
        let layer = try Conv2D(x: Tensor(shape: [1, 1, 4, 4]), w: Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4]),
                               options: Conv2DOptions(stride: Pair(2)))
        let steps = try layer.scatterInputGradient(Tensor(shape: [1, 1, 2, 2], data: [1, 10, 100, 1000]))
        #expect(steps[1].source.index == [0, 0, 0, 1])
        #expect(steps[1].contributions.map(\.target) == [[0, 0, 0, 2], [0, 0, 0, 3], [0, 0, 1, 2], [0, 0, 1, 3]])
        #expect(steps[1].partial.data == [1, 2, 10, 20, 3, 4, 30, 40, 0, 0, 0, 0, 0, 0, 0, 0])
    }
}

/// A multi-channel output cell as the sum over its input channels, plus the bias.
@Suite("Per-channel sums of a trace")
struct ChannelSumsTests {
    @Test("the channel sums plus the bias give the cell, on every golden multi-channel case",
          arguments: goldenCases("conv2d.json", as: GoldenConvCase.self).filter { $0.w.shape[1] > 1 })
    func channelSums(_ c: GoldenConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        let out = layer.forward()
        for offset in 0..<out.count {
            let trace = try layer.traceOutput(out.index(ofOffset: offset))
            let sums = trace.sums(groupedBy: { $0.factors[0].index[1] })
            #expect(sums.count == layer.geometry.channelsPerGroup)
            // Channels appear in order, each with KH·KW terms of its own.
            let first = layer.geometry.firstChannel(ofFilter: trace.index[1])
            #expect(sums.map(\.key) == Array(first..<first + layer.geometry.channelsPerGroup))
            let total = sums.map(\.sum).reduce(0, +) + (trace.bias?.value ?? 0)
            #expect(abs(total - trace.value) <= 1e-12 * max(1, abs(trace.value)))
        }
    }
}

/// Scattering every `dOut` cell builds `dx`, one step per cell, and every contribution is a term
/// of the gathered trace of the cell it lands on (through the same padding cell, if any).
private func expectScatterBuilds(_ layer: Conv2D, dOut: Tensor, dx: Tensor) throws {
    let steps = try layer.scatterInputGradient(dOut)
    #expect(steps.count == dOut.count)
    let last = try #require(steps.last)
    #expect(mismatch(last.partial, dx) == nil)
    let key = { (term: Term) in term.factors.map { "\($0.tensor)\($0.index)" }.joined(separator: "·") + "\(term.via?.cell ?? [])" }
    var scattered: [[Int]: [String]] = [:]
    for step in steps {
        for (target, term) in step.contributions {
            #expect(term.via == nil || term.via?.source == target)
            scattered[target, default: []].append(key(term))
        }
    }
    for offset in 0..<dx.count {
        let index = dx.index(ofOffset: offset)
        let gathered = try layer.traceGradient(.dx, at: index, dOut: dOut).terms.map(key)
        #expect((scattered[index] ?? []).sorted() == gathered.sorted(), "dx\(index)")
    }
}
