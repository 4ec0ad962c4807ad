/// The YAML front matter between the first two `---` lines of a lesson, and the lesson's
/// `LessonMeta` read from it.
struct FrontMatter {
    /// The YAML between the delimiters.
    var yaml: String
    /// The line of the closing `---` (the opening one is line 1).
    var closingLine: Int
    /// The file's text with the front matter replaced by as many empty lines, so that markdown
    /// line numbers stay those of the file.
    var body: String

    enum Split {
        case missing
        case unclosed
        case found(FrontMatter)
    }

    /// Front matter opens with `---` on the first line and closes with `---` or `...`.
    static func split(_ text: String) -> Split {
        var yamlLines: [Substring] = []
        var lineNumber = 0
        var index = text.startIndex
        while true {
            // Lines end at "\n" bytes (a "\r\n" is one Character, so search the UTF-8 view).
            let end = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let next = end < text.endIndex ? text.utf8.index(after: end) : text.endIndex
            if lineNumber == 1 {
                guard isDelimiter(line, closing: false) else { return .missing }
            } else if isDelimiter(line, closing: true) {
                let body = String(repeating: "\n", count: lineNumber) + text[next...]
                return .found(FrontMatter(yaml: yamlLines.joined(separator: "\n"), closingLine: lineNumber, body: body))
            } else {
                yamlLines.append(line)
            }
            guard end < text.endIndex else { return .unclosed }
            index = next
        }
    }

    /// `---` (or, closing, `...`) with nothing after it but spaces.
    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }

    static let required = ["id", "title", "lang", "order", "summary"]
    static let keys = required + ["requires", "kind"]

    /// The lesson's meta, or `nil` when a required field is missing or wrong (all reported).
    func meta(log: inout DiagnosticLog) -> LessonMeta? {
        let start = SourcePosition(line: 1, column: 1)
        let fields: [YAMLField]
        switch YAMLLoader.load(yaml, firstLine: 2) {
        case .failure(let failure):
            log.report(failure.position, failure.message)
            return nil
        case .success(nil):
            fields = []
        case .success(let value?):
            guard let read = YAMLField.fields(of: value, what: "the front matter", log: &log) else { return nil }
            fields = read
        }
        YAMLField.reportUnknown(fields, known: Self.keys, in: "the front matter", log: &log)
        let field = { (key: String) in fields.last { $0.key == key } }
        for key in Self.required where field(key) == nil {
            log.report(start, "front matter: missing '\(key)'")
        }
        let id = field("id").flatMap { $0.slug(&log) }
        let title = field("title").flatMap { $0.nonEmptyText(&log) }
        let lang = field("lang").flatMap { $0.oneOf(["en", "zh"], &log) }
        let order = field("order").flatMap { $0.integer(&log) }
        let summary = field("summary").flatMap { $0.nonEmptyText(&log) }
        var requires: [String] = []
        if let r = field("requires") {
            // A list of lesson ids, or one id.
            let ids = r.value.scalar != nil ? r.text(&log).map { [$0] } : r.textList(&log)
            for required in ids ?? [] {
                if !Slug.isValid(required) {
                    log.report(r.position, "requires: '\(required)' is not a lesson id (a-z, 0-9 and '-')")
                } else if required == id {
                    log.report(r.position, "requires: a lesson cannot require itself")
                } else {
                    requires.append(required)
                }
            }
        }
        let kind = field("kind").map { $0.oneOf(LessonKind.self, &log) } ?? .lesson
        guard let id, let title, let lang, let order, let summary, let kind else { return nil }
        return LessonMeta(id: id, title: title, lang: lang, order: order, summary: summary, requires: requires, kind: kind)
    }
}
