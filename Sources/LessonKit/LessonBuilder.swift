import CCmarkGFM

/// Turns a cmark-gfm document into steps: each top-level `##` heading starts one, and everything
/// up to the next belongs to it.
///
/// Before the first step only a `#` title may stand; anything else there is reported once and
/// left out. Quiz ids are checked for duplicates across the whole lesson.
struct LessonBuilder {
    let source: SourceText
    var log: DiagnosticLog
    /// The line where each quiz id was first used.
    var quizLines: [String: Int] = [:]
    /// The exercise's spec, starter and solution, as met.
    var exerciseParts = ExerciseParts()
    /// Whether the too-deep nesting diagnostic was given (it is given once per file).
    var reportedDeepNesting = false

    init(source: SourceText, log: DiagnosticLog) {
        self.source = source
        self.log = log
    }

    mutating func steps(of root: MarkdownNode) -> [Step] {
        var steps: [Step] = []
        var reportedPreamble = false
        var seenTitle = false
        for node in root.children {
            let isHeading = node.type == CMARK_NODE_HEADING
            if isHeading, node.headingLevel == 2 {
                let title = inlines(of: node).plainText.trimmingWhitespace
                if title.isEmpty {
                    log.report(position(of: node), "a step needs a title after '##'")
                }
                steps.append(Step(title: title, line: node.line, blocks: []))
                continue
            }
            if steps.isEmpty {
                if isHeading, node.headingLevel == 1, !seenTitle, !reportedPreamble {
                    seenTitle = true
                    continue
                }
                if !reportedPreamble {
                    log.report(position(of: node), "text before the first step: start a step with a '##' heading")
                    reportedPreamble = true
                }
                // Read anyway, so that problems inside are reported too.
                _ = blocks(of: node, depth: 0)
                continue
            }
            if isHeading, node.headingLevel == 1 {
                log.report(position(of: node), "a '#' heading is the lesson's title: it belongs before the first step")
            }
            steps[steps.count - 1].blocks += blocks(of: node, depth: 0)
        }
        return steps
    }

    /// The file position of a node's start.
    func position(of node: MarkdownNode) -> SourcePosition {
        let line = node.line
        return SourcePosition(line: line, column: source.column(line: line, byteColumn: node.byteColumn))
    }
}
