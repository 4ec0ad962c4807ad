import ConvCore
import Testing
@testable import TermCanvas

/// The diff must turn any previous frame into the next one, and send nothing when nothing changed.
@Suite("Buffer diff")
struct BufferDiffTests {
    /// A random frame of ASCII, CJK and blanks in a few styles.
    static func frame(_ random: inout SeededRandom, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let words = ["a", "bc", "卷积", " ", "x1", "─", "梯度 dx", "[3]"]
        for y in 0..<height {
            var x = random.int(in: 0...3)
            while x < width {
                let style = Style(bold: random.int(in: 0...3) == 0, reverse: random.int(in: 0...4) == 0)
                x = buffer.put(words[random.int(in: 0...(words.count - 1))], x: x, y: y, style: style) + random.int(in: 0...2)
            }
        }
        return buffer
    }

    @Test("applying the changes to the old frame gives the new one", arguments: 0..<200)
    func roundTrip(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let (width, height) = (random.int(in: 1...30), random.int(in: 1...6))
        var old = Self.frame(&random, width: width, height: height)
        // Mostly small edits of the old frame, sometimes a completely new one.
        var new = old
        if seed % 5 == 0 {
            new = Self.frame(&random, width: width, height: height)
        } else {
            for _ in 0..<random.int(in: 0...4) {
                new.put(["z", "卷", "  ", "é"][random.int(in: 0...3)], x: random.int(in: 0...(width - 1)), y: random.int(in: 0...(height - 1)))
            }
        }
        var screen = TestBackend(width: width, height: height)
        screen.draw(BufferDiff.changes(from: nil, to: old))
        #expect(screen.screen == old)
        screen.draw(BufferDiff.changes(from: old, to: new))
        let wrong = (0..<height).flatMap { y in (0..<width).filter { screen.screen[$0, y] != new[$0, y] }.map { "(\($0),\(y))" } }
        #expect(wrong.isEmpty, "seed \(seed): cells \(wrong) differ; old \(old.lines) new \(new.lines) changes \(BufferDiff.changes(from: old, to: new).map { "\($0.x),\($0.y):\($0.cells.map(\.symbol))" })")
        old = new
        #expect(BufferDiff.changes(from: old, to: new).isEmpty)
    }

    @Test("a long row with two far-apart changes is sent as two short runs")
    func runs() {
        let old = CellBuffer(width: 40, height: 1)
        var new = old
        new.put("A", x: 2, y: 0)
        new.put("B", x: 30, y: 0)
        let changes = BufferDiff.changes(from: old, to: new)
        #expect(changes == [Change(x: 2, y: 0, cells: [Cell("A")]), Change(x: 30, y: 0, cells: [Cell("B")])])
    }

    @Test("nearby changes merge; a run never ends inside a wide character")
    func merging() {
        let old = CellBuffer(width: 20, height: 1)
        var new = old
        new.put("A", x: 2, y: 0)
        new.put("卷", x: 5, y: 0)
        let changes = BufferDiff.changes(from: old, to: new)
        #expect(changes.count == 1)
        #expect(changes[0].x == 2)
        #expect(changes[0].cells.map(\.symbol) == ["A", " ", " ", "卷", ""])
    }

    @Test("a different size redraws everything")
    func resize() {
        let changes = BufferDiff.changes(from: CellBuffer(width: 3, height: 2), to: CellBuffer(width: 4, height: 2))
        #expect(changes.map(\.cells.count) == [4, 4])
    }
}

@Suite("ANSI output")
struct AnsiTextTests {
    @Test("changes become cursor moves, attributes and text; wide characters are written once")
    func render() {
        var new = CellBuffer(width: 10, height: 2)
        new.put("ab", x: 1, y: 0, style: Style(bold: true))
        new.put("卷x", x: 2, y: 1, style: Style(foreground: .red, reverse: true))
        let text = AnsiText.render(BufferDiff.changes(from: CellBuffer(width: 10, height: 2), to: new))
        #expect(text == "\u{1B}[1;2H\u{1B}[0;1mab\u{1B}[2;3H\u{1B}[0;7;31m卷x\u{1B}[0m")
        #expect(AnsiText.render(BufferDiff.changes(from: CellBuffer(width: 10, height: 2), to: new), colors: .none)
                == "\u{1B}[1;2H\u{1B}[0;1mab\u{1B}[2;3H\u{1B}[0;7m卷x\u{1B}[0m")
    }
}
