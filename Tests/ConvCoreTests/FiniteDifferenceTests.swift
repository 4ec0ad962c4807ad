import ConvCore
import Testing
import TestSupport

/// Every backward pass against central finite differences of its own forward pass.
///
/// With an upstream gradient `dOut`, the loss `L(t) = Σ forward(t) · dOut` has gradient
/// `backward(dOut)` with respect to each input `t` (x, w or b); `NumericGradient.of(_:at:dOut:)`
/// measures it by evaluating `L` only. Each forward is linear in the input being varied (max pooling
/// piecewise linear, and no window changes its winner for distinct values), so a central difference
/// is exact up to rounding. The step `1e-3` keeps that rounding small: about
/// `ε·Σ|terms| / 2h ≈ 1e-16·10 / 2e-3 ≈ 1e-12` absolute on gradients of order 0.1–1, far below
/// the tolerance `1e-8` on CS231n's relative error (whose own "looks right" mark is `1e-7`).
/// A wrong gradient (a flipped kernel, a missed window) gives an error of order 1.
@Suite("Backward passes against central finite differences")
struct FiniteDifferenceTests {
    static let step = 1e-3
    static let tolerance = 1e-8

    /// Hand-picked cases (both conventions) and seeded random ones.
    static let convolutions = Sweep.chosenConvolutions + Sweep.convolutions(seed: 0xF1D1, count: 16)
        + Sweep.chosenPadded + Sweep.paddedConvolutions(seed: 0xF1D4, count: 16)
    static let transposed = Sweep.chosenTransposed + Sweep.transposed(seed: 0xF1D2, count: 6)
    static let pools = Sweep.chosenPools + Sweep.pools(seed: 0xF1D3, count: 6) + Sweep.chosenPoolOptions
        + Sweep.poolOptions(seed: 0xF1D4, count: 12)

