import Foundation

/// A 2-D kernel as a product of a column and a row: spatially separable, rank 1.
///
///     w[i][j] = c[i] · r[j]     (w = c rᵀ, e.g. Sobel = [1, 2, 1]ᵀ [−1, 0, 1])
///
/// Correlating with `w` is then a 1×KW pass with `r` followed by a KH×1 pass with `c`: KH + KW
/// multiplications per output instead of KH·KW. A kernel of rank `k` is a sum of `k` such
/// products (its singular value decomposition), `k·(KH + KW)`; a kernel of full rank gains
/// nothing. The rank is decided exactly for kernels of integers (fraction-free elimination) and
/// numerically otherwise: singular values above `σ_max · max(KH, KW) · ε` count, as in
/// `numpy.linalg.matrix_rank`.
public struct SeparableKernel: Equatable, Sendable {
    /// The kernel's rows.
    public let w: [[Double]]
    /// `min(KH, KW)` singular values, largest first.
    public let singularValues: [Double]
    public let rank: Int
    /// True when the rank was decided exactly (every entry an integer).
    public let exact: Bool
    /// `c` and `r` with `w = c rᵀ`, for rank 1. For integers: `r` is the first nonzero row over
    /// the greatest common divisor of its entries, so both factors are integers; otherwise both
    /// have the length `√σ₁`. Either way the first nonzero entry of `c` is positive.
    public let factors: (column: [Double], row: [Double])?

    public static func == (p: SeparableKernel, q: SeparableKernel) -> Bool {
        p.w == q.w
    }

    /// Analyses `w`, a non-empty matrix of finite numbers with rows of one length.
    public init(_ w: [[Double]]) throws(ConvError) {
        guard let width = w.first?.count, width > 0 else { throw .empty(field: "w") }
        for row in w where row.count != width {
            throw .shapeMismatch(field: "w", axis: 1, expected: width, got: row.count, because: .sameRowLengths)
        }
        _ = try Limits.checkElements([w.count, width], field: "w")
        self.w = w
        singularValues = SingularValues.of(w)
        let integers = w.allSatisfy { $0.allSatisfy { $0 == $0.rounded() && abs($0) < 0x1p20 } }
        let exactRank = integers ? Self.integerRank(w) : nil
        exact = exactRank != nil
        let tolerance = (singularValues.first ?? 0) * Double(max(w.count, width)) * Double.ulpOfOne
        rank = exactRank ?? singularValues.filter { $0 > tolerance }.count
        factors = rank == 1 ? (integers ? Self.integerFactors(w) : Self.balancedFactors(w)) : nil
    }

    /// Multiplications per output: `KH·KW` directly, `rank·(KH + KW)` as a sum of separable
    /// kernels (`KH + KW` for rank 1).
    public static func costPerOutput(kernel: Pair, rank: Int = 1) -> (direct: Int, separable: Int) {
        (kernel.h * kernel.w, rank * (kernel.h + kernel.w))
    }

    /// Multiplications of a valid, stride-1 correlation of an `input` (one channel): directly
    /// `outH·outW·KH·KW`; separably, the row pass `H·outW·KW` (every input row, as the column
    /// pass needs them) then the column pass `outH·outW·KH`.
    public static func totalCost(input: Pair, kernel: Pair) throws(ConvError) -> (direct: Int, separable: Int) {
        let outH = try OutputSize.convolution(input: input.h, kernel: kernel.h, stride: 1, padding: 0, dilation: 1, axis: .height)
        let outW = try OutputSize.convolution(input: input.w, kernel: kernel.w, stride: 1, padding: 0, dilation: 1, axis: .width)
        return (outH * outW * kernel.h * kernel.w, input.h * outW * kernel.w + outH * outW * kernel.h)
    }

    /// The rank by Bareiss's fraction-free elimination, exact while no intermediate overflows
    /// (`nil` then).
    static func integerRank(_ w: [[Double]]) -> Int? {
        var a = w.map { $0.map { Int($0) } }
        let (m, n) = (a.count, a[0].count)
        var (rank, previous) = (0, 1)
        for col in 0..<n where rank < m {
            guard let pivot = (rank..<m).first(where: { a[$0][col] != 0 }) else { continue }
            a.swapAt(rank, pivot)
            for i in (rank + 1)..<max(rank + 1, m) {
                for j in (col + 1)..<n {
                    // a[i][j] = (a[r][c]·a[i][j] − a[i][c]·a[r][j]) / previous, exactly divisible.
                    let (p1, o1) = a[rank][col].multipliedReportingOverflow(by: a[i][j])
                    let (p2, o2) = a[i][col].multipliedReportingOverflow(by: a[rank][j])
                    let (d, o3) = p1.subtractingReportingOverflow(p2)
                    if o1 || o2 || o3 { return nil }
                    a[i][j] = d / previous
                }
                a[i][col] = 0
            }
            previous = a[rank][col]
            rank += 1
        }
        return rank
    }

    /// Integer factors of a rank-1 integer kernel: the first nonzero row over its entries' gcd,
    /// and the column of multiples.
    static func integerFactors(_ w: [[Double]]) -> (column: [Double], row: [Double]) {
        let first = w.first { $0.contains { $0 != 0 } }!
        let divisor = first.reduce(0) { gcd($0, Int(abs($1))) }
        var row = first.map { $0 / Double(divisor) }
        let j = row.firstIndex { $0 != 0 }!
        var column = w.map { $0[j] / row[j] }
        if (column.first { $0 != 0 } ?? 1) < 0 {
            row = row.map { -$0 }
            column = column.map { -$0 }
        }
        // + 0 turns the −0 of a negated zero into 0.
        return (column.map { $0 + 0 }, row.map { $0 + 0 })
    }

    /// Factors of equal length (`√σ₁`): the largest row `r`, the column `c[i] = (w[i]·r)/(r·r)`,
    /// then each rescaled to the geometric mean of their lengths.
    static func balancedFactors(_ w: [[Double]]) -> (column: [Double], row: [Double]) {
        let dot = { (p: [Double], q: [Double]) in zip(p, q).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let largest = w.max { dot($0, $0) < dot($1, $1) }!
        var column = w.map { dot($0, largest) / dot(largest, largest) }
        var row = largest
        let (cn, rn) = (dot(column, column).squareRoot(), dot(row, row).squareRoot())
        let length = (cn * rn).squareRoot()
        let sign = (column.first { $0 != 0 } ?? 1) < 0 ? -1.0 : 1.0
        column = column.map { sign * $0 * length / cn }
        row = row.map { sign * $0 * length / rn }
        return (column, row)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
