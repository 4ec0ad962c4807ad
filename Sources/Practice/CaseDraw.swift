import ConvCore
import LessonKit
import Localization

/// The cases an exercise is checked on: fixed cases at the edges that hand-written code gets
/// wrong (those within the exercise's ranges), then random ones drawn within the ranges. The
/// same spec gives the same cases on every machine; the compute core gives every answer.
public enum CaseDraw {
    /// Every case of `spec`, fixed ones first.
    public static func cases(_ spec: ExerciseSpec) -> [PracticeCase] {
        var random = SeededRandom(seed: spec.seed)
        var cases: [PracticeCase] = []
        for (label, settings) in fixed(spec) where settings.lies(in: spec.ranges) {
            if let c = make(spec.target, label, settings, &random) { cases.append(c) }
        }
        let ranges = defaultRanges(spec.target).merging(spec.ranges) { $1 }
        var drawn = 0
        // A draw the core refuses (a kernel larger than the padded input) is drawn again; a
        // bounded number of times, so that ranges with no valid case cannot loop.
        for _ in 0..<(spec.random * 20) where drawn < spec.random {
            let settings = draw(spec, ranges, &random)
            if let c = make(spec.target, .random, settings, &random) {
                cases.append(c)
                drawn += 1
            }
        }
        return cases
    }

    /// The ranges random cases are drawn from when the exercise does not say.
    static func defaultRanges(_ target: ExerciseTarget) -> [CaseParameter: ClosedRange<Int>] {
        switch target {
        case .conv1d: [.lengthF: 1...8, .lengthG: 1...5]
        case .outputSize: [.h: 1...64, .kernel: 1...7, .stride: 1...4, .padding: 0...3, .dilation: 1...3]
        case .conv2d, .conv2dBackward: [.n: 1...2, .c: 1...3, .f: 1...3, .h: 3...7, .w: 3...7, .kernel: 1...3, .stride: 1...2, .padding: 0...1]
        case .convTranspose2d: [.n: 1...2, .c: 1...2, .f: 1...2, .h: 2...4, .w: 2...4, .kernel: 1...3, .stride: 1...3, .padding: 0...1]
        case .maxpool2d, .maxpool2dBackward: [.n: 1...2, .c: 1...2, .h: 3...7, .w: 3...7, .size: 2...3, .stride: 1...3]
        }
    }

    /// Settings from sizes: `n c f`, `h×w`, kernel, stride, padding.
    private static func settings(n: Int = 1, c: Int = 1, f: Int = 1, _ h: Int, _ w: Int, kernel: Pair, stride: Int = 1,
                                 padding: Int = 0, dilation: Int = 1) -> CaseSettings {
        var s = CaseSettings()
        (s.n, s.c, s.f, s.input, s.kernel, s.stride, s.padding, s.dilation) = (n, c, f, Pair(h, w), kernel, stride, padding, dilation)
        return s
    }

