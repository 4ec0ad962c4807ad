import ConvCore
import Testing
import TestSupport

/// One case of `fft_convolution.json`: numpy's convolutions, spectra and circular convolutions.
struct FFTCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let a: [Double], v: [Double]
    let length: Int
    let spectrum_a: [[Double]], spectrum_v: [[Double]]
    let circular_length: Int
    let circular: [Double]
    let full: [Double], same: [Double], valid: [Double]
    var description: String { name }
}

/// One case of `fft_cost.json`: the cost model counted on a recursive FFT, or a crossover.
struct FFTCostCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let m: Int
    let n: Int?
    let length: Int?, direct: Int?, fft: Int?, butterflies: Int?
    let crossover: Int?
    var description: String { name }
}

/// The FFT, circular and linear convolution through the convolution theorem, and the cost model,
/// against numpy (`Golden/make_fast_golden.py`) and against the definitions they stand for.
@Suite("FFT and circular convolution")
struct FFTConvolutionTests {
    static func complex(_ pairs: [[Double]]) -> [Complex] {
        pairs.map { Complex($0[0], $0[1]) }
    }

    static func mismatch(_ p: [Complex], _ q: [Complex], tolerance: Double) -> String? {
        guard p.count == q.count else { return "\(p.count) values, expected \(q.count)" }
        for k in p.indices where abs(p[k].re - q[k].re) > tolerance || abs(p[k].im - q[k].im) > tolerance {
            return "at \(k): \(p[k]), expected \(q[k])"
        }
        return nil
    }

    @Test("numpy.convolve in every mode, numpy.fft.fft's spectra, and the padded length", arguments: goldenCases("fft_convolution.json", as: FFTCase.self))
    func golden(_ c: FFTCase) throws {
        for (mode, expected) in [(Conv1D.Mode.full, c.full), (.same, c.same), (.valid, c.valid)] {
            let result = try FFTConvolution.convolve(c.a, c.v, mode: mode)
            #expect(result.length == c.length)
            let worst = zip(result.out, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(result.out.count == expected.count && worst < 1e-12, "\(mode): \(result.out) vs \(expected)")
        }
        let result = try FFTConvolution.convolve(c.a, c.v)
        #expect(Self.mismatch(result.spectrumA, Self.complex(c.spectrum_a), tolerance: 1e-12) == nil)
        #expect(Self.mismatch(result.spectrumV, Self.complex(c.spectrum_v), tolerance: 1e-12) == nil)
        // Beyond the M+N−1 values the circular result of length L is zero: nothing wrapped.
        #expect(result.inverse.dropFirst(c.a.count + c.v.count - 1).allSatisfy { abs($0) < 1e-12 })
    }

    @Test("circular convolution, directly and through the DFT, is numpy's ifft(fft·fft)", arguments: goldenCases("fft_convolution.json", as: FFTCase.self))
    func circular(_ c: FFTCase) throws {
        let direct = try CircularConvolution.direct(c.a, c.v, length: c.circular_length)
        let viaDFT = try CircularConvolution.viaDFT(c.a, c.v, length: c.circular_length)
        #expect(zip(direct, c.circular).allSatisfy { abs($0 - $1) < 1e-12 }, "\(direct) vs \(c.circular)")
        #expect(zip(viaDFT, c.circular).allSatisfy { abs($0 - $1) < 1e-12 }, "\(viaDFT) vs \(c.circular)")
        // The linear convolution wrapped onto L places is the circular one.
        let wrapped = CircularConvolution.wrapped(try Conv1D.convolve(c.a, c.v), length: c.circular_length)
        #expect(zip(wrapped, direct).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("zero padding to L ≥ M + N − 1 turns circular convolution into the linear one")
    func padding() throws {
        let (a, v) = ([1.0, 2, 3], [1.0, 0, -1])
        let linear = try Conv1D.convolve(a, v)
        // L = 3 wraps the last two values onto the first two: [1 − 2, 2 − 3, 2].
        #expect(try CircularConvolution.direct(a, v, length: 3) == [-1, -1, 2])
        #expect(try CircularConvolution.direct(a, v, length: 4) == [-2, 2, 2, -2])
        for L in 5...9 {
            let circular = try CircularConvolution.direct(a, v, length: L)
            #expect(Array(circular.prefix(5)) == linear && circular.dropFirst(5).allSatisfy { $0 == 0 }, "L = \(L)")
        }
    }

    @Test("the radix-2 FFT equals the DFT's definition, forward and inverse, and inverts it")
    func fftIsTheDFT() {
        var random = SeededRandom(seed: 7)
        for L in [1, 2, 4, 8, 16, 64, 256] {
            let x = (0..<L).map { _ in Complex(Double(random.int(in: -100...100)) / 37, Double(random.int(in: -100...100)) / 41) }
            #expect(Self.mismatch(DFT.fft(x), DFT.definition(x), tolerance: 1e-10 * Double(L)) == nil, "L = \(L)")
            #expect(Self.mismatch(DFT.fft(x, inverse: true), DFT.definition(x, inverse: true), tolerance: 1e-12) == nil)
            #expect(Self.mismatch(DFT.fft(DFT.fft(x), inverse: true), x, tolerance: 1e-13) == nil)
        }
        // A length that is no power of two goes through the definition.
        let x = [Complex(1), Complex(2), Complex(3)]
        #expect(DFT.transform(x) == DFT.definition(x))
    }

    @Test("the FFT's convolution agrees with the direct sum to 1e-12 on lengths up to 200")
    func agreesWithDirect() throws {
        var random = SeededRandom(seed: 11)
        for _ in 0..<40 {
            let (m, n) = (random.int(in: 1...200), random.int(in: 1...60))
            let a = (0..<m).map { _ in Double(random.int(in: -1000...1000)) / 1000 }
            let v = (0..<n).map { _ in Double(random.int(in: -1000...1000)) / 1000 }
            for mode in Conv1D.Mode.allCases {
                let fast = try FFTConvolution.convolve(a, v, mode: mode).out
                let direct = try Conv1D.convolve(a, v, mode: mode)
                #expect(fast.count == direct.count && zip(fast, direct).allSatisfy { abs($0 - $1) < 1e-12 }, "\(m)×\(n) \(mode)")
            }
        }
    }

    @Test("the cost model equals multiplications counted on a recursive FFT; the crossover", arguments: goldenCases("fft_cost.json", as: FFTCostCase.self))
    func cost(_ c: FFTCostCase) throws {
        guard let n = c.n else {
            #expect(try FFTConvolution.crossover(signalLength: c.m) == c.crossover)
            return
        }
        let cost = try FFTConvolution.Cost(c.m, n)
        #expect(cost.length == c.length && cost.direct == c.direct && cost.fft == c.fft && cost.butterflies == c.butterflies)
        #expect(cost.fft == 6 * cost.length * cost.stages + 4 * cost.length)
    }

    @Test("refusals name the field")
    func refusals() {
        #expect(throws: ConvError.empty(field: "a")) { try FFTConvolution.convolve([], [1]) }
        #expect(throws: ConvError.tooSmall(field: "length", axis: nil, value: 2, minimum: 3)) {
            try CircularConvolution.direct([1, 2, 3], [1], length: 2)
        }
        #expect(throws: ConvError.tooSmall(field: "v", axis: nil, value: 0, minimum: 1)) { try FFTConvolution.Cost(3, 0) }
    }
}
