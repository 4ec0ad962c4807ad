import ConvCore

// Configurations shared by the finite-difference and trace tests: a few chosen by hand to cover
// each feature on purpose, then more drawn from a seed. Every case is small (a few hundred
// elements at most) so that checking every cell, or every finite difference, stays fast.

/// One 2-D convolution: shapes, options, whether it has a bias, and the seed of its values.
public struct ConvCase: Sendable, CustomStringConvertible {
    public let xShape: [Int]
    public let wShape: [Int]
    public let options: Conv2DOptions
    public let hasBias: Bool
    public let seed: UInt64

    public init(x: [Int], w: [Int], stride: Pair = Pair(1), padding: Pair = Pair(0),
                dilation: Pair = Pair(1), groups: Int = 1,
                convention: Convention = .crossCorrelation, bias: Bool = true, seed: UInt64 = 1,
                paddingMode: PaddingMode = .zeros, layout: PaddingLayout = .symmetric) {
        xShape = x
        wShape = w
        options = Conv2DOptions(stride: stride, padding: padding, dilation: dilation,
                                groups: groups, convention: convention, paddingMode: paddingMode,
                                paddingLayout: layout)
        hasBias = bias
        self.seed = seed
    }

    public var description: String {
        let layout = switch options.paddingLayout {
        case .symmetric: "p\(options.padding)"
        case .same: "same"
        case .sides(let s): "pad\(s)"
        }
        return "x\(xShape) w\(wShape) s\(options.stride) \(layout) \(options.paddingMode.rawValue) d\(options.dilation) "
            + "g\(options.groups) \(options.convention.rawValue)\(hasBias ? " +b" : "")"
    }

    /// The same case under the other convention.
    public var flipped: ConvCase {
        ConvCase(x: xShape, w: wShape, stride: options.stride, padding: options.padding,
                 dilation: options.dilation, groups: options.groups,
                 convention: options.convention == .convolution ? .crossCorrelation : .convolution,
                 bias: hasBias, seed: seed, paddingMode: options.paddingMode, layout: options.paddingLayout)
    }

    /// The layer with seeded values in `[-1, 1)`, and a seeded upstream gradient `dOut`.
    public func make() throws(ConvError) -> (layer: Conv2D, dOut: Tensor) {
        var random = SeededRandom(seed: seed)
        let x = randomTensor(xShape, &random)
        let w = randomTensor(wShape, &random)
        let b = hasBias ? randomTensor([wShape[0]], &random) : nil
        let layer = try Conv2D(x: x, w: w, b: b, options: options)
        return (layer, randomTensor(layer.geometry.outShape, &random))
    }
}

/// One transposed 2-D convolution.
public struct TransposedCase: Sendable, CustomStringConvertible {
    public let xShape: [Int]
    public let wShape: [Int]
    public let options: Conv2DOptions
    public let outputPadding: Pair
    public let hasBias: Bool
    public let seed: UInt64

    public init(x: [Int], w: [Int], stride: Pair = Pair(1), padding: Pair = Pair(0),
                dilation: Pair = Pair(1), groups: Int = 1, outputPadding: Pair = Pair(0),
                bias: Bool = true, seed: UInt64 = 1) {
        xShape = x
        wShape = w
        options = Conv2DOptions(stride: stride, padding: padding, dilation: dilation, groups: groups)
        self.outputPadding = outputPadding
        hasBias = bias
        self.seed = seed
    }

    public var description: String {
        "x\(xShape) w\(wShape) s\(options.stride) p\(options.padding) d\(options.dilation) "
            + "g\(options.groups) op\(outputPadding)\(hasBias ? " +b" : "")"
    }

