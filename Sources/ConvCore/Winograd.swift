/// Winograd's minimal filtering, F(2,3) and F(2×2,3×3), with Lavin and Gray's transforms
/// ("Fast Algorithms for Convolutional Neural Networks", 2016): the valid cross-correlation of
/// a 3-tap (3×3) filter `g` with an input `d`, as deep learning's convolution computes it.
///
///     F(2,3):       y = Aᵀ [ (G g) ⊙ (Bᵀ d) ]              d: 4 inputs → 2 outputs
///     F(2×2,3×3):   Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A       d: 4×4 → 2×2
///
/// A tile's elementwise product `⊙` is all its multiplications: 4 for 2 outputs (direct: 2·3 = 6)
/// and 16 for 2×2 outputs (direct: 4·9 = 36). `Bᵀ` and `Aᵀ` hold only 0 and ±1 (additions); the
/// filter's transform `G g Gᵀ` has halves but is computed once per filter, not per tile, so it
/// is not counted. A longer input is cut into tiles that overlap by 2 (4 inputs, step 2), each
/// giving 2 (2×2) outputs. The price is precision: the transforms add and subtract values of
/// different sizes, so the rounding error is larger than the direct sum's (`error`).
public enum Winograd {
    /// Which algorithm.
    public enum Variant: String, CaseIterable, Equatable, Sendable {
        case f23 = "F(2,3)"
        case f2x2_3x3 = "F(2x2,3x3)"

        /// Outputs per tile along each axis, and the filter's taps.
        public static let m = 2, r = 3
        /// A tile's inputs along each axis, `m + r − 1`.
        public static let tile = 4

        /// One axis (F(2,3)) or two.
        public var dimensions: Int { self == .f23 ? 1 : 2 }
        /// Multiplications of one tile: `4` or `16`.
        public var tileMultiplications: Int { self == .f23 ? 4 : 16 }
        /// Outputs of one tile: `2` or `4`.
        public var tileOutputs: Int { self == .f23 ? 2 : 4 }
    }

