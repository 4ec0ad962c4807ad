/// Where a scrolled text is: the first line shown. Moves stop at the ends, so a key pressed past
/// the last line needs no undoing.
public struct ScrollPosition: Equatable, Sendable {
    /// A way to move.
    public enum Move: Equatable, Sendable {
        case lineUp, lineDown, pageUp, pageDown, top, bottom
        /// `n` lines down, or up when `n` is negative (a notch of the mouse wheel).
        case lines(Int)
    }

    /// The first line shown (0-based).
    public private(set) var top = 0

    public init(top: Int = 0) {
        self.top = max(0, top)
    }

    /// The first line that can be shown when `count` lines scroll in a window of `visible`.
    public static func lastTop(count: Int, visible: Int) -> Int {
        max(0, count - max(1, visible))
    }

    /// Moves within `count` lines shown `visible` at a time; a page keeps one line of the last
    /// page in view.
    public mutating func move(_ move: Move, count: Int, visible: Int) {
        let page = max(1, visible - 1)
        switch move {
        case .lineUp: top -= 1
        case .lineDown: top += 1
        case .pageUp: top -= page
        case .pageDown: top += page
        case .top: top = 0
        case .bottom: top = Self.lastTop(count: count, visible: visible)
        case .lines(let n): top += n
        }
        top = min(max(0, top), Self.lastTop(count: count, visible: visible))
    }

    /// The position clamped to `count` lines in a window of `visible` (after a resize or when the
    /// text changed).
    public func clamped(count: Int, visible: Int) -> ScrollPosition {
        ScrollPosition(top: min(top, Self.lastTop(count: count, visible: visible)))
    }
}

/// Lines of styled text in a rectangle, from a scroll position; the rectangle's last column (the
/// lines are wrapped to one column less) shows `▲` on the top row when lines are hidden above and
/// `▼` on the bottom row when lines are hidden below, so a reader always knows there is more.
public struct ScrollView {
    public var lines: [StyledLine]
    public var position: ScrollPosition

    public init(lines: [StyledLine], position: ScrollPosition) {
        self.lines = lines
        self.position = position
    }

    /// The lines shown in a window of `visible` rows: their range in `lines`.
    public func shown(visible: Int) -> Range<Int> {
        let top = position.clamped(count: lines.count, visible: visible).top
        return top..<min(lines.count, top + max(0, visible))
    }

    /// True when the text is longer than the window.
    public func scrolls(visible: Int) -> Bool { lines.count > visible }

    /// Adds to `frame` the regions of `hits`, recorded in the lines' own coordinates (the column in
    /// a line, the line's index), where they lie once the lines are drawn into `rect`: scrolled,
    /// and only where shown.
    public func place<Target>(_ hits: HitMap<Target>, in rect: Rect, into frame: inout HitMap<Target>) {
        let text = Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: rect.height)
        frame.add(hits, x: rect.x, y: rect.y - shown(visible: rect.height).lowerBound, clip: text)
    }

    /// Draws into `rect` (the text in all but the last column, which holds the marks).
    public func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let range = shown(visible: rect.height)
        let text = Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: rect.height)
        for (row, k) in range.enumerated() {
            buffer.put(lines[k], x: rect.x, y: rect.y + row, clip: text)
        }
        let marks = Style(bold: true)
        if range.lowerBound > 0 { buffer.put("▲", x: rect.maxX - 1, y: rect.y, style: marks) }
        if range.upperBound < lines.count { buffer.put("▼", x: rect.maxX - 1, y: rect.maxY - 1, style: marks) }
    }
}
