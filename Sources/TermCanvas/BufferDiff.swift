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
                var end = x + 1
                var unchanged = 0
                while end < new.width {
                    if old[end, y] != new[end, y] || new[end, y].isContinuation {
                        unchanged = 0
                    } else {
                        unchanged += 1
                        if unchanged > gap { break }
                    }
                    end += 1
                }
                end -= unchanged
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