    /// The input transform `Bᵀ` (4×4).
    public static let bT: [[Double]] = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]]
    /// The filter transform `G` (4×3).
    public static let g: [[Double]] = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    /// The output transform `Aᵀ` (2×4).
    public static let aT: [[Double]] = [[1, 1, 1, 0], [0, 1, -1, -1]]

    /// One tile's stages: `U = G g (Gᵀ)`, `V = Bᵀ d (B)`, `M = U ⊙ V`, `Y = Aᵀ M (A)`; for F(2,3)
    /// each is a column, written as one row.
    public struct Tile: Equatable, Sendable {
        public var u: [[Double]], v: [[Double]], m: [[Double]], y: [[Double]]
    }

    /// A whole input: the first tile's stages, the output and the multiplication counts.
    public struct Result: Equatable, Sendable {
        public var variant: Variant
        public var firstTile: Tile
        /// The output: one row (F(2,3)) or rows.
        public var out: [[Double]]
        /// Tiles along the height (1 for F(2,3)) and the width.
        public var tiles: Pair
        /// `tiles · 4` or `tiles · 16`.
        public var multiplications: Int
        /// The direct correlation's: `outputs · 3` or `outputs · 9`.
        public var directMultiplications: Int
    }

    /// The largest rounding errors against the exact result, in `precision`.
    public struct Error: Equatable, Sendable {
        public var precision: Precision
        /// `max |y − y_exact|` over the outputs, Winograd's and the direct sum's (left to right).
        public var winograd: Double, direct: Double
    }

    /// The floating-point format of an error measurement.
    public enum Precision: String, CaseIterable, Equatable, Sendable {
        case float32, float64
    }

    /// The valid cross-correlation of `d` with `g` by Winograd's algorithm. For F(2,3), `d` and
    /// `g` are one row each; for F(2×2,3×3), rows. The outputs along each axis must be even, so
    /// the input is `2k + 2` long (k ≥ 1 tiles).
    public static func correlate(_ d: [[Double]], _ g: [[Double]], _ variant: Variant) throws(ConvError) -> Result {
        let tiles = try check(d, g, variant)
        let (gm, gmT) = (variant == .f23 ? [g[0]].transposed : g, Self.g.transposed)
        let u = variant == .f23 ? Self.g.times(gm) : Self.g.times(gm).times(gmT)
        var out = [[Double]](repeating: [Double](repeating: 0, count: 2 * tiles.w), count: variant == .f23 ? 1 : 2 * tiles.h)
        var first: Tile?
        for ti in 0..<tiles.h {
            for tj in 0..<tiles.w {
                let tile = run(d, u, variant, row: 2 * ti, col: 2 * tj)
                for (i, row) in tile.y.enumerated() {
                    for (j, value) in row.enumerated() { out[2 * ti + i][2 * tj + j] = value }
                }
                if first == nil { first = tile }
            }
        }
        let outputs = out.count * out[0].count
        return Result(variant: variant, firstTile: first!, out: out, tiles: tiles,
                      multiplications: tiles.h * tiles.w * variant.tileMultiplications,
                      directMultiplications: outputs * (variant == .f23 ? 3 : 9))
    }

    /// The rounding errors of Winograd's algorithm and of the direct sum, both computed in
    /// `precision` from `d` and `g` rounded to it, against the exact correlation of those rounded
    /// values (each product split exactly by a fused multiply-add, the sum compensated).
    public static func error(_ d: [[Double]], _ g: [[Double]], _ variant: Variant, precision: Precision) throws(ConvError) -> Error {
        switch precision {
        case .float32: try error(d.map { $0.map(Float.init) }, g.map { $0.map(Float.init) }, variant)
        case .float64: try error(d, g, variant)
        }
    }

    private static func error<T: BinaryFloatingPoint>(_ d: [[T]], _ g: [[T]], _ variant: Variant) throws(ConvError) -> Error {
        let (dd, gd) = (doubles(d), doubles(g))
        let tiles = try check(dd, gd, variant)
        let filter: [[T]] = variant == .f23 ? [g[0]].transposed : g
        let gT: [[T]] = Self.g.map { $0.map { T($0) } }
        let u = variant == .f23 ? gT.times(filter) : gT.times(filter).times(gT.transposed)
        var (winograd, direct) = (0.0, 0.0)
        for ti in 0..<tiles.h {
            for tj in 0..<tiles.w {
                let y = run(d, u, variant, row: 2 * ti, col: 2 * tj).y
                for i in 0..<y.count {
                    for j in 0..<y[i].count {
                        let (oi, oj) = (2 * ti + i, 2 * tj + j)
                        let exact = exactCell(dd, gd, oi, oj)
                        var naive: T = 0
                        for (p, q) in taps(variant) { naive += d[oi + p][oj + q] * g[p][q] }
                        winograd = max(winograd, abs(Double(y[i][j]) - exact))
                        direct = max(direct, abs(Double(naive) - exact))
                    }
                }
            }
        }
        return Error(precision: T.self == Float.self ? .float32 : .float64, winograd: winograd, direct: direct)
    }

    /// The stages of the tile whose top-left input is `d[row][col]`, with the filter's `u`.
    private static func run<T: BinaryFloatingPoint>(_ d: [[T]], _ u: [[T]], _ variant: Variant, row: Int, col: Int) -> Tile where T: BinaryFloatingPoint {
        let bT: [[T]] = Self.bT.map { $0.map { T($0) } }
        let aT: [[T]] = Self.aT.map { $0.map { T($0) } }
        let tile: [[T]] = variant == .f23 ? [Array(d[0][col..<col + 4])].transposed
            : (row..<row + 4).map { Array(d[$0][col..<col + 4]) }
        let v = variant == .f23 ? bT.times(tile) : bT.times(tile).times(bT.transposed)
        let m = zip(u, v).map { zip($0, $1).map(*) }
        let y = variant == .f23 ? aT.times(m) : aT.times(m).times(aT.transposed)
        // A column for F(2,3), written as a row.
        let stages = variant == .f23 ? [u.transposed, v.transposed, m.transposed, y.transposed] : [u, v, m, y]
        return Tile(u: doubles(stages[0]), v: doubles(stages[1]), m: doubles(stages[2]), y: doubles(stages[3]))
    }

    /// A matrix of `T` as `Double`s (exactly: `Float` and `Double` widen without rounding).
    private static func doubles<T: BinaryFloatingPoint>(_ x: [[T]]) -> [[Double]] {
        var rows: [[Double]] = []
        for row in x {
            var values: [Double] = []
            for value in row { values.append(Double(value)) }
            rows.append(values)
        }
        return rows
    }

    /// The filter's taps `(p, q)`, row by row.
    private static func taps(_ variant: Variant) -> [(Int, Int)] {
        variant == .f23 ? (0..<3).map { (0, $0) } : (0..<3).flatMap { p in (0..<3).map { (p, $0) } }
    }

    /// `Σ d[i+p][j+q]·g[p][q]` without rounding error but the final one: each product split into
    /// its rounded value and the exact remainder, all added with compensation.
    private static func exactCell(_ d: [[Double]], _ g: [[Double]], _ i: Int, _ j: Int) -> Double {
        var total = Accumulator()
        for p in 0..<g.count {
            for q in 0..<g[p].count {
                let (x, w) = (d[i + p][j + q], g[p][q])
                let product = x * w
                total.add(product)
                total.add((-product).addingProduct(x, w))
            }
        }
        return total.value
    }

    /// The tiles along each axis, after checking the filter's 3 (3×3) taps and an input of
    /// `2k + 2` (per axis), with rows of one length.
    private static func check(_ d: [[Double]], _ g: [[Double]], _ variant: Variant) throws(ConvError) -> Pair {
        let rows = variant.dimensions == 1 ? 1 : Variant.r
        guard g.count == rows else { throw .shapeMismatch(field: "g", axis: 0, expected: rows, got: g.count, because: .winogradFilter) }
        for row in g where row.count != Variant.r {
            throw .shapeMismatch(field: "g", axis: variant.dimensions - 1, expected: Variant.r, got: row.count, because: .winogradFilter)
        }
        guard let width = d.first?.count, width > 0 else { throw .empty(field: "d") }
        if variant.dimensions == 1, d.count != 1 { throw .wrongRank(field: "d", expected: [1], got: 2) }
        for row in d where row.count != width {
            throw .shapeMismatch(field: "d", axis: 1, expected: width, got: row.count, because: .sameRowLengths)
        }
        _ = try Limits.checkElements([d.count, width], field: "d")
        // Each axis: the axis as an error names it (a 1-D d has one), its tiles' place, its extent.
        var tiles = Pair(1)
        let axes: [(Int, Axis, Int)] = variant.dimensions == 1 ? [(0, .width, width)] : [(0, .height, d.count), (1, .width, width)]
        for (named, axis, extent) in axes {
            let valid = max(Variant.tile, extent + extent % 2)
            guard extent == valid else {
                throw .shapeMismatch(field: "d", axis: named, expected: valid, got: extent, because: .winogradTiles)
            }
            tiles[axis] = (extent - 2) / 2
        }
        return tiles
    }
}
