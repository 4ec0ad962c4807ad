/// Linear convolution through the convolution theorem, with NumPy's modes, and what it costs
/// against the direct sum.
///
///     a ∗ v = the first M+N−1 values of IFFT(FFT(a_L) · FFT(v_L))
///
/// where `a_L`, `v_L` are `a` (length M) and `v` (length N) zero-padded to `L`, the smallest
/// power of two `≥ M + N − 1`: with that much room the circular convolution of length `L` does
/// not wrap, so it equals the linear one. `same` and `valid` are cut from the full result as
/// `numpy.convolve` cuts them.
public enum FFTConvolution {
    /// Every stage of one convolution.
    public struct Result: Equatable, Sendable {
        /// The padded length `L`.
        public var length: Int
        /// `FFT(a_L)`, `FFT(v_L)` and their pointwise product.
        public var spectrumA: [Complex], spectrumV: [Complex], product: [Complex]
        /// The real part of `IFFT(product)`: the full convolution followed by `L − (M+N−1)` zeros,
        /// each up to rounding.
        public var inverse: [Double]
        /// The values `numpy.convolve(a, v, mode)` gives.
        public var out: [Double]
    }

    /// `numpy.convolve(a, v, mode)` computed with three FFTs of length `L`.
    public static func convolve(_ a: [Double], _ v: [Double], mode: Conv1D.Mode = .full) throws(ConvError) -> Result {
        guard !a.isEmpty else { throw .empty(field: "a") }
        guard !v.isEmpty else { throw .empty(field: "v") }
        let full = a.count + v.count - 1
        let L = DFT.powerOfTwo(atLeast: full)
        _ = try Limits.checkElements([L], field: "a")
        let spectrumA = DFT.fft(DFT.padded(a, to: L))
        let spectrumV = DFT.fft(DFT.padded(v, to: L))
        let product = zip(spectrumA, spectrumV).map(*)
        let inverse = DFT.fft(product, inverse: true).map(\.re)
        // NumPy's same and valid keep a window of the full result: it starts where the shorter
        // array's centre (same) or its last value (valid) meets the longer array's first.
        let n = min(a.count, v.count)
        let start = switch mode {
        case .full: 0
        case .same: (n - 1) - n / 2
        case .valid: n - 1
        }
        let count = Conv1D.outputLength(a.count, v.count, mode: mode)
        return Result(length: L, spectrumA: spectrumA, spectrumV: spectrumV, product: product, inverse: inverse,
                      out: Array(inverse[start..<start + count]))
    }

    /// Real multiplications of the full convolution of lengths `M` and `N`, directly and by FFT.
    ///
    /// The cost model counts real multiplications, a complex one being four:
    /// - direct: every `a[i]·v[j]` once, `M·N`;
    /// - FFT: `L` = the smallest power of two `≥ M + N − 1`; three transforms (two forward, one
    ///   inverse) of `(L/2)·log₂L` butterflies, each one complex multiplication by its twiddle
    ///   (trivial twiddles counted too), and `L` complex products of the spectra:
    ///   `3·(L/2)·log₂L·4 + 4·L = 6·L·log₂L + 4·L`.
    ///
    /// Additions, the `1/L` scaling and the savings of real-input transforms (about half) are left
    /// out: the model shows the growth, `O(M·N)` against `O(L log L)`, and where they cross.
    public struct Cost: Equatable, Sendable {
        public var m: Int, n: Int
        /// The padded length `L`.
        public var length: Int
        /// `log₂L`.
        public var stages: Int
        /// `M·N`.
        public var direct: Int
        /// Butterflies of one transform, `(L/2)·log₂L`.
        public var butterflies: Int
        /// `6·L·log₂L + 4·L`.
        public var fft: Int

        /// The cost of convolving lengths `m` and `n` (each at least 1).
        public init(_ m: Int, _ n: Int) throws(ConvError) {
            try Limits.check(m, field: "a", minimum: 1)
            try Limits.check(n, field: "v", minimum: 1)
            self.m = m
            self.n = n
            length = DFT.powerOfTwo(atLeast: m + n - 1)
            stages = length.trailingZeroBitCount
            direct = m * n
            butterflies = length / 2 * stages
            fft = 6 * length * stages + 4 * length
        }
    }

    /// The shortest kernel, `N ≤ M`, whose convolution with a signal of length `M` costs fewer
    /// multiplications by FFT than directly; `nil` when the direct sum is never dearer up to `M`.
    public static func crossover(signalLength m: Int) throws(ConvError) -> Int? {
        try Limits.check(m, field: "a", minimum: 1)
        for n in 1...m {
            let cost = try Cost(m, n)
            if cost.fft < cost.direct { return n }
        }
        return nil
    }
}
