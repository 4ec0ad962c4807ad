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
        var result: [Inline] = []
        result.reserveCapacity(items.count)
        // Texts are gathered in one buffer, so joining many pieces stays linear.
        var pending = ""
        var k = 0
        while k < items.count {
            switch items[k] {
            case .text(let text):
                pending += text
            case .code(let tex) where pending.utf8.last == UInt8(ascii: "$") && k + 1 < items.count:
                guard case .text(let after) = items[k + 1], after.utf8.first == UInt8(ascii: "$") else {
                    fallthrough
                }
                pending.removeLast()
                if !pending.isEmpty { result.append(.text(pending)) }
                result.append(.math(MathText.render(tex)))
                pending = String(after.dropFirst())
                k += 1
            default:
                if !pending.isEmpty { result.append(.text(pending)) }
                pending = ""
                result.append(items[k])
            }
            k += 1
        }
        if !pending.isEmpty { result.append(.text(pending)) }
        return result
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
