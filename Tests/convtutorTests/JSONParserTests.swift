import Testing
@testable import convtutor

/// The strict JSON parser behind `compute --json`: RFC 8259 values, and errors with the column.
@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value")
    func values() throws {
        let json = try JSONParser.parse(#" {"a": [1, -2.5e3, 0.125], "b": true, "c": null, "d": "x\"\u00e9\ud83d\ude00\n"} "#)
        #expect(json == .object([
            ("a", .array([.number(1), .number(-2500), .number(0.125)])),
            ("b", .bool(true)), ("c", .null), ("d", .string("x\"é😀\n")),
        ]))
    }

    @Test("numbers round-trip exactly")
    func numbers() throws {
        for text in ["0.1", "1e-300", "-0.0", "123456789012345678", "2.2250738585072014e-308", "1.7976931348623157e308"] {
            #expect(try JSONParser.parse(text) == .number(Double(text)!), "\(text)")
        }
    }

    @Test("invalid JSON is refused at the right column", arguments: [
        ("", 1, "expected a value, found the end of the line"),
        ("{\"a\": 1,}", 9, "expected a string key, found '}'"),
        ("[1, 2", 6, "expected ',' or ']', found the end of the line"),
        ("[1 2]", 4, "expected ',' or ']', found '2'"),
        ("{\"a\" 1}", 6, "expected ':' after the key, found '1'"),
        ("NaN", 1, "expected a value, found 'N'"),
        ("[Infinity]", 2, "expected a value, found 'I'"),
        ("[-Infinity]", 3, "expected a digit, found 'I'"),
        ("1e400", 1, "number 1e400 is too large for a Double"),
        ("01", 2, "unexpected text after the value"),
        ("1.", 3, "expected a digit after '.', found the end of the line"),
        (".5", 1, "expected a value, found '.'"),
        ("+1", 1, "expected a value, found '+'"),
        ("\"abc", 5, "unterminated string"),
        ("\"a\tb\"", 3, "control character in a string (escape it)"),
        ("\"\\x\"", 2, "invalid escape '\\x'"),
        ("\"\\ud800\"", 8, "lone surrogate \\ud800"),
        ("\"\\ud800\\u0041\"", 14, "invalid surrogate pair"),
        ("{\"a\": 1, \"a\": 2}", 10, "duplicate key \"a\""),
        ("tru", 1, "expected 'true'"),
        ("{} {}", 4, "unexpected text after the value"),
    ])
    func errors(_ text: String, _ column: Int, _ message: String) {
        #expect(throws: JSONSyntaxError(column: column, message: message)) { try JSONParser.parse(text) }
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError(column: JSONParser.maxDepth + 1, message: "nesting deeper than 64 levels")) {
            try JSONParser.parse(deep)
        }
        #expect((try? JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))) != nil)
    }

    @Test("the writer escapes control characters and keeps numbers exact")
    func writer() throws {
        var writer = JSONWriter()
        writer.write(.object([("e", .string("a\u{1B}[31m\"\\\n")), ("n", .array([.number(3), .number(0.1), .number(-0.0), .number(1e-7), .number(1e300)]))]))
        #expect(writer.text == #"{"e":"a\u001b[31m\"\\\n","n":[3,0.1,-0.0,1e-07,1e+300]}"#)
        // What we write, we read back unchanged.
        #expect(try JSONParser.parse(writer.text) == .object([("e", .string("a\u{1B}[31m\"\\\n")), ("n", .array([.number(3), .number(0.1), .number(-0.0), .number(1e-7), .number(1e300)]))]))
    }
}
