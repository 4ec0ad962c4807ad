/// The validated shapes and hyper-parameters of one 2-D cross-correlation, and the definition of
/// which terms make up each cell of its output and of its gradients.
///
/// Input `x` is `(N, C, H, W)`, weights `w` are `(F, C/G, KH, KW)`, output is `(N, F, outH, outW)`.
/// Output cell `(n, f, i, j)` reads input rows `h = i·S − P + kh·D` for window rows `kh < KH`
/// (columns alike) from the channels of its group `g = f / (F/G)`, where `P` is the padding
/// before the first row; a row outside the input reads what `paddingMode` puts there.
///
/// A transposed convolution is the input gradient of such a geometry, which is why `output` may be
/// given explicitly: there it is the transposed convolution's input size.
public struct Conv2DGeometry: Equatable, Sendable {
    public let batch: Int
    public let inChannels: Int
    public let input: Pair
    public let filters: Int
    public let kernel: Pair
    public let stride: Pair
    /// The padding on each side, resolved (`"same"` worked out from the kernel).
    public let sides: PaddingSides
    /// What the padding cells hold.
    public let paddingMode: PaddingMode
    /// How the padding was asked for (kept so that the reference call asks the same way).
    public let paddingLayout: PaddingLayout
    public let dilation: Pair
    public let groups: Int
    public let output: Pair
    /// True for the mathematical convolution: window tap `(kh, kw)` uses `w[…, KH−1−kh, KW−1−kw]`.
    public let flipsKernel: Bool

    /// Input channels seen by one filter, `C/G`; also `w.shape[1]`.
    public var channelsPerGroup: Int { inChannels / groups }
    /// Filters in one group, `F/G`.
    public var filtersPerGroup: Int { filters / groups }

    /// The padding before the first row and column, `(top, left)`: the offset `P` of every window.
    /// Equal to the padding after the last ones unless `sides` says otherwise.
    public var padding: Pair { sides.before }

    /// The hyper-parameters as options again.
    public var options: Conv2DOptions {
        Conv2DOptions(stride: stride, padding: paddingLayout == .symmetric ? sides.before : Pair(0),
                      dilation: dilation, groups: groups, convention: flipsKernel ? .convolution : .crossCorrelation,
                      paddingMode: paddingMode, paddingLayout: paddingLayout)
    }

    public var xShape: [Int] { [batch, inChannels, input.h, input.w] }
    public var wShape: [Int] { [filters, channelsPerGroup, kernel.h, kernel.w] }
    public var outShape: [Int] { [batch, filters, output.h, output.w] }

    /// Validates a convolution of `xShape` by `wShape`; the output size follows from the options.
    ///
    /// `names` are the tensors' names in errors.
    public init(
        xShape: [Int], wShape: [Int], options: Conv2DOptions,
        names: (x: String, w: String, out: String) = ("x", "w", "out")
    ) throws(ConvError) {
        try Self.checkRank(xShape, field: names.x)
        try Self.checkRank(wShape, field: names.w)
        let kernel = Pair(wShape[2], wShape[3])
        try Self.checkChannels(
            inChannels: xShape[1], filters: wShape[0], weightChannels: wShape[1],
            groups: options.groups, wField: names.w)
        let input = Pair(xShape[2], xShape[3])
        let sides = try Self.resolvePadding(options, input: input, kernel: kernel)
        var output = Pair(0)
        for axis in Axis.allCases {
            output[axis] = try OutputSize.convolution(
                input: input[axis], kernel: kernel[axis], stride: options.stride[axis],
                before: sides.before[axis], after: sides.after[axis], dilation: options.dilation[axis], axis: axis)
        }
        try self.init(
            batch: xShape[0], inChannels: xShape[1], input: input, filters: wShape[0], kernel: kernel,
            options: options, sides: sides, output: output, names: names)
    }

    /// A geometry with an explicit output size, already checked by the caller to be reachable.
    init(
        batch: Int, inChannels: Int, input: Pair, filters: Int, kernel: Pair,
        options: Conv2DOptions, sides: PaddingSides, output: Pair, names: (x: String, w: String, out: String)
    ) throws(ConvError) {
        self.batch = batch
        self.inChannels = inChannels
        self.input = input
        self.filters = filters
        self.kernel = kernel
        self.stride = options.stride
        self.sides = sides
        self.paddingMode = options.paddingMode
        self.paddingLayout = options.paddingLayout
        self.dilation = options.dilation
        self.groups = options.groups
        self.output = output
        self.flipsKernel = options.convention == .convolution
        _ = try Limits.checkElements(xShape, field: names.x)
        _ = try Limits.checkElements(wShape, field: names.w)
        _ = try Limits.checkElements(outShape, field: names.out)
        _ = try Limits.product(
            [batch, filters, output.h, output.w, channelsPerGroup, kernel.h, kernel.w],
            field: names.x, what: .multiplyAdds, limit: Limits.maxMultiplyAdds)
    }

    static func checkRank(_ shape: [Int], field: String) throws(ConvError) {
        guard shape.count == 4 else { throw .wrongRank(field: field, expected: [4], got: shape.count) }
        guard shape.allSatisfy({ $0 >= 1 }) else { throw .empty(field: field) }
    }