    /// The layer with seeded values in `[-1, 1)`, and a seeded upstream gradient `dOut`.
    public func make() throws(ConvError) -> (layer: ConvTranspose2D, dOut: Tensor) {
        var random = SeededRandom(seed: seed)
        let x = randomTensor(xShape, &random)
        let w = randomTensor(wShape, &random)
        let b = hasBias ? randomTensor([wShape[1] * options.groups], &random) : nil
        let layer = try ConvTranspose2D(x: x, w: w, b: b, options: options, outputPadding: outputPadding)
        return (layer, randomTensor(layer.geometry.xShape, &random))
    }
}

/// One pooling layer, with fixed windows (a kernel and `Pool2DOptions`) or adaptive ones (an
/// output size). `distinct` values (no ties anywhere) or small integers (many ties).
public struct PoolCase: Sendable, CustomStringConvertible {
    /// How the windows are chosen.
    public enum Windows: Sendable {
        case fixed(kernel: Pair, options: Pool2DOptions)
        case adaptive(outputSize: Pair)
    }

    public let kind: Pool2D.Kind
    public let xShape: [Int]
    public let windows: Windows
    public let seed: UInt64

    public init(_ kind: Pool2D.Kind, x: [Int], windows: Windows, seed: UInt64 = 1) {
        self.kind = kind
        xShape = x
        self.windows = windows
        self.seed = seed
    }

    /// Fixed windows with PyTorch's defaults but for the stride and padding.
    public init(_ kind: Pool2D.Kind, x: [Int], kernel: Pair, stride: Pair, padding: Pair = Pair(0),
                seed: UInt64 = 1) {
        self.init(kind, x: x, windows: .fixed(kernel: kernel, options: Pool2DOptions(stride: stride, padding: padding)),
                  seed: seed)
    }

    public var description: String {
        switch windows {
        case .fixed(let k, let o):
            "\(kind.rawValue) x\(xShape) k\(k) s\(o.stride ?? k) p\(o.padding)"
                + (o.dilation == Pair(1) ? "" : " d\(o.dilation)") + (o.ceilMode ? " ceil" : "")
                + (o.countIncludePad ? "" : " no-pad-count") + (o.divisorOverride.map { " ÷\($0)" } ?? "")
        case .adaptive(let size): "adaptive \(kind.rawValue) x\(xShape) → \(size)"
        }
    }

    /// The fixed windows' options, if the windows are fixed.
    public var options: Pool2DOptions? {
        if case .fixed(_, let o) = windows { return o }
        return nil
    }

    /// The same windows with the other kind of pooling (options the other kind lacks reset).
    public func with(_ kind: Pool2D.Kind) -> PoolCase {
        guard case .fixed(let k, var o) = windows else { return PoolCase(kind, x: xShape, windows: windows, seed: seed) }
        if kind == .max { (o.countIncludePad, o.divisorOverride) = (true, nil) } else { o.dilation = Pair(1) }
        return PoolCase(kind, x: xShape, windows: .fixed(kernel: k, options: o), seed: seed)
    }

    /// The layer over `x`.
    public func layer(x: Tensor) throws(ConvError) -> any PoolingLayer {
        switch windows {
        case .fixed(let kernel, let options): try Pool2D(kind, x: x, kernel: kernel, options: options)
        case .adaptive(let size): try AdaptivePool2D(kind, x: x, outputSize: size)
        }
    }

    /// The layer over distinct doubles in `[-1, 1)` (or seeded integers in −3…3 when `ties`), and a
    /// seeded upstream gradient.
    public func make(ties: Bool = false) throws(ConvError) -> (layer: any PoolingLayer, dOut: Tensor) {
        var random = SeededRandom(seed: seed)
        let x = ties ? Values.random(seed: seed).fill([xShape])[0] : distinctTensor(xShape, &random)
        let layer = try layer(x: x)
        return (layer, randomTensor(layer.outShape, &random))
    }
}

