/// The receptive field of one output cell after a stack of convolution or pooling layers, along
/// one axis.
///
/// With `r₀ = 1` and `j₀ = 1` (one input cell, adjacent cells one input cell apart), layer `l`
/// with kernel `Kₗ`, stride `Sₗ` and dilation `Dₗ` gives
///
///     rₗ = rₗ₋₁ + Dₗ·(Kₗ − 1)·jₗ₋₁        jₗ = jₗ₋₁·Sₗ
///
/// where `jₗ` (the jump) is how many input cells apart two neighbouring cells of layer `l` are.
/// Padding moves the field but does not change its size.
public enum ReceptiveField {
    /// One layer of the stack.
    public struct Layer: Equatable, Sendable {
        public var kernel: Int
        public var stride: Int
        public var dilation: Int

        public init(kernel: Int, stride: Int = 1, dilation: Int = 1) {
            self.kernel = kernel
            self.stride = stride
            self.dilation = dilation
        }
    }

    /// The field and jump after each layer.
    public struct Growth: Equatable, Sendable {
        /// Input cells seen by one cell of this layer.
        public var size: Int
        /// Input cells between two neighbouring cells of this layer.
        public var jump: Int

        public init(size: Int, jump: Int) {
            self.size = size
            self.jump = jump
        }

        /// One input cell: the field before any layer.
        public static let input = Growth(size: 1, jump: 1)
    }

    /// The growth after each layer of `layers`, in order. Throws for a parameter below 1 or a
    /// field beyond `Limits.maxParameter`.
    public static func growth(_ layers: [Layer]) throws(ConvError) -> [Growth] {
        var (size, jump) = (Growth.input.size, Growth.input.jump)
        var result: [Growth] = []
        for layer in layers {
            try Limits.check(layer.kernel, field: "kernel", axis: nil, minimum: 1)
            try Limits.check(layer.stride, field: "stride", axis: nil, minimum: 1)
            try Limits.check(layer.dilation, field: "dilation", axis: nil, minimum: 1)
            size += layer.dilation * (layer.kernel - 1) * jump
            jump *= layer.stride
            guard size <= Limits.maxParameter, jump <= Limits.maxParameter else {
                throw .tooBig(field: "layers", axis: nil, value: max(size, jump), maximum: Limits.maxParameter)
            }
            result.append(Growth(size: size, jump: jump))
        }
        return result
    }
}
