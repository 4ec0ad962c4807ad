import ConvCore
import Testing
import TestSupport

/// The two meanings of "convolution": `Convention.convolution` must be cross-correlation with the
/// kernel flipped in both spatial axes (flipped here, by the test, and compared exactly, since the
/// core adds the same products in the same order), forward and backward; in 1-D,
/// `numpy.convolve(a, v)` is `numpy.correlate(a, v[::-1])`. Plus small examples worked by hand.
@Suite("Convolution versus cross-correlation")
struct ConventionTests {
    static let cases = Sweep.chosenConvolutions.filter { $0.options.convention == .convolution }
        + Sweep.convolutions(seed: 0xF11B, count: 12).map {
            $0.options.convention == .convolution ? $0 : $0.flipped
        }

    @Test("forward: convolution = cross-correlation with the kernel flipped", arguments: cases)
    func forward(_ c: ConvCase) throws {
        let (layer, _) = try c.make()
        var options = c.options
        options.convention = .crossCorrelation
        let reference = try Conv2D(x: layer.x, w: flipped(layer.w), b: layer.b, options: options)
        #expect(layer.forward() == reference.forward())
    }

    @Test("backward: dx and db equal, dw is the flipped gradient of the flipped kernel", arguments: cases)
    func backward(_ c: ConvCase) throws {
        let (layer, dOut) = try c.make()
        var options = c.options
        options.convention = .crossCorrelation
        let reference = try Conv2D(x: layer.x, w: flipped(layer.w), b: layer.b, options: options)
        let g = try layer.backward(dOut)
        let r = try reference.backward(dOut)
        #expect(g.dx == r.dx)
        #expect(g.dw == flipped(r.dw))
        #expect(g.db == r.db)
    }

    static let arrays: [([Double], [Double])] = {
        var random = SeededRandom(seed: 0xF11C)
        return [(5, 3), (3, 5), (4, 4), (6, 1), (1, 6), (7, 4)].map { m, n in
            ((0..<m).map { _ in random.signedUnit() }, (0..<n).map { _ in random.signedUnit() })
        }
    }()

    /// Only `full` and `valid`: `same` centres the two differently when the shorter length is even.
    @Test("Conv1D.convolve(a, v) = Conv1D.correlate(a, reversed v)", arguments: [Conv1D.Mode.full, .valid])
    func conv1d(_ mode: Conv1D.Mode) throws {
        for (a, v) in Self.arrays {
            let convolved = try Conv1D.convolve(a, v, mode: mode)
            let correlated = try Conv1D.correlate(a, v.reversed(), mode: mode)
            // The same products; with `v` longer the core slides the other array, so the sums may
            // round differently in the last place.
            #expect(mismatch(convolved, correlated, relative: 1e-14) == nil,
                    "\(a.count),\(v.count): \(mismatch(convolved, correlated, relative: 1e-14) ?? "")")
        }
    }

    /// `numpy.convolve([1, 2, 3], [1, 0, -1])` and `numpy.correlate` of the same, by hand: the
    /// kernel reversed is `[-1, 0, 1]`, so full convolution is `[1, 2, 3−1, −2, −3]`.
    @Test("numpy.convolve / numpy.correlate of [1, 2, 3] and [1, 0, -1]", arguments: [
        (Conv1D.Operation.convolve, Conv1D.Mode.full, [1.0, 2, 2, -2, -3]),
        (.convolve, .same, [2, 2, -2]),
        (.convolve, .valid, [2]),
        (.correlate, .full, [-1, -2, -2, 2, 3]),
        (.correlate, .same, [-2, -2, 2]),
        (.correlate, .valid, [-2]),
    ])
    func numpyExample(_ operation: Conv1D.Operation, _ mode: Conv1D.Mode, _ expected: [Double]) throws {
        let out = operation == .convolve
            ? try Conv1D.convolve([1, 2, 3], [1, 0, -1], mode: mode)
            : try Conv1D.correlate([1, 2, 3], [1, 0, -1], mode: mode)
        #expect(out == expected)
    }

    /// `x = [[1,2,3],[4,5,6],[7,8,9]]`, `w = [[1,0],[0,−1]]`, padding 1: each output is
    /// `x[i−1, j−1] − x[i, j]` (zero outside), e.g. `out[1,1] = 1 − 5 = −4`, `out[0,3] = x[−1,2] − x[0,3] = 0`.
    /// The convolution uses the flipped `[[−1,0],[0,1]]` and so is the negation.
    /// (Worked by hand; scipy.signal.correlate2d / convolve2d in `full` mode agree.)
    @Test("2-D example with padding, both conventions, and stride 2")
    func twoDimensionalExample() throws {
        let x = Tensor(shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let w = Tensor(shape: [1, 1, 2, 2], data: [1, 0, 0, -1])
        let correlation = try Conv2D(x: x, w: w, options: Conv2DOptions(padding: Pair(1))).forward()
        #expect(correlation == Tensor(shape: [1, 1, 4, 4], data: [
            -1, -2, -3, 0,
            -4, -4, -4, 3,
            -7, -4, -4, 6,
            0, 7, 8, 9,
        ]))
        let convolution = try Conv2D(x: x, w: w, options: Conv2DOptions(padding: Pair(1), convention: .convolution)).forward()
        #expect(convolution == Tensor(shape: [1, 1, 4, 4], data: [
            1, 2, 3, 0,
            4, 4, 4, -3,
            7, 4, 4, -6,
            0, -7, -8, -9,
        ]))
        // Stride 2 keeps rows and columns 0 and 2 of the stride-1 result.
        let strided = try Conv2D(x: x, w: w, options: Conv2DOptions(stride: Pair(2), padding: Pair(1))).forward()
        #expect(strided == Tensor(shape: [1, 1, 2, 2], data: [-1, -3, -7, -4]))
    }
}

/// `w` with both spatial axes reversed: `w'[f, c, kh, kw] = w[f, c, KH−1−kh, KW−1−kw]`.
private func flipped(_ w: Tensor) -> Tensor {
    var out = w
    let (kh, kw) = (w.shape[2], w.shape[3])
    for index in allIndices(w.shape) {
        out[index] = w[index[0], index[1], kh - 1 - index[2], kw - 1 - index[3]]
    }
    return out
}
