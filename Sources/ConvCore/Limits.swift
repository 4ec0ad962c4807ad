/// The largest requests the compute core accepts, so that a huge request is refused at once
/// instead of exhausting memory or time.
///
/// - every integer parameter (sizes, kernel, stride, padding, dilation, groups, output padding)
///   is at most `maxParameter` = 2²⁴ = 16,777,216, which keeps all size arithmetic far from
///   integer overflow;
/// - every tensor, given or produced, has at most `maxElements` = 2²² = 4,194,304 elements
///   (32 MiB of `Double`);
/// - one operation performs at most `maxMultiplyAdds` = 2²⁸ = 268,435,456 multiply-adds.
public enum Limits {
    public static let maxParameter = 1 << 24
    public static let maxElements = 1 << 22
    public static let maxMultiplyAdds = 1 << 28

    /// The element count of `shape`, or `tooLarge` naming `field` when above `maxElements`.
    public static func checkElements(_ shape: [Int], field: String) throws(ConvError) -> Int {
        try product(shape, field: field, what: .elements, limit: maxElements)
    }

    /// `factors` multiplied without overflow, or `tooLarge` when the product exceeds `limit`.
    public static func product(
        _ factors: [Int], field: String, what: ConvError.Workload, limit: Int
    ) throws(ConvError) -> Int {
        var total = 1
        for factor in factors {
            let (next, overflow) = total.multipliedReportingOverflow(by: factor)
            if overflow || next > limit {
                // Report the true size even when it does not fit in an Int.
                let amount = factors.reduce(1.0) { $0 * Double($1) }
                throw .tooLarge(field: field, what: what, amount: amount, limit: limit)
            }
            total = next
        }
        return total
    }

    /// Checks that one parameter is at least `minimum` and at most `maxParameter`.
    public static func check(
        _ value: Int, field: String, axis: Axis? = nil, minimum: Int
    ) throws(ConvError) {
        if value < minimum { throw .tooSmall(field: field, axis: axis, value: value, minimum: minimum) }
        if value > maxParameter {
            throw .tooBig(field: field, axis: axis, value: value, maximum: maxParameter)
        }
    }

    /// Checks both axes of a pair parameter.
    public static func check(_ pair: Pair, field: String, minimum: Int) throws(ConvError) {
        for axis in Axis.allCases {
            try check(pair[axis], field: field, axis: axis, minimum: minimum)
        }
    }
}
