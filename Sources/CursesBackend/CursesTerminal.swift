import CNcursesw
import Glibc
import TermCanvas

/// A `TerminalBackend` over ncursesw: the full screen of the process's own terminal.
///
/// `open` switches the terminal to the alternate screen with the cursor hidden and keys read one
/// at a time; `close` (or deinit, or a fatal signal) puts it back exactly as it was. One terminal
/// can be open at a time.
public final class CursesTerminal: TerminalBackend {
    /// How many colours styles are drawn with: `none` under `--no-color`, `NO_COLOR` or a
    /// monochrome terminal.
    public let colorSupport: ColorSupport

    /// The ncurses screen; nil once closed.
    private var screen: OpaquePointer?
    /// The window everything is drawn in; nil once closed.
    private(set) var window: UnsafeMutablePointer<WINDOW>?
    var palette: ColorPalette
    /// Reused for each cell's wide characters, with room for the terminating zero.
    var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colorSupport: ColorSupport,
                 palette: ColorPalette) {
        self.screen = screen
        self.window = window
        self.colorSupport = colorSupport
        self.palette = palette
    }

    /// Takes over the terminal on standard input and output.
    ///
    /// Colour is off when `noColor` is true, when `NO_COLOR` is set and non-empty, or when the
    /// terminal has none. With `mouse`, clicks and the wheel arrive as `.mouse` events where the
    /// terminal has a mouse. Throws, having printed nothing, when the streams are not a terminal or
    /// `TERM` is unset, unknown, or cannot address the cursor.
    public static func open(noColor: Bool = false, mouse: Bool = true) throws(TerminalError) -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw .termUnset }
        TerminalLocale.select()

        guard SignalRestore.install() else { preconditionFailure("a CursesTerminal is already open") }
        // ncurses prefers exported LINES and COLUMNS to the tty's size, and then never sees a
        // resize (use_env(false) loses resizes too): forget them, so the tty's size is the truth.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard let screen = cnc_newterm() else {
            SignalRestore.uninstall()
            throw .unknownTerm(term)
        }
        // newterm accepts `dumb` and similar entries that cannot position the cursor.
        guard cnc_has_string_capability("cup") != 0, let window = cnc_stdscr() else {
            SignalRestore.restoreNow()
            SignalRestore.uninstall()
            delscreen(screen)
            throw .cannotAddressCursor(term: term)
        }
        SignalRestore.prepare()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        scrollok(window, false)
        // The cursor is hidden, so ncurses need not park it after each update.
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        defineAlternateKeys()
        if mouse { enableMouse() }

        let colorSupport = startColor(noColor: noColor)
        let palette = ColorPalette(
            enabled: colorSupport != .none, terminalDefaults: colorSupport != .none && use_default_colors() == OK)
        return CursesTerminal(screen: screen, window: window, colorSupport: colorSupport, palette: palette)
    }

    /// Starts colour when it is wanted and available, and says how much there is.
    private static func startColor(noColor: Bool) -> ColorSupport {
        let noColorVariable = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !noColor, !noColorVariable, has_colors(), start_color() == OK else { return .none }
        return cnc_colors() >= 256 ? .full256 : .eight
    }

    /// The terminal's size in columns and rows, as of the last resize event.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        var (rows, columns): (Int32, Int32) = (0, 0)
        cnc_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Gives the terminal back as it was before `open`: main screen, cursor visible, echo and
    /// line editing on. Safe to call more than once.
    public func close() {
        guard let screen else { return }
        endwin()
        SignalRestore.uninstall()
        delscreen(screen)
        self.screen = nil
        window = nil
    }

    deinit {
        close()
    }
}
