/// Central finite differences: the gradient a learner can trust because it only evaluates the
/// function, `∂L/∂x[k] ≈ (L(x + h·e_k) − L(x − h·e_k)) / 2h`, with error `O(h²)`.
public enum NumericGradient {
    /// `∂L/∂x` for a scalar function `L`, one pair of evaluations per element of `x`.
    public static func of(_ loss: (Tensor) -> Double, at x: Tensor, step h: Double = 1e-5) -> Tensor {
        var gradient = Tensor(shape: x.shape)
        var probe = x
        for k in x.data.indices {
            let (plus, minus) = losses(loss, probe: &probe, offset: k, step: h)
            gradient.data[k] = centred(plus, minus, step: h)
        }
        return gradient
    }

    /// The gradient of `L = Σ f(x) · dOut` (the chain rule's upstream gradient `dOut`), which is
    /// what a backward pass given `dOut` must return.
    public static func of(
        _ f: (Tensor) -> Tensor, at x: Tensor, dOut: Tensor, step h: Double = 1e-5
    ) -> Tensor {
        withoutActuallyEscaping(f) { of(loss($0, dOut: dOut), at: x, step: h) }
    }

    /// `L(t) = Σ f(t) ⊙ dOut`, the scalar whose gradient a backward pass given `dOut` computes.
    public static func loss(_ f: @escaping (Tensor) -> Tensor, dOut: Tensor) -> (Tensor) -> Double {
        { probe in
            var total = Accumulator()
            for (y, d) in zip(f(probe).data, dOut.data) { total.add(y * d) }
            return total.value
        }
    }

    /// `L` with element `k` of `probe` moved up by `h`, then down by `h`; `probe` is restored.
    public static func losses(
        _ loss: (Tensor) -> Double, probe: inout Tensor, offset k: Int, step h: Double
    ) -> (plus: Double, minus: Double) {
        let value = probe.data[k]
        probe.data[k] = value + h
        let plus = loss(probe)
        probe.data[k] = value - h
        let minus = loss(probe)
        probe.data[k] = value
        return (plus, minus)
    }

    /// The centred difference `(L⁺ − L⁻) / 2h`.
    public static func centred(_ plus: Double, _ minus: Double, step h: Double) -> Double {
        (plus - minus) / (2 * h)
    }

    /// The largest element-wise relative error `|a − b| / max(10⁻⁸, |a| + |b|)`, as CS231n's
    /// `rel_error` reports it: around 10⁻⁷ or below means the analytic gradient is right.
    /// NaN anywhere makes the result NaN, so a broken gradient can never look correct.
    public static func relativeError(_ a: Tensor, _ b: Tensor) -> Double {
        precondition(a.shape == b.shape, "shapes differ: \(a.shape) and \(b.shape)")
        return a.data.indices.map { relativeError(a.data[$0], b.data[$0]) }.reduce(0) { worse($1, than: $0) ? $1 : $0 }
    }

    /// One element's relative error.
    static func relativeError(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(1e-8, abs(a) + abs(b))
    }

    /// Orders errors with NaN as the worst of all.
    static func worse(_ e: Double, than f: Double) -> Bool {
        e.isNaN ? !f.isNaN : e > f
    }
}

/// An analytic gradient set beside its numeric estimate, as a lesson shows a gradient check:
/// `dx: max relative error 2.1e-11 at dx[0,0,1,2] (analytic 0.25, numeric 0.25) ✓`.
public struct GradientCheck: Equatable, Sendable {
    /// The gradient's name, e.g. `dx`.
    public var name: TensorName
    public var analytic: Tensor
    public var numeric: Tensor

    /// The threshold under which CS231n calls a gradient correct.
    public static let tolerance = 1e-7

    public init(name: TensorName, analytic: Tensor, numeric: Tensor) {
        precondition(analytic.shape == numeric.shape, "shapes differ: \(analytic.shape) and \(numeric.shape)")
        self.name = name
        self.analytic = analytic
        self.numeric = numeric
    }

    /// The largest element-wise relative error (see `NumericGradient.relativeError`).
    public var relativeError: Double { NumericGradient.relativeError(analytic, numeric) }

    /// The offset of the element with the largest relative error (a NaN one first).
    public var worstOffset: Int {
        analytic.data.indices.reduce(0) { worst, k in
            NumericGradient.worse(error(at: k), than: error(at: worst)) ? k : worst
        }
    }

    /// True when the largest relative error is below `tolerance` (never with a NaN).
    public var passes: Bool { relativeError < Self.tolerance }

    private func error(at k: Int) -> Double {
        NumericGradient.relativeError(analytic.data[k], numeric.data[k])
    }

    /// One line for a lesson or the terminal.
    public var summary: String {
        let k = worstOffset
        return "\(name.rawValue): max relative error \(Text.scientific(relativeError)) at \(Text.cell(name, analytic.index(ofOffset: k))) "
            + "(analytic \(Text.number(analytic.data[k])), numeric \(Text.number(numeric.data[k]))) "
            + (passes ? "✓" : "✗")
    }
}

extension Conv2D {
    /// `dx`, `dw` and `db` estimated by central differences of `L = Σ out · dOut`, one pair of
    /// forward passes per element: slow, and independent of `backward`.
    public func numericGradients(_ dOut: Tensor, step h: Double = 1e-5) throws(ConvError) -> Gradients {
        try Self.checkShape(dOut, geometry.outShape, field: "dout", because: .outputShape)
        let estimate = { (gradient: Gradient) in
            NumericGradient.of(loss(varying: gradient, dOut: dOut), at: variable(gradient), step: h)
        }
        return Gradients(dx: estimate(.dx), dw: estimate(.dw), db: estimate(.db))
    }

    /// The tensor a gradient is of: `x`, `w`, or `b` (zeros for a layer without bias).
    func variable(_ gradient: Gradient) -> Tensor {
        switch gradient {
        case .dx: x
        case .dw: w
        case .db: b ?? Tensor(shape: [geometry.filters])
        }
    }

    /// `L = Σ out ⊙ dOut` as a function of the tensor whose gradient `gradient` is (`x`, `w`, or
    /// `b`, which is zeros for a layer without bias), the others held. Each evaluation re-runs the
    /// forward loops with the shapes, and so the validated geometry, unchanged.
    func loss(varying gradient: Gradient, dOut: Tensor) -> (Tensor) -> Double {
        let (x, w, b, g) = (x, w, b, geometry)
        let forward: (Tensor) -> Tensor = switch gradient {
        case .dx: { Self.correlate($0, w, b, g) }
        case .dw: { Self.correlate(x, $0, b, g) }
        case .db: { Self.correlate(x, w, $0, g) }
        }
        return NumericGradient.loss(forward, dOut: dOut)
    }

    /// The three checks of `backward` against `numericGradients`.
    public func gradientCheck(_ dOut: Tensor, step h: Double = 1e-5) throws(ConvError) -> [GradientCheck] {
        let analytic = try backward(dOut)
        let numeric = try numericGradients(dOut, step: h)
        return [
            GradientCheck(name: .dx, analytic: analytic.dx, numeric: numeric.dx),
            GradientCheck(name: .dw, analytic: analytic.dw, numeric: numeric.dw),
            GradientCheck(name: .db, analytic: analytic.db, numeric: numeric.db),
        ]
    }
}
