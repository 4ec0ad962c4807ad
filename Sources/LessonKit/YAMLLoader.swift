import CLibYAML
import Foundation

/// Turns the YAML text of a front matter or a fenced block into a `YAMLValue` safely: no input
/// can crash, hang or exhaust the stack.
///
/// - Anchors used by aliases (`&a` … `*a`) are refused before parsing: an alias shares a subtree,
///   and walking or hashing shared subtrees grows exponentially ("billion laughs").
/// - `EventReader` stops at 1,000 levels of nesting, but values are composed recursively, which
///   needs more stack than a secondary thread has for a few hundred levels. Nesting is bounded by
///   the number of `[`, `{`, `-`, `?` and `:` characters (every collection needs one of its own),
///   so text with few of them is composed here and other text on a thread with a large stack.
enum YAMLLoader {
    /// Collections nested deeper than this are replaced by `.tooDeep`: lessons use three levels.
    static let maxDepth = 8
    /// Texts with at most this many structural characters are composed on the calling thread.
    static let inlineStructureBudget = 150
    /// The stack of the thread that composes deeply structured texts.
    static let largeStackBytes = 32 << 20

    /// A YAML problem at a position of the file.
    struct Failure: Error, Sendable {
        var position: SourcePosition
        var message: String
    }

    /// Parses `yaml`, whose line 1 is file line `firstLine` and whose columns are shifted right by
    /// `columnOffset` in the file. Returns `nil` for an empty document.
    static func load(_ yaml: String, firstLine: Int, columnOffset: Int = 0) -> Result<YAMLValue?, Failure> {
        let place: @Sendable (Int, Int) -> SourcePosition = { line, column in
            SourcePosition(line: firstLine + line - 1, column: column + columnOffset)
        }
        if let alias = sharedAnchor(in: yaml) {
            return .failure(Failure(position: place(alias.line, alias.column),
                                    message: "YAML anchors and aliases (&\(alias.name), *\(alias.name)) are not supported in lessons; write the value out"))
        }
        let structure = yaml.utf8.reduce(0) { count, byte in
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"): count + 1
            default: count
            }
        }
        let work: @Sendable () -> Result<YAMLValue?, Failure> = { compose(yaml, place: place) }
        return structure <= inlineStructureBudget ? work() : onLargeStack(work)
    }

    /// Composes the text with libyaml's event parser straight into `YAMLValue`s, without an
    /// intermediate node tree (composing one would cost most of a lesson's parse time).
    private static func compose(
        _ yaml: String, place: @Sendable (Int, Int) -> SourcePosition
    ) -> Result<YAMLValue?, Failure> {
        var events = EventReader(yaml)
        defer { events.close() }
        do {
            var event = try events.next()
            guard event.type == YAML_STREAM_START_EVENT else { return .success(nil) }
            event = try events.next()
            guard event.type == YAML_DOCUMENT_START_EVENT else { return .success(nil) }
            let root = try value(try events.next(), depth: 0, events: &events, place: place)
            _ = try events.next() // the document's end
            let after = try events.next()
            if after.type != YAML_STREAM_END_EVENT {
                // One document per block.
                return .failure(Failure(position: place(after.line, after.column),
                                        message: "YAML: but found another document (expected a single document in the stream)"))
            }
            return .success(root)
        } catch let error as EventReader.ReadError {
            return .failure(failure(error, yaml: yaml, place: place))
        } catch {
            return .failure(Failure(position: place(1, 1), message: "YAML: \(error)"))
        }
    }

    /// The value that starts with `event`, reading its events to its end; collections deeper than
    /// `maxDepth` are read and dropped.
    private static func value(_ event: EventReader.Event, depth: Int, events: inout EventReader,
                              place: (Int, Int) -> SourcePosition) throws -> YAMLValue {
        let position = place(event.line, event.column)
        switch event.type {
        case YAML_SCALAR_EVENT:
            // Quoted and block scalars are strings; plain ones are typed by YAML 1.1's core schema.
            let text = event.scalar
            let kind = event.isPlain ? (ScalarKind.quick(text) ?? ScalarKind.resolved(text)) : .string
            return .scalar(YAMLScalar(text: text, kind: kind, position: position))
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLValue] = []
            while true {
                let next = try events.next()
                if next.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try value(next, depth: depth + 1, events: &events, place: place))
            }
            return depth < maxDepth ? .sequence(items, position) : .tooDeep(position)
        case YAML_MAPPING_START_EVENT:
            var entries: [YAMLEntry] = []
            while true {
                let next = try events.next()
                if next.type == YAML_MAPPING_END_EVENT { break }
                let key = try value(next, depth: depth + 1, events: &events, place: place)
                let item = try value(try events.next(), depth: depth + 1, events: &events, place: place)
                entries.append(YAMLEntry(key: key, value: item))
            }
            if let duplicate = duplicateKey(entries) {
                throw EventReader.ReadError.duplicate(key: duplicate.text, line: duplicate.line, column: duplicate.column)
            }
            return depth < maxDepth ? .mapping(entries, position) : .tooDeep(position)
        default:
            // An alias: every anchor an alias could name was refused before parsing.
            throw EventReader.ReadError.syntax(problem: "found undefined alias", line: event.line, column: event.column,
                                               context: nil)
        }
    }

    /// The scalar key that a mapping has twice, at its first occurrence; of several, the first in
    /// text order.
    private static func duplicateKey(_ entries: [YAMLEntry]) -> (text: String, line: Int, column: Int)? {
        var seen = Set<String>()
        var duplicates = Set<String>()
        for entry in entries {
            guard let key = entry.key.scalar else { continue }
            if !seen.insert(key.text).inserted { duplicates.insert(key.text) }
        }
        guard let first = duplicates.min(),
              let key = entries.lazy.compactMap(\.key.scalar).first(where: { $0.text == first }) else { return nil }
        return (first, key.position.line, key.position.column)
    }

    private static func failure(_ error: EventReader.ReadError, yaml: String, place: (Int, Int) -> SourcePosition) -> Failure {
        switch error {
        case let .syntax(problem, line, column, context):
            let while_ = context.map { " (\($0.text))" } ?? ""
            // When something expected was missing (an unclosed `[` or quote, a key without `:`)
            // and libyaml noticed only on a later line, the construct's start says more than
            // where reading stopped; a character "found" is best shown where it is.
            let missing = problem.hasPrefix("did not find") || problem.hasPrefix("could not find")
                || problem.hasSuffix("end of stream")
            let at = context.map { missing && $0.line < line ? ($0.line, $0.column) : (line, column) } ?? (line, column)
            return Failure(position: place(at.0, at.1), message: "YAML: \(problem)\(while_)")
        case let .duplicate(key, line, column):
            // Positions of keys are already places in the file.
            return Failure(position: SourcePosition(line: line, column: column), message: "YAML: duplicate key '\(key)'")
        case let .reader(problem, byte):
            let (line, column) = SourceText(yaml).position(ofByte: byte)
            return Failure(position: place(line, column), message: "YAML: \(problem)")
        }
    }

    /// The first alias whose anchor is also defined, if any (with its 1-based line and column).
    ///
    /// Every `&name` and `*name` is collected, wherever it is (quoted or not): a superset of the
    /// real anchors and aliases, so a shared subtree can never get through.
    static func sharedAnchor(in yaml: String) -> (name: String, line: Int, column: Int)? {
        guard yaml.utf8.contains(UInt8(ascii: "*")), yaml.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var anchors = Set<Substring>()
        var aliases: [(name: Substring, line: Int, column: Int)] = []
        for (k, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 0
            var index = line.startIndex
            while index < line.endIndex {
                let c = line[index]
                column += c.unicodeScalars.count
                let next = line.index(after: index)
                if c == "&" || c == "*" {
                    let end = line[next...].firstIndex { $0.isWhitespace || ",[]{}".contains($0) } ?? line.endIndex
                    let name = line[next..<end]
                    if !name.isEmpty {
                        if c == "&" { anchors.insert(name) } else { aliases.append((name, k + 1, column)) }
                    }
                }
                index = next
            }
        }
        return aliases.first { anchors.contains($0.name) }.map { (String($0.name), $0.line, $0.column) }
    }
}

/// Runs `work` on a new thread with a large stack and waits for its result.
private func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let thread = Thread {
        box.value = work()
        box.done.signal()
    }
    thread.stackSize = YAMLLoader.largeStackBytes
    thread.start()
    box.done.wait()
    return box.value!
}

/// The hand-over of a result between two threads; `done` orders the write before the read.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
