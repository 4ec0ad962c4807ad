import TermCanvas

/// A light highlight for code listings: keywords bold, comments and strings dim, for Python and
/// Swift; other languages plain. Lines longer than the width are cut with `…`, never wrapped.
enum CodeHighlight {
    static let keywords: [String: Set<String>] = [
        "python": ["def", "return", "for", "in", "if", "elif", "else", "import", "from", "as", "class", "while",
                   "and", "or", "not", "None", "True", "False", "lambda", "with", "range", "yield", "pass"],
        "swift": ["func", "let", "var", "return", "for", "in", "if", "else", "import", "struct", "class", "enum",
                  "case", "switch", "guard", "while", "true", "false", "nil", "throws", "try", "public", "static"],
    ]

    static func spans(_ line: String, language: String, width: Int) -> [Span] {
        let text = TextLayout.truncate(line, width: max(1, width))
        let lang = language.lowercased() == "py" ? "python" : language.lowercased()
        guard let words = keywords[lang] else { return [Span(text)] }
        let comment = lang == "python" ? "#" : "//"
        var spans: [Span] = []
        var word = ""
        var inString: Character?
        var rest = Substring(text)
        func flushWord() {
            guard !word.isEmpty else { return }
            spans.append(Span(word, words.contains(word) ? Style(bold: true) : .plain))
            word = ""
        }
        while let ch = rest.first {
            if inString == nil && rest.hasPrefix(comment) {
                flushWord()
                spans.append(Span(String(rest), Style(dim: true)))
                break
            }
            rest = rest.dropFirst()
            if let quote = inString {
                word.append(ch)
                if ch == quote {
                    spans.append(Span(word, Style(dim: true)))
                    word = ""
                    inString = nil
                }
            } else if ch == "\"" || ch == "'" {
                flushWord()
                word.append(ch)
                inString = ch
            } else if ch.isLetter || ch.isNumber || ch == "_" {
                word.append(ch)
            } else {
                flushWord()
                spans.append(Span(String(ch)))
            }
        }
        if inString != nil { spans.append(Span(word, Style(dim: true))) } else { flushWord() }
        return spans
    }
}
