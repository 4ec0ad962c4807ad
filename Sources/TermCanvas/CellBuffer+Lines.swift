extension CellBuffer {
    /// The buffer's rows as styled lines, one span per run of cells in one style, trailing blanks
    /// dropped: a drawn widget, placed on a page that scrolls.
    public var styledLines: [StyledLine] {
        (0..<height).map { y in
            var line: StyledLine = []
            for x in 0..<width where !self[x, y].isContinuation {
                let cell = self[x, y]
                if let last = line.last, last.style == cell.style {
                    line[line.count - 1].text += cell.symbol
                } else {
                    line.append(Span(cell.symbol, cell.style))
                }
            }
            // Blank plain cells at the end of a row carry nothing.
            while let last = line.last, last.style == .plain, last.text.allSatisfy({ $0 == " " }) { line.removeLast() }
            if let last = line.last, last.style == .plain {
                line[line.count - 1].text = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            }
            return line
        }
    }
}
