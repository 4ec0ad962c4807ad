import CCmarkGFM

/// A markdown text parsed by cmark-gfm with the GitHub table extension: the node tree, freed
/// with the document.
///
/// cmark-gfm 0.29 exports no constants for the table nodes: they are told apart by their type
/// strings (`table`, `table_header`, `table_row`, `table_cell`).
final class MarkdownDocument {
    let root: MarkdownNode

    /// Registers the core extensions once per process (cmark-gfm keeps them in a global list).
    // Written once (a `static let` is initialised exactly once), then only read.
    nonisolated(unsafe) private static let tableExtension = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("table")
    }()

    /// Parses `markdown`; `tables: false` leaves `|` lines as paragraphs.
    init(_ markdown: String, tables: Bool) {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        if tables, let table = Self.tableExtension {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        // Adjacent text nodes (split at `[`, `!`, …) become one, so `$` next to a code span is found.
        cmark_consolidate_text_nodes(document)
        root = MarkdownNode(raw: document)
    }

    deinit {
        cmark_node_free(root.raw)
    }
}

/// A node of a `MarkdownDocument`; valid while the document lives.
struct MarkdownNode {
    let raw: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(raw) }

    /// The type as cmark-gfm names it: `paragraph`, `table_cell`, …
    var typeString: String { String(cString: cmark_node_get_type_string(raw)) }

    var children: [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var child = cmark_node_first_child(raw)
        while let node = child {
            nodes.append(MarkdownNode(raw: node))
            child = cmark_node_next(node)
        }
        return nodes
    }

    var firstChild: MarkdownNode? { cmark_node_first_child(raw).map(MarkdownNode.init) }
    var parent: MarkdownNode? { cmark_node_parent(raw).map(MarkdownNode.init) }

    var literal: String { cmark_node_get_literal(raw).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(raw).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(raw).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    var isOrderedList: Bool { cmark_node_get_list_type(raw) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(raw)) }

    var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(raw, &length, &offset, &character) != 0
    }

    /// The 1-based start line; soft breaks report 0, so they (and anything else without a line)
    /// take their parent's.
    var line: Int {
        var node: MarkdownNode? = self
        while let n = node {
            let line = Int(cmark_node_get_start_line(n.raw))
            if line > 0 { return line }
            node = n.parent
        }
        return 1
    }

    /// The 1-based start column in bytes.
    var byteColumn: Int { max(1, Int(cmark_node_get_start_column(raw))) }

    /// The text of the node and everything inside it, without markup (walked without recursion).
    var plainText: String {
        var out = ""
        guard let iterator = cmark_iter_new(raw) else { return out }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                out += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out
    }
}
