import Foundation
import LessonKit
import Testing

/// Every file-level, front-matter and step diagnostic, with its exact `file:line:column: message`.
@Suite("Diagnostics: files, front matter, steps")
struct DiagnosticTests {
    typealias T = TestLessons

    // MARK: - Files

    @Test("a file over 1 MiB: one diagnostic at 1:1, not parsed")
    func tooLarge() {
        let big = String(repeating: "a", count: LessonLimits.maxFileBytes + 1)
        let message = "l.md:1:1: file too large: 1048577 bytes (a lesson may have at most 1048576 bytes, 1 MiB)"
        #expect(T.diagnostics(big) == [message])
        let (lesson, diagnostics) = LessonParser.parse(data: Data(big.utf8), file: "l.md")
        #expect(lesson == nil)
        #expect(diagnostics.map(\.description) == [message])
    }

    @Test("a file of exactly 1 MiB is parsed")
    func atTheLimit() {
        let body = "## S\n\n"
        let filler = String(repeating: "x", count: LessonLimits.maxFileBytes - T.front.utf8.count - body.utf8.count - 1) + "\n"
        let (lesson, diagnostics) = LessonParser.parse(T.front + body + filler, file: "l.md")
        #expect(diagnostics == [])
        #expect(lesson?.steps.count == 1)
    }

