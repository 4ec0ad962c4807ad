import CNcursesw
import Glibc

/// The process locale that ncursesw needs to read and write UTF-8.
enum TerminalLocale {
    /// Adopts the user's locale, falling back to `C.UTF-8` for characters when its codeset is not
    /// UTF-8 (ncursesw encodes and decodes with LC_CTYPE).
    ///
    /// LC_NUMERIC stays "C": numbers formatted through C (`String(format:)`) keep a decimal point,
    /// as in lessons and numpy, whatever the user's locale says.
    static func select() {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        if cnc_codeset_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