public enum Sweep {
    /// Convolutions chosen to cover every feature, each under both conventions.
    public static let chosenConvolutions: [ConvCase] = [
        ConvCase(x: [1, 1, 5, 5], w: [1, 1, 3, 3], bias: false),
        ConvCase(x: [2, 2, 6, 5], w: [3, 2, 3, 2], stride: Pair(2, 1), padding: Pair(1, 0)),
        ConvCase(x: [1, 2, 7, 6], w: [2, 2, 3, 2], padding: Pair(2, 1), dilation: Pair(2, 1)),
        ConvCase(x: [2, 4, 5, 5], w: [4, 2, 2, 3], stride: Pair(2), padding: Pair(1), groups: 2),
        // Depthwise: one filter per input channel, then a channel multiplier of 2.
        ConvCase(x: [2, 3, 6, 5], w: [3, 1, 3, 3], padding: Pair(1), groups: 3),
        ConvCase(x: [1, 2, 5, 5], w: [4, 1, 3, 3], dilation: Pair(1, 2), groups: 2, bias: false),
        // Stride larger than the kernel: some input cells are never read.
        ConvCase(x: [1, 2, 7, 7], w: [2, 2, 2, 2], stride: Pair(3)),
        // Padding wider than the kernel: border outputs are bias only.
        ConvCase(x: [1, 1, 3, 4], w: [1, 1, 1, 2], padding: Pair(2)),
    ].flatMap { [$0, $0.flipped] }

    /// Convolutions whose padding copies cells, or is `"same"` or explicit sides: each mode at its
    /// deepest padding, with stride, dilation, groups and both conventions.
    public static let chosenPadded: [ConvCase] = [
        ConvCase(x: [1, 1, 4, 5], w: [1, 1, 3, 3], padding: Pair(1), bias: false, paddingMode: .reflect),
        ConvCase(x: [2, 2, 3, 4], w: [2, 2, 3, 2], padding: Pair(2, 3), paddingMode: .reflect),
        ConvCase(x: [1, 2, 4, 3], w: [2, 1, 2, 2], stride: Pair(2), padding: Pair(3, 2), groups: 2,
                 paddingMode: .replicate),
        ConvCase(x: [1, 1, 2, 3], w: [2, 1, 3, 3], padding: Pair(2, 3), paddingMode: .circular),
        ConvCase(x: [1, 3, 4, 4], w: [3, 1, 2, 3], dilation: Pair(2), groups: 3, paddingMode: .circular,
                 layout: .same),
        ConvCase(x: [1, 1, 5, 4], w: [2, 1, 4, 2], paddingMode: .reflect, layout: .same),
        ConvCase(x: [1, 2, 4, 4], w: [1, 2, 2, 2], layout: .same),
        ConvCase(x: [2, 1, 3, 4], w: [1, 1, 2, 3], stride: Pair(2, 1),
                 layout: .sides(PaddingSides(left: 0, right: 2, top: 1, bottom: 0))),
        ConvCase(x: [1, 2, 4, 3], w: [2, 2, 3, 2], dilation: Pair(1, 2), paddingMode: .replicate,
                 layout: .sides(PaddingSides(left: 3, right: 0, top: 0, bottom: 4))),
        ConvCase(x: [1, 1, 3, 3], w: [1, 1, 2, 2], stride: Pair(2), paddingMode: .reflect,
                 layout: .sides(PaddingSides(left: 2, right: 1, top: 0, bottom: 2))),
    ].flatMap { [$0, $0.flipped] }

