import Foundation

/// A YAML value from a lesson's front matter or a fenced block, with the file position of every
/// node: a small, bounded tree composed from libyaml's events, which the readers walk.
indirect enum YAMLValue: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLValue], SourcePosition)
    case mapping([YAMLEntry], SourcePosition)
    /// A collection nested deeper than lessons use (`YAMLLoader.maxDepth`); its content is dropped.
    case tooDeep(SourcePosition)

    var position: SourcePosition {
        switch self {
        case .scalar(let s): s.position
        case .sequence(_, let p), .mapping(_, let p), .tooDeep(let p): p
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let s) = self { s } else { nil }
    }

    /// How the value reads in a message: a scalar's text in quotes, else "a list" or "a mapping".
    var quoted: String {
        switch self {
        case .scalar(let s): s.isNull ? "nothing" : "'\(s.text)'"
        case .sequence(let items, _): items.isEmpty ? "an empty list" : "a list"
        case .mapping: "a mapping"
        case .tooDeep: "a nested collection"
        }
    }
}

/// One `key: value` pair of a YAML mapping.
struct YAMLEntry: Sendable {
    var key: YAMLValue
    var value: YAMLValue
}

/// A YAML scalar as written, with the type YAML's core schema resolves it to.
struct YAMLScalar: Sendable {
    enum Kind: Sendable, Equatable {
        case string, null
        case int(Int)
        case float(Double)
        case bool(Bool)
    }

    var text: String
    var kind: Kind
    var position: SourcePosition

    var isNull: Bool { kind == .null }

    /// The number the scalar denotes, for integers and floats.
    var number: Double? {
        switch kind {
        case .int(let v): Double(v)
        case .float(let v): v
        default: nil
        }
    }
}
