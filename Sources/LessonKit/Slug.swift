/// Lesson and quiz ids: lowercase letters, digits and `-`.
enum Slug {
    /// True for a non-empty text of `a`–`z`, `0`–`9` and `-` only.
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-")
        }
    }
}
