import ConvCore
import LessonKit
import Localization

/// The wrong results known mistakes give on a case, to compare with what the learner returned.
enum Mistakes {
    /// Each mistake that changes the values of the array `name` of case `c`, with the values it
    /// gives (arrays that differ from the right one only).
    static func candidates(_ c: PracticeCase, _ name: String, target: ExerciseTarget) -> [(Diagnosis, Tensor)] {
        let s = c.settings
        let options = Conv2DOptions(stride: Pair(s.stride), padding: Pair(s.padding))
        var found: [(Diagnosis, Tensor)] = []
        func add(_ d: Diagnosis, _ make: () throws -> Tensor?) {
            if let t = try? make() { found.append((d, t)) }
        }
        switch (target, name) {
        case (.conv2d, "out"):
            guard let x = c.tensor("x"), let w = c.tensor("W"), let b = c.tensor("b"),
                  let right = try? Conv2D(x: x, w: w, b: b, options: options).forward() else { return [] }
            let perCell = { (extra: (Int) -> Double) in
                Tensor(shape: right.shape, data: right.data.indices.map { right.data[$0] + extra(right.index(ofOffset: $0)[1]) })
            }
            let taps = s.c * s.kernel.h * s.kernel.w
            if taps > 1 { add(.biasInWindow(times: taps)) { perCell { Double(taps - 1) * b.data[$0] } } }
            add(.biasMissing) { perCell { -b.data[$0] } }
            var flipped = options
            flipped.convention = .convolution
            add(.kernelFlipped) { try Conv2D(x: x, w: w, b: b, options: flipped).forward() }
            if s.stride > 1 { add(.strideIgnored) { try Conv2D(x: x, w: w, b: b, options: Conv2DOptions(padding: Pair(s.padding))).forward() } }
            if s.padding > 0 { add(.paddingIgnored) { try Conv2D(x: x, w: w, b: b, options: Conv2DOptions(stride: Pair(s.stride))).forward() } }
        case (.conv2dBackward, _):
            guard let x = c.tensor("x"), let w = c.tensor("W"), let b = c.tensor("b"), let dOut = c.tensor("dout"),
                  let layer = try? Conv2D(x: x, w: w, b: b, options: options) else { return [] }
            switch name {
            case "dx":
                add(.dxKernelNotRotated) { try Conv2D(x: x, w: w.flippedSpatially(), b: b, options: options).backward(dOut).dx }
            case "dW", "db":
                let pick = { (g: Conv2D.Gradients) in name == "dW" ? g.dw : g.db }
                if s.n > 1 {
                    let last = { (t: Tensor) in Tensor(shape: [1] + t.shape.dropFirst(), data: Array(t.data.suffix(t.count / s.n))) }
                    add(.gradientOverwritten) { pick(try Conv2D(x: last(x), w: w, b: b, options: options).backward(last(dOut))) }
                    add(.gradientAveraged) {
                        let g = pick(try layer.backward(dOut))
                        return Tensor(shape: g.shape, data: g.data.map { $0 / Double(s.n) })
                    }
                }
            default:
                break
            }
        case (.maxpool2dBackward, "dx"):
            guard let x = c.tensor("x"), let dOut = c.tensor("dout") else { return [] }
            add(.tiesToEveryMaximum) { poolGradient(x, dOut, s, rule: .every, accumulate: true) }
            add(.tiesToLastMaximum) { poolGradient(x, dOut, s, rule: .last, accumulate: true) }
            add(.overlapOverwritten) { poolGradient(x, dOut, s, rule: .first, accumulate: false) }
        case (.conv1d, "out"):
            guard let f = c.tensor("f"), let g = c.tensor("g") else { return [] }
            add(.notFlipped1D) { Tensor(try Conv1D.correlate(f.data, g.data, mode: s.mode)) }
        case (.convTranspose2d, "out"):
            guard let x = c.tensor("x"), let w = c.tensor("W") else { return [] }
            add(.kernelFlipped) { try ConvTranspose2D(x: x, w: w.flippedSpatially(), options: options).forward() }
            if s.padding > 0 { add(.paddingIgnored) { try ConvTranspose2D(x: x, w: w, options: Conv2DOptions(stride: Pair(s.stride))).forward() } }
        default:
            break
        }
        return found
    }

    /// The mistake a wrong shape of array `name` shows, if it is a known one. A mistake that
    /// predicts values as well (the stride or the padding left out) must predict these values; the
    /// wrong size formula must leave the cells that exist right.
    static func shape(_ c: PracticeCase, _ name: String, got: Tensor, expected: Tensor, target: ExerciseTarget,
                      tolerance: Double) -> Diagnosis? {
        let s = c.settings
        let matches = { (wrong: Tensor?) in wrong.map { $0.shape == got.shape && Judge.firstDifference(got, $0, tolerance: tolerance) == nil } ?? false }
        switch (target, name) {
        case (.conv2d, "out"):
            guard let x = c.tensor("x"), let w = c.tensor("W"), let b = c.tensor("b") else { return nil }
            let forward = { (stride: Int, padding: Int) in
                try? Conv2D(x: x, w: w, b: b, options: Conv2DOptions(stride: Pair(stride), padding: Pair(padding))).forward()
            }
            if s.stride > 1, matches(forward(1, s.padding)) { return .strideIgnored }
            if s.padding > 0, matches(forward(s.stride, 0)) { return .paddingIgnored }
            // The widely copied formula, with Python's floor division.
            let wrong = { (input: Int, k: Int) in floorDivide(input - k + 2 * s.padding - (s.stride - 1) * (k - 1) - 1, s.stride) + 1 }
            if got.shape == [s.n, s.f, wrong(s.input.h, s.kernel.h), wrong(s.input.w, s.kernel.w)], agreesWhereBothExist(got, expected, tolerance) {
                return .wrongSizeFormula
            }
        case (.conv2dBackward, "dx"):
            if s.padding > 0, got.shape == [s.n, s.c, s.input.h + 2 * s.padding, s.input.w + 2 * s.padding] { return .dxNotCropped }
            return nil
        case (.conv2dBackward, "dW"):
            if got.shape == [s.n] + expected.shape { return .dWNotSummed }
            return nil
        default:
            break
        }
        let (g, e) = (got.shape, expected.shape)
        let off = zip(g, e).map { abs($0 - $1) }
        if g.count == e.count, off.allSatisfy({ $0 <= 1 }), off.contains(1), g.prefix(2) == e.prefix(2) {
            return .offByOne
        }
        return nil
    }

