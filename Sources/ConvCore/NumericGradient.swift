/// Central finite differences: the gradient a learner can trust because it only evaluates the
/// function, `∂L/∂x[k] ≈ (L(x + h·e_k) − L(x − h·e_k)) / 2h`, with error `O(h²)`.
public enum NumericGradient {
    /// `∂L/∂x` for a scalar function `L`, one pair of evaluations per element of `x`.
    public static func of(_ loss: (Tensor) -> Double, at x: Tensor, step h: Double = 1e-5) -> Tensor {
        var gradient = Tensor(shape: x.shape)
        var probe = x
        for k in x.data.indices {
            probe.data[k] = x.data[k] + h
            let plus = loss(probe)
            probe.data[k] = x.data[k] - h
            let minus = loss(probe)
            probe.data[k] = x.data[k]
            gradient.data[k] = (plus - minus) / (2 * h)
        }
        return gradient
    }

    /// The gradient of `L = Σ f(x) · dOut` (the chain rule's upstream gradient `dOut`), which is
    /// what a backward pass given `dOut` must return.
    public static func of(
        _ f: (Tensor) -> Tensor, at x: Tensor, dOut: Tensor, step h: Double = 1e-5
    ) -> Tensor {
        of({ probe in
            var total = Accumulator()
            for (y, d) in zip(f(probe).data, dOut.data) { total.add(y * d) }
            return total.value
        }, at: x, step: h)
    }

    /// The largest element-wise relative error `|a − b| / max(10⁻⁸, |a| + |b|)`, as CS231n's
    /// `rel_error` reports it: around 10⁻⁷ or below means the analytic gradient is right.
    public static func relativeError(_ a: Tensor, _ b: Tensor) -> Double {
        precondition(a.shape == b.shape, "shapes differ: \(a.shape) and \(b.shape)")
        return zip(a.data, b.data).map { abs($0 - $1) / max(1e-8, abs($0) + abs($1)) }.max() ?? 0
    }
}