    /// `count` convolutions drawn from `seed` with a padding mode and a layout drawn too (invalid
    /// draws, such as reflect padding as deep as the input, are skipped).
    public static func paddedConvolutions(seed: UInt64, count: Int) -> [ConvCase] {
        var random = SeededRandom(seed: seed)
        var cases: [ConvCase] = []
        while cases.count < count {
            let groups = random.int(in: 1...2)
            let layouts: [PaddingLayout] = [
                .symmetric, .same,
                .sides(PaddingSides(left: random.int(in: 0...3), right: random.int(in: 0...3),
                                    top: random.int(in: 0...3), bottom: random.int(in: 0...3))),
            ]
            let layout = layouts[random.int(in: 0...2)]
            let c = ConvCase(
                x: [random.int(in: 1...2), groups * random.int(in: 1...2), random.int(in: 1...5), random.int(in: 1...5)],
                w: [groups * random.int(in: 1...2), 0, random.int(in: 1...3), random.int(in: 1...3)],
                stride: layout == .same ? Pair(1) : Pair(random.int(in: 1...2), random.int(in: 1...2)),
                padding: layout == .symmetric ? Pair(random.int(in: 0...3), random.int(in: 0...3)) : Pair(0),
                dilation: Pair(random.int(in: 1...2), random.int(in: 1...2)),
                groups: groups,
                convention: random.int(in: 0...1) == 0 ? .crossCorrelation : .convolution,
                bias: random.int(in: 0...1) == 0,
                seed: random.next(),
                paddingMode: PaddingMode.allCases[random.int(in: 0...3)], layout: layout)
            // w.shape[1] is the channels per group.
            let fixed = ConvCase(
                x: c.xShape, w: [c.wShape[0], c.xShape[1] / groups] + c.wShape.dropFirst(2), stride: c.options.stride,
                padding: c.options.padding, dilation: c.options.dilation, groups: groups,
                convention: c.options.convention, bias: c.hasBias, seed: c.seed,
                paddingMode: c.options.paddingMode, layout: layout)
            if (try? fixed.make()) != nil { cases.append(fixed) }
        }
        return cases
    }

    /// `count` convolutions drawn from `seed` (invalid draws are skipped).
    public static func convolutions(seed: UInt64, count: Int) -> [ConvCase] {
        var random = SeededRandom(seed: seed)
        var cases: [ConvCase] = []
        while cases.count < count {
            let groups = random.int(in: 1...3)
            let channelsPerGroup = random.int(in: 1...2)
            let filtersPerGroup = random.int(in: 1...2)
            let c = ConvCase(
                x: [random.int(in: 1...2), groups * channelsPerGroup, random.int(in: 3...7), random.int(in: 3...7)],
                w: [groups * filtersPerGroup, channelsPerGroup, random.int(in: 1...3), random.int(in: 1...3)],
                stride: Pair(random.int(in: 1...3), random.int(in: 1...3)),
                padding: Pair(random.int(in: 0...2), random.int(in: 0...2)),
                dilation: Pair(random.int(in: 1...2), random.int(in: 1...2)),
                groups: groups,
                convention: random.int(in: 0...1) == 0 ? .crossCorrelation : .convolution,
                bias: random.int(in: 0...1) == 0,
                seed: random.next())
            if (try? c.make()) != nil { cases.append(c) }
        }
        return cases
    }

    /// Transposed convolutions covering output padding, dilation > stride, groups and depthwise.
    public static let chosenTransposed: [TransposedCase] = [
        TransposedCase(x: [1, 1, 3, 3], w: [1, 1, 3, 3], stride: Pair(2), padding: Pair(1),
                       outputPadding: Pair(1), bias: false),
        TransposedCase(x: [2, 2, 3, 2], w: [2, 3, 2, 3], stride: Pair(2, 1), padding: Pair(0, 1),
                       outputPadding: Pair(1, 0)),
        // Dilation larger than the stride: output padding may go up to dilation − 1.
        TransposedCase(x: [1, 2, 4, 3], w: [2, 1, 3, 2], dilation: Pair(2), outputPadding: Pair(1)),
        TransposedCase(x: [1, 1, 2, 3], w: [1, 2, 2, 2], stride: Pair(3, 2), padding: Pair(1),
                       dilation: Pair(2, 3), outputPadding: Pair(2, 2)),
        TransposedCase(x: [2, 4, 3, 3], w: [4, 1, 3, 3], stride: Pair(2), padding: Pair(1), groups: 2,
                       outputPadding: Pair(1)),
        TransposedCase(x: [1, 3, 3, 3], w: [3, 1, 2, 2], stride: Pair(2), groups: 3, bias: false),
    ]

