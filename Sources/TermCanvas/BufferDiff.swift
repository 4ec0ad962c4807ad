/// A run of cells to draw on one row, starting at column `x`.
public struct Change: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// What must be drawn to turn the previous frame into the next one.
public enum BufferDiff {
    /// Runs of changed cells, row by row. A missing or differently sized previous frame redraws
    /// everything. Runs separated by at most `gap` unchanged cells are merged, since re-sending a
    /// few cells is cheaper than moving the cursor. A run never starts on the right half of a
    /// wide character.
    public static func changes(from old: CellBuffer?, to new: CellBuffer, gap: Int = 4) -> [Change] {
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { y in
                Change(x: 0, y: y, cells: (0..<new.width).map { new[$0, y] })
            }
        }
        var changes: [Change] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard old[x, y] != new[x, y] else {
                    x += 1
                    continue
                }
                var start = x
                // Back up to the wide character this continuation belongs to.
                while start > 0 && new[start, y].isContinuation { start -= 1 }
                // Extend the run while the next change is at most `gap` cells away.
                var lastChanged = x
                var probe = x + 1
                while probe < new.width && probe - lastChanged <= gap + 1 {
                    if old[probe, y] != new[probe, y] { lastChanged = probe }
                    probe += 1
                }
                var end = lastChanged + 1
                // Never end a run between a wide character and its right half.
                while end < new.width && new[end, y].isContinuation { end += 1 }
                if let last = changes.last, last.y == y, last.x + last.cells.count >= start {
                    // Overlaps the previous run (after backing up): extend it instead.
                    let from = last.x + last.cells.count
                    changes[changes.count - 1].cells += (from..<end).map { new[$0, y] }
                } else {
                    changes.append(Change(x: start, y: y, cells: (start..<end).map { new[$0, y] }))
                }
                x = end
            }
        }
        return changes
    }
}
