import TermCanvas

/// A one-line text field: characters typed at the cursor, Backspace and Delete, ←/→, Home/End.
/// Pure: keys in, text out.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: [Character] = []
    /// Where the next character goes: 0 … text.count.
    public private(set) var cursor = 0
    /// The longest text accepted (an answer is a line, not a document).
    public static let maxLength = 200

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }
    public var isEmpty: Bool { text.isEmpty }

    /// Applies an editing key; false when the key is not one (the caller handles it).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where !c.isNewline && c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }):
            guard text.count < Self.maxLength else { return true }
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        default: return false
        }
        return true
    }
}