    static func checkChannels(
        inChannels: Int, filters: Int, weightChannels: Int, groups: Int, wField: String
    ) throws(ConvError) {
        try Limits.check(groups, field: "groups", minimum: 1)
        guard inChannels % groups == 0 else {
            throw .groupsDoNotDivide(channels: inChannels, of: .inputChannels, groups: groups)
        }
        guard filters % groups == 0 else {
            throw .groupsDoNotDivide(channels: filters, of: .filters(field: wField), groups: groups)
        }
        guard weightChannels == inChannels / groups else {
            throw .shapeMismatch(
                field: wField, axis: 1, expected: inChannels / groups, got: weightChannels,
                because: .channelsPerGroup(inChannels: inChannels, groups: groups))
        }
    }
}

extension Conv2DGeometry {
    /// The first input channel of the group that filter `f` belongs to.
    @inline(__always)
    public func firstChannel(ofFilter f: Int) -> Int { (f / filtersPerGroup) * channelsPerGroup }

    /// The kernel row and column stored in `w` for window tap `(kh, kw)`.
    @inline(__always)
    func weightTap(_ kh: Int, _ kw: Int) -> (Int, Int) {
        flipsKernel ? (kernel.h - 1 - kh, kernel.w - 1 - kw) : (kh, kw)
    }

    /// Calls `body(c, h, w, wc, kh, kw)` for every term of `out[n, f, i, j]` in summation order
    /// (channel, then window row, then column): input `x[n, c, h, w]` (unpadded coordinates,
    /// possibly in the padding) times weight `w[f, wc, kh, kw]`.
    @inline(__always)
    func forEachOutputTerm(
        f: Int, i: Int, j: Int, _ body: (Int, Int, Int, Int, Int, Int) -> Void
    ) {
        let c0 = firstChannel(ofFilter: f)
        for wc in 0..<channelsPerGroup {
            for kh in 0..<kernel.h {
                let h = i * stride.h - padding.h + kh * dilation.h
                for kw in 0..<kernel.w {
                    let w = j * stride.w - padding.w + kw * dilation.w
                    let (th, tw) = weightTap(kh, kw)
                    body(c0 + wc, h, w, wc, th, tw)
                }
            }
        }
    }

    /// Calls `body(f, i, j, kh, kw)` for every window that read position `(h, w)` of the padded
    /// input (unpadded coordinates, possibly in the padding): output cell `dOut[n, f, i, j]`
    /// through weight `w[f, c mod C/G, kh, kw]`. Row `h` is reached from output row `i` by tap `kh`
    /// when `h + P − kh·D = i·S` (columns alike); order: filter, window row, window column.
    @inline(__always)
    func forEachInputGradientTerm(
        c: Int, h: Int, w: Int, _ body: (Int, Int, Int, Int, Int) -> Void
    ) {
        let g = c / channelsPerGroup
        for f in g * filtersPerGroup..<(g + 1) * filtersPerGroup {
            for kh in 0..<kernel.h {
                let rowOffset = h + padding.h - kh * dilation.h
                guard rowOffset >= 0, rowOffset % stride.h == 0, rowOffset / stride.h < output.h else { continue }
                for kw in 0..<kernel.w {
                    let colOffset = w + padding.w - kw * dilation.w
                    guard colOffset >= 0, colOffset % stride.w == 0, colOffset / stride.w < output.w else { continue }
                    let (th, tw) = weightTap(kh, kw)
                    body(f, rowOffset / stride.h, colOffset / stride.w, th, tw)
                }
            }
        }
    }

    /// Calls `body(ph, pw, f, i, j, kh, kw)` for every term of `dx[n, c, h, w]`: for each position
    /// `(ph, pw)` of the padded input that holds input cell `(h, w)` (`copies`: the cell itself and the
    /// padding cells holding it, in increasing order), every window that read it.
    @inline(__always)
    func forEachInputGradientTerm(
        c: Int, copies: (rows: [Int], cols: [Int]), _ body: (Int, Int, Int, Int, Int, Int, Int) -> Void
    ) {
        for ph in copies.rows {
            for pw in copies.cols {
                forEachInputGradientTerm(c: c, h: ph, w: pw) { f, i, j, kh, kw in body(ph, pw, f, i, j, kh, kw) }
            }
        }
    }

    /// Calls `body(n, i, j, c, h, w)` for every term of `dw[f, wc, th, tw]`: `dOut[n, f, i, j]`
    /// times the input `x[n, c, h, w]` that the weight multiplied (possibly padding); order: batch,
    /// output row, output column.
    @inline(__always)
    func forEachWeightGradientTerm(
        f: Int, wc: Int, th: Int, tw: Int, _ body: (Int, Int, Int, Int, Int, Int) -> Void
    ) {
        let c = firstChannel(ofFilter: f) + wc
        // The window tap that uses stored weight (th, tw): the same tap unless the kernel is flipped.
        let (kh, kw) = weightTap(th, tw)
        for n in 0..<batch {
            for i in 0..<output.h {
                let h = i * stride.h - padding.h + kh * dilation.h
                for j in 0..<output.w {
                    body(n, i, j, c, h, j * stride.w - padding.w + kw * dilation.w)
                }
            }
        }
    }

    /// True when `(h, w)` lies inside the unpadded input.
    @inline(__always)
    func isInside(_ h: Int, _ w: Int) -> Bool {
        h >= 0 && h < input.h && w >= 0 && w < input.w
    }
}
