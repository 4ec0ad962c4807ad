import Foundation

/// A complex number `re + im·i`, the values of a discrete Fourier transform.
public struct Complex: Equatable, Sendable {
    public var re: Double
    public var im: Double

    public init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    /// `e^{iθ} = cos θ + i·sin θ`.
    public static func unit(angle: Double) -> Complex {
        Complex(cos(angle), sin(angle))
    }

    public static func + (p: Complex, q: Complex) -> Complex {
        Complex(p.re + q.re, p.im + q.im)
    }

    public static func - (p: Complex, q: Complex) -> Complex {
        Complex(p.re - q.re, p.im - q.im)
    }

    /// `(a + bi)(c + di) = (ac − bd) + (ad + bc)i`: four real multiplications.
    public static func * (p: Complex, q: Complex) -> Complex {
        Complex(p.re * q.re - p.im * q.im, p.re * q.im + p.im * q.re)
    }

    /// `p` divided by a real number.
    public static func / (p: Complex, d: Double) -> Complex {
        Complex(p.re / d, p.im / d)
    }
}
