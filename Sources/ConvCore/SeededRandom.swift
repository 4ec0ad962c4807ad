/// A small, seedable random generator (SplitMix64), so that "random" values, exercises and
/// generated problems are the same for the same seed on every machine and Swift version.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`, by a fixed recipe (not the standard library's, which may change).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// One of `items`, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// True with probability `numerator / denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        int(in: 1...denominator) <= numerator
    }

    /// A tensor of `shape` holding integers from `values` (without 0 when `nonzero`), in
    /// row-major order.
    public mutating func tensor(_ shape: [Int], _ values: ClosedRange<Int>, nonzero: Bool = false) -> Tensor {
        let choices = Array(values).filter { !nonzero || $0 != 0 }
        return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in Double(pick(choices)) })
    }
}

/// How a tensor's values are chosen when the learner does not type them.
public enum Values: Equatable, Sendable {
    /// 1, 2, 3, … in row-major order: zero padding stands out, and every product is easy to check.
    case ramp
    /// Small integers in −3…3 from a seed.
    case random(seed: UInt64)

    /// Tensors of the given shapes filled in order; random tensors draw from one stream, so each
    /// gets different values.
    public func fill(_ shapes: [[Int]]) -> [Tensor] {
        var generator = SeededRandom(seed: { if case .random(let seed) = self { seed } else { 0 } }())
        return shapes.map { shape in
            let count = shape.reduce(1, *)
            switch self {
            case .ramp:
                return Tensor(shape: shape, data: (0..<count).map { Double($0 + 1) })
            case .random:
                return Tensor(shape: shape, data: (0..<count).map { _ in Double(generator.int(in: -3...3)) })
            }
        }
    }
}
