import ConvCore
import LessonKit
import Localization
@testable import Scenes
import Testing

/// Compute blocks evaluated by the compute core, compared with values published elsewhere or
/// worked by hand, and the diagnostics `check` gives when an author's number is wrong.
@Suite("Computed numbers")
struct ComputationTests {
    /// The computation of a `compute` block's YAML.
    static func computation(_ yaml: String) throws -> Computation {
        let text = "---\nid: t\ntitle: T\nlang: en\norder: 1\nsummary: S.\n---\n## S\n\n```compute\n\(yaml)\n```\n"
        let result = LessonParser.parse(text, file: "t.md")
        #expect(result.diagnostics == [])
        guard case .compute(let c)? = result.lesson?.steps.first?.blocks.first else {
            throw Failure("no compute block in \(yaml)")
        }
        return c
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static let english = Language.en.catalogue
    static let chinese = Language.zh.catalogue

    static func value(_ yaml: String) throws -> ComputedValue {
        try computation(yaml).evaluate(english).value
    }

    @Test("published and hand-worked values", arguments: [
        // numpy.convolve([1, 2, 3], [1, 0, -1]).
        ("of: conv1d\na: [1, 2, 3]\nv: [1, 0, -1]", ComputedValue.list([1, 2, 2, -2, -3])),
        ("of: conv1d\na: [1, 2, 3]\nv: [1, 0, -1]\nmode: same", .list([2, 2, -2])),
        ("of: correlate1d\na: [1, 2, 3]\nv: [1, 0, -1]\nmode: valid", .list([-2])),
        ("of: conv1d\nshow: size\ninput: 5\nkernel: 3\nmode: valid", .size([3])),
        // A stride example worked by hand: ⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4.
        ("show: size\ninput: 7\nkernel: 3\nstride: 2\npadding: 1", .size([4, 4])),
        ("show: size\ninput: [7, 9]\nkernel: 3\ndilation: 2", .size([3, 5])),
        ("of: maxpool2d\nshow: size\ninput: 6\nkernel: 2", .size([3, 3])),
        ("of: conv-transpose2d\nshow: size\ninput: 4\nkernel: 3\nstride: 2\npadding: 1\noutput_padding: 1", .size([8, 8])),
        // VGG-16's block2_conv1 (3×3, 64 → 128): 73,856 parameters in Keras' model summary.
        ("show: parameters\nchannels: 64\nfilters: 128", .number(73_856)),
        ("show: parameters\nchannels: 64\nfilters: 128\nbias: false", .number(73_728)),
        // Depthwise 3×3 over 64 channels: 64·1·3·3 weights.
        ("show: parameters\nchannels: 64\nfilters: 64\ngroups: 64\nbias: false", .number(576)),
        // VGG-16's conv1_1 on 224×224: 224·224·64·3·3·3 = 86.7 M multiply-accumulates.
        ("show: macs\ninput: 224\nchannels: 3\nfilters: 64\npadding: 1", .number(86_704_128)),
        // The example lesson's y[1,0].
        ("show: cell\nx: [[1, 2, 0, 1], [0, 1, 3, 2], [2, 0, 1, 1], [1, 3, 0, 2]]\nw: [[1, 0, -1], [0, 2, 0], [-1, 0, 1]]\ncell: [1, 0]", .number(-4)),
        // Ramp 4×4 input, ramp 3×3 dOut: dw[0,0,0,1] = Σ dOut[i,j]·x[i,j+1] = 393.
        ("of: conv2d-backward\nshow: cell\ntensor: dw\ninput: 4\nkernel: 2\ncell: [0, 1]", .number(393)),
        ("of: conv2d-backward\nshow: cell\ntensor: db\ninput: 4\nkernel: 2\ncell: 0", .number(45)),
        ("of: receptive-field\nlayers: [{kernel: 3}, {kernel: 3}, {kernel: 3}]", .number(7)),
        // numpy.pad(ramp 4×4, 1, mode="reflect")[0:3, 0:3] = [[6,5,6],[2,1,2],[6,5,6]] under the ramp 3×3 kernel.
        ("show: cell\ninput: 4\npadding: 1\npadding_mode: reflect\ncell: [0, 0]", .number(195)),
        // numpy.pad(ramp 3×3, ((1,0),(1,0)), mode="wrap")[0:2, 0:2] = [[9,7],[3,1]] under [[1,2],[3,4]].
        ("show: cell\ninput: 3\nkernel: 2\npad: [1, 0, 1, 0]\npadding_mode: circular\ncell: [0, 0]", .number(36)),
        // "same" keeps the size, the odd one of D·(K−1) = 3 at the end; explicit sides add up per axis.
        ("show: size\ninput: 5\nkernel: 4\npadding: same", .size([5, 5])),
        ("show: size\ninput: 5\nkernel: 3\npad: [0, 0, 2, 1]", .size([6, 3])),
        ("show: size\ninput: 5\nkernel: 3\npadding: valid", .size([3, 3])),
        // (2·[1,2,3] + 3·[0,1,1]) ∗ [1,0,−1] = [2,7,9] ∗ [1,0,−1].
        ("of: linearity\nf: [1, 2, 3]\ng: [0, 1, 1]\nh: [1, 0, -1]\nalpha: 2\nbeta: 3", .list([2, 7, 7, -7, -9])),
        ("of: scaling\nf: [1, 2]\ng: [1, -1]\nalpha: 2\nbeta: 3", .list([6, 6, -12])),
        ("of: commutativity\nf: [1, 2]\ng: [0, 1, 3]", .list([0, 1, 5, 6])),
        ("of: associativity\nf: [1, 1]\ng: [1, -1]\nh: [2]", .list([2, 0, -2])),
        ("of: distributivity\nf: [1, 2]\ng: [1, 0]\nh: [0, 1]", .list([1, 3, 2])),
        ("of: shift\nf: [1, 2]\ng: [1, 1]\nshift: 2", .list([0, 0, 1, 3, 2])),
    ])
    func values(_ yaml: String, _ expected: ComputedValue) throws {
        #expect(try Self.value(yaml) == expected)
    }

    @Test("a gradient check shows both losses, the centred difference, the analytic value and the relative error")
    func gradientCheckLines() throws {
        let c = try Self.computation("of: gradient-check\ninput: 3\nkernel: 2\npadding: 1\npadding_mode: replicate\ntensor: db\ncell: 0")
        let result = c.evaluate(Self.english)
        // Ramp dOut over the 4×4 output: db[0] = 1 + 2 + … + 16 = 136.
        // dx[1,1] = Σ dOut[i,j]·w[1−i,1−j] = 1·0.2 − 0.5·1.1 + 0.25·(−0.7) + 2·0.3 = 0.075: the centred difference agrees.
        #expect(try Self.value("of: gradient-check\nx: [[0.5, -1.25, 2], [1, 0.75, -0.5], [-2, 1.5, 0.25]]\nw: [[0.3, -0.7], [1.1, 0.2]]\ndout: [[1, -0.5], [0.25, 2]]\ncell: [1, 1]").matches(.numbers([[0.075]])))
        guard case .number(let numeric) = result.value else { Issue.record("\(result.value)"); return }
        #expect(abs(numeric - 136) < 1e-6)
        #expect(result.lines.count == 2)
        #expect(result.lines[0].hasPrefix("check db[0]: L(v+h) = ") && result.lines[0].hasSuffix(", h = 1e-05"))
        #expect(result.lines[1].hasPrefix("(L⁺−L⁻)/2h = ") && result.lines[1].contains("analytic 136, relative error "))
        #expect(result.lines[1].hasSuffix(" ✓"))
        let chinese = c.evaluate(Self.chinese).lines
        #expect(chinese[0].hasPrefix("检验 db[0]：L(v+h) = ") && chinese[1].contains("解析值 136，相对误差 "))
        #expect(try Self.value("of: gradient-check\ninput: 3\nkernel: 2\ntensor: dw\ncell: [5, 5]")
                == .invalid(.notACell(cell: [0, 0, 5, 5], tensor: .dw, plane: nil)))
    }

