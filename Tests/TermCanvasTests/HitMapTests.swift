import Testing
@testable import TermCanvas

/// Hit maps: what a frame shows where, as a click finds it — the grid's cells, scrolled lines,
/// parts drawn apart and copied in.
@Suite("Hit map")
struct HitMapTests {
    @Test("a point finds the topmost region over it, and nothing between regions")
    func topmost() {
        var hits = HitMap<String>()
        hits.add(Rect(x: 0, y: 0, width: 10, height: 2), "under")
        hits.add(Rect(x: 4, y: 1, width: 2, height: 1), "over")
        #expect(hits.target(atX: 0, y: 0) == "under")
        #expect(hits.target(atX: 5, y: 1) == "over")
        #expect(hits.target(atX: 6, y: 1) == "under")
        #expect(hits.target(atX: 10, y: 0) == nil)
        #expect(hits.target(atX: 3, y: 2) == nil)
    }

    @Test("a part drawn on its own is moved into place and cut to its area")
    func moved() {
        var page = HitMap<Int>()
        page.add(Rect(x: 0, y: 0, width: 5, height: 1), 1)
        page.add(Rect(x: 0, y: 3, width: 5, height: 2), 2)
        page.add(Rect(x: 0, y: 9, width: 5, height: 1), 3)
        var frame = HitMap<Int>()
        frame.add(page, x: 2, y: 1, clip: Rect(x: 0, y: 1, width: 80, height: 4))
        #expect(frame.regions.map(\.target) == [1, 2])
        #expect(frame.target(atX: 2, y: 1) == 1 && frame.target(atX: 1, y: 1) == nil)
        // The second region's last row falls outside the area.
        #expect(frame.target(atX: 6, y: 4) == 2 && frame.target(atX: 6, y: 5) == nil)
    }

    @Test("each grid cell's rectangle covers its text and the column before it")
    func gridCells() {
        let widget = GridWidget(title: "x", cells: [["1", "2"], ["10", "·"]], marks: [[.none, .none], [.none, .none]],
                                faint: [[false, false], [false, true]])
        var buffer = CellBuffer(width: 8, height: 3)
        widget.draw(into: &buffer, x: 0, y: 0)
        #expect(buffer.lines == ["x", "  1  2", " 10  ·"])
        #expect(widget.cellRect(row: 1, col: 0) == Rect(x: 0, y: 2, width: 3, height: 1))
        let text = { (r: Rect) in (r.x..<r.maxX).map { buffer[$0, r.y].symbol }.joined() }
        #expect(text(widget.cellRect(row: 1, col: 0)) == " 10")
        #expect(text(widget.cellRect(row: 0, col: 1)) == "  2")
        #expect(text(widget.cellRect(row: 1, col: 1)) == "  ·")
    }

    @Test("targets on scrolled lines land where the lines are drawn, only while shown")
    func scrolled() {
        let lines: [StyledLine] = (0..<10).map { [Span("line \($0)")] }
        var hits = HitMap<Int>()
        for k in 0..<10 { hits.add(Rect(x: 0, y: k, width: 20, height: 1), k) }
        var position = ScrollPosition()
        position.move(.lines(3), count: 10, visible: 4)
        let view = ScrollView(lines: lines, position: position)
        let rect = Rect(x: 2, y: 5, width: 21, height: 4)
        var buffer = CellBuffer(width: 30, height: 12)
        view.draw(into: &buffer, rect)
        var placed = HitMap<Int>()
        view.place(hits, in: rect, into: &placed)
        #expect(buffer.lines[5].hasPrefix("  line 3"))
        #expect(placed.target(atX: 2, y: 5) == 3)
        #expect(placed.target(atX: 21, y: 8) == 6)
        // Not in the scroll marks' column, nor above or below the window.
        #expect(placed.target(atX: 22, y: 5) == nil)
        #expect(placed.target(atX: 2, y: 4) == nil && placed.target(atX: 2, y: 9) == nil)
    }

    @Test("a wheel notch moves three lines and stops at the ends")
    func wheel() {
        var position = ScrollPosition()
        position.move(.lines(-3), count: 10, visible: 4)
        #expect(position.top == 0)
        position.move(.lines(3), count: 10, visible: 4)
        position.move(.lines(3), count: 10, visible: 4)
        #expect(position.top == 6)
    }
}
