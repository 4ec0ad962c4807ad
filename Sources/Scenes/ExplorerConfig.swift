import ConvCore
import LessonKit

/// Every parameter of the explorer, as the learner sets it. Plain values: validating them and
/// computing the scene is `Scene.build`.
public struct ExplorerConfig: Equatable, Sendable {
    /// The operation animated: one of `ConvOperation.animated`.
    public var mode: ConvOperation = .conv2d
    /// Input height and width (1-D uses the width as the length of `a`).
    public var input = Pair(5, 5)
    /// Kernel (or pooling window) height and width (1-D uses the width as the length of `v`).
    public var kernel = Pair(3, 3)
    public var stride = Pair(1, 1)
    public var padding = Pair(0, 0)
    /// What the padding holds (convolutions only).
    public var paddingMode: PaddingMode = .zeros
    /// `padding` on both sides, `"same"`, or explicit sides (convolutions only).
    public var paddingLayout: PaddingLayout = .symmetric
    public var dilation = Pair(1, 1)
    public var outputPadding = Pair(0, 0)
    public var channels = 1
    public var filters = 1
    public var groups = 1
    public var bias = false
    public var convention: Convention = .crossCorrelation
    public var mode1D: Conv1D.Mode = .full
    /// Pooling's `ceil_mode`; average pooling's `count_include_pad` and `divisor_override`.
    public var ceilMode = false
    public var countIncludePad = true
    public var divisorOverride: Int?
    /// Adaptive pooling's `output_size`.
    public var outputSize = Pair(3, 3)
    public var values: Values = .ramp
    /// How the backward pass and the transposed convolution are shown.
    public var presentation: Presentation = .cells
    /// Values the learner typed into cells, replacing the generated ones.
    public var overrides: [Override] = []

    /// One typed value: `tensor[index] = value`.
    public struct Override: Equatable, Sendable {
        public var tensor: TensorName
        public var index: [Int]
        public var value: Double

        public init(tensor: TensorName, index: [Int], value: Double) {
            self.tensor = tensor
            self.index = index
            self.value = value
        }
    }

    public init() {}

    /// `t` with the typed values for `name` applied (indices outside `t` are ignored).
    func applyingOverrides(_ t: Tensor, as name: TensorName) -> Tensor {
        var t = t
        for o in overrides where o.tensor == name && o.index.count == t.rank
            && zip(o.index, t.shape).allSatisfy({ $0 >= 0 && $0 < $1 }) {
            t[o.index] = o.value
        }
        return t
    }

    /// The tensors whose values were typed in, in the order first typed.
    public var typedTensors: [TensorName] {
        var names: [TensorName] = []
        for o in overrides where !names.contains(o.tensor) { names.append(o.tensor) }
        return names
    }

    /// The pooling options of `kind` from these settings; those `kind` does not take (dilation for
    /// average pooling, the divisor's options for max), set in another mode, are left out.
    public func poolOptions(_ kind: Pool2D.Kind) -> Pool2DOptions {
        Pool2DOptions(stride: stride, padding: padding, dilation: kind == .max ? dilation : Pair(1), ceilMode: ceilMode,
                      countIncludePad: kind == .max || countIncludePad, divisorOverride: kind == .max ? nil : divisorOverride)
    }

    /// The first size beyond what the explorer draws (`LessonLimits`), if any: grids larger than
    /// that would not fit any screen.
    public var tooLargeToDraw: DrawingLimit? {
        let extents = [input.h, input.w, kernel.h, kernel.w] + (mode.isAdaptivePooling ? [outputSize.h, outputSize.w] : [])
        if let e = extents.first(where: { $0 > LessonLimits.maxGridExtent }) { return .extent(e) }
        if let c = [channels, filters].first(where: { $0 > LessonLimits.maxChannels }) { return .channels(c) }
        return nil
    }
}

/// A size the explorer does not draw.
public enum DrawingLimit: Equatable, Sendable {
    /// An input or kernel extent above `LessonLimits.maxGridExtent`.
    case extent(Int)
    /// Channels or filters above `LessonLimits.maxChannels`.
    case channels(Int)
}
