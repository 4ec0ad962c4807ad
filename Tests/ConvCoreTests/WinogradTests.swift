import ConvCore
import Testing
import TestSupport

/// One case of `winograd.json`: numpy's / scipy's valid correlation and the first tile's
/// transforms.
struct WinogradCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let variant: String
    let d: [[Double]], g: [[Double]]
    let out: [[Double]]
    let u: [[Double]], v: [[Double]]
    var description: String { name }
}

/// Winograd's F(2,3) and F(2×2,3×3) against the direct correlation (numpy, scipy, and the
/// core's own conv1d and conv2d), their multiplication counts, and their rounding error.
@Suite("Winograd")
struct WinogradTests {
    static func close(_ p: [[Double]], _ q: [[Double]], _ tolerance: Double = 1e-12) -> Bool {
        p.count == q.count && zip(p, q).allSatisfy { $0.count == $1.count && zip($0, $1).allSatisfy { abs($0 - $1) <= tolerance } }
    }

    @Test("the output is the valid correlation; U and V are the paper's transforms", arguments: goldenCases("winograd.json", as: WinogradCase.self))
    func golden(_ c: WinogradCase) throws {
        let variant = try #require(Winograd.Variant(rawValue: c.variant))
        let result = try Winograd.correlate(c.d, c.g, variant)
        #expect(Self.close(result.out, c.out), "\(result.out) vs \(c.out)")
        #expect(Self.close(result.firstTile.u, c.u) && Self.close(result.firstTile.v, c.v))
        // The tile's elementwise product, transformed back, is its part of the output.
        #expect(result.firstTile.m == zip(result.firstTile.u, result.firstTile.v).map { zip($0, $1).map(*) })
    }

    @Test("equals the core's direct correlation on random inputs of every tiling")
    func equalsDirect() throws {
        var random = SeededRandom(seed: 5)
        for _ in 0..<30 {
            let width = 2 * random.int(in: 1...5) + 2
            let d = (0..<width).map { _ in Double(random.int(in: -9...9)) / 4 }
            let g = (0..<3).map { _ in Double(random.int(in: -9...9)) / 4 }
            let fast = try Winograd.correlate([d], [g], .f23).out[0]
            #expect(Self.close([fast], [try Conv1D.correlate(d, g, mode: .valid)]))

            let h = 2 * random.int(in: 1...4) + 2
            let x = Tensor(shape: [1, 1, h, width], data: (0..<h * width).map { _ in Double(random.int(in: -9...9)) / 4 })
            let w = Tensor(shape: [1, 1, 3, 3], data: (0..<9).map { _ in Double(random.int(in: -9...9)) / 4 })
            let rows = { (t: Tensor) in (0..<t.shape[2]).map { i in (0..<t.shape[3]).map { t[0, 0, i, $0] } } }
            let fast2 = try Winograd.correlate(rows(x), rows(w), .f2x2_3x3).out
            #expect(Self.close(fast2, rows(try Conv2D(x: x, w: w).forward())))
        }
    }

    @Test("4 multiplications for 2 outputs instead of 6; 16 for 2×2 instead of 36; tiles add up")
    func multiplications() throws {
        let one = try Winograd.correlate([[1, 2, 3, 4]], [[1, 0, -1]], .f23)
        #expect(one.multiplications == 4 && one.directMultiplications == 6 && one.out == [[-2, -2]])
        let four = try Winograd.correlate([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], [[1, 1, 1]], .f23)
        #expect(four.tiles == Pair(1, 4) && four.multiplications == 16 && four.directMultiplications == 24)
        let d = (0..<4).map { i in (0..<4).map { Double(4 * i + $0) } }
        let square = try Winograd.correlate(d, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], .f2x2_3x3)
        #expect(square.multiplications == 16 && square.directMultiplications == 36)
        #expect(square.out == [[15, 18], [27, 30]])
        let six = try Winograd.correlate((0..<6).map { i in (0..<6).map { Double(i + $0) } }, d.prefix(3).map { Array($0.prefix(3)) }, .f2x2_3x3)
        #expect(six.tiles == Pair(2, 2) && six.multiplications == 64 && six.directMultiplications == 144)
    }

    @Test("rounding: exact on integers; in float32 the error stays within a few units of the sum's magnitude")
    func error() throws {
        let ints = try Winograd.error([[1, 2, 3, 4]], [[1, 0, -1]], .f23, precision: .float32)
        #expect(ints.winograd == 0 && ints.direct == 0)
        var random = SeededRandom(seed: 3)
        var worse = 0
        for _ in 0..<50 {
            let d = (0..<4).map { _ in (0..<4).map { _ in Double(random.int(in: -1_000_000...1_000_000)) / 999_983 } }
            let g = (0..<3).map { _ in (0..<3).map { _ in Double(random.int(in: -1_000_000...1_000_000)) / 999_979 } }
            let scale = 9.0 * 1.01 * 1.01
            let e32 = try Winograd.error(d, g, .f2x2_3x3, precision: .float32)
            #expect(e32.precision == .float32 && e32.winograd < 16 * scale * Double(Float.ulpOfOne) && e32.direct < 16 * scale * Double(Float.ulpOfOne))
            let e64 = try Winograd.error(d, g, .f2x2_3x3, precision: .float64)
            #expect(e64.winograd < 16 * scale * Double.ulpOfOne && e64.winograd <= e32.winograd)
            if e32.winograd > e32.direct { worse += 1 }
        }
        // The transforms' extra additions cost precision more often than not.
        #expect(worse > 25, "Winograd was less accurate in \(worse) of 50")
    }

    @Test("refusals: a filter of other than 3 taps, an input that does not tile")
    func refusals() {
        #expect(throws: ConvError.shapeMismatch(field: "g", axis: 0, expected: 3, got: 2, because: .winogradFilter)) {
            try Winograd.correlate([[1, 2, 3, 4]], [[1, 2]], .f23)
        }
        #expect(throws: ConvError.shapeMismatch(field: "d", axis: 0, expected: 6, got: 5, because: .winogradTiles)) {
            try Winograd.correlate([[1, 2, 3, 4, 5]], [[1, 2, 3]], .f23)
        }
        #expect(throws: ConvError.shapeMismatch(field: "d", axis: 0, expected: 4, got: 3, because: .winogradTiles)) {
            try Winograd.correlate([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], [[1, 2, 3], [1, 2, 3], [1, 2, 3]], .f2x2_3x3)
        }
    }
}
