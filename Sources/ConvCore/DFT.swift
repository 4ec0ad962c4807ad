import Foundation

/// The discrete Fourier transform of length `L`, by its definition and by the radix-2 fast
/// Fourier transform.
///
///     forward:  X[k] = Σ_{n<L} x[n] · e^{−2πi·kn/L}
///     inverse:  x[n] = (1/L) · Σ_{k<L} X[k] · e^{+2πi·kn/L}
///
/// The definition takes `L²` complex multiply-adds; the FFT (Cooley–Tukey, decimation in time)
/// takes `log₂L` stages of `L/2` butterflies, one complex multiplication each, so
/// `(L/2)·log₂L` complex multiplications for `L` a power of two.
public enum DFT {
    /// The transform by its definition, for any length.
    public static func definition(_ x: [Complex], inverse: Bool = false) -> [Complex] {
        let L = x.count
        let sign = inverse ? 1.0 : -1.0
        return (0..<L).map { k in
            var sum = Complex(0)
            for n in 0..<L {
                // k·n mod L keeps the angle small, so the twiddle is as accurate as cos and sin.
                let turns = Double((k * n) % L) / Double(L)
                let angle: Double = sign * 2 * Double.pi * turns
                let term: Complex = x[n] * Complex.unit(angle: angle)
                sum = sum + term
            }
            return inverse ? sum / Double(L) : sum
        }
    }

    /// The radix-2 FFT; `x.count` must be a power of two.
    public static func fft(_ x: [Complex], inverse: Bool = false) -> [Complex] {
        let L = x.count
        precondition(isPowerOfTwo(L), "fft needs a power-of-two length, got \(L)")
        let bits = L.trailingZeroBitCount
        // Bit-reversed order, so each stage combines neighbouring halves in place.
        var y = x
        for i in 0..<L {
            var j = 0
            for bit in 0..<bits where i & (1 << bit) != 0 { j |= 1 << (bits - 1 - bit) }
            if j > i { y.swapAt(i, j) }
        }
        let sign = inverse ? 1.0 : -1.0
        var half = 1
        while half < L {
            let span = 2 * half
            for k in 0..<half {
                // The twiddle e^{∓2πi·k/span}, computed directly rather than by repeated products.
                let w = Complex.unit(angle: sign * 2 * .pi * Double(k) / Double(span))
                for start in stride(from: 0, to: L, by: span) {
                    let top = y[start + k]
                    let bottom = w * y[start + k + half]
                    y[start + k] = top + bottom
                    y[start + k + half] = top - bottom
                }
            }
            half = span
        }
        return inverse ? y.map { $0 / Double(L) } : y
    }

    /// The FFT when the length is a power of two, the definition otherwise.
    public static func transform(_ x: [Complex], inverse: Bool = false) -> [Complex] {
        isPowerOfTwo(x.count) ? fft(x, inverse: inverse) : definition(x, inverse: inverse)
    }

    public static func isPowerOfTwo(_ n: Int) -> Bool {
        n > 0 && n & (n - 1) == 0
    }

    /// The smallest power of two `≥ n` (1 for `n ≤ 1`).
    public static func powerOfTwo(atLeast n: Int) -> Int {
        var L = 1
        while L < n { L *= 2 }
        return L
    }

    /// `x` zero-padded to length `L` as complex numbers (`x.count ≤ L`).
    static func padded(_ x: [Double], to L: Int) -> [Complex] {
        x.map { Complex($0) } + Array(repeating: Complex(0), count: L - x.count)
    }
}