    @Test("Conv2D dx, dw and db", arguments: convolutions)
    func conv2d(_ c: ConvCase) throws {
        let (layer, dOut) = try c.make()
        let (x, w, options) = (layer.x, layer.w, c.options)
        let b = layer.b ?? Tensor(shape: [layer.geometry.filters], repeating: 0.5)
        let outShape = layer.geometry.outShape
        let g = try layer.backward(dOut)

        let dx = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in try Conv2D(x: t, w: w, b: b, options: options).forward() }
        }, at: x, dOut: dOut, step: Self.step)
        let dw = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in try Conv2D(x: x, w: t, b: b, options: options).forward() }
        }, at: w, dOut: dOut, step: Self.step)
        let db = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in try Conv2D(x: x, w: w, b: t, options: options).forward() }
        }, at: b, dOut: dOut, step: Self.step)

        expectClose(g.dx, dx, "dx")
        expectClose(g.dw, dw, "dw")
        expectClose(g.db, db, "db")
    }

    @Test("ConvTranspose2D dx, dw and db", arguments: transposed)
    func convTranspose2d(_ c: TransposedCase) throws {
        let (layer, dOut) = try c.make()
        let (x, w, options, op) = (layer.x, layer.w, c.options, c.outputPadding)
        let b = layer.b ?? Tensor(shape: [layer.geometry.inChannels], repeating: 0.5)
        let outShape = layer.geometry.xShape
        let g = try layer.backward(dOut)

        let dx = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in
                try ConvTranspose2D(x: t, w: w, b: b, options: options, outputPadding: op).forward()
            }
        }, at: x, dOut: dOut, step: Self.step)
        let dw = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in
                try ConvTranspose2D(x: x, w: t, b: b, options: options, outputPadding: op).forward()
            }
        }, at: w, dOut: dOut, step: Self.step)
        let db = NumericGradient.of({ t in
            orNaN(outShape) { () throws(ConvError) in
                try ConvTranspose2D(x: x, w: w, b: t, options: options, outputPadding: op).forward()
            }
        }, at: b, dOut: dOut, step: Self.step)

        expectClose(g.dx, dx, "dx")
        expectClose(g.dw, dw, "dw")
        expectClose(g.db, db, "db")
    }

    /// Average pooling always; max pooling on distinct values only, at least `1/count` apart, so
    /// the step never changes a window's maximum (at a tie max pooling is not differentiable).
    @Test("pooling dx, every option and adaptive windows (max on distinct values)", arguments: pools)
    func pool2d(_ c: PoolCase) throws {
        let (layer, dOut) = try c.make()
        let x = layer.x
        let count = x.count
        try #require(Self.step < 0.5 / Double(count), "step too large for the spacing of distinct values")
        let dx = try layer.backward(dOut)
        let numeric = NumericGradient.of({ t in
            orNaN(layer.outShape) { () throws(ConvError) in
                try c.layer(x: t).forward()
            }
        }, at: x, dOut: dOut, step: Self.step)
        expectClose(dx, numeric, "dx")
    }

    /// The check is not vacuous: the gradient of the other convention (a flipped kernel) fails it.
    @Test("a wrong gradient fails the check")
    func wrongGradientIsCaught() throws {
        let c = Sweep.chosenConvolutions[2]  // rectangular input and kernel, stride 2×1, padding 1×0
        let (layer, dOut) = try c.make()
        let (wrong, _) = try c.flipped.make()
        let (w, b, options) = (layer.w, layer.b, c.options)
        let numeric = NumericGradient.of({ t in
            orNaN(layer.geometry.outShape) { () throws(ConvError) in
                try Conv2D(x: t, w: w, b: b, options: options).forward()
            }
        }, at: layer.x, dOut: dOut, step: Self.step)
        #expect(NumericGradient.relativeError(try layer.backward(dOut).dx, numeric) < Self.tolerance)
        #expect(NumericGradient.relativeError(try wrong.backward(dOut).dx, numeric) > 1e-2)
    }

    /// The sweeps really contain what the suite claims to check.
    @Test("the sweeps cover every feature")
    func coverage() {
        let convs = Self.convolutions
        #expect(convs.contains { $0.options.convention == .convolution })
        #expect(convs.contains { $0.options.convention == .crossCorrelation })
        #expect(convs.contains { $0.xShape[0] == 2 })
        #expect(convs.contains { $0.options.groups > 1 && $0.wShape[1] > 1 })
        #expect(convs.contains { $0.options.groups == $0.xShape[1] && $0.wShape[1] == 1 })  // depthwise
        #expect(convs.contains { $0.wShape[2] != $0.wShape[3] && $0.xShape[2] != $0.xShape[3] })
        #expect(convs.contains { $0.options.stride.h > 1 && $0.options.padding.h > 0 })
        #expect(convs.contains { $0.options.dilation.h > 1 || $0.options.dilation.w > 1 })
        #expect(convs.count >= 30)
        let transposed = Self.transposed
        #expect(transposed.contains { $0.outputPadding.h > 0 || $0.outputPadding.w > 0 })
        #expect(transposed.contains {
            $0.options.dilation.h > $0.options.stride.h && $0.outputPadding.h > 0
        })
        #expect(transposed.contains { $0.options.groups > 1 })
        let pools = Self.pools
        #expect(pools.contains { $0.kind == .max && ($0.options?.padding.h ?? 0) > 0 })
        #expect(pools.contains { $0.kind == .average && ($0.options?.padding.h ?? 0) > 0 })
        #expect(pools.contains { $0.kind == .average && $0.options?.ceilMode == true && $0.options?.countIncludePad == false })
        #expect(pools.contains { $0.kind == .average && $0.options?.ceilMode == true && ($0.options?.padding.h ?? 0) > 0 })
        #expect(pools.contains { $0.options?.divisorOverride != nil })
        #expect(pools.contains { $0.kind == .max && ($0.options?.dilation.h ?? 1) > 1 && $0.options?.ceilMode == true })
        for kind in Pool2D.Kind.allCases {
            #expect(pools.contains { if case .adaptive = $0.windows { $0.kind == kind } else { false } })
        }
    }

    /// `NumericGradient.relativeError` must not report a NaN element (a broken forward) as agreement:
    /// the largest error of a comparison that contains NaN is not a small number.
    @Test("relativeError does not hide NaN")
    func relativeErrorSeesNaN() {
        let exact = Tensor([1, 2, 3])
        let broken = Tensor([1, .nan, 3])
        #expect(!(NumericGradient.relativeError(exact, broken) < 1))
        #expect(!(NumericGradient.relativeError(broken, exact) < 1))
    }

    // MARK: Helpers

    private func expectClose(
        _ analytic: Tensor, _ numeric: Tensor, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let relative = NumericGradient.relativeError(analytic, numeric)
        #expect(numeric.data.allSatisfy { $0.isFinite }, "\(name): the forward pass failed",
                sourceLocation: sourceLocation)
        #expect(relative < Self.tolerance, "\(name): relative error \(relative)", sourceLocation: sourceLocation)
    }
}

/// `body()`, or a tensor of NaN if it throws (it cannot: the shapes are those of a valid layer).
private func orNaN(_ shape: [Int], _ body: () throws(ConvError) -> Tensor) -> Tensor {
    (try? body()) ?? Tensor(shape: shape, repeating: .nan)
}
