import CNcursesw
import TermCanvas

extension CursesTerminal {
    /// The next key, resize or mouse event, waiting at most `timeout` seconds (`nil`: as long as it
    /// takes).
    ///
    /// Returns nil when the wait timed out, was interrupted by a signal, or the input has no
    /// `Key` (an unknown function key) or is a mouse event the tutor does not use. The wait is a
    /// blocking read, so an idle tutor uses no CPU.
    public func nextEvent(timeout: Double?) -> InputEvent? {
        guard let window else { return nil }
        wtimeout(window, Self.milliseconds(timeout))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case KEY_CODE_YES where Int32(code) == KEY_RESIZE:
            // The terminal may have reflowed or cleared what it showed: repaint it all next time.
            clearok(cnc_curscr(), true)
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_CODE_YES where Int32(code) == KEY_MOUSE:
            return Self.mouseEvent().map(InputEvent.mouse)
        case KEY_CODE_YES:
            return Self.key(forCode: Int32(code)).map(InputEvent.key)
        case OK:
            return Self.key(forCharacter: UInt32(code)).map(InputEvent.key)
        default:
            return nil
        }
    }

    /// Teaches ncurses the arrow, Home and End sequences that terminfo does not list for `TERM`.
    ///
    /// tmux, screen, rxvt and the Linux console send `ESC [ 1 ~` and `ESC [ 4 ~` for Home and End,
    /// xterm `ESC O H` or `ESC [ H`: with TERM=xterm-256color inside tmux (a common setting) Home
    /// would arrive as Escape and three characters. Arrows come as `ESC [ A` rather than
    /// `ESC O A` while keypad mode is off, as for the first key after a resume from Ctrl-Z (ncurses
    /// turns it back on only at its next read). Sequences the entry already binds are kept.
    static func defineAlternateKeys() {
        let alternates: [(String, Int32)] = [
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, key) in alternates where key_defined(sequence) == 0 {
            define_key(sequence, key)
        }
    }

    /// `timeout` for `wtimeout`: -1 blocks, 0 only looks; a positive wait never rounds down to 0.
    static func milliseconds(_ timeout: Double?) -> Int32 {
        guard let timeout else { return -1 }
        guard timeout > 0 else { return 0 }
        guard timeout < Double(Int32.max) / 1000 else { return -1 }
        return Int32((timeout * 1000).rounded(.up))
    }

    /// The key for an ncurses key code (`KEY_*`).
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        default:
            let n = Int(code - cnc_key_f(0))
            return (1...63).contains(n) ? .function(n) : nil
        }
    }

    /// The key for a character as typed: control characters become named keys or `.control`,
    /// anything printable becomes `.character`.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 0x60)!))
        case 0..<0x20, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