    /// True when the cells `got` and `right` both have (the top-left corner of each plane) agree.
    static func agreesWhereBothExist(_ got: Tensor, _ right: Tensor, _ tolerance: Double) -> Bool {
        guard got.rank == right.rank else { return false }
        return got.data.indices.allSatisfy { k in
            let index = got.index(ofOffset: k)
            guard zip(index, right.shape).allSatisfy({ $0 < $1 }) else { return true }
            let r = right[index]
            return abs(got.data[k] - r) <= tolerance * max(1, abs(r))
        }
    }

    /// Python's `//`: the floor of the quotient (Swift's `/` rounds toward zero).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        Int((Double(a) / Double(b)).rounded(.down))
    }

    /// The mistake a wrong output size shows, if it is a known one.
    static func size(_ c: PracticeCase, got: Double) -> Diagnosis? {
        let s = c.settings
        let (h, k, stride, p, d) = (s.input.h, s.kernel.h, s.stride, s.padding, s.dilation)
        let span = h + 2 * p - d * (k - 1) - 1
        guard span >= 0 else { return .invalidNotDetected }
        if got != got.rounded(), abs(got - (Double(span) / Double(stride) + 1)) < 1e-9 { return .sizeNotFloored }
        if d > 1, got == Double(floorDivide(h + 2 * p - k, stride) + 1) { return .dilationIgnored }
        if got == Double(floorDivide(h - k + 2 * p - (stride - 1) * (k - 1) - 1, stride) + 1) { return .wrongSizeFormula }
        if got == Double(span / stride + 1 + 1) || got == Double(span / stride) { return .offByOne }
        return nil
    }

    /// The mistake an exception (or the source) shows, if it is a known one.
    static func raised(_ error: PythonError, source: String?) -> Diagnosis? {
        if let source, shadowsWeights(source) { return .shadowedWeights }
        if error.type == "ValueError", error.message.contains("too many values to unpack (expected 3)") { return .unpackThree }
        return nil
    }

    /// True when the source unpacks `x.shape` into names ending in `W` while `W` is a parameter.
    static func shadowsWeights(_ source: String) -> Bool {
        let lines = source.split(separator: "\n").map { $0.filter { $0 != " " } }
        let takesW = lines.contains { $0.hasPrefix("def") && ($0.contains("(x,W") || $0.contains(",W,") || $0.contains(",W)")) }
        return takesW && lines.contains { $0.contains(",W=x.shape") }
    }

    /// Which maximum of a window takes the gradient.
    enum TieRule { case first, last, every }

    /// Max pooling's input gradient with a tie rule, accumulated (`+=`) or assigned (`=`).
    static func poolGradient(_ x: Tensor, _ dOut: Tensor, _ s: CaseSettings, rule: TieRule, accumulate: Bool) -> Tensor {
        var dx = Tensor(shape: x.shape)
        let (outH, outW) = (dOut.shape[2], dOut.shape[3])
        for n in 0..<x.shape[0] {
            for c in 0..<x.shape[1] {
                for i in 0..<outH {
                    for j in 0..<outW {
                        let cells = (0..<s.kernel.h).flatMap { p in (0..<s.kernel.w).map { q in [n, c, i * s.stride + p, j * s.stride + q] } }
                        let top = cells.map { x[$0] }.max() ?? 0
                        let maxima = cells.filter { x[$0] == top }
                        let chosen = switch rule {
                        case .first: [maxima[0]]
                        case .last: [maxima[maxima.count - 1]]
                        case .every: maxima
                        }
                        for cell in chosen {
                            let g = dOut[[n, c, i, j]]
                            dx[cell] = accumulate ? dx[cell] + g : g
                        }
                    }
                }
            }
        }
        return dx
    }
}

extension Diagnosis {
    /// A stable name for scripts: `bias-in-window`, `dx-not-cropped`.
    public var key: String {
        switch self {
        case .biasInWindow: "bias-in-window"
        case .biasMissing: "bias-missing"
        case .kernelFlipped: "kernel-flipped"
        case .strideIgnored: "stride-ignored"
        case .paddingIgnored: "padding-ignored"
        case .wrongSizeFormula: "wrong-size-formula"
        case .offByOne: "off-by-one"
        case .dxNotCropped: "dx-not-cropped"
        case .dWNotSummed: "dw-not-summed"
        case .gradientOverwritten: "gradient-overwritten"
        case .gradientAveraged: "gradient-averaged"
        case .dxKernelNotRotated: "dx-kernel-not-rotated"
        case .tiesToEveryMaximum: "ties-to-every-maximum"
        case .tiesToLastMaximum: "ties-to-last-maximum"
        case .overlapOverwritten: "overlap-overwritten"
        case .notFlipped1D: "not-flipped"
        case .sizeNotFloored: "size-not-floored"
        case .dilationIgnored: "dilation-ignored"
        case .invalidNotDetected: "invalid-not-detected"
        case .unpackThree: "unpack-three"
        case .shadowedWeights: "shadowed-weights"
        }
    }
}
