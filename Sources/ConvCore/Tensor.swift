/// A dense, row-major array of `Double` with a shape, e.g. `(N, C, H, W)` for a batch of images.
///
/// `Tensor` is a plain value: the maths takes tensors and returns new ones. Element `(i0, i1, …)`
/// lives at `data[((i0·d1 + i1)·d2 + i2)…]`.
public struct Tensor: Equatable, Sendable {
    /// The extent of every axis, outermost first.
    public let shape: [Int]
    /// The elements in row-major order; `data.count == shape.product`.
    public var data: [Double]

    /// Makes a tensor from a shape and row-major data; the counts must agree.
    public init(shape: [Int], data: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(shape.reduce(1, *) == data.count,
                     "shape \(shape) needs \(shape.reduce(1, *)) elements, got \(data.count)")
        self.shape = shape
        self.data = data
    }

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Double = 0) {
        self.init(shape: shape, data: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A 1-D tensor holding `values`.
    public init(_ values: [Double]) {
        self.init(shape: [values.count], data: values)
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { data.count }

    /// The row-major offset of a full index.
    @inlinable
    public func offset(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) has the wrong rank for \(shape)")
        var offset = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "index \(index) is out of range for \(shape)")
            offset = offset * shape[axis] + i
        }
        return offset
    }

    /// The element at a full index.
    public subscript(_ index: [Int]) -> Double {
        get { data[offset(index)] }
        set { data[offset(index)] = newValue }
    }

    /// The element at a full index, written out.
    public subscript(_ index: Int...) -> Double {
        get { self[index] }
        set { self[index] = newValue }
    }

    /// The element `[i0, i1, i2, i3]` of a 4-D tensor, without building an index array.
    @inlinable
    public subscript(_ i0: Int, _ i1: Int, _ i2: Int, _ i3: Int) -> Double {
        get { data[((i0 * shape[1] + i1) * shape[2] + i2) * shape[3] + i3] }
        set { data[((i0 * shape[1] + i1) * shape[2] + i2) * shape[3] + i3] = newValue }
    }

    /// The full index of a row-major offset (the inverse of `offset(_:)`).
    public func index(ofOffset offset: Int) -> [Int] {
        Self.index(ofOffset: offset, in: shape)
    }

    /// The full index of a row-major offset into a tensor of `shape`.
    public static func index(ofOffset offset: Int, in shape: [Int]) -> [Int] {
        var rest = offset
        var index = Array(repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }

    /// The same elements seen with another shape of the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, data: data)
    }

    /// The tensor with its last two axes reversed: each kernel rotated by 180°, as true
    /// convolution uses it.
    public func flippedSpatially() -> Tensor {
        precondition(rank >= 2, "flippedSpatially() needs at least 2 axes, got shape \(shape)")
        let (h, w) = (shape[rank - 2], shape[rank - 1])
        var out = self
        for plane in 0..<count / (h * w) {
            for i in 0..<h {
                for j in 0..<w {
                    out.data[(plane * h + i) * w + j] = data[(plane * h + h - 1 - i) * w + w - 1 - j]
                }
            }
        }
        return out
    }

    /// The 2-D slice `self[i0, i1, :, :]` of a 4-D tensor, as an `(H, W)` tensor.
    public func plane(_ i0: Int, _ i1: Int) -> Tensor {
        precondition(rank == 4, "plane(_:_:) needs a 4-D tensor, got shape \(shape)")
        let h = shape[2], w = shape[3]
        let start = offset([i0, i1, 0, 0])
        return Tensor(shape: [h, w], data: Array(data[start..<start + h * w]))
    }
}