    @Test("NUL bytes: not a text file, at the first NUL")
    func nul() {
        #expect(T.bodyDiagnostics("## S\n\nab\u{0}c\n") == ["l.md:10:3: not a text file (it contains a NUL byte)"])
        // Columns count characters: two 2-byte characters before the NUL.
        #expect(T.bodyDiagnostics("## S\n\néé\u{0}\n") == ["l.md:10:3: not a text file (it contains a NUL byte)"])
        let (lesson, diagnostics) = LessonParser.parse(data: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]), file: "a.out")
        #expect(lesson == nil)
        #expect(diagnostics.map(\.description) == ["a.out:1:5: not a text file (it contains a NUL byte)"])
    }

    @Test("empty and blank files", arguments: ["", "   \n\n\t\n"])
    func empty(_ text: String) {
        #expect(T.diagnostics(text) == ["l.md:1:1: empty file"])
        #expect(LessonParser.parse(data: Data(text.utf8), file: "l.md").diagnostics.map(\.description) == ["l.md:1:1: empty file"])
    }

    // MARK: - Front matter

    @Test("no front matter: reported, the body still checked, no lesson")
    func missingFrontMatter() {
        let (lesson, diagnostics) = LessonParser.parse("## S\n\n```quizz\n```\n", file: "l.md")
        #expect(lesson == nil)
        #expect(diagnostics.map(\.description) == [
            "l.md:1:1: missing front matter: a lesson starts with a '---' line, then id, title, lang, order and summary, then '---'",
            "l.md:3:1: unknown block kind 'quizz' (did you mean 'quiz'?)",
        ])
    }

    @Test("front matter not closed")
    func unclosed() {
        #expect(T.diagnostics("---\nid: x\n## S\n") == ["l.md:1:1: front matter is not closed: add a '---' line after it"])
    }

    @Test("front matter that is not YAML: the YAML error at its file position")
    func yamlError() {
        #expect(T.diagnostics("---\nid: demo\ntitle: [oops\nlang: en\n---\n## S\n") == [
            "l.md:3:8: YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
        ])
        #expect(T.diagnostics("---\nid: a\n\ttitle: T\n---\n## S\n") == [
            "l.md:3:1: YAML: found a tab character that violates indentation (while scanning a plain scalar)",
        ])
        #expect(T.diagnostics("---\nid: a\nid: b\ntitle: T\nlang: en\norder: 1\nsummary: s\n---\n## S\n") == [
            "l.md:2:1: YAML: duplicate key 'id'",
        ])
    }

    @Test("front matter that is a list, or empty")
    func notAMapping() {
        #expect(T.diagnostics("---\n- a\n---\n## S\n") == [
            "l.md:2:1: the front matter must be YAML keys and values (key: value), got a list",
        ])
        #expect(T.diagnostics("---\n---\n## S\n") == [
            "l.md:1:1: front matter: missing 'id'",
            "l.md:1:1: front matter: missing 'title'",
            "l.md:1:1: front matter: missing 'lang'",
            "l.md:1:1: front matter: missing 'order'",
            "l.md:1:1: front matter: missing 'summary'",
        ])
    }

    @Test("every front-matter field checked, unknown keys reported with a suggestion")
    func fields() {
        let text = "---\nid: Demo One\ntitle: \"\"\nlang: fr\norder: first\nsummary: [a]\nrequires: [other, Bad]\nauthor: me\nsumary: x\n---\n## S\n"
        let (lesson, diagnostics) = LessonParser.parse(text, file: "l.md")
        #expect(lesson == nil)
        #expect(diagnostics.map(\.description) == [
            "l.md:2:1: id: must be a lowercase slug (a-z, 0-9 and '-'), got 'Demo One'",
            "l.md:3:1: title: must not be empty",
            "l.md:4:1: lang: expected 'en' or 'zh', got 'fr'",
            "l.md:5:1: order: expected an integer, got 'first'",
            "l.md:6:1: summary: expected text, got a list",
            "l.md:7:1: requires: 'Bad' is not a lesson id (a-z, 0-9 and '-')",
            "l.md:8:1: unknown key 'author' in the front matter",
            "l.md:9:1: unknown key 'sumary' in the front matter (did you mean 'summary'?)",
        ])
    }

    @Test("requires: one id or a list; never the lesson itself")
    func requires() throws {
        let text = "---\nid: demo\ntitle: Demo\nlang: zh\norder: 2\nsummary: S\nrequires: basics\n---\n## S\n"
        let lesson = try #require(LessonParser.parse(text, file: "l.md").lesson)
        #expect(lesson.meta == LessonMeta(id: "demo", title: "Demo", lang: "zh", order: 2, summary: "S", requires: ["basics"]))
        #expect(T.diagnostics("---\nid: demo\ntitle: Demo\nlang: en\norder: 1\nsummary: S\nrequires: [demo]\n---\n## S\n") == [
            "l.md:7:1: requires: a lesson cannot require itself",
        ])
    }

    // MARK: - Steps

    @Test("text before the first step, an empty step title, a # heading inside a step")
    func steps() {
        #expect(T.bodyDiagnostics("# Title\n\nIntro text.\n\n## \n\n# Another\n") == [
            "l.md:10:1: text before the first step: start a step with a '##' heading",
            "l.md:12:1: a step needs a title after '##'",
            "l.md:14:1: a '#' heading is the lesson's title: it belongs before the first step",
        ])
    }

    @Test("problems inside text before the first step are still reported")
    func preambleChecked() {
        #expect(T.bodyDiagnostics("```quiz\nid: Q\n```\n\n## S\n") == [
            "l.md:8:1: text before the first step: start a step with a '##' heading",
            "l.md:8:1: quiz: missing 'kind' ('single', 'multiple', 'numeric', 'open' or 'spot-the-mistake')",
            "l.md:8:1: quiz: missing 'prompt'",
            "l.md:8:1: quiz: missing 'answer'",
            "l.md:9:1: id: must be a lowercase slug (a-z, 0-9 and '-'), got 'Q'",
        ])
    }

    @Test("a lesson without ## headings has no steps")
    func noSteps() throws {
        let (lesson, diagnostics) = LessonParser.parse(T.front + "# Title only\n", file: "l.md")
        #expect(diagnostics.map(\.description) == ["l.md:1:1: the lesson has no steps: each step starts with a '##' heading"])
        #expect(try #require(lesson).steps == [])
    }

    @Test("lists and quotes nested too deep: one diagnostic, the rest left out")
    func deepNesting() throws {
        let (lesson, diagnostics) = LessonParser.parse(T.front + "## S\n\n" + String(repeating: ">", count: 10_000) + " x\n", file: "l.md")
        #expect(diagnostics.map(\.description) == [
            "l.md:10:17: lists and block quotes nested more than 16 deep; the deeper content is left out",
        ])
        var block = try #require(lesson?.steps.first?.blocks.first)
        var depth = 0
        while case .quote(let inner) = block, let first = inner.first {
            block = first
            depth += 1
        }
        #expect(depth == 15)
    }

    // MARK: - Fences

    @Test("misspelt block kinds are reported with the kind they resemble; languages are not", arguments: [
        ("quizz", "quiz"), ("Quiz", "quiz"), ("conv2D", "conv2d"), ("conv-2d", "conv2d"), ("conv2", "conv2d"),
        ("maxpool", "maxpool2d"), ("conv-transposed2d", "conv-transpose2d"), ("transpose2d", "conv-transpose2d"), ("mtah", "math"), ("conv2d_backward", "conv2d-backward"),
    ])
    func misspelt(_ word: String, _ kind: String) {
        let (lesson, diagnostics) = LessonParser.parse(T.front + "## S\n\n```\(word)\nx: 1\n```\n", file: "l.md")
        #expect(diagnostics.map(\.description) == ["l.md:10:1: unknown block kind '\(word)' (did you mean '\(kind)'?)"])
        #expect(lesson?.steps.first?.blocks == [.code(language: word, text: "x: 1")])
    }

    @Test("real languages near a kind are code, never flagged", arguments: ["bash", "path", "mathml", "bat", "python", "c", "js", "yaml", "console", "text"])
    func languages(_ word: String) {
        #expect(T.bodyDiagnostics("## S\n\n```\(word)\nx\n```\n") == [])
    }

    @Test("tables are turned off, with a diagnostic, when a line has too many '|'")
    func tooManyPipes() throws {
        let (lesson, diagnostics) = LessonParser.parse(T.front + "## S\n\n| a | b |\n|---|---|\n" + String(repeating: "|x", count: 200) + "\n", file: "l.md")
        #expect(diagnostics.map(\.description) == [
            "l.md:12:1: too many '|' on one line (200; a table may have at most 100); tables are off for this file",
        ])
        guard case .paragraph = try #require(lesson?.steps.first?.blocks.first) else {
            Issue.record("expected the table to be read as a paragraph")
            return
        }
    }

    @Test("tables are turned off when a delimiter row follows a very long paragraph")
    func delimiterAfterLongParagraph() {
        let diagnostics = T.bodyDiagnostics("## S\n\n" + String(repeating: "xxxxxxxxxx\n", count: 60_000) + "|-|\n")
        #expect(diagnostics == [
            "l.md:60010:1: this line looks like a table's delimiter row after 60000 lines of text; put a blank line before a table (tables are off for this file)",
        ])
    }
}