    /// `count` transposed convolutions drawn from `seed`, with output padding drawn in range.
    public static func transposed(seed: UInt64, count: Int) -> [TransposedCase] {
        var random = SeededRandom(seed: seed)
        var cases: [TransposedCase] = []
        while cases.count < count {
            let groups = random.int(in: 1...2)
            let stride = Pair(random.int(in: 1...3), random.int(in: 1...3))
            let dilation = Pair(random.int(in: 1...2), random.int(in: 1...2))
            let c = TransposedCase(
                x: [random.int(in: 1...2), groups * random.int(in: 1...2), random.int(in: 1...4), random.int(in: 1...4)],
                w: [0, random.int(in: 1...2), random.int(in: 1...3), random.int(in: 1...3)],
                stride: stride,
                padding: Pair(random.int(in: 0...1), random.int(in: 0...1)),
                dilation: dilation, groups: groups,
                outputPadding: Pair(random.int(in: 0...max(stride.h, dilation.h) - 1),
                                    random.int(in: 0...max(stride.w, dilation.w) - 1)),
                bias: random.int(in: 0...1) == 0,
                seed: random.next())
            // w.shape[0] must be the input channels.
            let fixed = TransposedCase(
                x: c.xShape, w: [c.xShape[1]] + c.wShape.dropFirst(), stride: c.options.stride,
                padding: c.options.padding, dilation: c.options.dilation, groups: c.options.groups,
                outputPadding: c.outputPadding, bias: c.hasBias, seed: c.seed)
            if (try? fixed.make()) != nil { cases.append(fixed) }
        }
        return cases
    }

    /// Pooling windows: non-overlapping, overlapping, padded, rectangular, and with dropped rows.
    public static let chosenPools: [PoolCase] = [
        PoolCase(.max, x: [2, 3, 4, 4], kernel: Pair(2), stride: Pair(2)),
        PoolCase(.max, x: [1, 2, 5, 6], kernel: Pair(3), stride: Pair(2), padding: Pair(1)),
        PoolCase(.max, x: [2, 1, 5, 4], kernel: Pair(3, 2), stride: Pair(1, 2), padding: Pair(1, 1)),
        PoolCase(.max, x: [1, 2, 4, 5], kernel: Pair(2), stride: Pair(1)),
        PoolCase(.max, x: [1, 1, 7, 5], kernel: Pair(3), stride: Pair(3)),
    ].flatMap { [$0, $0.with(.average)] }

