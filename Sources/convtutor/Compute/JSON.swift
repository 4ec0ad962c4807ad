// Why a parser of our own rather than Foundation's `JSONDecoder` (measured with Swift 6.3 on
// Linux): `compute --json` promises errors that name the column or the field at fault, and
// `JSONDecoder` answers every syntax error with "The given data was not valid JSON." and no
// position; it accepts a trailing comma (`{"op": "conv2d",}`) and duplicate keys, ignores unknown
// keys (the strict check would be ours anyway), and fixes its nesting limit at 512 levels. Tensors
// of any rank need a recursive value, which it decodes by trial (a number? an array?): on a
// 2²²-element request (an 83 MB line) that took 2.9 s and 200 MB beyond the text, against 1.2 s and
// 100 MB here (release builds; 2.4 s even decoding straight to `[[[[Double]]]]`).

/// A parsed JSON value. Objects keep their keys in order, as written.
enum JSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(key: String, value: JSON)])

    static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    /// A short name of the value's type for error messages: "a string", "an array", ...
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A syntax error in one line of JSON, at a 1-based column (counted in bytes).
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var column: Int
    var message: String

    var description: String { "invalid JSON at column \(column): \(message)" }
}

/// A strict RFC 8259 parser for one JSON text: no comments, no trailing commas, no NaN or
/// Infinity, numbers that overflow a Double refused, nesting at most `maxDepth` deep.
struct JSONParser {
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a complete JSON text; anything after the value but whitespace is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSON {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the value") }
        return value
    }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JSON {
        try parse(Array(text.utf8))
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(column: position + 1, message: message)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard current == byte else { throw error("expected \(what)\(found)") }
        position += 1
    }

    /// `, found 'x'` or `, found the end of the line`.
    private var found: String {
        guard let b = current else { return ", found the end of the line" }
        return b >= 0x20 && b < 0x7F ? ", found '\(Character(UnicodeScalar(b)))'" : ", found byte \(b)"
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case let b? where b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39): return try number()
        default: throw error("expected a value\(found)")
        }
    }

    private mutating func literal(_ word: String, _ value: JSON) throws(JSONSyntaxError) -> JSON {
        let start = position
        for b in word.utf8 {
            guard current == b else { throw JSONSyntaxError(column: start + 1, message: "expected '\(word)'") }
            position += 1
        }
        return value
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSON {
        position += 1
        var members: [(key: String, value: JSON)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyStart = position
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key\(found)") }
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                throw JSONSyntaxError(column: keyStart + 1, message: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSON {
        position += 1
        var elements: [JSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return .array(elements)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, converted with correct rounding.
    private mutating func number() throws(JSONSyntaxError) -> JSON {
        let start = position
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.position
            while let b = parser.current, b >= 0x30 && b <= 0x39 { parser.position += 1 }
            return parser.position - from
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw error("expected a digit\(found)")
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw error("expected a digit after '.'\(found)") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("expected a digit in the exponent\(found)") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(column: start + 1, message: "number \(text) is too large for a Double")
        }
        return .number(value)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run = position
        // Copies the bytes since `run` (UTF-8 text without escapes) into the result.
        func flush(_ parser: JSONParser, upTo end: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let b = current else { throw error("unterminated string") }
            switch b {
            case UInt8(ascii: "\""):
                flush(self, upTo: position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(self, upTo: position)
                position += 1
                scalars.append(try escape())
                run = position
            case 0..<0x20:
                throw error("control character in a string (escape it)")
            default:
                position += 1
            }
        }
    }

    private mutating func escape() throws(JSONSyntaxError) -> UnicodeScalar {
        guard let b = current else { throw error("unterminated escape") }
        position += 1
        switch b {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard current == UInt8(ascii: "\\") else { throw error("lone surrogate \\u\(String(unit, radix: 16))") }
                position += 1
                guard current == UInt8(ascii: "u") else { throw error("lone surrogate") }
                position += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = UnicodeScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("invalid surrogate pair") }
                return scalar
            }
            guard let scalar = UnicodeScalar(unit) else { throw error("lone surrogate") }
            return scalar
        default:
            position -= 2  // point at the backslash
            throw error("invalid escape '\\\(Character(UnicodeScalar(b)))'")
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let b = current, let digit = Self.hexValue(b) else { throw error("expected 4 hex digits after \\u") }
            unit = unit * 16 + digit
            position += 1
        }
        return unit
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }
}

/// Writes JSON text: compact, one object per line, numbers in shortest round-trip form.
struct JSONWriter {
    private(set) var text = ""

    mutating func write(_ value: JSON) {
        switch value {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .number(let d): writeNumber(d)
        case .string(let s): writeString(s)
        case .array(let elements):
            text += "["
            for (k, element) in elements.enumerated() {
                if k > 0 { text += "," }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (k, member) in members.enumerated() {
                if k > 0 { text += "," }
                writeString(member.key)
                text += ":"
                write(member.value)
            }
            text += "}"
        }
    }

    /// Integers below 2⁵³ without a fraction (`3`), others as Swift's shortest round-trip form,
    /// which is valid JSON (`0.1`, `1e-07`, `-0.0`).
    private mutating func writeNumber(_ d: Double) {
        precondition(d.isFinite, "JSON has no representation for \(d)")
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992, !(d == 0 && d.sign == .minus) {
            text += String(Int(d))
        } else {
            text += "\(d)"
        }
    }

    private mutating func writeString(_ s: String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
