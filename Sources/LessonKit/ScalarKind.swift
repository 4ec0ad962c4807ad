/// The type of a plain YAML scalar for the everyday cases, decided cheaply:
/// words, decimal integers and decimal numbers. Anything unusual (`0x1F`, `1:30`, `.inf`,
/// `2024-01-01`, …) returns `nil` and is left to `resolved`, which follows YAML 1.1's core schema.
enum ScalarKind {
    static let booleans: [String: Bool] = [
        "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
        "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false, "Off": false,
        "OFF": false,
    ]
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func quick(_ text: String) -> YAMLScalar.Kind? {
        // Booleans and nulls are at most five letters: longer text (a prompt) is not hashed.
        if text.utf8.count <= 5 {
            if let b = booleans[text] { return .bool(b) }
            if nulls.contains(text) { return .null }
        }
        guard let first = text.utf8.first else { return .null }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let startsLikeNumber = isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".")
        // `<<` (merge) and `=` (value) are special to YAML too.
        guard startsLikeNumber || first == UInt8(ascii: "<") || first == UInt8(ascii: "=") else { return .string }
        let bytes = Array(text.utf8)
        // Numbers, dates and times of YAML 1.1 are written with ASCII letters, digits, `+-._:`
        // and spaces; anything else (`4×4`, `3/4`, `(1)`) is text.
        let numeric = bytes.allSatisfy { b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || "+-._: ".utf8.contains(b)
        }
        guard numeric else { return .string }
        guard startsLikeNumber, !bytes.contains(UInt8(ascii: "_")) else { return nil }
        // [-+]? digits, with no leading zero: a decimal integer.
        var k = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? 1 : 0
        let digitsStart = k
        while k < bytes.count, isDigit(bytes[k]) { k += 1 }
        let intDigits = k - digitsStart
        if k == bytes.count, intDigits > 0 {
            if intDigits > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil }  // octal in YAML 1.1
            return Int(text).map { .int($0) }
        }
        // [-+]? digits (. digits*)? ([eE] [-+]? digits)?: a decimal number.
        guard intDigits > 0 else { return nil }
        if k < bytes.count, bytes[k] == UInt8(ascii: ".") {
            k += 1
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
        }
        if k < bytes.count, bytes[k] == UInt8(ascii: "e") || bytes[k] == UInt8(ascii: "E") {
            k += 1
            if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") { k += 1 }
            let exponentStart = k
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
            if k == exponentStart { return nil }
        }
        guard k == bytes.count else { return nil }
        return Double(text).map { .float($0) }
    }
}
