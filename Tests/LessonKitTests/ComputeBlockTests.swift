import ConvCore
import LessonKit
import Testing

/// `compute` blocks and the `compute` key of questions: every key read into `Computation`, and
/// every problem reported at its key.
@Suite("Compute blocks")
struct ComputeBlockTests {
    typealias T = TestLessons

    /// The one computation of a body's first step.
    func computation(_ body: String) -> Computation? {
        for block in T.firstStepBlocks(body) {
            if case .compute(let c) = block { return c }
        }
        return nil
    }

    @Test("an empty block computes the output of the default conv2d")
    func empty() {
        let c = computation("## S\n\n```compute\n```\n")
        #expect(c?.subject == .animation(.conv2d))
        #expect(c?.show == .output)
        #expect(c?.line == 10)
        #expect(c?.expect == nil)
    }

    @Test("animation keys, show, cell, tensor and expect")
    func keys() {
        let c = computation("## S\n\n```compute\nof: conv2d-backward\nshow: cell\ntensor: dw\ncell: [1, 0]\ninput: [4, 5]\nkernel: 2\nstride: 2\nexpect: 393\n```\n")
        #expect(c?.subject == .animation(.conv2dBackward))
        #expect(c?.show == .cell)
        #expect(c?.tensor == .dw)
        #expect(c?.cell == [1, 0])
        #expect(c?.parameters.input == [4, 5])
        #expect(c?.parameters.kernel == [2])
        #expect(c?.parameters.stride == [2])
        #expect(c?.parameters.drawn == true)
        #expect(c?.expect == .numbers([[393]]))
    }

    @Test("padding valid or same, padding_mode and pad are read into typed values")
    func paddingForms() {
        let same = computation("## S\n\n```compute\nshow: size\ninput: 5\nkernel: 4\npadding: same\npadding_mode: reflect\n```\n")
        #expect(same?.parameters.paddingLayout == .same)
        #expect(same?.parameters.paddingMode == .reflect)
        #expect(same?.parameters.padding == nil)
        let valid = computation("## S\n\n```compute\npadding: valid\n```\n")
        #expect(valid?.parameters.padding == [0] && valid?.parameters.paddingLayout == nil)
        let pad = computation("## S\n\n```compute\nof: conv2d-backward\npad: [1, 0, 2, 0]\npadding_mode: circular\n```\n")
        #expect(pad?.parameters.paddingLayout == .sides(PaddingSides(left: 1, right: 0, top: 2, bottom: 0)))
        #expect(pad?.parameters.paddingMode == .circular)
    }