    /// The fixed cases of a target, smallest first: the first case that fails is then the one
    /// whose arithmetic is shortest to read and whose grids fit the explorer.
    static func fixed(_ spec: ExerciseSpec) -> [(CaseLabel, CaseSettings)] {
        switch spec.target {
        case .conv2d, .conv2dBackward:
            return [
                (.pointwise, settings(c: 3, f: 2, 4, 4, kernel: Pair(1))),
                (.kernelIsInput, settings(c: 2, f: 2, 3, 3, kernel: Pair(3))),
                (.padded, settings(4, 4, kernel: Pair(3), padding: 2)),
                (.nonSquare, settings(c: 2, f: 2, 5, 7, kernel: Pair(2, 3))),
                (.strideOverKernel, settings(f: 2, 7, 8, kernel: Pair(2), stride: 3)),
                (.unevenStride, settings(c: 2, 6, 7, kernel: Pair(3), stride: 2)),
                (.batch, settings(n: 2, c: 2, f: 3, 5, 5, kernel: Pair(3), padding: 1)),
                // Lesson 10's example: a batch of two 7×6 images with three channels, four 3×3 filters.
                (.example, settings(n: 2, c: 3, f: 4, 7, 6, kernel: Pair(3), stride: 2, padding: 1)),
            ]
        case .convTranspose2d:
            return [
                (.example, settings(2, 2, kernel: Pair(3), stride: 2)),
                (.pointwise, settings(c: 2, f: 2, 3, 3, kernel: Pair(1))),
                (.strideOverKernel, settings(3, 3, kernel: Pair(2), stride: 3)),
                (.padded, settings(f: 2, 3, 4, kernel: Pair(3), stride: 2, padding: 1)),
                (.nonSquare, settings(c: 2, f: 2, 2, 3, kernel: Pair(2, 3), stride: 2)),
                (.batch, settings(n: 2, c: 2, f: 3, 3, 3, kernel: Pair(3), padding: 1)),
            ]
        case .maxpool2d, .maxpool2dBackward:
            return [
                (.example, settings(4, 4, kernel: Pair(2), stride: 2)),
                (.ties, settings(4, 4, kernel: Pair(2), stride: 1)),
                (.kernelIsInput, settings(c: 2, 3, 3, kernel: Pair(3), stride: 1)),
                (.overlapping, settings(c: 2, 5, 5, kernel: Pair(3), stride: 1)),
                (.unevenStride, settings(5, 6, kernel: Pair(2), stride: 2)),
                (.strideOverKernel, settings(7, 7, kernel: Pair(2), stride: 3)),
                (.batch, settings(n: 2, c: 3, 4, 6, kernel: Pair(2), stride: 2)),
            ]
        case .conv1d:
            return spec.modes.compactMap(Conv1D.Mode.init).flatMap { mode in
                [(CaseLabel.longer, 5, 3), (.shorter, 3, 5), (.sameLength, 4, 4), (.shorter, 1, 3), (.longer, 6, 1)].map { label, m, n in
                    var s = CaseSettings()
                    (s.lengthF, s.lengthG, s.mode) = (m, n, mode)
                    return (label, s)
                }
            }
        case .outputSize:
            return [
                (.example, settings(7, 1, kernel: Pair(3))),
                (.padded, settings(7, 1, kernel: Pair(3), stride: 2, padding: 1)),
                // AlexNet's first layer.
                (.strideOverKernel, settings(227, 1, kernel: Pair(11), stride: 4)),
                (.unevenStride, settings(6, 1, kernel: Pair(3), stride: 2)),
                (.dilated, settings(5, 1, kernel: Pair(3), padding: 1, dilation: 2)),
                (.kernelIsInput, settings(5, 1, kernel: Pair(5))),
                (.pointwise, settings(1, 1, kernel: Pair(1))),
                (.invalid, settings(4, 1, kernel: Pair(5))),
                (.invalid, settings(2, 1, kernel: Pair(3), dilation: 2)),
            ].map { label, s in
                // A size is one axis: the kernel is a single number.
                var s = s
                s.kernel = Pair(s.kernel.h)
                return (label, s)
            }
        }
    }

    /// Random settings within `ranges`.
    private static func draw(_ spec: ExerciseSpec, _ ranges: [CaseParameter: ClosedRange<Int>], _ r: inout SeededRandom) -> CaseSettings {
        let value = { (p: CaseParameter, r: inout SeededRandom) in r.int(in: ranges[p] ?? 1...1) }
        var s = CaseSettings()
        switch spec.target {
        case .conv1d:
            (s.lengthF, s.lengthG) = (value(.lengthF, &r), value(.lengthG, &r))
            s.mode = r.pick(spec.modes.compactMap(Conv1D.Mode.init))
        case .outputSize:
            s.input = Pair(value(.h, &r), 1)
            s.kernel = Pair(value(.kernel, &r))
            (s.stride, s.padding, s.dilation) = (value(.stride, &r), value(.padding, &r), value(.dilation, &r))
        case .conv2d, .conv2dBackward, .convTranspose2d:
            (s.n, s.c, s.f) = (value(.n, &r), value(.c, &r), value(.f, &r))
            s.input = Pair(value(.h, &r), value(.w, &r))
            s.kernel = Pair(value(.kernel, &r), value(.kernel, &r))
            (s.stride, s.padding) = (value(.stride, &r), value(.padding, &r))
        case .maxpool2d, .maxpool2dBackward:
            (s.n, s.c) = (value(.n, &r), value(.c, &r))
            s.input = Pair(value(.h, &r), value(.w, &r))
            s.kernel = Pair(value(.size, &r))
            s.stride = value(.stride, &r)
        }
        return s
    }

