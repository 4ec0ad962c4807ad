import ConvCore
import LessonKit
import Testing

/// The compute blocks of the techniques (`of: fft-convolution`, `winograd`, `batchnorm-fold`,
/// `separable`, `continuous-convolution`, `circular-convolution`, `he-init`): every key read into
/// `Computation.Technique`, every problem reported at its key, `tolerance` beside `expect`.
@Suite("Technique compute blocks")
struct TechniqueBlockTests {
    typealias T = TestLessons

    /// The computation of a compute block's YAML.
    func computation(_ yaml: String) -> Computation? {
        for block in T.firstStepBlocks("## S\n\n```compute\n\(yaml)\n```\n") {
            if case .compute(let c) = block { return c }
        }
        return nil
    }

    @Test("each technique's keys, and show defaulting to the first it takes", arguments: [
        ("of: fft-convolution\na: [1, 2, 3]\nv: [1, 0, -1]\nmode: same",
         Computation.Technique.fftConvolution(a: [1, 2, 3], v: [1, 0, -1], lengths: [3, 3], mode: .same), Computation.Show.output),
        ("of: fft-convolution\nshow: cost\ninput: 1000\nkernel: 65", .fftConvolution(a: nil, v: nil, lengths: [1000, 65], mode: .full), .cost),
        ("of: circular-convolution\na: [1, 2]\nv: [3]\nlength: 4", .circularConvolution(a: [1, 2], v: [3], length: 4), .output),
        ("of: winograd\nd: [1, 2, 3, 4]\ng: [1, 0, -1]", .winograd(.f23, d: [[1, 2, 3, 4]], g: [[1, 0, -1]], precision: .float32), .output),
        ("of: winograd\nshow: error\nvariant: F(2×2,3×3)\nprecision: float64\nd: [[1, 2], [3, 4]]\ng: [[1]]",
         .winograd(.f2x2_3x3, d: [[1, 2], [3, 4]], g: [[1]], precision: .float64), .error),
        ("of: batchnorm-fold\nw: [[1, 2], [3, 4]]\nb: 1\ngamma: 2\nbeta: 0\nmean: 1\nvar: 4",
         .batchNormFold(w: [[[1, 2], [3, 4]]], b: [1], statistics: .init(gamma: [2], beta: [0], mean: [1], variance: [4]), x: nil), .weights),
        ("of: batchnorm-fold\nshow: check\nw: [[[1]], [[2]]]\ngamma: [1, 2]\nbeta: [0, 0]\nmean: [0, 1]\nvar: [1, 1]\neps: 0\nx: [[1, 2]]",
         .batchNormFold(w: [[[1]], [[2]]], b: nil, statistics: .init(gamma: [1, 2], beta: [0, 0], mean: [0, 1], variance: [1, 1], epsilon: 0),
                        x: [[1, 2]]), .check),
        ("of: separable\nw: [[1, 2], [2, 4]]", .separable(w: [[1, 2], [2, 4]], kernel: Pair(2), input: nil), .factors),
        ("of: separable\nshow: cost\nkernel: [7, 1]\ninput: 32", .separable(w: nil, kernel: Pair(7, 1), input: Pair(32)), .cost),
        ("of: continuous-convolution\nf: box(1)\ng: gaussian(0, 0.5)\ndt: 0.1\nat: [0, 1]",
         .continuousConvolution(f: .box(width: 1), g: .gaussian(mean: 0, sd: 0.5), dt: 0.1, at: [0, 1]), .output),
        ("of: he-init\nchannels: 64", .heInit(fanIn: nil, channels: 64, groups: 1, kernel: Pair(3)), .output),
        ("of: he-init\nshow: fan-in\nfan_in: 576", .heInit(fanIn: 576, channels: 1, groups: 1, kernel: Pair(3)), .fanIn),
        ("of: tf-same-padding\ninput: [6, 7]\nkernel: 3\nstride: 2",
         .tensorflowSame(input: Pair(6, 7), kernel: Pair(3), stride: Pair(2), dilation: Pair(1)), .output),
        ("of: tf-same-padding\nshow: size\ninput: 13\nkernel: 6\nstride: 5\ndilation: 1",
         .tensorflowSame(input: Pair(13), kernel: Pair(6), stride: Pair(5), dilation: Pair(1)), .size),
    ])
    func keys(_ yaml: String, _ technique: Computation.Technique, _ show: Computation.Show) {
        let c = computation(yaml)
        #expect(c?.subject == .technique(technique))
        #expect(c?.show == show)
    }

