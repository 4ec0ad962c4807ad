/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text.
public typealias StyledLine = [Span]

extension CellBuffer {
    /// Writes a styled line from column `x` of row `y`, clipped to `clip`; returns the column
    /// after the last one written.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in line { column = put(span.text, x: column, y: y, style: span.style, clip: clip) }
        return column
    }
}

extension Array where Element == Span {
    /// The line's text without its styles.
    public var plainText: String { map(\.text).joined() }

    /// The columns the line takes.
    public var columns: Int { reduce(0) { $0 + TextWidth.columns($1.text) } }
}
