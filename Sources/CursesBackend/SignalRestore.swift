import CNcursesw

/// The shim's async-signal-safe terminal restore, seen from Swift.
///
/// Every call into that state is in this file on purpose: the state is `static` C, and each
/// Swift object file that calls the shim's inline functions gets its own copy of it.
enum SignalRestore {
    /// Saves the tty mode and catches SIGINT, SIGTERM, SIGHUP, SIGQUIT and the crash signals.
    /// Call before `newterm`. False when a terminal is already open.
    static func install() -> Bool {
        cnc_restore_install() == 0
    }

    /// Precomputes the bytes that leave curses mode, from the terminfo entry `newterm` loaded, and
    /// holds back stderr until the terminal is restored (so a trap's message is not lost with the
    /// alternate screen).
    static func prepare() {
        cnc_restore_prepare(0)
        cnc_stderr_hold()
    }

    /// Makes the restore turn the mouse off too (`true`), or not: call with `true` before asking
    /// for the mouse, so that a signal while it goes on still turns it off.
    static func restoresMouse(_ on: Bool) {
        cnc_restore_prepare(on ? 1 : 0)
    }

    /// Puts the tty back in its saved mode now, for a `newterm` that succeeded but is unusable.
    static func restoreNow() {
        cnc_restore_now()
    }

    /// Gives every signal back the action it had before `install`, and stderr its terminal, showing
    /// what was written to it meanwhile.
    static func uninstall() {
        cnc_restore_uninstall()
    }
}