    /// Pooling with every option: ceil mode (windows hanging past the padded input, and one
    /// dropped because it would start in the padding), dilation, `count_include_pad=False`,
    /// `divisor_override`; then adaptive pooling shrinking, overlapping, and growing.
    public static let chosenPoolOptions: [PoolCase] = [
        PoolCase(.max, x: [1, 2, 5, 5], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(ceilMode: true))),
        PoolCase(.average, x: [1, 2, 5, 5], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(ceilMode: true))),
        PoolCase(.average, x: [2, 1, 6, 5], windows: .fixed(kernel: Pair(3), options: Pool2DOptions(
            stride: Pair(2), padding: Pair(1), ceilMode: true))),
        PoolCase(.average, x: [1, 1, 6, 5], windows: .fixed(kernel: Pair(3), options: Pool2DOptions(
            stride: Pair(2), padding: Pair(1), ceilMode: true, countIncludePad: false))),
        PoolCase(.max, x: [1, 1, 3, 3], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(
            padding: Pair(1), ceilMode: true))),
        PoolCase(.average, x: [1, 1, 4, 5], windows: .fixed(kernel: Pair(3, 2), options: Pool2DOptions(
            stride: Pair(1, 2), padding: Pair(1), countIncludePad: false))),
        PoolCase(.average, x: [1, 1, 5, 4], windows: .fixed(kernel: Pair(3), options: Pool2DOptions(
            stride: Pair(2), padding: Pair(1), ceilMode: true, divisorOverride: 4))),
        PoolCase(.average, x: [1, 1, 3, 4], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(
            stride: Pair(1), divisorOverride: -3))),
        PoolCase(.max, x: [1, 2, 6, 6], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(
            stride: Pair(1), dilation: Pair(2)))),
        PoolCase(.max, x: [2, 1, 7, 6], windows: .fixed(kernel: Pair(3, 2), options: Pool2DOptions(
            stride: Pair(2), padding: Pair(1), dilation: Pair(2, 3), ceilMode: true))),
        PoolCase(.max, x: [1, 1, 1, 3], windows: .fixed(kernel: Pair(2), options: Pool2DOptions(ceilMode: true))),
    ] + [
        (x: [1, 2, 5, 5], size: Pair(3)), (x: [2, 1, 7, 5], size: Pair(4, 2)), (x: [1, 1, 2, 3], size: Pair(5, 4)),
        (x: [1, 1, 6, 6], size: Pair(2)), (x: [1, 2, 4, 5], size: Pair(1)),
    ].flatMap { c in [Pool2D.Kind.max, .average].map { PoolCase($0, x: c.x, windows: .adaptive(outputSize: c.size)) } }

    /// `count` pooling layers drawn from `seed`, alternating max and average.
    public static func pools(seed: UInt64, count: Int) -> [PoolCase] {
        var random = SeededRandom(seed: seed)
        var cases: [PoolCase] = []
        while cases.count < count {
            let kernel = Pair(random.int(in: 1...3), random.int(in: 1...3))
            let c = PoolCase(
                cases.count % 2 == 0 ? .max : .average,
                x: [random.int(in: 1...2), random.int(in: 1...2), random.int(in: 2...6), random.int(in: 2...6)],
                kernel: kernel,
                stride: Pair(random.int(in: 1...3), random.int(in: 1...3)),
                padding: Pair(random.int(in: 0...kernel.h / 2), random.int(in: 0...kernel.w / 2)),
                seed: random.next())
            if (try? c.make()) != nil { cases.append(c) }
        }
        return cases
    }

    /// `count` pooling layers with drawn options (ceil mode, dilation for max, `count_include_pad`
    /// and `divisor_override` for average) or adaptive windows, from `seed`; invalid draws skipped.
    public static func poolOptions(seed: UInt64, count: Int) -> [PoolCase] {
        var random = SeededRandom(seed: seed)
        var cases: [PoolCase] = []
        while cases.count < count {
            let kind: Pool2D.Kind = cases.count % 2 == 0 ? .max : .average
            let x = [random.int(in: 1...2), random.int(in: 1...2), random.int(in: 1...7), random.int(in: 1...7)]
            let windows: PoolCase.Windows
            if cases.count % 4 >= 2 {
                windows = .adaptive(outputSize: Pair(random.int(in: 1...6), random.int(in: 1...6)))
            } else {
                let kernel = Pair(random.int(in: 1...4), random.int(in: 1...4))
                var o = Pool2DOptions(stride: Pair(random.int(in: 1...3), random.int(in: 1...3)),
                                      padding: Pair(random.int(in: 0...kernel.h / 2), random.int(in: 0...kernel.w / 2)),
                                      ceilMode: random.int(in: 0...1) == 1)
                if kind == .max {
                    o.dilation = Pair(random.int(in: 1...3), random.int(in: 1...3))
                } else {
                    o.countIncludePad = random.int(in: 0...1) == 1
                    if random.int(in: 0...3) == 0 { o.divisorOverride = random.pick([-2, 1, 3, 7]) }
                }
                windows = .fixed(kernel: kernel, options: o)
            }
            let c = PoolCase(kind, x: x, windows: windows, seed: random.next())
            if (try? c.make()) != nil { cases.append(c) }
        }
        return cases
    }
}
