/// Small matrices as arrays of rows: the transforms of Winograd's algorithm and the kernels whose
/// singular values are sought.
extension Array where Element: RandomAccessCollection, Element.Index == Int {
    /// The transpose of a rectangular matrix given as rows.
    var transposed: [[Element.Element]] {
        guard let width = first?.count else { return [] }
        return (0..<width).map { j in map { $0[j] } }
    }
}

extension Array {
    /// The matrix product `self · other`, each entry summed left to right in `T`.
    func times<T: BinaryFloatingPoint>(_ other: [[T]]) -> [[T]] where Element == [T] {
        map { row in
            (0..<(other.first?.count ?? 0)).map { j in
                var sum: T = 0
                for (k, value) in row.enumerated() { sum += value * other[k][j] }
                return sum
            }
        }
    }
}
