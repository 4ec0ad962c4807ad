import CLibYAML

/// libyaml's event parser over one text: the events of a YAML document in order, with their
/// 1-based lines and columns, and its errors as values.
///
/// libyaml 0.2.5 nests collections without limit; the versions after it refuse a collection that
/// starts 1,000 levels deep, and so does this reader, with the same message at the same place.
struct EventReader {
    /// One event: its type, where it starts, and for a scalar its text and whether it is plain.
    struct Event {
        var type: yaml_event_type_t
        var line: Int
        var column: Int
        var scalar = ""
        /// A plain scalar without a tag, whose type the core schema decides.
        var isPlain = false
    }

    /// What libyaml refused, or a key written twice.
    enum ReadError: Error {
        case syntax(problem: String, line: Int, column: Int, context: (text: String, line: Int, column: Int)?)
        case duplicate(key: String, line: Int, column: Int)
        /// A character libyaml does not read, at a byte offset of the text.
        case reader(problem: String, byte: Int)
    }

    /// Block indentations and flow brackets open at once, at most (libyaml's `MAX_NESTING_LEVEL`).
    static let maxNesting = 1000

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        bytes = .allocate(capacity: max(1, text.utf8.count))
        _ = bytes.initialize(from: text.utf8)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, text.utf8.count)
    }

    /// Frees the parser and the copy of the text.
    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
        bytes.deallocate()
    }

    /// The next event.
    mutating func next() throws(ReadError) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { throw error() }
        defer { yaml_event_delete(&raw) }
        if raw.type == YAML_SEQUENCE_START_EVENT || raw.type == YAML_MAPPING_START_EVENT, let tooDeep = nestingError(raw) {
            throw tooDeep
        }
        var event = Event(type: raw.type, line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1)
        if raw.type == YAML_SCALAR_EVENT {
            let s = raw.data.scalar
            event.scalar = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            event.isPlain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nil
        }
        return event
    }

    /// The error of libyaml after 0.2.5 when a collection starts too deep, else `nil`.
    ///
    /// libyaml checks the scanner's open indentations and flow level (which may run ahead of the
    /// events) as it meets the collection's first token, and reports that token's start in the
    /// context of the node's start. The event has just been made from that token, which is still
    /// at the head of the scanner's queue, so the state it would have checked is there to read.
    private func nestingError(_ start: yaml_event_t) -> ReadError? {
        let p = parser.pointee
        guard let first = p.indents.start, let top = p.indents.top, let token = p.tokens.head,
              first.distance(to: top) >= Self.maxNesting - Int(p.flow_level) else { return nil }
        let at = token.pointee.start_mark
        // libyaml's words, stray parenthesis included, so the diagnostic reads as it always has.
        return .syntax(problem: "Maximum nesting level reached, set with yaml_set_max_nest_level())",
                       line: Int(at.line) + 1, column: Int(at.column) + 1,
                       context: (text: "while parsing", line: Int(start.start_mark.line) + 1,
                                 column: Int(start.start_mark.column) + 1))
    }

    /// The parser's error as a value.
    private func error() -> ReadError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
        if p.error == YAML_READER_ERROR {
            return .reader(problem: problem, byte: p.problem_offset)
        }
        let context = p.context.map {
            (text: String(cString: $0), line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1)
        }
        return .syntax(problem: problem, line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1,
                       context: context)
    }
}
