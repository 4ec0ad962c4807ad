/// YAML 1.1's core schema for the plain scalars `quick` leaves undecided, as Yams 6.2.2 applied
/// it: its default resolver's patterns, in its order, and its `Int` and `Double` conversions with
/// their quirks (`08` is a float, `+0_` and `-.5` are text, `0:30` is text but `0:30.5` a float).
///
/// The patterns are matched byte by byte instead of by regular expressions: they only accept ASCII,
/// and a plain scalar from libyaml never ends with a line break (where a pattern's `$` could match
/// too early).
extension ScalarKind {
    /// The type of a plain scalar: bool, int, float or null by the first pattern it matches, else a
    /// string. An int or float whose conversion fails (too large, or only underscores after `0x`)
    /// is a string too.
    static func resolved(_ text: String) -> YAMLScalar.Kind {
        if let b = booleans[text] { return .bool(b) }
        let bytes = Array(text.utf8)
        if isInteger(bytes[...]) { return integer(text).map { .int($0) } ?? .string }
        if isFloat(bytes[...]) { return float(text).map { .float($0) } ?? .string }
        if nulls.contains(text) { return .null }
        return .string
    }

    // MARK: - Patterns

    /// `[-+]?(0b[01_]+ | 0o?[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    private static func isInteger(_ text: ArraySlice<UInt8>) -> Bool {
        let body = unsigned(text)
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "0") {
            let rest = body.dropFirst()
            let digits = rest.dropFirst()
            switch rest.first {
            case nil: return true
            case UInt8(ascii: "b"): return !digits.isEmpty && digits.allSatisfy { isDigit($0, below: 2) || $0 == underscore }
            case UInt8(ascii: "x"): return !digits.isEmpty && digits.allSatisfy { isHexDigit($0) || $0 == underscore }
            case UInt8(ascii: "o"): return !digits.isEmpty && digits.allSatisfy { isDigit($0, below: 8) || $0 == underscore }
            default: return rest.allSatisfy { isDigit($0, below: 8) || $0 == underscore }
            }
        }
        // A decimal, or a sexagesimal whose first part is one.
        guard isDigit(first, below: 10), first != UInt8(ascii: "0") else { return false }
        let parts = body.split(separator: colon, omittingEmptySubsequences: false)
        return parts[0].allSatisfy { isDigit($0, below: 10) || $0 == underscore }
            && parts.dropFirst().allSatisfy(isSexagesimalDigit)
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    private static func isFloat(_ text: ArraySlice<UInt8>) -> Bool {
        let body = unsigned(text)
        let signed = body.count < text.count
        guard let first = body.first else { return false }
        if first == UInt8(ascii: ".") {
            let rest = body.dropFirst()
            if ["inf", "Inf", "INF"].contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            if signed { return false }
            if ["nan", "NaN", "NAN"].contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            // A fraction without an integer part: its exponent must have a sign.
            let fraction = rest.prefix { isDigit($0, below: 10) || $0 == underscore }
            return !fraction.isEmpty && isExponent(rest[fraction.endIndex...], signRequired: true)
        }
        guard isDigit(first, below: 10) else { return false }
        let whole = body.prefix { isDigit($0, below: 10) || $0 == underscore }
        var rest = body[whole.endIndex...]
        if rest.first == colon {
            // Sexagesimal: parts of one or two digits, the last followed by a fraction.
            let parts = rest.dropFirst().split(separator: colon, omittingEmptySubsequences: false)
            guard let last = parts.last, let dot = last.firstIndex(of: UInt8(ascii: ".")) else { return false }
            return parts.dropLast().allSatisfy(isSexagesimalDigit) && isSexagesimalDigit(last[..<dot])
                && last[(dot + 1)...].allSatisfy { isDigit($0, below: 10) || $0 == underscore }
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst().drop { isDigit($0, below: 10) || $0 == underscore }
        }
        return isExponent(rest, signRequired: false)
    }

    /// Nothing, or `[eE]`, a sign (`[-+]`, or `[-+]?` when not required) and digits.
    private static func isExponent(_ text: ArraySlice<UInt8>, signRequired: Bool) -> Bool {
        guard let e = text.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        let digits = unsigned(text.dropFirst())
        guard digits.count < text.count - 1 || !signRequired else { return false }
        return !digits.isEmpty && digits.allSatisfy { isDigit($0, below: 10) }
    }

    /// `[0-5]?[0-9]`: a part of a sexagesimal after a colon.
    private static func isSexagesimalDigit(_ part: ArraySlice<UInt8>) -> Bool {
        guard let last = part.last, isDigit(last, below: 10) else { return false }
        switch part.count {
        case 1: return true
        case 2: return isDigit(part[part.startIndex], below: 6)
        default: return false
        }
    }

    /// The text after an optional leading `-` or `+`.
    private static func unsigned(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") ? text.dropFirst() : text
    }

    private static let underscore = UInt8(ascii: "_")
    private static let colon = UInt8(ascii: ":")

    /// An ASCII digit of a base of at most 10.
    private static func isDigit(_ b: UInt8, below base: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b < UInt8(ascii: "0") + base
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b, below: 10) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }

    // MARK: - Conversions

    /// The integer a text of the int pattern denotes, by Yams's rules: underscores dropped, then a
    /// prefix (`0x`, `0b`, `0o`, or `0` for octal) read after the sign, or a sexagesimal, or a
    /// decimal. `nil` when it does not fit an `Int`, and for a signed zero (`+0`, `-0_`), which
    /// Yams reads as an octal without digits.
    private static func integer(_ text: String) -> Int? {
        let digits = text.filter { $0 != "_" }
        if digits == "0" { return 0 }
        let negative = digits.hasPrefix("-")
        let body = digits.dropFirst(negative || digits.hasPrefix("+") ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where body.hasPrefix(prefix) {
            return Int((negative ? "-" : "") + body.dropFirst(prefix.count), radix: radix)
        }
        guard body.contains(":") else { return Int(digits) }
        // Base 60, most significant part first. Yams traps where the value overflows; it is a
        // string here, as a decimal too large for an `Int` is.
        var value = 0
        for part in body.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Int(part, radix: 10) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// The number a text of the float pattern denotes, by Yams's rules: the spellings of infinity
    /// and NaN, else underscores dropped and the text read as a `Double`, or as a sexagesimal whose
    /// parts are `Double`s.
    private static func float(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        let digits = text.filter { $0 != "_" }
        guard digits.contains(":") else { return Double(digits) }
        let negative = digits.hasPrefix("-")
        let body = digits.dropFirst(negative || digits.hasPrefix("+") ? 1 : 0)
        var parts: [Double] = []
        for part in body.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Double(part) else { return nil }
            parts.append(value)
        }
        // Least significant part first, in Yams's order of operations, so the sum rounds alike.
        var (base, value) = (1.0, 0.0)
        for part in parts.reversed() {
            value = value + part * base
            base = base * 60
        }
        return (negative ? -1 : 1) * value
    }
}
