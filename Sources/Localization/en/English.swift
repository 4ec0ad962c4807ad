/// The English catalogue. Its parts, one file per area, are extensions of this type.
struct English: Catalogue {
    var colon: String { ": " }
    var comma: String { ", " }

    func or(_ items: [String]) -> String {
        items.joined(separator: " or ")
    }

    func parenthesized(_ text: String) -> String {
        " (\(text))"
    }

    func sentences(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    func keyName(_ key: KeyName) -> String {
        switch key {
        case .space: "space"
        case .arrows: "arrows"
        case .click: "click"
        case .wheel: "wheel"
        }
    }

    /// `1 step`, `2 steps`: the noun in the singular for one, else in the plural.
    func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
