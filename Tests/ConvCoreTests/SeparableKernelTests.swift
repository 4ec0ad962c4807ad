import ConvCore
import Testing
import TestSupport

/// One case of `separable.json`.
struct SeparableCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let w: [[Double]]
    let singular_values: [Double]
    let rank: Int
    let integer: Bool
    let column: [Double]?, row: [Double]?
    var description: String { name }
}

/// Rank, singular values and rank-1 factors against numpy's `svd` and `matrix_rank`, and the
/// costs of the separable form.
@Suite("Separable kernels")
struct SeparableKernelTests {
    @Test("numpy's singular values and rank; integer factors whose outer product is the kernel", arguments: goldenCases("separable.json", as: SeparableCase.self))
    func golden(_ c: SeparableCase) throws {
        let k = try SeparableKernel(c.w)
        #expect(k.rank == c.rank && k.exact == c.integer)
        let scale = max(1, c.singular_values[0])
        #expect(zip(k.singularValues, c.singular_values).allSatisfy { abs($0 - $1) < 1e-12 * scale }, "\(k.singularValues)")
        #expect((k.factors != nil) == (c.rank == 1))
        if let column = c.column, let row = c.row {
            #expect(k.factors?.column == column && k.factors?.row == row)
        }
        if let (column, row) = k.factors {
            // Either way, the column times the row is the kernel.
            for (i, wRow) in c.w.enumerated() {
                for (j, value) in wRow.enumerated() {
                    #expect(abs(column[i] * row[j] - value) < 1e-12 * scale, "\(c.name) [\(i),\(j)]")
                }
            }
        }
    }

    @Test("Sobel = [1, 2, 1]ᵀ [−1, 0, 1]; the Laplacian has rank 2; a Gaussian's factors are equal")
    func named() throws {
        let sobel = try SeparableKernel([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
        #expect(sobel.factors?.column == [1, 2, 1] && sobel.factors?.row == [-1, 0, 1])
        #expect(try SeparableKernel([[0, 1, 0], [1, -4, 1], [0, 1, 0]]).rank == 2)
        let g = try SeparableKernel([[1, 2, 1], [2, 4, 2], [1, 2, 1]].map { $0.map { $0 / 16 } })
        #expect(!g.exact && g.rank == 1)
        let (column, row) = try #require(g.factors)
        #expect(zip(column, [0.25, 0.5, 0.25]).allSatisfy { abs($0 - $1) < 1e-15 } && zip(row, column).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test("costs: KH·KW against KH + KW per output, rank·(KH + KW) for a sum; totals of a valid pass")
    func costs() throws {
        #expect(SeparableKernel.costPerOutput(kernel: Pair(3)) == (9, 6))
        #expect(SeparableKernel.costPerOutput(kernel: Pair(7, 1)) == (7, 8))
        #expect(SeparableKernel.costPerOutput(kernel: Pair(5), rank: 2) == (25, 20))
        // 8×8 input, 3×3 kernel: 6×6 outputs; rows 8·6·3 + columns 6·6·3.
        let total = try SeparableKernel.totalCost(input: Pair(8), kernel: Pair(3))
        #expect(total == (324, 252))
        // The two passes are the correlation: a row pass then a column pass.
        let x = Tensor(shape: [1, 1, 8, 8], data: (0..<64).map { Double($0 % 7 - 3) })
        let w = Tensor(shape: [1, 1, 3, 3], data: [-1, 0, 1, -2, 0, 2, -1, 0, 1])
        let rows = try Conv2D(x: x, w: Tensor(shape: [1, 1, 1, 3], data: [-1, 0, 1])).forward()
        let both = try Conv2D(x: rows, w: Tensor(shape: [1, 1, 3, 1], data: [1, 2, 1])).forward()
        #expect(both == (try Conv2D(x: x, w: w).forward()))
    }

    @Test("refusals: empty, ragged")
    func refusals() {
        #expect(throws: ConvError.empty(field: "w")) { try SeparableKernel([]) }
        #expect(throws: ConvError.shapeMismatch(field: "w", axis: 1, expected: 2, got: 1, because: .sameRowLengths)) {
            try SeparableKernel([[1, 2], [3]])
        }
    }
}
