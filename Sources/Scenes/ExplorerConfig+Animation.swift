import ConvCore
import LessonKit

extension ExplorerConfig {
    /// The explorer's configuration for an animation block of a lesson: the block's parameters
    /// over the explorer's defaults, its explicit values as typed-in values. Sizes not given
    /// follow explicit `x` and `w` (or `a` and `v`) when those are given.
    public init(animation a: Animation) {
        self.init()
        mode = a.kind
        let pair = { (values: [Int]?, fallback: Pair) -> Pair in
            guard let values, let first = values.first else { return fallback }
            return values.count >= 2 ? Pair(first, values[1]) : Pair(first)
        }
        if mode.is1D {
            // 1-D lengths: the given size, else the length of the explicit array.
            let length = { (values: [Int]?, rows: [[Double]]?, fallback: Int) in
                values?.last ?? rows?.first?.count ?? fallback
            }
            input = Pair(1, length(a.input, a.explicit[.a], input.w))
            kernel = Pair(1, length(a.kernel, a.explicit[.v], kernel.w))
        } else {
            let shape = { (rows: [[Double]]?) -> Pair? in
                guard let rows, let first = rows.first else { return nil }
                return Pair(rows.count, first.count)
            }
            input = pair(a.input, shape(a.explicit[.x]) ?? input)
            kernel = pair(a.kernel, shape(a.explicit[.w]) ?? kernel)
        }
        stride = pair(a.stride, mode.isPooling && a.stride == nil ? kernel : stride)
        padding = pair(a.padding, padding)
        paddingMode = a.paddingMode ?? paddingMode
        paddingLayout = a.paddingLayout ?? paddingLayout
        dilation = pair(a.dilation, dilation)
        outputPadding = pair(a.outputPadding, outputPadding)
        channels = a.channels ?? channels
        filters = a.filters ?? filters
        groups = a.groups ?? groups
        bias = a.bias ?? (a.explicit[.b] != nil)
        convention = a.convention ?? convention
        mode1D = a.mode ?? mode1D
        ceilMode = a.ceilMode ?? ceilMode
        countIncludePad = a.countIncludePad ?? countIncludePad
        divisorOverride = a.divisorOverride ?? divisorOverride
        outputSize = pair(a.outputSize, outputSize)
        presentation = a.view ?? presentation
        values = a.values ?? values
        overrides = Self.overrides(a.explicit)
    }

    /// Explicit rows as typed values: 2-D rows go to the first image and channel (`x[0,0,r,c]`),
    /// 1-D lists (`a`, `v`, `b`) to their index.
    private static func overrides(_ explicit: [TensorName: [[Double]]]) -> [Override] {
        var result: [Override] = []
        for (tensor, rows) in explicit.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let flat = [.a, .v, .b].contains(tensor)
            for (r, row) in rows.enumerated() {
                for (c, value) in row.enumerated() {
                    result.append(Override(tensor: tensor, index: flat ? [c] : [0, 0, r, c], value: value))
                }
            }
        }
        return result
    }
}