    @Test("the core's refusal is a value with its reason")
    func invalid() throws {
        let value = try Self.value("show: size\ninput: 2\nkernel: 3")
        #expect(value.text(Self.english) == "invalid: kernel: effective kernel height 3 is larger than the padded input height 2")
        #expect(value.matches(.invalid))
        #expect(try Self.value("show: parameters\nchannels: 6\nfilters: 4\ngroups: 4").text(Self.english)
            == "invalid: groups: 4 does not divide the 6 channels")
        #expect(try Self.value("show: cell\ninput: 4\ncell: [5, 0]")
            == .invalid(.notACell(cell: [0, 0, 5, 0], tensor: .out, plane: Pair(2, 2))))
        #expect(try Self.value("show: cell\ninput: 4\ncell: [5, 0]").text(Self.english)
            == "invalid: cell: out[0,0,5,0] is not a cell of out (its planes are 2×2)")
    }

    @Test("lines show the arithmetic, ending in the value")
    func lines() throws {
        #expect(try Self.computation("show: size\ninput: 7\nkernel: 3\nstride: 2\npadding: 1").evaluate(Self.english).lines
            == ["output size: ⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4", "output: 4×4"])
        #expect(try Self.computation("of: conv1d\na: [1, 2, 3]\nv: [1, 0, -1]").evaluate(Self.english).lines
            == ["a = [1, 2, 3], v = [1, 0, -1]", "numpy.convolve(a, v, mode=\"full\") = [1, 2, 2, -2, -3]"])
        #expect(try Self.computation("show: parameters\nchannels: 64\nfilters: 128").evaluate(Self.english).lines
            == ["parameters: 128·64·3·3 weights + 128 biases = 73,856"])
        let rf = try Self.computation("of: receptive-field\nlayers: [{kernel: 3}, {kernel: 3, stride: 2}]").evaluate(Self.english).lines
        #expect(rf == ["layer 1 (K=3, S=1, D=1): r = 1 + 1·(3−1)·1 = 3, jump 1·1 = 1",
                       "layer 2 (K=3, S=2, D=1): r = 3 + 1·(3−1)·1 = 5, jump 1·2 = 2",
                       "receptive field: 5×5 input cells"])
    }

    @Test("a cell's arithmetic is the animation's own step")
    func cellIsAnimationStep() throws {
        let c = try Self.computation("show: cell\ninput: 5\nstride: 2\npadding: 1\ncell: [1, 2]")
        let scene = try Scene.build(ExplorerConfig(animation: c.parameters))
        let step = try #require(scene.steps.first { $0.trace?.index == [0, 0, 1, 2] })
        #expect(c.evaluate(Self.english).lines == [Self.english.equation(try #require(step.trace))])
    }

    @Test("expect, a square size as its side, and the value as an answer writes it")
    func matching() {
        #expect(ComputedValue.size([4, 4]).matches(.numbers([[4]])))
        #expect(ComputedValue.size([4, 4]).matches(.numbers([[4, 4]])))
        #expect(!ComputedValue.size([4, 5]).matches(.numbers([[4]])))
        #expect(!ComputedValue.list([1, 2]).matches(.numbers([[1, 2, 3]])))
        #expect(ComputedValue.grid([[1, 2], [3, 4]]).matches(.numbers([[1, 2], [3, 4]])))
        #expect(!ComputedValue.number(3).matches(.invalid))
        #expect(ComputedValue.size([4, 4]).text(Self.english) == "4×4")
        #expect(ComputedValue.grid([[1, -2], [3, 0.5]]).text(Self.english) == "[[1, -2], [3, 0.5]]")
    }

    /// A one-step lesson of `body`, parsed.
    static func lesson(_ body: String) throws -> Lesson {
        let text = "---\nid: t\ntitle: T\nlang: en\norder: 1\nsummary: S.\n---\n## S\n\n" + body
        let result = LessonParser.parse(text, file: "t.md")
        #expect(result.diagnostics == [])
        return try #require(result.lesson)
    }

    @Test("check reports an expect the core disagrees with, and a wrong computed answer")
    func check() throws {
        let lesson = try Self.lesson("""
            ```compute
            show: size
            input: 7
            kernel: 3
            stride: 2
            expect: [4, 4]
            ```

            ```compute
            show: size
            input: 2
            kernel: 3
            ```

            ```quiz
            id: rows
            kind: numeric
            prompt: Rows?
            answer: 4
            compute: {show: size, input: 7, kernel: 3, stride: 2}
            ```

            ```quiz
            id: size
            kind: single
            prompt: Size?
            choices: [2×2, 3×3, 4×4]
            answer: 4×4
            compute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}
            ```

            ```quiz
            id: cell
            kind: numeric
            prompt: Cell?
            answer: 5
            compute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}
            tolerance: 1
            ```

            """)
        #expect(LessonCheck.computations(of: lesson, file: "t.md").map(\.description) == [
            "t.md:10:1: expect: the compute core gives 3×3, not [4, 4]",
            "t.md:18:1: compute: kernel: effective kernel height 3 is larger than the padded input height 2",
            "t.md:24:1: answer: the compute core gives 3×3, not 4",
        ])
    }

    @Test("a spot-the-mistake or single answer must contain the computed value")
    func answerContains() throws {
        let lesson = try Self.lesson("""
            ```quiz
            id: size
            kind: single
            prompt: Size?
            choices: ["3×3", "4×4"]
            answer: "3×3"
            compute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}
            ```

            """)
        #expect(LessonCheck.computations(of: lesson, file: "t.md").map(\.description)
            == ["t.md:10:1: answer: '3×3' does not contain 4×4, what the compute core gives"])
    }
}