    @Test("padding forms refused at their key: unknown words, a wrong pad, pad beside same, other kinds")
    func paddingProblems() {
        #expect(T.bodyDiagnostics("## S\n\n```compute\npadding: full\n```\n")
                == [#"l.md:11:1: padding: expected an integer, [height, width], valid or same, got "full""#])
        #expect(T.bodyDiagnostics("## S\n\n```compute\npadding_mode: mirror\n```\n")
                == ["l.md:11:1: padding_mode: expected 'zeros', 'reflect', 'replicate' or 'circular', got 'mirror'"])
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\npad: [1, 2]\n```\n")
                == ["l.md:11:1: pad: expected [left, right, top, bottom], four integers from 0 to 12, got a list"])
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\npad: [1, 0, 1, 13]\n```\n")
                == ["l.md:11:1: pad: expected [left, right, top, bottom], four integers from 0 to 12, got a list"])
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\npadding: same\npad: [1, 0, 1, 0]\n```\n")
                == ["l.md:12:1: pad: give either pad or padding: same, not both"])
        #expect(T.bodyDiagnostics("## S\n\n```maxpool2d\npadding_mode: reflect\n```\n")
                == ["l.md:11:1: padding_mode: only conv2d and conv2d-backward take 'padding_mode', not maxpool2d"])
        #expect(T.bodyDiagnostics("## S\n\n```conv-transpose2d\npadding: same\n```\n")
                == ["l.md:11:1: padding: only conv2d and conv2d-backward take padding: same, not conv-transpose2d"])
    }

    @Test("of: gradient-check takes a conv2d-backward's keys, a cell and a gradient; no show")
    func gradientCheck() {
        let c = computation("## S\n\n```compute\nof: gradient-check\ninput: 3\nkernel: 2\npadding: 1\npadding_mode: replicate\ntensor: dw\ncell: [0, 1]\n```\n")
        #expect(c?.subject == .gradientCheck)
        #expect(c?.parameters.kind == .conv2dBackward)
        #expect(c?.parameters.paddingMode == .replicate)
        #expect(c?.tensor == .dw && c?.cell == [0, 1])
        #expect(T.bodyDiagnostics("## S\n\n```compute\nof: gradient-check\n```\n")
                == ["l.md:10:1: compute: of: gradient-check needs 'cell' (e.g. cell: [0, 1])"])
        #expect(T.bodyDiagnostics("## S\n\n```compute\nof: gradient-check\ncell: 0\ntensor: out\nshow: cell\n```\n")
                == ["l.md:13:1: tensor: expected 'dx', 'dw' or 'db', got 'out'",
                    "l.md:14:1: show: of: gradient-check does not take 'show'"])
    }

    @Test("a size or a count draws nothing, so it may go past the explorer's limits")
    func largeSizes() {
        let c = computation("## S\n\n```compute\nshow: macs\ninput: 224\nchannels: 256\nfilters: 512\nstride: 16\n```\n")
        #expect(c?.parameters.input == [224])
        #expect(c?.parameters.channels == 256)
        #expect(c?.parameters.stride == [16])
        #expect(c?.parameters.drawn == false)
        // Shown cells keep the explorer's limits.
        #expect(T.bodyDiagnostics("## S\n\n```compute\nshow: output\ninput: 224\n```\n")
            == ["l.md:12:1: input: grid too large to display (the explorer draws at most 12×12 and 4 channels)"])
    }

    @Test("expect as a number, a list, rows, or invalid")
    func expectations() {
        #expect(computation("## S\n\n```compute\nexpect: -4.5\n```\n")?.expect == .numbers([[-4.5]]))
        #expect(computation("## S\n\n```compute\nexpect: [1, 2, -3]\n```\n")?.expect == .numbers([[1, 2, -3]]))
        #expect(computation("## S\n\n```compute\nexpect: [[1, 2], [3, 4]]\n```\n")?.expect == .numbers([[1, 2], [3, 4]]))
        #expect(computation("## S\n\n```compute\nexpect: invalid\n```\n")?.expect == .invalid)
        #expect(T.bodyDiagnostics("## S\n\n```compute\nexpect: lots\n```\n")
            == ["l.md:11:1: expect: expected a number, a list, rows of numbers or 'invalid', got 'lots'"])
        #expect(T.bodyDiagnostics("## S\n\n```compute\nexpect: [[1, 2], [3]]\n```\n")
            == ["l.md:11:1: expect: expected a number, a list, rows of numbers or 'invalid', got a list"])
    }

    @Test("a receptive-field stack")
    func receptiveField() {
        let c = computation("## S\n\n```compute\nof: receptive-field\nlayers:\n  - {kernel: 3}\n  - {kernel: 3, stride: 2, dilation: 2}\nexpect: 7\n```\n")
        #expect(c?.subject == .receptiveField)
        #expect(c?.layers == [ReceptiveField.Layer(kernel: 3), ReceptiveField.Layer(kernel: 3, stride: 2, dilation: 2)])
    }

    @Test("a property with its arrays and numbers")
    func property() {
        let c = computation("## S\n\n```compute\nof: linearity\nf: [1, 2, 3]\ng: [0, 1, 1]\nh: [1, 0, -1]\nalpha: 2\nbeta: -0.5\n```\n")
        #expect(c?.subject == .property(.linearity))
        #expect(c?.arrays == ["f": [1, 2, 3], "g": [0, 1, 1], "h": [1, 0, -1]])
        #expect(c?.alpha == 2)
        #expect(c?.beta == -0.5)
    }

    @Test("problems are reported at their key", arguments: [
        ("of: conv3d", "l.md:11:1: of: expected 'conv1d', 'correlate1d', 'conv2d', 'conv2d-backward', 'maxpool2d', 'avgpool2d', 'maxpool2d-backward', 'avgpool2d-backward', 'conv-transpose2d', 'adaptive-maxpool2d', 'adaptive-avgpool2d', 'adaptive-maxpool2d-backward', 'adaptive-avgpool2d-backward', 'receptive-field', 'gradient-check', 'linearity', 'scaling', 'commutativity', 'associativity', 'distributivity', 'shift', 'fft-convolution', 'circular-convolution', 'winograd', 'batchnorm-fold', 'separable', 'continuous-convolution', 'he-init' or 'tf-same-padding', got 'conv3d'"),
        ("show: everything", "l.md:11:1: show: expected 'output', 'size', 'cell', 'parameters', 'macs' or 'window', got 'everything'"),
        ("show: cell", "l.md:10:1: compute: show: cell needs 'cell' (e.g. cell: [0, 1])"),
        ("cell: [0, 0]", "l.md:11:1: cell: only show: cell and show: window take 'cell'"),
        ("show: cell\ncell: [-1, 0]", "l.md:12:1: cell: expected an index i, [i, j] or [c, i, j] of integers ≥ 0, got a list"),
        ("show: cell\ncell: 0\ntensor: dx", "l.md:13:1: tensor: expected 'out', got 'dx'"),
        ("of: maxpool2d\nshow: parameters", "l.md:12:1: show: parameters is counted for conv2d and conv-transpose2d, not maxpool2d"),
        ("layers: [{kernel: 3}]", "l.md:11:1: layers: only of: receptive-field takes 'layers'"),
        ("of: receptive-field", "l.md:10:1: compute: of: receptive-field needs 'layers', e.g. layers: [{kernel: 3}, {kernel: 3, stride: 2}]"),
        ("of: receptive-field\nlayers: [{stride: 2}]", "l.md:12:10: layers: every layer needs a 'kernel'"),
        ("of: receptive-field\nlayers: [{kernel: 3}]\nstride: 2", "l.md:13:1: stride: of: receptive-field does not take 'stride'"),
        ("of: commutativity\nf: [1, 2]", "l.md:10:1: compute: of: commutativity needs 'g', a list of numbers"),
        ("of: linearity\nf: [1, 2]\ng: [1]\nh: [1]\nalpha: 1\nbeta: 1", "l.md:13:1: g: must have as many numbers as f (2), got 1"),
        ("of: shift\nf: [1]\ng: [1]", "l.md:10:1: compute: of: shift needs 'shift'"),
        ("strdie: 2", "l.md:11:1: unknown key 'strdie' in a compute block (did you mean 'stride'?)"),
    ])
    func problems(_ yaml: String, _ expected: String) {
        #expect(T.bodyDiagnostics("## S\n\n```compute\n\(yaml)\n```\n") == [expected])
    }

    @Test("a compute block inside a list is reported and left out")
    func nested() {
        #expect(T.bodyDiagnostics("## S\n\n- item\n\n  ```compute\n  show: size\n  ```\n")
            == ["l.md:12:3: compute: a compute block must stand at the top level of a step, not inside a list or quote"])
    }

    @Test("a question's compute key: read for numeric and single, refused for multiple and open")
    func question() {
        let body = "## S\n\n```quiz\nid: q\nkind: numeric\nprompt: Rows?\nanswer: 4\ncompute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}\n```\n"
        let blocks = T.firstStepBlocks(body)
        guard case .quiz(let q)? = blocks.first else {
            Issue.record("no question")
            return
        }
        #expect(q.compute?.show == .size)
        #expect(q.compute?.parameters.stride == [2])
        #expect(q.compute?.line == 15)
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q\nkind: open\nprompt: Why?\nanswer: Because.\ncompute: {show: size}\n```\n")
            == ["l.md:15:1: compute: an open question has no single answer to compare with a computation"])
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q\nkind: numeric\nprompt: Rows?\nanswer: 4\ncompute: {show: size, expect: 4}\n```\n")
            == ["l.md:15:23: unknown key 'expect' in a question's compute"])
    }
}
