/// The text of a fenced block and where it sits in the file, for reading it as YAML with
/// diagnostics at true lines and columns.
struct FencedBody {
    var text: String
    /// The opening fence: its line, and the column of its first backtick or tilde.
    var fence: SourcePosition
    /// How many characters of each line's start cmark-gfm removed (list or quote markers, the
    /// fence's indentation): the body's first character is at column `columnOffset + 1`.
    var columnOffset: Int

    /// The block's keys and values: `[]` for an empty block, `nil` (reported) when the text is not
    /// YAML or not a mapping.
    func fields(what: String, log: inout DiagnosticLog) -> [YAMLField]? {
        switch YAMLLoader.load(text, firstLine: fence.line + 1, columnOffset: columnOffset) {
        case .failure(let failure):
            log.report(failure.position, failure.message)
            return nil
        case .success(nil):
            return []
        case .success(let value?):
            if case .scalar(let s) = value, s.isNull { return [] }
            return YAMLField.fields(of: value, what: what, log: &log)
        }
    }
}
