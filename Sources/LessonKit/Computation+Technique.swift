import ConvCore

extension Computation {
    /// A computation of the lessons on fast convolution, factorised kernels and initialisation:
    /// an `of:` name with the inputs its block gives.
    public enum Technique: Equatable, Sendable {
        /// `of: fft-convolution`: `numpy.convolve(a, v, mode)` through the FFT, or what it costs
        /// for the lengths `[M, N]` against the direct sum (from `a` and `v`, or `input` and `kernel`).
        case fftConvolution(a: [Double]?, v: [Double]?, lengths: [Int], mode: Conv1D.Mode)
        /// `of: circular-convolution`: `a ⊛ v` of `length` (default `max(M, N)`).
        case circularConvolution(a: [Double], v: [Double], length: Int?)
        /// `of: winograd`: the valid correlation of `d` with the 3-tap (3×3) filter `g`; the
        /// rounding error measured in `precision`.
        case winograd(Winograd.Variant, d: [[Double]], g: [[Double]], precision: Winograd.Precision)
        /// `of: batchnorm-fold`: one-channel filters `w` (rows each), their bias, the batch norm
        /// after them, and an input `x` to check the fold on.
        case batchNormFold(w: [[[Double]]], b: [Double]?, statistics: BatchNormFold.Statistics, x: [[Double]]?)
        /// `of: separable`: a kernel `w` (or only its size, for costs) and an input size for the
        /// total cost of a valid pass.
        case separable(w: [[Double]]?, kernel: Pair, input: Pair?)
        /// `of: continuous-convolution`: `f ∗ g` sampled with step `dt` against the exact integral,
        /// at the points `at`.
        case continuousConvolution(f: ContinuousFunction, g: ContinuousFunction, dt: Double, at: [Double])
        /// `of: he-init`: the He standard deviation of a given fan-in, or of a layer's.
        case heInit(fanIn: Int?, channels: Int, groups: Int, kernel: Pair)
        /// `of: tf-same-padding`: TensorFlow's `"SAME"` sides for an input, kernel, stride and dilation.
        case tensorflowSame(input: Pair, kernel: Pair, stride: Pair, dilation: Pair)

        /// The `of:` names, what each shows, and the keys each takes.
        public enum Name: String, CaseIterable, Equatable, Sendable {
            case fftConvolution = "fft-convolution"
            case circularConvolution = "circular-convolution"
            case winograd
            case batchNormFold = "batchnorm-fold"
            case separable
            case continuousConvolution = "continuous-convolution"
            case heInit = "he-init"
            case tensorflowSame = "tf-same-padding"

            /// The values `show` may take, the default first.
            public var shows: [Show] {
                switch self {
                case .fftConvolution: [.output, .cost]
                case .circularConvolution: [.output]
                case .winograd: [.output, .multiplications, .transforms, .error]
                case .batchNormFold: [.weights, .bias, .check]
                case .separable: [.factors, .rank, .cost]
                case .continuousConvolution: [.output, .exact, .error]
                case .heInit: [.output, .fanIn]
                case .tensorflowSame: [.output, .size]
                }
            }

            /// The keys it takes besides `of`, `show`, `expect` and `tolerance`.
            var keys: [String] {
                switch self {
                case .fftConvolution: ["a", "v", "mode", "input", "kernel"]
                case .circularConvolution: ["a", "v", "length"]
                case .winograd: ["variant", "d", "g", "precision"]
                case .batchNormFold: ["w", "b", "gamma", "beta", "mean", "var", "eps", "x"]
                case .separable: ["w", "kernel", "input"]
                case .continuousConvolution: ["f", "g", "dt", "at"]
                case .heInit: ["fan_in", "channels", "groups", "kernel"]
                case .tensorflowSame: ["input", "kernel", "stride", "dilation"]
                }
            }
        }

        public var name: Name {
            switch self {
            case .fftConvolution: .fftConvolution
            case .circularConvolution: .circularConvolution
            case .winograd: .winograd
            case .batchNormFold: .batchNormFold
            case .separable: .separable
            case .continuousConvolution: .continuousConvolution
            case .heInit: .heInit
            case .tensorflowSame: .tensorflowSame
            }
        }
    }
}
