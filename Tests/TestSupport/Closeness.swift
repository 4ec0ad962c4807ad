import ConvCore

/// The first element where `actual` and `expected` differ by more than `relative` of the larger
/// magnitude (or `absolute`, for values that should be zero); `nil` when all agree.
///
/// The message names the index and both values, so a failing golden case is readable.
public func mismatch(
    _ actual: Tensor, _ expected: Tensor, relative: Double = 1e-9, absolute: Double = 1e-14
) -> String? {
    guard actual.shape == expected.shape else {
        return "shape \(actual.shape), expected \(expected.shape)"
    }
    for k in actual.data.indices {
        let (a, e) = (actual.data[k], expected.data[k])
        if !(abs(a - e) <= max(relative * max(abs(a), abs(e)), absolute)) {
            return "at \(actual.index(ofOffset: k)): \(a), expected \(e)"
        }
    }
    return nil
}

/// `mismatch` for plain arrays.
public func mismatch(_ actual: [Double], _ expected: [Double], relative: Double = 1e-9) -> String? {
    mismatch(Tensor(actual), Tensor(expected), relative: relative)
}
