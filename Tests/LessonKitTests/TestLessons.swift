import Foundation
import LessonKit

/// Shared pieces of the LessonKit tests: a valid front matter and short ways to parse.
enum TestLessons {
    /// A valid front matter of 7 lines: a body appended to it starts on line 8.
    static let front = "---\nid: demo\ntitle: Demo\nlang: en\norder: 1\nsummary: A demo.\n---\n"

    /// The diagnostics of `text` parsed as `l.md`, as `file:line:column: message`.
    static func diagnostics(_ text: String) -> [String] {
        LessonParser.parse(text, file: "l.md").diagnostics.map(\.description)
    }

    /// The diagnostics of a body after the valid front matter (its first line is line 8).
    static func bodyDiagnostics(_ body: String) -> [String] {
        diagnostics(front + body)
    }

    /// The blocks of the first step of a body after the valid front matter.
    static func firstStepBlocks(_ body: String) -> [Block] {
        LessonParser.parse(front + body, file: "l.md").lesson?.steps.first?.blocks ?? []
    }

    /// The 1-based line of the first line of `text` that starts with `prefix`.
    static func line(of prefix: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }
}
