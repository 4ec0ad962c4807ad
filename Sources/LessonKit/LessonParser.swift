import Foundation

/// Markdown lesson text → `Lesson`, with every problem as a `Diagnostic` at its file, line and
/// column.
///
/// Parsing is pure (text in, values out: no files, no clock) and never crashes or hangs on any
/// input: sizes are bounded (`LessonLimits`), binary and empty files are refused with one
/// diagnostic, nesting is cut off, and cmark-gfm's slow table paths are avoided (`TableGuard`).
/// Columns count characters (Unicode scalars) from 1.
///
/// The format (`Lessons/README.md`): YAML front matter (`id`, `title`, `lang`,
/// `order`, `summary`, optional `requires`), then CommonMark with GitHub tables where each `##`
/// heading starts a step, fenced blocks naming an animation kind or `quiz` carry YAML, and math is
/// written `` $`…`$ `` inline or in ```` ```math ```` blocks.
public enum LessonParser {
    /// Parses a lesson's text; `file` names it in diagnostics. The lesson is `nil` when the file
    /// cannot be read as a lesson at all (too large, binary, empty, front matter missing or wrong);
    /// otherwise it is returned with whatever could be read, even if there are diagnostics.
    public static func parse(_ text: String, file: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(file: file)
        let size = text.utf8.count
        guard size <= LessonLimits.maxFileBytes else {
            log.report(line: 1, column: 1, tooLarge(size))
            return (nil, log.sorted)
        }
        let lesson = parseText(text, log: &log)
        return (lesson, log.sorted)
    }

    /// Parses a lesson file's bytes: checks the size first, then decodes UTF-8, replacing invalid
    /// sequences with U+FFFD.
    public static func parse(data: Data, file: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(file: file)
        guard data.count <= LessonLimits.maxFileBytes else {
            log.report(line: 1, column: 1, tooLarge(data.count))
            return (nil, log.sorted)
        }
        let lesson = parseText(String(decoding: data, as: UTF8.self), log: &log)
        return (lesson, log.sorted)
    }

    /// Parses a file's bytes for `check`: like `parse(data:file:)`, but a body whose front matter
    /// is missing or wrong is still read as a lesson, under `stand-in`'s id and language, so that
    /// every problem of the file is found in one run, not only the front matter's.
    public static func parseForCheck(data: Data, file: String, standIn: LessonMeta) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(file: file)
        guard data.count <= LessonLimits.maxFileBytes else {
            log.report(line: 1, column: 1, tooLarge(data.count))
            return (nil, log.sorted)
        }
        let lesson = parseText(String(decoding: data, as: UTF8.self), standIn: standIn, log: &log)
        return (lesson, log.sorted)
    }

    /// Parses several files' bytes on every core at once; the results come back in the order of
    /// `files`. Each parse is independent and pure, so this gives what `parse(data:file:)` gives
    /// for each, sooner.
    /// With `standIns` (one per file), each is parsed as `parseForCheck` does.
    public static func parseAll(_ files: [(data: Data, file: String)], standIns: [LessonMeta]? = nil)
        -> [(lesson: Lesson?, diagnostics: [Diagnostic])] {
        Array(files.indices).concurrentMap { k in
            let (data, file) = files[k]
            return standIns.map { parseForCheck(data: data, file: file, standIn: $0[k]) } ?? parse(data: data, file: file)
        }
    }

    private static func tooLarge(_ size: Int) -> String {
        "file too large: \(size) bytes (a lesson may have at most \(LessonLimits.maxFileBytes) bytes, 1 MiB)"
    }

    private static func parseText(_ original: String, standIn: LessonMeta? = nil, log: inout DiagnosticLog) -> Lesson? {
        if let nul = original.utf8.firstIndex(of: 0) {
            let source = SourceText(String(original[..<nul]))
            let end = source.position(ofByte: source.bytes.count)
            log.report(line: end.line, column: end.column, "not a text file (it contains a NUL byte)")
            return nil
        }
        let text = original.hasPrefix("\u{FEFF}") ? String(original.dropFirst()) : original
        guard text.contains(where: { !$0.isWhitespace }) else {
            log.report(line: 1, column: 1, "empty file")
            return nil
        }

        var meta: LessonMeta?
        let body: String
        switch FrontMatter.split(text) {
        case .missing:
            log.report(line: 1, column: 1,
                       "missing front matter: a lesson starts with a '---' line, then id, title, lang, order and summary, then '---'")
            body = text
        case .unclosed:
            log.report(line: 1, column: 1, "front matter is not closed: add a '---' line after it")
            return nil
        case .found(let frontMatter):
            meta = frontMatter.meta(log: &log)
            body = frontMatter.body
        }

        let source = SourceText(body)
        var tables = true
        if let problem = TableGuard.problem(in: source) {
            log.report(problem.position, problem.message)
            tables = false
        }
        let document = MarkdownDocument(body, tables: tables)
        var builder = LessonBuilder(source: source, log: log)
        // The nodes live as long as the document: keep it alive while they are read.
        let steps = withExtendedLifetime(document) { builder.steps(of: document.root) }
        log = builder.log
        if steps.isEmpty {
            log.report(line: 1, column: 1, "the lesson has no steps: each step starts with a '##' heading")
        }
        guard let meta = meta ?? standIn else { return nil }
        let exercise = builder.exerciseParts.exercise(kind: meta.kind, start: SourcePosition(line: 1, column: 1), log: &log)
        return Lesson(meta: meta, steps: steps, exercise: exercise)
    }
}
