/// Small matrices as arrays of rows: the transforms of Winograd's algorithm, the kernels whose
/// singular values are sought, and a 2-D tensor's rows.
extension Tensor {
    /// The rows of a 2-D tensor (`plane(n, c).rows` for one plane of a 4-D one).
    public var rows: [[Double]] {
        precondition(rank == 2, "rows needs a 2-D tensor, got shape \(shape)")
        return (0..<shape[0]).map { r in Array(data[r * shape[1]..<(r + 1) * shape[1]]) }
    }
}

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
