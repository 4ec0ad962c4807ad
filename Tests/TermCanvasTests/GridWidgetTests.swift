import Testing
@testable import TermCanvas

@Suite("Grid widget")
struct GridWidgetTests {
    /// One row of `cells` with `marks`, drawn into a buffer just wide enough; returns its line.
    static func row(_ cells: [String], _ marks: [GridWidget.Mark], cursor: Int? = nil) -> (line: String, buffer: CellBuffer) {
        let widget = GridWidget(title: "x", cells: [cells], marks: [marks], faint: [cells.map { _ in false }],
                                cursor: cursor.map { (0, $0) })
        var buffer = CellBuffer(width: widget.size.width, height: 2)
        widget.draw(into: &buffer, x: 0, y: 0)
        return (buffer.lines[1], buffer)
    }

    @Test("marked runs are bracketed so highlights read without colour")
    func brackets() {
        let widget = GridWidget(
            title: "x",
            cells: [["1", "2", "3"], ["10", "·", "5"]],
            marks: [[.highlight, .highlight, .none], [.none, .target, .none]],
            faint: [[false, false, false], [false, true, false]],
            cursor: (1, 2))
        var buffer = CellBuffer(width: 12, height: 3)
        widget.draw(into: &buffer, x: 0, y: 0)
        #expect(buffer.lines == ["x", "[ 1  2] 3", " 10[ ·  5]"])
        #expect(widget.size == (10, 3))
        #expect(buffer[1, 1].style.reverse && !buffer[7, 1].style.reverse)
        #expect(buffer[5, 2].style.dim)
    }

    @Test("the cell width follows the widest text, also when the cells are replaced")
    func cellWidth() {
        var widget = GridWidget(title: "x", cells: [["1", "-12"]], marks: [[.none, .none]], faint: [[false, false]])
        #expect(widget.cellWidth == 3 && widget.cellRect(row: 0, col: 1).x == 4)
        widget.cells = [["1", "2"]]
        #expect(widget.cellWidth == 1 && widget.size == (5, 2))
        widget.cells = [["卷积", "2"]]
        #expect(widget.cellWidth == 4, "a wide character takes two columns")
    }

    @Test("adjacent marked cells of different kinds share one pair of brackets")
    func adjacentKinds() {
        // Max pooling's window: a highlight beside the target (its maximum).
        let (pool, buffer) = Self.row(["-1", "3", "7"], [.highlight, .target, .none])
        #expect(pool == "[-1  3] 7")
        #expect(buffer[1, 1].style == Style(reverse: true))
        #expect(buffer[4, 1].style == Style(bold: true, reverse: true))
        #expect(buffer[3, 1].style == .plain && buffer[3, 1].symbol == " ")
        // The select-the-cells picker: a selected cell beside the cursor.
        #expect(Self.row(["1", "3", "5"], [.highlight, .none, .none], cursor: 1).line == "[1 3]5")
    }

    @Test("a run split by an unmarked cell is bracketed as two runs")
    func splitRun() {
        let (line, _) = Self.row(["1", "2", "3", "4", "5"], [.highlight, .highlight, .none, .target, .highlight])
        #expect(line == "[1 2]3[4 5]")
    }

    @Test("the cursor inside a run keeps the run whole and is shown by bold and underline")
    func cursorInRun() {
        let (line, buffer) = Self.row(["1", "2", "3"], [.highlight, .none, .highlight], cursor: 1)
        #expect(line == "[1 2 3]")
        #expect(buffer[3, 1].style == Style(bold: true, underline: true))
        // On a marked cell, the cursor adds to the mark's reverse video.
        let (_, marked) = Self.row(["1", "2"], [.highlight, .highlight], cursor: 0)
        #expect(marked[1, 1].style == Style(bold: true, underline: true, reverse: true))
        #expect(marked[3, 1].style == Style(reverse: true))
    }

    @Test("a run at the grid's right edge closes in the widget's last column")
    func rightEdge() {
        let (line, buffer) = Self.row(["1", "20", "3"], [.none, .highlight, .target])
        #expect(line == "  1[20  3]")
        #expect(buffer.width == 10 && buffer[9, 1].symbol == "]" && buffer[9, 1].style == Style(bold: true))
    }

    @Test("tinted cells keep their tint unless marked: a mark shows its reverse video instead")
    func tintsGiveWayToMarks() {
        let neg = Tint(sign: .negative, level: 2)
        let widget = GridWidget(title: "x", cells: [["-1", "-1", "-1"]], marks: [[.none, .highlight, .none]], faint: [[false, false, false]],
                                cursor: (0, 2), tints: [[neg, neg, neg]])
        var buffer = CellBuffer(width: widget.size.width, height: 2)
        widget.draw(into: &buffer, x: 0, y: 0)
        #expect(buffer.lines[1] == " -1[-1 -1]")
        #expect(buffer[1, 1].style == Style(tint: neg))
        #expect(buffer[4, 1].style == Style(reverse: true))
        #expect(buffer[7, 1].style == Style(bold: true, underline: true, tint: neg))
        // The separator columns are never tinted: each number stands on its own patch.
        #expect(buffer[0, 1].style.tint == nil && buffer[3, 1].style.tint == nil)
    }
}
