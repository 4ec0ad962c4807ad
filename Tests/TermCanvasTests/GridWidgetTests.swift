import Testing
@testable import TermCanvas

@Suite("Grid widget")
struct GridWidgetTests {
    @Test("marked runs are bracketed so highlights read without colour")
    func brackets() {
        let widget = GridWidget(
            title: "x",
            cells: [["1", "2", "3"], ["10", "·", "5"]],
            marks: [[.highlight, .highlight, .none], [.none, .target, .cursor]],
            faint: [[false, false, false], [false, true, false]])
        var buffer = CellBuffer(width: 12, height: 3)
        widget.draw(into: &buffer, x: 0, y: 0)
        // Neighbouring marks share one separator column: the later opening bracket takes it.
        #expect(buffer.lines == ["x", "[ 1  2] 3", " 10[ ·{ 5}"])
        #expect(widget.size == (10, 3))
        #expect(buffer[1, 1].style.reverse && !buffer[7, 1].style.reverse)
        #expect(buffer[5, 2].style.dim)
    }
}
