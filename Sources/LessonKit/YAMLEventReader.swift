import CYaml

/// libyaml's event parser over one text: the events of a YAML document in order, with their
/// 1-based lines and columns, and its errors as values.
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
        var event = Event(type: raw.type, line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1)
        if raw.type == YAML_SCALAR_EVENT {
            let s = raw.data.scalar
            event.scalar = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            event.isPlain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nil
        }
        return event
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
