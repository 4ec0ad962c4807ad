import ConvCore
import LessonKit

extension ExplorerMode {
    /// The explorer mode an animation block asks for.
    public init(_ kind: AnimationKind) {
        switch kind {
        case .conv1d: self = .conv1d
        case .correlate1d: self = .correlate1d
        case .conv2d: self = .forward
        case .conv2dBackward: self = .backward
        case .maxpool2d: self = .maxpool
        case .avgpool2d: self = .avgpool
        case .maxpool2dBackward: self = .maxpoolBackward
        case .avgpool2dBackward: self = .avgpoolBackward
        case .transpose2d: self = .transposed
        }
    }
}

extension ExplorerConfig {
    /// The explorer's configuration for an animation block of a lesson: the block's parameters
    /// over the explorer's defaults, its explicit values as typed-in values. Sizes not given
    /// follow explicit `x` and `w` (or `a` and `v`) when those are given.
    public init(animation a: Animation) {
        self.init()
        mode = ExplorerMode(a.kind)
        let pair = { (values: [Int]?, fallback: Pair) -> Pair in
            guard let values, let first = values.first else { return fallback }
            return values.count >= 2 ? Pair(first, values[1]) : Pair(first)
        }
        if mode.is1D {
            // 1-D lengths: the given size, else the length of the explicit array.
            let length = { (values: [Int]?, rows: [[Double]]?, fallback: Int) in
                values?.last ?? rows?.first?.count ?? fallback
            }
            input = Pair(1, length(a.input, a.explicit["a"], input.w))
            kernel = Pair(1, length(a.kernel, a.explicit["v"], kernel.w))
        } else {
            let shape = { (rows: [[Double]]?) -> Pair? in
                guard let rows, let first = rows.first else { return nil }
                return Pair(rows.count, first.count)
            }
            input = pair(a.input, shape(a.explicit["x"]) ?? input)
            kernel = pair(a.kernel, shape(a.explicit["w"]) ?? kernel)
        }
        stride = pair(a.stride, mode.isPooling && a.stride == nil ? kernel : stride)
        padding = pair(a.padding, padding)
        dilation = pair(a.dilation, dilation)
        outputPadding = pair(a.outputPadding, outputPadding)
        channels = a.channels ?? channels
        filters = a.filters ?? filters
        groups = a.groups ?? groups
        bias = a.bias ?? (a.explicit["b"] != nil)
        if a.convention == Convention.convolution.rawValue { convention = .convolution }
        if let m = a.mode, let mode1D = Conv1D.Mode(rawValue: m) { self.mode1D = mode1D }
        switch a.view {
        case "scatter": presentation = .scatter
        case "convolution": presentation = .convolution
        default: presentation = .cells
        }
        if a.values == "random" { values = .random(seed: UInt64(max(0, a.seed ?? 1))) }
        overrides = Self.overrides(a.explicit, oneD: mode.is1D)
    }

    /// Explicit rows as typed values: 2-D rows go to the first image and channel (`x[0,0,r,c]`),
    /// 1-D lists (`a`, `v`, `b`) to their index.
    private static func overrides(_ explicit: [String: [[Double]]], oneD: Bool) -> [Override] {
        var result: [Override] = []
        for (name, rows) in explicit.sorted(by: { $0.key < $1.key }) {
            let tensor = name == "dout" ? "dOut" : name
            let flat = ["a", "v", "b"].contains(name)
            for (r, row) in rows.enumerated() {
                for (c, value) in row.enumerated() {
                    result.append(Override(tensor: tensor, index: flat ? [c] : [0, 0, r, c], value: value))
                }
            }
        }
        return result
    }
}
