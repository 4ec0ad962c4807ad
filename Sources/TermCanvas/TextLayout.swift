/// Wrapping and fitting text to a number of columns, counting wide characters as two.
public enum TextLayout {
    /// Breaks `text` into lines of at most `width` columns at spaces; a word longer than a line
    /// is cut, never splitting a wide character across lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            let w = TextWidth.columns(word)
            if lineWidth > 0 && lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 || !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // Cut words wider than the line.
            while TextWidth.columns(word) > width {
                let head = fit(word, width: width)
                lines.append(String(head))
                word = word.dropFirst(head.count)
            }
            line = String(word)
            lineWidth = TextWidth.columns(word)
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func fit<S: StringProtocol>(_ text: S, width: Int) -> S.SubSequence {
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let w = TextWidth.columns(text[end])
            if used + w > width { break }
            used += w
            end = text.index(after: end)
        }
        return text[text.startIndex..<end]
    }

    /// Key hints on one line of `width` columns, separated by `separator`: when they do not all
    /// fit, whole hints give way from the end of `items`, but the last `keep` (`? keys`,
    /// `q back`) always stay; only if those alone are too wide is the line cut.
    public static func hints(_ items: [String], width: Int, keep: Int = 2, separator: String = "  ") -> String {
        var items = items
        var line = items.joined(separator: separator)
        while TextWidth.columns(line) > width, items.count > keep {
            items.remove(at: items.count - keep - 1)
            line = items.joined(separator: separator)
        }
        return truncate(line, width: width)
    }

    /// `text` cut to `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard TextWidth.columns(text) > width else { return text }
        guard width > 1 else { return String(fit(text, width: width)) }
        return String(fit(text, width: width - 1)) + "…"
    }
}
