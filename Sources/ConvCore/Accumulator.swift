/// A compensated running sum (Neumaier's variant of Kahan summation).
///
/// Every cell of every operation is summed with this, term by term in the order its trace lists
/// them, so that a trace re-added gives exactly the cell, and so that long sums with cancellation
/// stay within a few units in the last place of the exact result.
public struct Accumulator: Sendable {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    public init() {}

    /// Adds one term, keeping the low-order bits lost by the rounded addition.
    @inlinable @inline(__always)
    public mutating func add(_ term: Double) {
        let t = sum + term
        if abs(sum) >= abs(term) {
            compensation += (sum - t) + term
        } else {
            compensation += (term - t) + sum
        }
        sum = t
    }

    /// The sum of every term added so far.
    @inlinable
    public var value: Double { sum + compensation }
}