    /// The case of `settings`, its values drawn from `r` and its answer from the compute core;
    /// `nil` when the core refuses the settings.
    static func make(_ target: ExerciseTarget, _ label: CaseLabel, _ s: CaseSettings, _ r: inout SeededRandom) -> PracticeCase? {
        typealias Argument = PracticeCase.Argument
        let options = Conv2DOptions(stride: Pair(s.stride), padding: Pair(s.padding))
        do throws(ConvError) {
            switch target {
            case .conv1d:
                let f = r.tensor([s.lengthF], -3...3, nonzero: true), g = r.tensor([s.lengthG], -3...3, nonzero: true)
                let out = try Conv1D.convolve(f.data, g.data, mode: s.mode)
                return PracticeCase(label: label, settings: s, arguments: [Argument("f", .array(f)), Argument("g", .array(g)), Argument("mode", .text(s.mode.rawValue))],
                                    expected: .arrays([.init("out", Tensor(out), .conv1d(s.mode))]))
            case .outputSize:
                let size = try? OutputSize.convolution(input: s.input.h, kernel: s.kernel.h, stride: s.stride, padding: s.padding, dilation: s.dilation)
                let arguments = [("H", s.input.h), ("K", s.kernel.h), ("S", s.stride), ("P", s.padding), ("D", s.dilation)]
                return PracticeCase(label: label, settings: s, arguments: arguments.map { Argument($0, .number(Double($1))) },
                                    expected: .size(size))
            case .conv2d, .conv2dBackward:
                let x = r.tensor([s.n, s.c, s.input.h, s.input.w], -3...3)
                let w = r.tensor([s.f, s.c, s.kernel.h, s.kernel.w], -2...2, nonzero: true)
                // A bias of zero would hide a bias added too often.
                let b = r.tensor([s.f], -2...2, nonzero: true)
                let layer = try Conv2D(x: x, w: w, b: b, options: options)
                let out = layer.forward()
                let tail = [Argument("b", .array(b)), Argument("stride", .number(Double(s.stride))), Argument("padding", .number(Double(s.padding)))]
                guard target == .conv2dBackward else {
                    return PracticeCase(label: label, settings: s, arguments: [Argument("x", .array(x)), Argument("W", .array(w))] + tail,
                                        expected: .arrays([.init("out", out, .convolution)]))
                }
                let dOut = r.tensor(out.shape, -2...2, nonzero: true)
                let g = try layer.backward(dOut)
                return PracticeCase(label: label, settings: s,
                                    arguments: [Argument("dout", .array(dOut)), Argument("x", .array(x)), Argument("W", .array(w))] + tail,
                                    expected: .arrays([.init("dx", g.dx, .gradient(of: "x")), .init("dW", g.dw, .gradient(of: "W")),
                                                       .init("db", g.db, .perFilter)]))
            case .convTranspose2d:
                let x = r.tensor([s.n, s.c, s.input.h, s.input.w], -3...3)
                let w = r.tensor([s.c, s.f, s.kernel.h, s.kernel.w], -2...2, nonzero: true)
                let out = try ConvTranspose2D(x: x, w: w, options: options).forward()
                return PracticeCase(label: label, settings: s,
                                    arguments: [Argument("x", .array(x)), Argument("W", .array(w)), Argument("stride", .number(Double(s.stride))),
                                                Argument("padding", .number(Double(s.padding)))],
                                    expected: .arrays([.init("out", out, .transposed)]))
            case .maxpool2d, .maxpool2dBackward:
                // Ties need few distinct values; elsewhere they are rare but possible, as in data.
                let x = r.tensor([s.n, s.c, s.input.h, s.input.w], label == .ties ? 0...1 : -5...5)
                let pool = try Pool2D(.max, x: x, kernel: s.kernel, stride: Pair(s.stride))
                let tail = [Argument("size", .number(Double(s.kernel.h))), Argument("stride", .number(Double(s.stride)))]
                guard target == .maxpool2dBackward else {
                    return PracticeCase(label: label, settings: s, arguments: [Argument("x", .array(x))] + tail,
                                        expected: .arrays([.init("out", pool.forward(), .pooling)]))
                }
                let dOut = r.tensor(pool.outShape, -2...2, nonzero: true)
                return PracticeCase(label: label, settings: s, arguments: [Argument("dout", .array(dOut)), Argument("x", .array(x))] + tail,
                                    expected: .arrays([.init("dx", try pool.backward(dOut), .gradient(of: "x"))]))
            }
        } catch {
            return nil
        }
    }
}
