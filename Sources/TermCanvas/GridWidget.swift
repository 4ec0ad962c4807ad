/// A titled grid of values, as the explorer draws inputs, kernels and outputs.
///
/// Every cell is right-aligned in a common width with one separator column before it. Marks read
/// without colour and in plain-text snapshots: in each row, every maximal run of adjacent marked
/// cells — whatever their kinds — is bracketed once, `[ 1  2  3]`, the opening bracket in the
/// separator column before its first cell and the closing one after its last; the separator
/// columns inside a run stay blank. So two brackets never claim the same column. Within a run the
/// kinds differ by attributes: a highlight is in reverse video, a target in reverse and bold, and
/// the cursor cell is bold and underlined on top of its own mark.
///
/// Cells may carry a heat-map tint behind their numbers; a marked cell shows its reverse video
/// instead, so a mark always reads the same.
public struct GridWidget: Sendable {
    public enum Mark: Equatable, Sendable {
        case none
        /// Part of the current window or receptive field: reverse video.
        case highlight
        /// The cell being computed: reverse and bold.
        case target
    }

    public var title: String
    /// The text of each cell, rows × columns.
    public var cells: [[String]] { didSet { cellWidth = Self.widest(cells) } }
    /// The width every cell is padded to: the widest text's. Kept, not measured again, since every
    /// cell's place depends on it.
    public private(set) var cellWidth: Int
    public var marks: [[Mark]]
    /// Cells drawn dim (padding).
    public var faint: [[Bool]]
    /// The cell under the learner's cursor, if the grid has it: bold, underlined and bracketed.
    public var cursor: (row: Int, col: Int)?
    /// Each cell's heat-map tint, rows × columns; nil for a grid drawn without tints.
    public var tints: [[Tint?]]?
    public var titleStyle: Style

    public init(title: String, cells: [[String]], marks: [[Mark]], faint: [[Bool]], cursor: (row: Int, col: Int)? = nil,
                tints: [[Tint?]]? = nil, titleStyle: Style = Style(bold: true)) {
        self.title = title
        self.cells = cells
        self.cellWidth = Self.widest(cells)
        self.marks = marks
        self.faint = faint
        self.cursor = cursor
        self.tints = tints
        self.titleStyle = titleStyle
    }

    /// The columns of the widest text of `cells`; 1 when there is none.
    static func widest(_ cells: [[String]]) -> Int {
        cells.lazy.flatMap { $0 }.map { TextWidth.columns($0) }.max() ?? 1
    }

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

    /// Whether the cell at row `r`, column `c` belongs to a bracketed run: marked, or the cursor.
    func isMarked(_ r: Int, _ c: Int) -> Bool {
        marks[r][c] != .none || (cursor?.row == r && cursor?.col == c)
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
                let isCursor = cursor?.row == r && cursor?.col == c
                var style = Style(dim: faint[r][c], tint: mark == .none ? tints?[r][c] : nil)
                style.reverse = mark != .none
                style.bold = mark == .target || isCursor
                style.underline = isCursor
                let padded = String(blank.prefix(w - TextWidth.columns(text))) + text
                buffer.put(padded, x: left + 1, y: line, style: style)
                // One pair of brackets around each run, in the separator columns at its ends.
                guard isMarked(r, c) else { continue }
                if c == 0 || !isMarked(r, c - 1) { buffer.put("[", x: left, y: line, style: Style(bold: true)) }
                if c == row.count - 1 || !isMarked(r, c + 1) { buffer.put("]", x: left + w + 1, y: line, style: Style(bold: true)) }
            }
        }
    }
}
