import Foundation

extension Array where Element: Sendable {
    /// `map(transform)`, with the elements transformed on every core at once; the results come back
    /// in the order of the array. For independent, pure work on each element (parsing and checking
    /// lesson files).
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            results.set(k, transform(self[k]))
        }
        return results.values.map { $0! }
    }
}

/// Results filled in by concurrent workers, each at its own index.
private final class ConcurrentResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: T) {
        lock.lock()
        values[k] = value
        lock.unlock()
    }
}
