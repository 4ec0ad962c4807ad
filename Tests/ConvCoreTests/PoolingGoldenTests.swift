import ConvCore
import Testing
import TestSupport

/// Pooling's options and adaptive pooling against `Golden/make_golden_pool.py` (numpy: framed
/// sliding windows with divisor masks, membership matrices), 1e-9 relative.
@Suite("Golden vectors for pooling's options and adaptive pooling")
struct PoolingGoldenTests {
    @Test("max and average pooling with ceil_mode, dilation, count_include_pad, divisor_override",
          arguments: goldenCases("pool2d_options.json", as: GoldenPoolCase.self))
    func options(_ c: GoldenPoolCase) throws {
        let kind = try #require(Pool2D.Kind(rawValue: c.kind))
        let layer = try Pool2D(kind, x: c.x.tensor, kernel: c.kernelPair, options: c.options)
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let dx = try layer.backward(c.dout.tensor)
        #expect(mismatch(dx, c.dx.tensor) == nil, "dx \(mismatch(dx, c.dx.tensor) ?? "")")
    }

    @Test("adaptive max and average pooling forward and backward",
          arguments: goldenCases("adaptive_pool2d.json", as: GoldenAdaptivePoolCase.self))
    func adaptive(_ c: GoldenAdaptivePoolCase) throws {
        let kind = try #require(Pool2D.Kind(rawValue: c.kind))
        let layer = try AdaptivePool2D(kind, x: c.x.tensor, outputSize: c.outputSize)
        let out = layer.forward()
        #expect(mismatch(out, c.out.tensor) == nil, "out \(mismatch(out, c.out.tensor) ?? "")")
        let dx = try layer.backward(c.dout.tensor)
        #expect(mismatch(dx, c.dx.tensor) == nil, "dx \(mismatch(dx, c.dx.tensor) ?? "")")
    }
}
