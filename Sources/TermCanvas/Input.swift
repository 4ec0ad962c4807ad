/// A key as the tutor understands it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
}

/// What the terminal reports.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A click or a turn of the wheel, when the mouse is on.
    case mouse(MouseEvent)
}

/// How many colours the terminal can show; `none` also for `NO_COLOR` and `--no-color`.
public enum ColorSupport: Sendable {
    case none, eight, full256

    /// Whether values are tinted as a heat map: the graded steps of two hues need 256 colours
    /// (eight would leave a saturated block that hides the number).
    public var showsTint: Bool { self == .full256 }

    /// `style` as this terminal can show it: a tint painted as its colours with 256, dropped
    /// otherwise.
    public func adapt(_ style: Style) -> Style {
        switch self {
        case .full256:
            guard let tint = style.tint else { return style }
            var s = style
            s.background = tint.background
            s.foreground = tint.ink
            s.tint = nil
            return s
        case .none: return style.withoutColor
        case .eight:
            var s = style
            s.foreground = style.foreground.ansi8
            s.background = style.background.ansi8
            s.tint = nil
            return s
        }
    }
}

/// A terminal that can show frames: ncurses in the program, a recorder in tests.
public protocol TerminalBackend {
    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Draws changed cells; nothing appears until `present`.
    mutating func draw(_ changes: [Change])
    /// Shows everything drawn since the last call, in one write.
    mutating func present()
    /// The next input, waiting at most `timeout` seconds (`nil`: until there is one). `nil` when
    /// the wait timed out.
    mutating func nextEvent(timeout: Double?) -> InputEvent?
}

/// A backend that keeps the screen as a `CellBuffer`, for tests: every `draw` is applied to
/// `screen`, and events are taken from a queue.
public struct TestBackend: TerminalBackend {
    public private(set) var screen: CellBuffer
    public var events: [InputEvent]
    /// How many `present` calls happened, and how many cells were drawn in all.
    public private(set) var presents = 0
    public private(set) var cellsDrawn = 0

    public init(width: Int, height: Int, events: [InputEvent] = []) {
        screen = CellBuffer(width: width, height: height)
        self.events = events
    }

    public var size: (width: Int, height: Int) { (screen.width, screen.height) }

    public mutating func draw(_ changes: [Change]) {
        for change in changes {
            for (k, cell) in change.cells.enumerated() { screen.set(change.x + k, change.y, cell) }
            cellsDrawn += change.cells.count
        }
    }

    public mutating func present() {
        presents += 1
    }

    public mutating func nextEvent(timeout: Double?) -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let w, let h) = event { screen = CellBuffer(width: w, height: h) }
        return event
    }
}
