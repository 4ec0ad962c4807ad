import CNcursesw
import TermCanvas

extension CursesTerminal {
    /// Asks the terminal to report presses of the primary button and the wheel. A terminal
    /// without a mouse (ncurses knows none for `TERM`) leaves it off, and the restore with it.
    ///
    /// Presses are reported at once (`mouseinterval(0)`: no wait to see whether a release makes a
    /// click of it), and releases and motion not at all, so ncurses uses the xterm protocol's
    /// basic mode (1000; with SGR coordinates, 1006, where the terminfo entry says so) and the
    /// terminal still selects text with Shift held.
    static func enableMouse() {
        // Before the terminal is asked: a signal meanwhile still turns the mouse off.
        SignalRestore.restoresMouse(true)
        mouseinterval(0)
        if mousemask(cnc_button1_pressed() | cnc_wheel_up() | cnc_wheel_down(), nil) == 0 {
            SignalRestore.restoresMouse(false)
        }
    }

    /// The mouse event ncurses has read, when it is one the tutor uses.
    static func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & cnc_button1_pressed() != 0 {
            kind = .press
        } else if event.bstate & cnc_wheel_up() != 0 {
            kind = .wheelUp
        } else if event.bstate & cnc_wheel_down() != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return MouseEvent(kind, x: Int(event.x), y: Int(event.y))
    }
}
