import CNcursesw
import TermCanvas

extension CursesTerminal {
    /// Writes changed cells into ncurses' virtual screen; nothing reaches the terminal until
    /// `present`.
    ///
    /// Each cell is placed at its own column, so a wide character's continuation cell is simply
    /// skipped: the wide character already covers it.
    public func draw(_ changes: [Change]) {
        guard let window else { return }
        for change in changes {
            for (k, cell) in change.cells.enumerated() where !cell.isContinuation {
                var glyph = glyph(for: cell)
                // At the bottom-right cell ncurses draws but answers ERR (it cannot advance the
                // cursor without scrolling, which is off): nothing to handle.
                _ = mvwadd_wch(window, Int32(change.y), Int32(change.x + k), &glyph)
            }
        }
    }

    /// Sends everything drawn since the last call to the terminal, in one update.
    public func present() {
        guard let window else { return }
        wnoutrefresh(window)
        doupdate()
    }

    /// A cell as an ncurses complex character: its grapheme (at most `CCHARW_MAX` scalars), the
    /// style's attributes and colour pair.
    private func glyph(for cell: Cell) -> cchar_t {
        let (attributes, pair) = palette.rendition(for: colorSupport.adapt(cell.style))
        var glyph = cchar_t()
        // Most cells hold one printable ASCII character (a frame of 120x40 is 4,800 cells): no
        // grapheme or width to work out for those.
        let utf8 = cell.symbol.utf8
        if utf8.count == 1, let byte = utf8.first, (0x20..<0x7F).contains(byte) {
            characters[0] = wchar_t(byte)
            characters[1] = 0
            setcchar(&glyph, characters, attributes, pair, nil)
            return glyph
        }
        var text = cell.symbol
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
            // Never send a control character, even one that bypassed CellBuffer's sanitizing.
            text = InertText.sanitize(text)
        }
        var count = 0
        func append(_ scalar: Unicode.Scalar) {
            guard count < Int(CCHARW_MAX) else { return }
            characters[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        // A cell holds one grapheme; anything after it would not fit the cell anyway.
        let scalars = text.first?.unicodeScalars ?? " ".unicodeScalars
        if let first = scalars.first, TextWidth.columns(first) == 0 {
            // A lone combining mark would join the cell to its left: give it a base of its own.
            append(" ")
        }
        scalars.forEach(append)
        characters[count] = 0

        if setcchar(&glyph, characters, attributes, pair, nil) != OK {
            characters[0] = wchar_t(bitPattern: 0xFFFD)
            characters[1] = 0
            setcchar(&glyph, characters, attributes, pair, nil)
        }
        return glyph
    }
}
