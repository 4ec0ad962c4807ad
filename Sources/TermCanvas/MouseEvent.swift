/// What the mouse did, and over which cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    /// A button going down, or the wheel turning.
    public enum Kind: Hashable, Sendable {
        /// The primary (left) button went down: acted on at once, not when it comes up.
        case press
        /// The wheel turned one notch away from the user (up) or towards them (down).
        case wheelUp, wheelDown
    }

    public var kind: Kind
    /// The column and row under the pointer, counted from 0 at the top left.
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
