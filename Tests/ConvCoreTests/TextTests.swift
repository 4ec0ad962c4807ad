import ConvCore
import Testing
import TestSupport

/// The plain-text forms learners read, against strings written by hand from the numbers:
/// numbers, cell names and aligned grids.
@Suite("Text")
struct TextTests {
    @Test("number: integers bare, others to 6 significant digits, infinities and NaN by name", arguments: [
        (7.0, "7"),
        (-0.5, "-0.5"),
        (1.0 / 3, "0.333333"),
        (-Double.infinity, "-inf"),
        (Double.infinity, "inf"),
        (Double.nan, "nan"),
        (2.5, "2.5"),
        (-12.0, "-12"),
        (0.0, "0"),
        (-0.0, "0"),  // a negative zero (e.g. 0 × −1) reads as 0
        (1e-7, "1e-07"),
        (123456.7, "123457"),
        (1234567.0, "1234567"),
        (1e15, "1e+15"),
        (0.1 + 0.2, "0.3"),
    ])
    func number(_ value: Double, _ text: String) {
        #expect(Text.number(value) == text)
    }

    @Test("cell names a tensor element")
    func cell() {
        #expect(Text.cell(.x, [0, 1, 2, 3]) == "x[0,1,2,3]")
        #expect(Text.cell(.x, [0, 0, -1, 2]) == "x[0,0,-1,2]")
        #expect(Text.cell(.db, [4]) == "db[4]")
    }

    /// Every cell right-aligned to the widest one, columns separated by one space.
    @Test("grid aligns columns to the widest cell")
    func grid() {
        #expect(Text.grid(Tensor(shape: [2, 2], data: [1, 2, 10, -3])) == [
            " 1  2",
            "10 -3",
        ])
        #expect(Text.grid(Tensor(shape: [2, 3], data: [0.5, -1, 7, 100, 1.0 / 3, -.infinity])) == [
            "     0.5       -1        7",
            "     100 0.333333     -inf",
        ])
        #expect(Text.grid(Tensor(shape: [1, 1], data: [42])) == ["42"])
    }

    @Test("planes titles each 2-D slice and indents its grid")
    func planes() {
        let t = Tensor(shape: [1, 2, 2, 2], data: [1, 2, 3, 4, -5, 6, 7, 8])
        #expect(Text.planes(.x, t) == [
            "x[0,0]  (2×2)",
            "  1 2",
            "  3 4",
            "x[0,1]  (2×2)",
            "  -5  6",
            "   7  8",
        ])
    }
}

@Suite("Compact numbers")
struct CompactNumberTests {
    @Test("grid cells: integers whole, others to three significant digits", arguments: [
        (7.0, "7"), (-12.0, "-12"), (1.0 / 9, "0.111"), (-2.5, "-2.5"), (1e-7, "1e-07"), (123456.7, "1.23e+05"), (-Double.infinity, "-inf"),
    ])
    func compact(_ value: Double, _ text: String) {
        #expect(Text.compact(value) == text)
    }
}