/// A Chinese lesson's compute blocks read Chinese around the arithmetic; the value is the same.
@Suite("Computed numbers in Chinese")
struct ComputationChineseTests {
    @Test("sizes, counts, receptive fields and identities in the lesson's language")
    func chinese() throws {
        let (english, chinese) = (ComputationTests.english, ComputationTests.chinese)
        let size = try ComputationTests.computation("show: size\ninput: [7, 9]\nkernel: 3")
        #expect(size.evaluate(chinese).lines == ["输出高度：⌊(7 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 5",
                                                 "输出宽度：⌊(9 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 7", "输出：5×7"])
        #expect(size.evaluate(chinese).value == size.evaluate(english).value)
        let params = try ComputationTests.computation("show: parameters\nchannels: 64\nfilters: 128")
        #expect(params.evaluate(chinese).lines == ["参数量：128·64·3·3 个权重 + 128 个偏置 = 73,856"])
        let rf = try ComputationTests.computation("of: receptive-field\nlayers: [{kernel: 3}]")
        #expect(rf.evaluate(chinese).lines == ["第 1 层（K=3，S=1，D=1）：r = 1 + 1·(3−1)·1 = 3，跳跃距离 1·1 = 1", "感受野：3×3 个输入单元"])
        let shift = try ComputationTests.computation("of: shift\nf: [1, 2]\ng: [1, 1]\nshift: 1")
        #expect(shift.evaluate(chinese).lines.last == "两边相等")
        let invalid = try ComputationTests.computation("show: size\ninput: 2\nkernel: 3")
        #expect(invalid.evaluate(chinese).lines == ["无效：卷积核：卷积核的有效高度 3 大于填充后输入的高度 2"])
    }
}
