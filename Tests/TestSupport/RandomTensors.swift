import ConvCore

extension SeededRandom {
    /// A double in `[-1, 1)` from the top 53 bits of the next value (a fixed recipe, so the same
    /// seed gives the same doubles everywhere).
    public mutating func signedUnit() -> Double {
        Double(next() >> 11) * 0x1p-53 * 2 - 1
    }
}

/// A tensor of `shape` filled with doubles in `[-1, 1)` drawn from `random`.
public func randomTensor(_ shape: [Int], _ random: inout SeededRandom) -> Tensor {
    Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in random.signedUnit() })
}

/// A tensor of `shape` whose elements are all different and at least `1/count` apart: the values
/// `−1 + (2k+1)/count` (each moved by at most a quarter of the spacing) in a seeded random order.
///
/// Max pooling is differentiable only where every window has a single maximum; with these values a
/// finite-difference step below `1/(2·count)` never changes which cell wins.
public func distinctTensor(_ shape: [Int], _ random: inout SeededRandom) -> Tensor {
    let count = shape.reduce(1, *)
    let spacing = 2.0 / Double(count)
    var values = (0..<count).map { k in
        -1 + (Double(k) + 0.5) * spacing + random.signedUnit() * spacing / 4
    }
    // Fisher–Yates with the seeded generator.
    for k in stride(from: count - 1, to: 0, by: -1) {
        values.swapAt(k, random.int(in: 0...k))
    }
    return Tensor(shape: shape, data: values)
}

/// Every full index of a tensor of `shape`, in row-major order.
public func allIndices(_ shape: [Int]) -> [[Int]] {
    (0..<shape.reduce(1, *)).map { Tensor.index(ofOffset: $0, in: shape) }
}
