import CCmarkGFM

/// Block-level markdown → `Block`: paragraphs, headings, lists, quotes, tables, thematic breaks,
/// and fenced blocks (animations, quizzes, math, code).
extension LessonBuilder {
    /// The blocks a node makes (none for an HTML comment, or content nested too deep).
    /// `depth` counts the lists and quotes around the node.
    mutating func blocks(of node: MarkdownNode, depth: Int) -> [Block] {
        switch node.type {
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node)
            return content.isEmpty ? [] : [.paragraph(content)]
        case CMARK_NODE_HEADING:
            return [.heading(level: node.headingLevel, inlines(of: node))]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.thematicBreak]
        case CMARK_NODE_BLOCK_QUOTE:
            guard allowNesting(node, depth: depth) else { return [] }
            return [.quote(node.children.flatMap { blocks(of: $0, depth: depth + 1) })]
        case CMARK_NODE_LIST:
            guard allowNesting(node, depth: depth) else { return [] }
            let items = node.children.map { item in item.children.flatMap { blocks(of: $0, depth: depth + 1) } }
            let ordered = node.isOrderedList
            return [.list(ordered: ordered, start: ordered ? node.listStart : 1, items: items)]
        case CMARK_NODE_CODE_BLOCK:
            return fencedBlock(node, nested: depth > 0)
        case CMARK_NODE_HTML_BLOCK:
            // Raw HTML is shown as text, never interpreted; comments are authors' notes.
            let html = node.literal.trimmingWhitespace
            if html.hasPrefix("<!--") { return [] }
            return html.isEmpty ? [] : [.paragraph([.text(html)])]
        default:
            if node.typeString == "table" { return [.table(table(node))] }
            let text = node.plainText.trimmingWhitespace
            return text.isEmpty ? [] : [.paragraph([.text(text)])]
        }
    }

    /// False, with one diagnostic per file, when lists and quotes nest too deep.
    private mutating func allowNesting(_ node: MarkdownNode, depth: Int) -> Bool {
        guard depth >= LessonLimits.maxBlockNesting else { return true }
        if !reportedDeepNesting {
            log.report(position(of: node),
                       "lists and block quotes nested more than \(LessonLimits.maxBlockNesting) deep; the deeper content is left out")
            reportedDeepNesting = true
        }
        return false
    }

    /// A fenced or indented code block: an animation, a quiz, a computation, display math, or code
    /// to show. Animations, computations and quizzes belong at the top level of a step (the player finds them there):
    /// inside a list or a quote they are checked, reported and left out.
    private mutating func fencedBlock(_ node: MarkdownNode, nested: Bool) -> [Block] {
        var text = node.literal
        guard node.isFenced else {
            if text.hasSuffix("\n") { text.removeLast() }
            return [.code(language: "", text: text)]
        }
        let fence = position(of: node)
        let body = FencedBody(text: text, fence: fence, columnOffset: fence.column - 1)
        let kind = FenceKind(info: node.fenceInfo)
        if nested {
            switch kind {
            case .animation(let animation):
                log.report(fence, "\(animation.rawValue): an animation block must stand at the top level of a step, not inside a list or quote")
            case .quiz:
                log.report(fence, "quiz: a quiz block must stand at the top level of a step, not inside a list or quote")
            case .compute:
                log.report(fence, "compute: a compute block must stand at the top level of a step, not inside a list or quote")
            case .exercise, .starter, .solution:
                log.report(fence, "\(node.fenceInfo): an exercise's blocks must stand at the top level of a step, not inside a list or quote")
            default:
                break
            }
        }
        switch kind {
        case .animation(let kind):
            let animation = Animation.read(kind, body: body, log: &log)
            return nested ? [] : [.animation(animation)]
        case .quiz:
            let (item, id) = QuizItem.read(body: body, log: &log)
            if let (id, place) = id {
                if let first = quizLines[id] {
                    log.report(place, "duplicate quiz id '\(id)' (first used at line \(first))")
                    return []
                }
                quizLines[id] = fence.line
            }
            return nested ? [] : item.map { [.quiz($0)] } ?? []
        case .compute:
            let computation = Computation.read(body: body, log: &log)
            return nested ? [] : computation.map { [.compute($0)] } ?? []
        case .math:
            return [.math(MathText.render(text))]
        case .exercise:
            let spec = ExerciseSpec.read(body: body, log: &log)
            if !nested { exerciseParts.add(.spec, at: fence, spec.map(ExerciseParts.Part.spec), log: &log) }
            return []
        case .starter, .solution:
            if text.hasSuffix("\n") { text.removeLast() }
            let role: ExerciseParts.Role = kind == .starter ? .starter : .solution
            if !nested { exerciseParts.add(role, at: fence, .code(text), log: &log) }
            return []
        case .code(let language):
            if text.hasSuffix("\n") { text.removeLast() }
            return [.code(language: language, text: text)]
        case .misspelt(let word, let suggestion):
            log.report(fence, "unknown block kind '\(word)' (did you mean '\(suggestion)'?)")
            if text.hasSuffix("\n") { text.removeLast() }
            return [.code(language: word, text: text)]
        }
    }

    /// A GitHub table: alignments, the header row, and the body rows, each as wide as the header.
    private mutating func table(_ node: MarkdownNode) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node.raw))
        var alignments = [Table.Alignment](repeating: .none, count: columns)
        if let raw = cmark_gfm_extensions_get_table_alignments(node.raw) {
            for k in 0..<columns {
                switch raw[k] {
                case UInt8(ascii: "l"): alignments[k] = .left
                case UInt8(ascii: "c"): alignments[k] = .center
                case UInt8(ascii: "r"): alignments[k] = .right
                default: break
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            var cells = row.children.filter { $0.typeString == "table_cell" }.map { inlines(of: $0) }
            cells = Array(cells.prefix(columns)) + Array(repeating: [], count: max(0, columns - cells.count))
            if row.typeString == "table_header" { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }
}
