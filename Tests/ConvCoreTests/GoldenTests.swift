import ConvCore
import Testing
import TestSupport

/// The compute core against vectors computed by `Golden/make_golden.py` with numpy and scipy
/// (independent formulations: full convolutions, zero insertion, sliding windows), 1e-9 relative.
@Suite("Golden vectors from numpy/scipy")
struct GoldenTests {
    @Test("numpy.convolve and numpy.correlate, every mode", arguments: goldenCases("conv1d.json", as: GoldenConv1DCase.self))
    func conv1d(_ c: GoldenConv1DCase) throws {
        let mode = try #require(Conv1D.Mode(rawValue: c.mode))
        let out = c.op == "convolve"
            ? try Conv1D.convolve(c.a, c.v, mode: mode)
            : try Conv1D.correlate(c.a, c.v, mode: mode)
        #expect(mismatch(out, c.out) == nil, "\(mismatch(out, c.out) ?? "")")
    }

    @Test("conv2d forward and backward", arguments: goldenCases("conv2d.json", as: GoldenConvCase.self))
    func conv2d(_ c: GoldenConvCase) throws {
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let g = try layer.backward(c.dout.tensor)
        #expect(mismatch(g.dx, c.dx.tensor) == nil, "dx \(mismatch(g.dx, c.dx.tensor) ?? "")")
        #expect(mismatch(g.dw, c.dw.tensor) == nil, "dw \(mismatch(g.dw, c.dw.tensor) ?? "")")
        #expect(mismatch(g.db.data, c.db) == nil, "db \(mismatch(g.db.data, c.db) ?? "")")
    }

    @Test("conv2d with padding modes, \"same\", \"valid\" and explicit sides, forward and backward",
          arguments: goldenCases("conv2d_padding.json", as: GoldenPaddedConvCase.self))
    func conv2dPadding(_ c: GoldenPaddedConvCase) throws {
        #expect(PaddingMode(rawValue: c.padding_mode) != nil)
        let layer = try Conv2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options)
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let g = try layer.backward(c.dout.tensor)
        #expect(mismatch(g.dx, c.dx.tensor) == nil, "dx \(mismatch(g.dx, c.dx.tensor) ?? "")")
        #expect(mismatch(g.dw, c.dw.tensor) == nil, "dw \(mismatch(g.dw, c.dw.tensor) ?? "")")
        #expect(mismatch(g.db.data, c.db) == nil, "db \(mismatch(g.db.data, c.db) ?? "")")
    }

    @Test("conv_transpose2d forward and backward", arguments: goldenCases("conv_transpose2d.json", as: GoldenConvCase.self))
    func convTranspose2d(_ c: GoldenConvCase) throws {
        let op = try #require(c.output_padding)
        let layer = try ConvTranspose2D(x: c.x.tensor, w: c.w.tensor, b: c.bias, options: c.options,
                                        outputPadding: Pair(op[0], op[1]))
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let g = try layer.backward(c.dout.tensor)
        #expect(mismatch(g.dx, c.dx.tensor) == nil, "dx \(mismatch(g.dx, c.dx.tensor) ?? "")")
        #expect(mismatch(g.dw, c.dw.tensor) == nil, "dw \(mismatch(g.dw, c.dw.tensor) ?? "")")
        #expect(mismatch(g.db.data, c.db) == nil, "db \(mismatch(g.db.data, c.db) ?? "")")
    }

    @Test("max and average pooling forward and backward", arguments: goldenCases("pool2d.json", as: GoldenPoolCase.self))
    func pool2d(_ c: GoldenPoolCase) throws {
        let kind = try #require(Pool2D.Kind(rawValue: c.kind))
        let layer = try Pool2D(kind, x: c.x.tensor, kernel: Pair(c.kernel[0], c.kernel[1]),
                               stride: Pair(c.stride[0], c.stride[1]), padding: Pair(c.padding[0], c.padding[1]))
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let dx = try layer.backward(c.dout.tensor)
        #expect(mismatch(dx, c.dx.tensor) == nil, "dx \(mismatch(dx, c.dx.tensor) ?? "")")
    }
}
