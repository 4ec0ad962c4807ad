/// The singular values of a small matrix, by one-sided Jacobi rotations (Hestenes): columns are
/// rotated in pairs until every pair is orthogonal; the singular values are then the columns'
/// lengths. Accurate to a few units in the last place of the largest, for the kernels (up to a
/// few dozen rows and columns) this is used on.
enum SingularValues {
    /// `min(m, n)` singular values of the `m×n` matrix `rows`, largest first.
    static func of(_ rows: [[Double]]) -> [Double] {
        // Rotate the columns of whichever orientation has fewer of them.
        var a = rows.count >= (rows.first?.count ?? 0) ? rows : rows.transposed
        let (m, n) = (a.count, a.first?.count ?? 0)
        for _ in 0..<60 {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    var (alpha, beta, gamma) = (0.0, 0.0, 0.0)
                    for i in 0..<m {
                        alpha += a[i][p] * a[i][p]
                        beta += a[i][q] * a[i][q]
                        gamma += a[i][p] * a[i][q]
                    }
                    guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot(), gamma != 0 else { continue }
                    rotated = true
                    // The rotation that makes columns p and q orthogonal.
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = c * t
                    for i in 0..<m {
                        let (x, y) = (a[i][p], a[i][q])
                        a[i][p] = c * x - s * y
                        a[i][q] = s * x + c * y
                    }
                }
            }
            if !rotated { break }
        }
        let norms = (0..<n).map { j in (0..<m).reduce(0.0) { $0 + a[$1][j] * a[$1][j] }.squareRoot() }
        return Array(norms.sorted(by: >).prefix(min(m, n)))
    }
}
