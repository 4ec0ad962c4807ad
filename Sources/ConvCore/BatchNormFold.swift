/// A batch norm that follows a convolution, folded into the convolution's weights and bias
/// (the usual step before inference).
///
/// Per output channel `f`, with the batch norm's scale `γ`, shift `β`, running mean `μ` and
/// variance `σ²`, and `ε`:
///
///     s_f = γ_f / √(σ²_f + ε)
///     w′[f] = s_f · w[f]                 (every weight of filter f)
///     b′_f  = s_f · (b_f − μ_f) + β_f    (b = 0 for a convolution without bias)
///
/// so that `conv(x; w′, b′) = BN(conv(x; w, b))`, where `BN(y)[n,f,i,j] = s_f·(y[n,f,i,j] − μ_f) + β_f`.
/// Shapes: `w (F, C/groups, KH, KW)`, `b`, `γ`, `β`, `μ`, `σ²` of `F` values each.
public struct BatchNormFold: Equatable, Sendable {
    /// A batch norm's parameters and running statistics, one value per channel.
    public struct Statistics: Equatable, Sendable {
        public var gamma: [Double], beta: [Double], mean: [Double], variance: [Double]
        /// PyTorch's default for `BatchNorm2d` is 1e-5.
        public var epsilon: Double

        public init(gamma: [Double], beta: [Double], mean: [Double], variance: [Double], epsilon: Double = 1e-5) {
            self.gamma = gamma
            self.beta = beta
            self.mean = mean
            self.variance = variance
            self.epsilon = epsilon
        }
    }

    public let w: Tensor
    /// The convolution's bias (zeros when it has none).
    public let b: [Double]
    public let statistics: Statistics
    /// `s_f = γ_f / √(σ²_f + ε)`.
    public let scale: [Double]
    /// `w′`, shaped like `w`.
    public let foldedW: Tensor
    /// `b′`.
    public let foldedB: [Double]

    /// Folds `statistics` into `w` and `b`; every list must have one value per filter and every
    /// `σ² + ε` must be positive.
    public init(w: Tensor, b: [Double]?, statistics: Statistics) throws(ConvError) {
        guard w.rank == 4 else { throw .wrongRank(field: "w", expected: [4], got: w.rank) }
        guard w.count > 0 else { throw .empty(field: "w") }
        let filters = w.shape[0]
        let named: [(String, [Double]?)] = [("b", b), ("gamma", statistics.gamma), ("beta", statistics.beta),
                                            ("mean", statistics.mean), ("var", statistics.variance)]
        for case let (field, values?) in named where values.count != filters {
            throw .shapeMismatch(field: field, axis: 0, expected: filters, got: values.count, because: .oneValuePerFilter)
        }
        let scale = try (0..<filters).map { f throws(ConvError) in
            let denominator = statistics.variance[f] + statistics.epsilon
            guard denominator > 0 else { throw .notPositive(field: "var", value: denominator) }
            return statistics.gamma[f] / denominator.squareRoot()
        }
        let bias = b ?? Array(repeating: 0, count: filters)
        let perFilter = w.count / filters
        self.w = w
        self.b = bias
        self.statistics = statistics
        self.scale = scale
        foldedW = Tensor(shape: w.shape, data: w.data.enumerated().map { k, value in scale[k / perFilter] * value })
        foldedB = (0..<filters).map { f in scale[f] * (bias[f] - statistics.mean[f]) + statistics.beta[f] }
    }

    /// Both sides of the fold on one input.
    public struct Check: Equatable, Sendable {
        /// `BN(conv(x; w, b))`.
        public var batchNormed: Tensor
        /// `conv(x; w′, b′)`.
        public var folded: Tensor
        /// `max |folded − batchNormed|`: zero up to rounding.
        public var largestDifference: Double
    }

    /// Convolves `x (N, C, H, W)` both ways with `options`.
    public func check(x: Tensor, options: Conv2DOptions = .init()) throws(ConvError) -> Check {
        let y = try Conv2D(x: x, w: w, b: Tensor(b), options: options).forward()
        let folded = try Conv2D(x: x, w: foldedW, b: Tensor(foldedB), options: options).forward()
        let plane = y.shape[2] * y.shape[3]
        let filters = y.shape[1]
        let batchNormed = Tensor(shape: y.shape, data: y.data.enumerated().map { k, value in
            let f = (k / plane) % filters
            return scale[f] * (value - statistics.mean[f]) + statistics.beta[f]
        })
        let difference = zip(folded.data, batchNormed.data).map { abs($0 - $1) }.max() ?? 0
        return Check(batchNormed: batchNormed, folded: folded, largestDifference: difference)
    }
}
