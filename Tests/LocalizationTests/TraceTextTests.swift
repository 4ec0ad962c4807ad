import ConvCore
import Localization
import Testing
import TestSupport

/// The arithmetic of traces as learners read it, against strings written by hand from the
/// numbers: one-line equations and one line per term, in English and with Chinese words.
@Suite("Trace text")
struct TraceTextTests {
    let english = Language.en.catalogue
    let chinese = Language.zh.catalogue

    // MARK: Convolution traces

    /// `x = [[1, 2], [3, 4]]`, `w = [[1, 0], [−1, 0.5]]`, `b = −0.5`, padding 1: a 3×3 output.
    static func conv() throws -> Conv2D {
        try Conv2D(x: Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4]),
                   w: Tensor(shape: [1, 1, 2, 2], data: [1, 0, -1, 0.5]),
                   b: Tensor([-0.5]), options: Conv2DOptions(padding: Pair(1)))
    }

    /// The centre window holds the whole input: `1×1 + 2×0 + 3×(−1) + 4×0.5 − 0.5 = −0.5`.
    @Test("equation of a convolution cell: products, negatives in parentheses, the bias last")
    func convEquation() throws {
        let trace = try Self.conv().traceOutput([0, 0, 1, 1])
        #expect(english.equation(trace) == "out[0,0,1,1] = 1×1 + 2×0 + 3×(-1) + 4×0.5 + (-0.5) = -0.5")
    }

    /// The corner window reads three padding cells and `x[0,0] = 1` under `w[1,1] = 0.5`:
    /// `0 + 0 + 0 + 0.5 − 0.5 = 0`. Term lines name the factors, then their values, then the
    /// product (`0 × −1` is a negative zero and reads `0`).
    @Test("equation and term lines of a convolution cell in the padding corner")
    func convCornerTrace() throws {
        let trace = try Self.conv().traceOutput([0, 0, 0, 0])
        #expect(english.equation(trace) == "out[0,0,0,0] = 0×1 + 0×0 + 0×(-1) + 1×0.5 + (-0.5) = 0")
        #expect(english.termLines(trace) == [
            "x[0,0,-1,-1] × w[0,0,0,0] = 0 (padding) × 1 = 0",
            "x[0,0,-1,0] × w[0,0,0,1] = 0 (padding) × 0 = 0",
            "x[0,0,0,-1] × w[0,0,1,0] = 0 (padding) × (-1) = 0",
            "x[0,0,0,0] × w[0,0,1,1] = 1 × 0.5 = 0.5",
            "b[0] = -0.5 (bias)",
        ])
    }

    /// With stride 3 and a 1×1 kernel, columns 1 and 2 are never read: their gradient has no terms.
    @Test("equation of a cell no term reaches")
    func emptySum() throws {
        let layer = try Conv2D(x: Tensor(shape: [1, 1, 1, 4], data: [1, 2, 3, 4]),
                               w: Tensor(shape: [1, 1, 1, 1], data: [2]),
                               options: Conv2DOptions(stride: Pair(3)))
        let dOut = Tensor(shape: [1, 1, 1, 2], data: [5, 7])
        #expect(english.equation(try layer.traceGradient(.dx, at: [0, 0, 0, 1], dOut: dOut)) == "dx[0,0,0,1] = 0 (nothing reaches this cell)")
        #expect(english.equation(try layer.traceGradient(.dx, at: [0, 0, 0, 3], dOut: dOut)) == "dx[0,0,0,3] = 2×7 = 14")
        #expect(english.equation(try layer.traceGradient(.db, at: [0], dOut: dOut)) == "db[0] = 5 + 7 = 12")
        #expect(english.termLines(try layer.traceGradient(.db, at: [0], dOut: dOut)) == [
            "dOut[0,0,0,0] = 5",
            "dOut[0,0,0,1] = 7",
        ])
    }

    // MARK: Pooling traces

    /// `x = [[1, 5, 2], [5, 4, 6]]`.
    static let poolInput = Tensor(shape: [1, 1, 2, 3], data: [1, 5, 2, 5, 4, 6])

    /// The first window `[[1, 5], [5, 4]]` holds the maximum 5 twice; the first in row-major order
    /// (term 1, `x[0,0,0,1]`) is the one marked.
    @Test("max pooling: equation and the first maximum marked")
    func maxPool() throws {
        let trace = try Pool2D(.max, x: Self.poolInput, kernel: Pair(2), stride: Pair(2)).traceOutput([0, 0, 0, 0])
        #expect(english.equation(trace) == "out[0,0,0,0] = max(1, 5, 5, 4) = 5")
        #expect(english.termLines(trace) == [
            "x[0,0,0,0] = 1",
            "x[0,0,0,1] = 5  ← max",
            "x[0,0,1,0] = 5",
            "x[0,0,1,1] = 4",
        ])
    }

    /// With padding 1 the corner window holds three padding cells (−∞) and `x[0,0] = 1`.
    @Test("max pooling: padding reads −inf and is marked")
    func maxPoolPadding() throws {
        let layer = try Pool2D(.max, x: Self.poolInput, kernel: Pair(2), stride: Pair(2), padding: Pair(1))
        let trace = try layer.traceOutput([0, 0, 0, 0])
        #expect(english.equation(trace) == "out[0,0,0,0] = max(-inf, -inf, -inf, 1) = 1")
        #expect(english.termLines(trace) == [
            "x[0,0,-1,-1] = -inf (padding)",
            "x[0,0,-1,0] = -inf (padding)",
            "x[0,0,0,-1] = -inf (padding)",
            "x[0,0,0,0] = 1  ← max",
        ])
    }

    /// Window `(0, 1)` with padding 1 covers rows −1…0 and columns 1…2:
    /// `(0 + 0 + 5 + 2)/4 = 1.75`, the padding counted in the divisor.
    @Test("average pooling: equation with the divisor, padding as 0")
    func averagePool() throws {
        let layer = try Pool2D(.average, x: Self.poolInput, kernel: Pair(2), stride: Pair(2), padding: Pair(1))
        let trace = try layer.traceOutput([0, 0, 0, 1])
        #expect(english.equation(trace) == "out[0,0,0,1] = (0 + 0 + 5 + 2)/4 = 1.75")
        #expect(english.termLines(trace) == [
            "x[0,0,-1,1] = 0 (padding)",
            "x[0,0,-1,2] = 0 (padding)",
            "x[0,0,0,1] = 5",
            "x[0,0,0,2] = 2",
        ])
        // The design's own example: the window [[1, 2], [5, 6]].
        let plain = try Pool2D(.average, x: Tensor(shape: [1, 1, 2, 2], data: [1, 2, 5, 6]), kernel: Pair(2))
        #expect(english.equation(try plain.traceOutput([0, 0, 0, 0])) == "out[0,0,0,0] = (1 + 2 + 5 + 6)/4 = 3.5")
    }

    /// `dx[0,0,0,1]` receives the gradient of the one window whose first maximum it is.
    @Test("max pooling gradient: the windows that chose the cell")
    func maxPoolGradient() throws {
        let layer = try Pool2D(.max, x: Self.poolInput, kernel: Pair(2), stride: Pair(1))  // out 1×2
        let dOut = Tensor(shape: [1, 1, 1, 2], data: [0.25, -2])
        // Window (0,0) = [[1,5],[5,4]] picks x[0,0,0,1]; window (0,1) = [[5,2],[4,6]] picks x[0,0,1,2].
        #expect(english.equation(try layer.traceGradient(at: [0, 0, 0, 1], dOut: dOut)) == "dx[0,0,0,1] = 0.25 = 0.25")
        #expect(english.equation(try layer.traceGradient(at: [0, 0, 1, 2], dOut: dOut)) == "dx[0,0,1,2] = (-2) = -2")
        #expect(english.equation(try layer.traceGradient(at: [0, 0, 1, 0], dOut: dOut)) == "dx[0,0,1,0] = 0 (nothing reaches this cell)")
    }

    /// The same arithmetic with the Chinese catalogue: the numbers and names are the same, the
    /// words around them Chinese, in full-width parentheses.
    @Test("the words inside the arithmetic in Chinese")
    func chineseWords() throws {
        let corner = try Self.conv().traceOutput([0, 0, 0, 0])
        #expect(chinese.termLines(corner).first == "x[0,0,-1,-1] × w[0,0,0,0] = 0（填充） × 1 = 0")
        #expect(chinese.termLines(corner).last == "b[0] = -0.5（偏置）")
        let pool = try Pool2D(.max, x: Self.poolInput, kernel: Pair(2), stride: Pair(2)).traceOutput([0, 0, 0, 0])
        #expect(chinese.termLines(pool)[1] == "x[0,0,0,1] = 5  ← 最大值")
        let layer = try Pool2D(.max, x: Self.poolInput, kernel: Pair(2), stride: Pair(1))
        let dOut = Tensor(shape: [1, 1, 1, 2], data: [0.25, -2])
        #expect(chinese.equation(try layer.traceGradient(at: [0, 0, 1, 0], dOut: dOut)) == "dx[0,0,1,0] = 0（没有任何项到达这个单元）")
    }
}
