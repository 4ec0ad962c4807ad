/// A titled grid of values, as the explorer draws inputs, kernels and outputs.
///
/// Every cell is right-aligned in a common width with one separator column before it. Marked
/// cells are shown with brackets in those separator columns — `[ 1  2  3]` for a highlighted run —
/// and in reverse video, so highlights read without colour and in plain-text snapshots.
public struct GridWidget: Sendable {
    public enum Mark: Equatable, Sendable {
        case none
        /// Part of the current window or receptive field: `[ ]` and reverse video.
        case highlight
        /// The cell being computed: `[ ]`, reverse and bold.
        case target
        /// The explorer's cursor: `{ }`.
        case cursor
    }

    public var title: String
    /// The text of each cell, rows × columns.
    public var cells: [[String]]
    public var marks: [[Mark]]
    /// Cells drawn dim (padding).
    public var faint: [[Bool]]
    public var titleStyle: Style

    public init(title: String, cells: [[String]], marks: [[Mark]], faint: [[Bool]], titleStyle: Style = Style(bold: true)) {
        self.title = title
        self.cells = cells
        self.marks = marks
        self.faint = faint
        self.titleStyle = titleStyle
    }

    /// The width every cell is padded to.
    public var cellWidth: Int { cells.flatMap { $0 }.map { TextWidth.columns($0) }.max() ?? 1 }

    public var columns: Int { cells.first?.count ?? 0 }

    /// Columns and rows the widget needs: the title line plus one line per row.
    public var size: (width: Int, height: Int) {
        (max(TextWidth.columns(title), columns * (cellWidth + 1) + 1), cells.count + 1)
    }

    /// Where cell (`row`, `col`) is drawn, from the widget's top-left corner: the separator column
    /// before it (where its opening bracket goes), then its text.
    public func cellRect(row: Int, col: Int) -> Rect {
        Rect(x: col * (cellWidth + 1), y: 1 + row, width: cellWidth + 1, height: 1)
    }

    /// Draws the widget with its top-left corner at `(x, y)`.
    public func draw(into buffer: inout CellBuffer, x: Int, y: Int) {
        buffer.put(title, x: x, y: y, style: titleStyle)
        let w = cellWidth
        let blank = String(repeating: " ", count: w)
        for (r, row) in cells.enumerated() {
            let line = y + 1 + r
            for (c, text) in row.enumerated() {
                let left = x + c * (w + 1)
                let mark = marks[r][c]
                var style = Style(dim: faint[r][c])
                if mark == .highlight || mark == .target { style.reverse = true }
                if mark == .target || mark == .cursor { style.bold = true }
                let padded = String(blank.prefix(w - TextWidth.columns(text))) + text
                buffer.put(padded, x: left + 1, y: line, style: style)
                // Brackets sit in the separator columns around each run of marked cells.
                if mark != .none {
                    let (open, close): (String, String) = mark == .cursor ? ("{", "}") : ("[", "]")
                    if c == 0 || marks[r][c - 1] != mark { buffer.put(open, x: left, y: line, style: Style(bold: true)) }
                    if c == row.count - 1 || marks[r][c + 1] != mark { buffer.put(close, x: left + w + 1, y: line, style: Style(bold: true)) }
                }
            }
        }
    }
}
