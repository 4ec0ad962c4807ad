extension CellBuffer {
    /// The frame as text, then its styles: after a `--- styles` line, one line per row that has
    /// styled cells, listing each run of one style as `first-last attributes` (columns from 0,
    /// inclusive), e.g. `3: 4-15 bold reverse fg=cyan | 20-29 dim`. Snapshots compare this, so a
    /// lost highlight fails a test as a lost character does.
    public var styledText: String {
        var rows: [String] = []
        for y in 0..<height {
            var runs: [String] = []
            var x = 0
            while x < width {
                let style = self[x, y].style
                var end = x
                while end + 1 < width, self[end + 1, y].style == style { end += 1 }
                if style != .plain { runs.append("\(x)-\(end) \(style.attributes)") }
                x = end + 1
            }
            if !runs.isEmpty { rows.append("\(y): " + runs.joined(separator: " | ")) }
        }
        return text + "\n--- styles\n" + rows.joined(separator: "\n")
    }
}

extension Style {
    /// The style as words: `bold dim underline reverse fg=cyan bg=red tint=neg2`, in that order.
    var attributes: String {
        var words: [String] = []
        if bold { words.append("bold") }
        if dim { words.append("dim") }
        if underline { words.append("underline") }
        if reverse { words.append("reverse") }
        if foreground != .default { words.append("fg=\(foreground.name)") }
        if background != .default { words.append("bg=\(background.name)") }
        if let tint { words.append("tint=\(tint.name)") }
        return words.joined(separator: " ")
    }
}

extension Color {
    /// `cyan`, or `#123` for a 256-colour index.
    var name: String {
        switch self {
        case .default: "default"
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        case .indexed(let n): "#\(n)"
        }
    }
}
