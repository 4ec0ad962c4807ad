import CCmarkGFM

/// Inline markdown → `Inline`: text, emphasis, code spans, inline math, links, images, breaks.
extension LessonBuilder {
    /// The inline content of a paragraph, heading, table cell, emphasis or link.
    func inlines(of node: MarkdownNode, depth: Int = 0) -> [Inline] {
        var items: [Inline] = []
        for child in node.children {
            switch child.type {
            case CMARK_NODE_TEXT:
                items.append(.text(child.literal))
            case CMARK_NODE_SOFTBREAK:
                items.append(.softBreak)
            case CMARK_NODE_LINEBREAK:
                items.append(.lineBreak)
            case CMARK_NODE_CODE:
                items.append(.code(child.literal))
            case CMARK_NODE_HTML_INLINE:
                // Raw HTML is shown as text; `<br>` breaks the line; comments are left out.
                let html = child.literal
                let tag = html.lowercased().filter { !$0.isWhitespace }
                if ["<br>", "<br/>"].contains(tag) {
                    items.append(.lineBreak)
                } else if !html.hasPrefix("<!--") {
                    items.append(.text(html))
                }
            case CMARK_NODE_IMAGE:
                items.append(.image(alt: child.plainText))
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                // Spans nested deeper than anyone writes become their plain text.
                guard depth < LessonLimits.maxInlineNesting else {
                    items.append(.text(child.plainText))
                    continue
                }
                let content = inlines(of: child, depth: depth + 1)
                switch child.type {
                case CMARK_NODE_EMPH: items.append(.emphasis(content))
                case CMARK_NODE_STRONG: items.append(.strong(content))
                default: items.append(.link(text: content, destination: child.url))
                }
            default:
                items.append(.text(child.plainText))
            }
        }
        return Self.withMath(items)
    }

    /// Turns each code span written between dollars, `` $`x_i`$ ``, into `.math`, then drops
    /// empty texts and joins neighbouring ones.
    static func withMath(_ items: [Inline]) -> [Inline] {
        var items = items
        var result: [Inline] = []
        for k in items.indices {
            if case .code(let tex) = items[k], case .text(let before)? = result.last, before.hasSuffix("$"),
               k + 1 < items.count, case .text(let after) = items[k + 1], after.hasPrefix("$") {
                result[result.count - 1] = .text(String(before.dropLast()))
                items[k + 1] = .text(String(after.dropFirst()))
                result.append(.math(MathText.render(tex)))
                continue
            }
            result.append(items[k])
        }
        // Texts are gathered in one buffer, so joining many pieces stays linear.
        var merged: [Inline] = []
        var pending = ""
        for item in result {
            if case .text(let text) = item {
                pending += text
                continue
            }
            if !pending.isEmpty { merged.append(.text(pending)) }
            pending = ""
            merged.append(item)
        }
        if !pending.isEmpty { merged.append(.text(pending)) }
        return merged
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: math as rendered, links as their text, images as
    /// their alt text, breaks as spaces.
    var plainText: String {
        map { inline in
            switch inline {
            case .text(let s), .code(let s), .math(let s), .image(let s): s
            case .emphasis(let content), .strong(let content), .link(let content, _): content.plainText
            case .softBreak, .lineBreak: " "
            }
        }.joined()
    }
}
