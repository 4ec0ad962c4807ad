import Foundation
import Yams

/// Turns the YAML text of a front matter or a fenced block into a `YAMLValue` safely: no input
/// can crash, hang or exhaust the stack.
///
/// - Anchors used by aliases (`&a` … `*a`) are refused before parsing: an alias shares a subtree,
///   and walking or hashing shared subtrees grows exponentially ("billion laughs").
/// - libyaml stops at 1,000 levels of nesting, but Yams composes nodes recursively, which needs
///   more stack than a secondary thread has for a few hundred levels. Nesting is bounded by the
///   number of `[`, `{`, `-`, `?` and `:` characters (every collection needs one of its own), so
///   text with few of them is composed here and other text on a thread with a large stack.
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

    private static func compose(
        _ yaml: String, place: @Sendable (Int, Int) -> SourcePosition
    ) -> Result<YAMLValue?, Failure> {
        do {
            // No resolver: Yams would run its regular expressions on every scalar, and on every
            // key again to find duplicates; `convert` decides types itself. The encoding is given
            // so that Yams does not read the environment for it on each block.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot() else { return .success(nil) }
            return .success(convert(node, depth: 0, place: place))
        } catch let error as YamlError {
            return .failure(failure(error, yaml: yaml, place: place))
        } catch {
            return .failure(Failure(position: place(1, 1), message: "YAML: \(error)"))
        }
    }

    /// The Yams node as a `YAMLValue`, cut at `maxDepth`.
    private static func convert(_ node: Node, depth: Int, place: (Int, Int) -> SourcePosition) -> YAMLValue {
        let position = node.mark.map { place($0.line, $0.column) } ?? place(1, 1)
        switch node {
        case .scalar(let scalar):
            // Quoted and block scalars are strings; plain ones are typed by YAML 1.1's core schema.
            let plain = scalar.style == .plain && scalar.tag.description == Tag.Name.implicit.rawValue
            let kind = plain ? (ScalarKind.quick(scalar.string) ?? resolved(Node(scalar.string))) : .string
            return .scalar(YAMLScalar(text: scalar.string, kind: kind, position: position))
        case .sequence(let sequence):
            guard depth < maxDepth else { return .tooDeep(position) }
            return .sequence(sequence.map { convert($0, depth: depth + 1, place: place) }, position)
        case .mapping(let mapping):
            guard depth < maxDepth else { return .tooDeep(position) }
            return .mapping(mapping.map {
                YAMLEntry(key: convert($0.key, depth: depth + 1, place: place),
                          value: convert($0.value, depth: depth + 1, place: place))
            }, position)
        case .alias:
            return .tooDeep(position)
        }
    }

    /// The type YAML's core schema gives a plain scalar, by Yams's default resolver (a list of
    /// regular expressions: `ScalarKind.quick` spares it the common cases).
    private static func resolved(_ node: Node) -> YAMLScalar.Kind {
        switch node.tag.description {
        case Tag.Name.int.rawValue: node.int.map { .int($0) } ?? .string
        case Tag.Name.float.rawValue: node.float.map { .float($0) } ?? .string
        case Tag.Name.bool.rawValue: node.bool.map { .bool($0) } ?? .string
        case Tag.Name.null.rawValue: .null
        default: .string
        }
    }

    private static func failure(_ error: YamlError, yaml: String, place: (Int, Int) -> SourcePosition) -> Failure {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            // When something expected was missing (an unclosed `[` or quote, a key without `:`)
            // and libyaml noticed only on a later line, the construct's start says more than
            // where reading stopped; a character "found" is best shown where it is.
            let missing = problem.hasPrefix("did not find") || problem.hasPrefix("could not find")
                || problem.hasSuffix("end of stream")
            let at = context.map { missing && $0.mark.line < mark.line ? $0.mark : mark } ?? mark
            return Failure(position: place(at.line, at.column), message: "YAML: \(problem)\(while_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Failure(position: place(context.mark.line, context.mark.column),
                           message: "YAML: duplicate key \(keys)")
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { SourceText(yaml).position(ofByte: $0) } ?? (1, 1)
            return Failure(position: place(line, column), message: "YAML: \(problem)")
        default:
            return Failure(position: place(1, 1), message: "YAML: \(error)")
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
