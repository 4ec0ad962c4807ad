/// One integer per spatial axis: height first, then width (PyTorch's `(h, w)` tuples).
public struct Pair: Hashable, Sendable, CustomStringConvertible {
    public var h: Int
    public var w: Int

    public init(_ h: Int, _ w: Int) {
        self.h = h
        self.w = w
    }

    /// The same value on both axes, as PyTorch expands `stride=2` to `(2, 2)`.
    public init(_ both: Int) {
        self.init(both, both)
    }

    /// The value on one axis.
    public subscript(axis: Axis) -> Int {
        get { axis == .height ? h : w }
        set { if axis == .height { h = newValue } else { w = newValue } }
    }

    /// `"3"` when both axes agree, else `"3×2"`.
    public var description: String { h == w ? "\(h)" : "\(h)×\(w)" }
}

/// A spatial axis of a 2-D operation.
public enum Axis: String, CaseIterable, Sendable {
    case height
    case width
}
