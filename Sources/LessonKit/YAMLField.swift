/// One `key: value` pair of a block's YAML mapping, with readers that check the value's type and
/// report problems at the key as `key: …`.
struct YAMLField {
    var key: String
    /// Where the key is written: every problem with the value is reported here.
    var position: SourcePosition
    var value: YAMLValue

    /// The pairs of a mapping, in order. Reports a `what` that is not a mapping and keys that are
    /// not plain text, and returns `nil` for the former.
    static func fields(of value: YAMLValue, what: String, log: inout DiagnosticLog) -> [YAMLField]? {
        guard case .mapping(let entries, _) = value else {
            log.report(value.position, "\(what) must be YAML keys and values (key: value), got \(value.quoted)")
            return nil
        }
        var fields: [YAMLField] = []
        for entry in entries {
            guard let key = entry.key.scalar, !key.isNull else {
                log.report(entry.key.position, "keys must be plain words, got \(entry.key.quoted)")
                continue
            }
            fields.append(YAMLField(key: key.text, position: key.position, value: entry.value))
        }
        return fields
    }

    /// Reports every key not in `known`, suggesting the nearest known key.
    static func reportUnknown(_ fields: [YAMLField], known: [String], in what: String, log: inout DiagnosticLog) {
        for field in fields where !known.contains(field.key) {
            let hint = EditDistance.nearest(to: field.key, among: known, within: 2).map { " (did you mean '\($0)'?)" } ?? ""
            log.report(field.position, "unknown key '\(field.key)' in \(what)\(hint)")
        }
    }

    // MARK: - Typed readers

    /// Any scalar as written (numbers and booleans too), not a list or nothing.
    func text(_ log: inout DiagnosticLog) -> String? {
        guard let s = value.scalar, !s.isNull else {
            log.report(position, "\(key): expected text, got \(value.quoted)")
            return nil
        }
        return s.text
    }

    /// Text that is not empty or blank.
    func nonEmptyText(_ log: inout DiagnosticLog) -> String? {
        guard let text = text(&log) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            log.report(position, "\(key): must not be empty")
            return nil
        }
        return text
    }

    /// A lowercase slug: letters a–z, digits and `-`.
    func slug(_ log: inout DiagnosticLog) -> String? {
        guard let text = text(&log) else { return nil }
        guard Slug.isValid(text) else {
            log.report(position, "\(key): must be a lowercase slug (a-z, 0-9 and '-'), got '\(text)'")
            return nil
        }
        return text
    }

    func integer(_ log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let s) = value, case .int(let v) = s.kind else {
            log.report(position, "\(key): expected an integer, got \(value.quoted)")
            return nil
        }
        return v
    }

    /// An integer in `range`, reported as `must be at least …`, `must be from … to …`.
    func integer(in range: ClosedRange<Int>, _ log: inout DiagnosticLog) -> Int? {
        guard let v = integer(&log) else { return nil }
        guard range.contains(v) else {
            log.report(position, "\(key): \(Self.rangeRule(range)), got \(v)")
            return nil
        }
        return v
    }

    func bool(_ log: inout DiagnosticLog) -> Bool? {
        guard case .scalar(let s) = value, case .bool(let v) = s.kind else {
            log.report(position, "\(key): expected true or false, got \(value.quoted)")
            return nil
        }
        return v
    }

    /// A finite number (integer or decimal).
    func number(_ log: inout DiagnosticLog) -> Double? {
        guard let s = value.scalar, let v = s.number, v.isFinite else {
            log.report(position, "\(key): expected a number, got \(value.quoted)")
            return nil
        }
        return v
    }

    /// The finite numbers of a list's items, reporting the first item that is not one as `key`'s.
    static func numbers(_ items: [YAMLValue], key: String, log: inout DiagnosticLog) -> [Double]? {
        var values: [Double] = []
        for item in items {
            guard let s = item.scalar, let v = s.number, v.isFinite else {
                log.report(item.position, "\(key): expected a number, got \(item.quoted)")
                return nil
            }
            values.append(v)
        }
        return values
    }

    /// One of `allowed`, as written.
    func oneOf(_ allowed: [String], _ log: inout DiagnosticLog) -> String? {
        guard let s = value.scalar, !s.isNull, allowed.contains(s.text) else {
            log.report(position, "\(key): expected \(Self.alternatives(allowed)), got \(value.quoted)")
            return nil
        }
        return s.text
    }

    /// One of an enumeration's cases, by its raw value.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ log: inout DiagnosticLog) -> T? where T.RawValue == String {
        oneOf(T.allCases.map(\.rawValue), &log).flatMap(T.init(rawValue:))
    }

    /// A list of scalars as text (at most `LessonLimits.maxListItems`).
    func textList(_ log: inout DiagnosticLog) -> [String]? {
        guard case .sequence(let items, _) = value else {
            log.report(position, "\(key): expected a list, got \(value.quoted)")
            return nil
        }
        guard items.count <= LessonLimits.maxListItems else {
            log.report(position, "\(key): too many items (\(items.count); at most \(LessonLimits.maxListItems))")
            return nil
        }
        var texts: [String] = []
        for (k, item) in items.enumerated() {
            guard let s = item.scalar, !s.isNull else {
                log.report(item.position, "\(key): item \(k + 1) must be text, got \(item.quoted)")
                return nil
            }
            texts.append(s.text)
        }
        return texts
    }

    // MARK: - Wording

    /// `a`, `a or b`, `a, b or c`, each in quotes.
    static func alternatives(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    static func rangeRule(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "must be at least \(range.lowerBound)"
            : "must be from \(range.lowerBound) to \(range.upperBound)"
    }
}
