/// How many padding rows and columns go on each side of the input, in `F.pad`'s order
/// `(left, right, top, bottom)`.
public struct PaddingSides: Hashable, Sendable, CustomStringConvertible {
    public var left: Int
    public var right: Int
    public var top: Int
    public var bottom: Int

    public init(left: Int, right: Int, top: Int, bottom: Int) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// `padding` on both sides of each axis, as PyTorch's int or tuple `padding`.
    public init(symmetric padding: Pair) {
        self.init(left: padding.w, right: padding.w, top: padding.h, bottom: padding.h)
    }

    /// `[left, right, top, bottom]`, as the `pad` option and field take it.
    public init(_ values: [Int]) {
        precondition(values.count == 4, "pad takes [left, right, top, bottom], got \(values)")
        self.init(left: values[0], right: values[1], top: values[2], bottom: values[3])
    }

    /// The padding before the first row and column, `(top, left)`: where the first window starts.
    public var before: Pair { Pair(top, left) }
    /// The padding after the last row and column, `(bottom, right)`.
    public var after: Pair { Pair(bottom, right) }

    /// True when each axis has the same padding on both sides.
    public var isSymmetric: Bool { before == after }

    /// `[left, right, top, bottom]`.
    public var values: [Int] { [left, right, top, bottom] }

    /// `(1, 0, 1, 0)`: the tuple `F.pad` takes.
    public var description: String { "(\(values.map(String.init).joined(separator: ", ")))" }
}

/// Where padding goes: PyTorch's `padding` as an amount per axis or `"same"`, or `F.pad`'s
/// explicit sides. (`padding="valid"` is no padding, the symmetric layout with padding 0.)
public enum PaddingLayout: Equatable, Sendable {
    /// `Conv2DOptions.padding` on both sides of each axis.
    case symmetric
    /// `padding="same"`: the output keeps the input's size. Per axis the total `D·(K−1)` is split
    /// with the extra row or column at the end: `⌊total/2⌋` before, the rest after. Stride 1 only.
    case same
    /// `pad = [left, right, top, bottom]`, as `F.pad(x, (left, right, top, bottom))` before a
    /// convolution with padding 0; `Conv2DOptions.padding` must then be 0.
    case sides(PaddingSides)
}
