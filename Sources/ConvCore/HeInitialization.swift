/// He (Kaiming) initialisation for layers followed by ReLU (He et al., 2015): weights drawn with
/// mean 0 and
///
///     std = √(2 / fan_in),   fan_in = C/groups · KH · KW
///
/// (the inputs one output sums), so the variance of the activations stays the same from layer
/// to layer; ReLU zeroes half of them, hence the 2. The uniform form draws from `[−b, b]` with
/// `b = √3 · std = √(6 / fan_in)`. PyTorch: `nn.init.kaiming_normal_(w, nonlinearity="relu")`.
public enum HeInitialization {
    /// `C/groups · KH · KW`, for a layer PyTorch accepts (`groups` dividing `channels`).
    public static func fanIn(channels: Int, groups: Int = 1, kernel: Pair) throws(ConvError) -> Int {
        try Limits.check(channels, field: "channels", minimum: 1)
        try Limits.check(groups, field: "groups", minimum: 1)
        try Limits.check(kernel, field: "kernel", minimum: 1)
        guard channels % groups == 0 else { throw .groupsDoNotDivide(channels: channels, of: .channels, groups: groups) }
        return try Limits.product([channels / groups, kernel.h, kernel.w], field: "kernel", what: .elements, limit: Limits.maxElements)
    }

    /// `√(2 / fan_in)`.
    public static func std(fanIn: Int) throws(ConvError) -> Double {
        try Limits.check(fanIn, field: "fan_in", minimum: 1)
        return (2 / Double(fanIn)).squareRoot()
    }

    /// `√(6 / fan_in)`, the bound of the uniform form.
    public static func uniformBound(fanIn: Int) throws(ConvError) -> Double {
        try Limits.check(fanIn, field: "fan_in", minimum: 1)
        return (6 / Double(fanIn)).squareRoot()
    }
}
