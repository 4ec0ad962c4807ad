/// One cell of a gradient checked by hand, with every number of the check: the loss
/// `L = Σ dOut ⊙ out` with the cell's variable moved up and down by `h`, their centred difference,
/// the backward pass's value, and how far apart the two are.
///
///     numeric        = (L(v + h) − L(v − h)) / 2h
///     relative error = |analytic − numeric| / max(|analytic|, |numeric|)   (0 when both are 0)
///
/// The relative error is the one CS231n's notes on gradient checking use: below about 1e-7 the
/// gradient is right; with `L` linear in each variable the centred difference is exact up to
/// rounding, so a wrong backward pass shows as an error near 1.
public struct GradientProbe: Equatable, Sendable {
    /// The gradient's name and the cell's index in it: `dx[0,0,1,2]` is about `x[0,0,1,2]`.
    public var tensor: TensorName
    public var index: [Int]
    /// The step `h`.
    public var step: Double
    /// `L(v + h)` and `L(v − h)`.
    public var lossPlus: Double
    public var lossMinus: Double
    /// The backward pass's value of the cell.
    public var analytic: Double

    public init(tensor: TensorName, index: [Int], step: Double, lossPlus: Double, lossMinus: Double, analytic: Double) {
        self.tensor = tensor
        self.index = index
        self.step = step
        self.lossPlus = lossPlus
        self.lossMinus = lossMinus
        self.analytic = analytic
    }

    /// `(L⁺ − L⁻) / 2h`.
    public var numeric: Double { NumericGradient.centred(lossPlus, lossMinus, step: step) }

    /// `|a − n| / max(|a|, |n|)`, 0 when both are 0 (NaN stays NaN).
    public var relativeError: Double {
        let scale = max(abs(analytic), abs(numeric))
        return scale == 0 ? abs(analytic - numeric) : abs(analytic - numeric) / scale
    }

    /// True when the relative error is below `GradientCheck.tolerance` (never with a NaN).
    public var passes: Bool { relativeError < GradientCheck.tolerance }
}

extension Conv2D {
    /// Every cell of `dx`, then `dw`, then `db` (row-major within each), probed by central
    /// differences of `L = Σ dOut ⊙ out` against `backward(dOut)`; two forward passes a cell, so
    /// the whole check may do at most `Limits.maxMultiplyAdds` multiply-adds (field `check`).
    public func gradientProbes(_ dOut: Tensor, step h: Double = 1e-5) throws(ConvError) -> [GradientProbe] {
        let analytic = try backward(dOut)
        let g = geometry
        _ = try Limits.product(
            [2, x.count + w.count + g.filters, g.batch, g.filters, g.output.h, g.output.w, g.channelsPerGroup,
             g.kernel.h, g.kernel.w], field: "check", what: .multiplyAdds, limit: Limits.maxMultiplyAdds)
        var probes: [GradientProbe] = []
        for gradient in Gradient.allCases {
            let loss = loss(varying: gradient, dOut: dOut)
            var probe = variable(gradient)
            for k in probe.data.indices {
                let (plus, minus) = NumericGradient.losses(loss, probe: &probe, offset: k, step: h)
                probes.append(GradientProbe(tensor: gradient.tensor, index: probe.index(ofOffset: k), step: h,
                                            lossPlus: plus, lossMinus: minus, analytic: analytic[gradient].data[k]))
            }
        }
        return probes
    }

    /// One cell of `dx`, `dw` or `db` probed as `gradientProbes` does, its analytic value from
    /// the cell's trace.
    public func gradientProbe(
        _ gradient: Gradient, at index: [Int], dOut: Tensor, step h: Double = 1e-5
    ) throws(ConvError) -> GradientProbe {
        let analytic = try traceGradient(gradient, at: index, dOut: dOut).value
        var probe = variable(gradient)
        let (plus, minus) = NumericGradient.losses(loss(varying: gradient, dOut: dOut), probe: &probe,
                                                   offset: probe.offset(index), step: h)
        return GradientProbe(tensor: gradient.tensor, index: index, step: h, lossPlus: plus, lossMinus: minus, analytic: analytic)
    }
}