    @Test("expect and tolerance")
    func tolerance() {
        let c = computation("of: he-init\nfan_in: 2\nexpect: 1\ntolerance: 0.001")
        #expect(c?.expect == .numbers([[1]]) && c?.tolerance == 0.001)
        #expect(T.bodyDiagnostics("## S\n\n```compute\nof: he-init\nfan_in: 2\ntolerance: 0.1\n```\n")
            == ["l.md:13:1: tolerance: only a block with 'expect' takes 'tolerance'"])
        #expect(T.bodyDiagnostics("## S\n\n```compute\nshow: size\nexpect: 3\ntolerance: -1\n```\n")
            == ["l.md:13:1: tolerance: must be at least 0, got -1"])
    }

    @Test("problems are reported at their key", arguments: [
        ("of: winograd\nshow: size", "l.md:12:1: show: expected 'output', 'multiplications', 'transforms' or 'error', got 'size'"),
        ("of: fft-convolution\na: [1]", "l.md:10:1: compute: of: fft-convolution needs 'v'"),
        ("of: fft-convolution\nshow: cost", "l.md:10:1: compute: of: fft-convolution, show: cost needs 'a' and 'v', or their lengths 'input' and 'kernel'"),
        ("of: fft-convolution\na: [1]\nv: [1]\ninput: 3", "l.md:14:1: input: only show: cost takes 'input'"),
        ("of: fft-convolution\nshow: cost\na: [1]\nv: [1]\nkernel: 3", "l.md:15:1: kernel: give either 'a' and 'v' or 'kernel', not both"),
        ("of: circular-convolution\na: [1]\nv: [1]\nlength: 0", "l.md:14:1: length: must be from 1 to 16777216, got 0"),
        ("of: winograd\nd: [1, 2, 3, 4]\ng: [1, 0, -1]\nvariant: F(4,3)", "l.md:14:1: variant: expected 'F(2,3)', 'F(2x2,3x3)' or 'F(2×2,3×3)', got 'F(4,3)'"),
        ("of: winograd\nd: [1, 2, 3, 4]\ng: [1, 0, -1]\nprecision: float32", "l.md:14:1: precision: only show: error takes 'precision'"),
        ("of: batchnorm-fold\nw: [[1]]\ngamma: 1\nbeta: 0\nmean: 0", "l.md:10:1: compute: of: batchnorm-fold needs 'var'"),
        ("of: batchnorm-fold\nshow: check\nw: [[1]]\ngamma: 1\nbeta: 0\nmean: 0\nvar: 1",
         "l.md:10:1: compute: of: batchnorm-fold, show: check needs 'x', the input to check the fold on"),
        ("of: batchnorm-fold\nw: [[1]]\ngamma: one\nbeta: 0\nmean: 0\nvar: 1", "l.md:13:1: gamma: expected a number, got 'one'"),
        ("of: separable\nshow: rank\nkernel: 3", "l.md:10:1: compute: of: separable needs 'w', the kernel's rows"),
        ("of: separable\nw: [[1]]\nkernel: 3\nshow: cost", "l.md:13:1: kernel: give either 'w' or 'kernel', not both"),
        ("of: continuous-convolution\nf: sinc(1)\ng: box(1)\ndt: 0.1\nat: 0",
         "l.md:12:1: f: expected box(width), triangle(half-width) or gaussian(mean, sd), got 'sinc(1)'"),
        ("of: continuous-convolution\nf: box(1)\ng: box(1)\ndt: 0.1", "l.md:10:1: compute: of: continuous-convolution needs 'at'"),
        ("of: he-init\nkernel: 3", "l.md:10:1: compute: of: he-init needs 'fan_in', or the layer's 'channels' (and 'kernel', 'groups')"),
        ("of: he-init\nfan_in: 9\nchannels: 3", "l.md:13:1: channels: give either 'fan_in' or 'channels', not both"),
        ("of: he-init\nfan_in: 9\nstride: 2", "l.md:13:1: stride: of: he-init does not take 'stride'"),
        ("of: tf-same-padding\nkernel: 3", "l.md:10:1: compute: of: tf-same-padding needs 'input'"),
        ("of: conv2d\ndt: 0.1", "l.md:12:1: dt: only of: continuous-convolution takes 'dt'"),
        ("of: conv2d\ng: [1]", "l.md:12:1: g: only a property (of: linearity, …) or of: winograd or of: continuous-convolution takes 'g'"),
    ])
    func problems(_ yaml: String, _ expected: String) {
        #expect(T.bodyDiagnostics("## S\n\n```compute\n\(yaml)\n```\n") == [expected])
    }
}
