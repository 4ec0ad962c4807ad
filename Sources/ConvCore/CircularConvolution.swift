/// Circular convolution of length `L`, and the zero padding that turns it into the linear one.
///
///     (a ⊛_L v)[k] = Σ_{m<L} a[m] · v[(k − m) mod L],   k = 0 … L−1
///
/// with `a` and `v` zero-padded to `L` (`L ≥ max(M, N)`). It equals the linear (full) convolution
/// `y = a ∗ v` wrapped around: `(a ⊛_L v)[k] = Σ_r y[k + r·L]`. The `M + N − 1` values of `y`
/// fit without wrapping once `L ≥ M + N − 1`: then the circular result is `y` followed by zeros.
/// By the convolution theorem it is also `IDFT(DFT(a)·DFT(v))` with transforms of length `L`.
public enum CircularConvolution {
    /// The circular convolution by its definition: `L²` multiply-adds.
    public static func direct(_ a: [Double], _ v: [Double], length L: Int) throws(ConvError) -> [Double] {
        try check(a, v, length: L)
        let (aL, vL) = (a + Array(repeating: 0, count: L - a.count), v + Array(repeating: 0, count: L - v.count))
        return (0..<L).map { k in
            var total = Accumulator()
            for m in 0..<L { total.add(aL[m] * vL[((k - m) % L + L) % L]) }
            return total.value
        }
    }

    /// The circular convolution through the convolution theorem: the real part of
    /// `IDFT(DFT(a)·DFT(v))`, transforms of length `L` (the FFT when `L` is a power of two).
    public static func viaDFT(_ a: [Double], _ v: [Double], length L: Int) throws(ConvError) -> [Double] {
        try check(a, v, length: L)
        let (A, V) = (DFT.transform(DFT.padded(a, to: L)), DFT.transform(DFT.padded(v, to: L)))
        return DFT.transform(zip(A, V).map(*), inverse: true).map(\.re)
    }

    /// The linear convolution `y` wrapped onto `L` places: `Σ_r y[k + r·L]` for `k < L`.
    public static func wrapped(_ y: [Double], length L: Int) -> [Double] {
        var out = [Accumulator](repeating: Accumulator(), count: L)
        for (n, value) in y.enumerated() { out[n % L].add(value) }
        return out.map(\.value)
    }

    /// Both arrays non-empty and at most `L` long; `L` within the limits, its `L²` terms too.
    static func check(_ a: [Double], _ v: [Double], length L: Int) throws(ConvError) {
        guard !a.isEmpty else { throw .empty(field: "a") }
        guard !v.isEmpty else { throw .empty(field: "v") }
        try Limits.check(L, field: "length", minimum: max(a.count, v.count))
        _ = try Limits.checkElements([L], field: "length")
        _ = try Limits.product([L, L], field: "length", what: .multiplyAdds, limit: Limits.maxMultiplyAdds)
    }
}
