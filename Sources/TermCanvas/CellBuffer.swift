/// One screen cell: the grapheme drawn there and its style. A wide character fills its first cell;
/// the cell to its right is a `continuation` with an empty symbol.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell("")

    public var isContinuation: Bool { symbol.isEmpty }
}

/// A rectangle of cells, `x` columns from the left and `y` rows from the top.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// The rectangle moved `x` columns right and `y` rows down.
    public func offsetBy(x dx: Int, y dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// True when the cell at column `x` of row `y` is inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The part of `self` inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }
}

/// A whole frame as a grid of cells. `view` draws into a fresh buffer; the backend sends only the
/// difference from the previous one to the terminal.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` of row `y`, clipped to `clip` (default: the whole row),
    /// sanitizing control characters. A wide character that would not fit whole is replaced by a
    /// space rather than split. Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x }
        var column = x
        for character in InertText.sanitize(text) {
            let w = TextWidth.columns(character)
            if w == 0 {
                // A stray combining mark joins the previous cell's grapheme.
                if column - 1 >= bounds.x, column - 1 < bounds.maxX { cells[y * width + column - 1].symbol.append(character) }
                continue
            }
            if column >= bounds.maxX { break }
            if column >= bounds.x {
                if w == 2 && column + 1 >= bounds.maxX {
                    set(column, y, Cell(" ", style: style))
                    return column + 1
                } else {
                    set(column, y, Cell(String(character), style: style))
                    if w == 2 { set(column + 1, y, Cell(Cell.continuation.symbol, style: style)) }
                }
            }
            column += w
        }
        return column
    }

    /// Sets one cell, repairing a wide character that the write cuts in half.
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting the right half of a wide character leaves its left half alone: blank it.
        if cells[i].isContinuation, x > 0, !cell.isContinuation, TextWidth.columns(cells[i - 1].symbol) == 2 {
            cells[i - 1].symbol = " "
        }
        // Overwriting the left half of a wide character orphans its right half: blank that.
        if !cells[i].isContinuation, TextWidth.columns(cells[i].symbol) == 2, x + 1 < width, !cell.isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Changes the style of every cell in `rect`, keeping the symbols.
    public mutating func style(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { transform(&cells[y * width + x].style) }
        }
    }

    /// Fills `rect` with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x] = Cell(" ", style: style) }
        }
    }

    /// Copies `other` into this buffer with its top-left corner at `(x, y)`, clipped.
    public mutating func draw(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                cells[(y + row) * width + x + col] = other[col, row]
            }
        }
    }

    /// The text of each row, trailing spaces removed: how snapshots compare frames.
    public var lines: [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width { row += self[x, y].symbol }
            while row.hasSuffix(" ") { row.removeLast() }
            return row
        }
    }

    /// The whole frame as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}
