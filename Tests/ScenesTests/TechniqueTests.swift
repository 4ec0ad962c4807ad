import ConvCore
import LessonKit
import Localization
@testable import Scenes
import Testing

/// The techniques' compute blocks evaluated: values worked by hand or published, the lines a
/// learner reads in English and Chinese, and `check` comparing `expect` (with a tolerance).
@Suite("Computed techniques")
struct TechniqueTests {
    static func value(_ yaml: String) throws -> ComputedValue {
        try ComputationTests.computation(yaml).evaluate(ComputationTests.english).value
    }

    static func lines(_ yaml: String, _ t: any Catalogue = ComputationTests.english) throws -> [String] {
        try ComputationTests.computation(yaml).evaluate(t).lines
    }

    static let byHand: [(String, ComputedValue)] = [
        // M·N = 65,000 against 6·2048·11 + 4·2048.
        ("of: fft-convolution\nshow: cost\ninput: 1000\nkernel: 65", ComputedValue.list([65_000, 143_360])),
        // [1, 2, 2, −2, −3] wrapped onto 3: [1 − 2, 2 − 3, 2].
        ("of: circular-convolution\na: [1, 2, 3]\nv: [1, 0, -1]", .list([-1, -1, 2])),
        ("of: circular-convolution\na: [1, 2, 3]\nv: [1, 0, -1]\nlength: 5", .list([1, 2, 2, -2, -3])),
        ("of: winograd\nd: [1, 2, 3, 4]\ng: [1, 0, -1]", .list([-2, -2])),
        ("of: winograd\nshow: multiplications\nd: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]\ng: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]",
         .list([36, 16])),
        // G g for g = [1, 0, −1]: [1, (1 + 0 − 1)/2, (1 − 0 − 1)/2, −1].
        ("of: winograd\nshow: transforms\nd: [1, 2, 3, 4]\ng: [1, 0, -1]", .list([1, 0, 0, -1])),
        ("of: winograd\nshow: error\nd: [1, 2, 3, 4]\ng: [1, 0, -1]", .number(0)),
        // γ = 2, σ² + ε = 4: s = 1, b′ = 1·(0.5 − 1.5) + 0.25.
        ("of: batchnorm-fold\nshow: bias\nw: [[1, 2]]\nb: 0.5\ngamma: 2\nbeta: 0.25\nmean: 1.5\nvar: 4\neps: 0", .list([-0.75])),
        ("of: batchnorm-fold\nw: [[1, 2]]\ngamma: 1\nbeta: 0\nmean: 0\nvar: 0.25\neps: 0", .grid([[2, 4]])),
        ("of: batchnorm-fold\nw: [[[1]], [[2]]]\ngamma: [1, 3]\nbeta: [0, 0]\nmean: [0, 0]\nvar: [1, 1]\neps: 0", .grid([[1], [6]])),
        ("of: separable\nw: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]", .grid([[1, 2, 1], [-1, 0, 1]])),
        ("of: separable\nshow: rank\nw: [[0, 1, 0], [1, -4, 1], [0, 1, 0]]", .number(2)),
        ("of: separable\nw: [[0, 1, 0], [1, -4, 1], [0, 1, 0]]", .invalid(.notSeparable(rank: 2))),
        ("of: separable\nshow: cost\nkernel: 7", .list([49, 14])),
        ("of: separable\nshow: cost\nw: [[0, 1, 0], [1, -4, 1], [0, 1, 0]]", .list([9, 12])),
        ("of: continuous-convolution\nshow: exact\nf: box(1)\ng: box(1)\ndt: 0.1\nat: [0, 0.5, 2]", .list([1, 0.5, 0])),
        ("of: he-init\nshow: fan-in\nchannels: 64\ngroups: 4\nkernel: [3, 5]", .number(240)),
        // TensorFlow's example: 13 cells, window 6, stride 5 pad 1 before and 2 after; 6 rows at stride 2 pad 0 and 1.
        ("of: tf-same-padding\ninput: [6, 13]\nkernel: [3, 6]\nstride: [2, 5]", .list([1, 2, 0, 1])),
        ("of: tf-same-padding\nshow: size\ninput: [6, 13]\nkernel: [3, 6]\nstride: [2, 5]", .size([3, 3])),
    ]

    @Test("values by hand", arguments: byHand)
    func values(_ yaml: String, _ expected: ComputedValue) throws {
        #expect(try Self.value(yaml) == expected)
    }

    @Test("the FFT's convolution, sampled box ∗ box and He's std, to rounding")
    func rounded() throws {
        #expect(try Self.value("of: fft-convolution\na: [1, 2, 3]\nv: [1, 0, -1]").matches(.numbers([[1, 2, 2, -2, -3]])))
        guard case .list(let sampled) = try Self.value("of: continuous-convolution\nf: box(1)\ng: box(1)\ndt: 0.1\nat: [0, 0.5]") else {
            Issue.record("not a list")
            return
        }
        #expect(abs(sampled[0] - 0.95) < 1e-12 && abs(sampled[1] - 0.5) < 1e-12)
        #expect(try Self.value("of: he-init\nfan_in: 576").scalar.map { abs($0 - 0.058925565098878960) < 1e-16 } == true)
    }

    @Test("the lines: the arithmetic with the core's numbers")
    func lines() throws {
        #expect(try Self.lines("of: circular-convolution\na: [1, 2, 3]\nv: [1, 0, -1]") == [
            "a = [1, 2, 3], v = [1, 0, -1]",
            "(a ⊛ v)[k] = Σₘ a[m]·v[(k − m) mod 3], both zero-padded to 3",
            "a ⊛ v = [-1, -1, 2]",
            "linear a ∗ v = [1, 2, 2, -2, -3]",
            "3 < 3 + 3 − 1 = 5: the last 2 values wrap around onto the first 2",
            "through the DFT of length 3: IDFT(DFT(a)·DFT(v)) = [-1, -1, 2]",
        ])
        #expect(try Self.lines("of: winograd\nshow: multiplications\nd: [1, 2, 3, 4, 5, 6]\ng: [1, 1, 1]") == [
            "Winograd F(2,3): 2 tiles × 4 = 8 multiplications for 4 outputs",
            "direct: 4 outputs × 3 = 12 multiplications",
            "1.5× fewer multiplications",
        ])
        #expect(try Self.lines("of: separable\nshow: cost\nkernel: 3\ninput: 8") == [
            "per output: KH·KW = 3·3 = 9 multiplications directly, KH + KW = 3 + 3 = 6 separably",
            "on 8×8 (output 6×6): 6·6·3·3 = 324 directly; 8·6·3 + 6·6·3 = 252 separably",
        ])
        #expect(try Self.lines("of: continuous-convolution\nf: box(1)\ng: box(1)\ndt: 0.1\nat: 0") == [
            "f = box(1), g = box(1), Δt = 0.1: 11 and 11 samples",
            "(f ∗ g)(t) ≈ Δt · Σₖ f(k·Δt)·g(t − k·Δt)",
            "exactly, f ∗ g = triangle(1)",
            "t = 0: sampled 0.95, exact 1, error -0.05",
        ])
        #expect(try Self.lines("of: he-init\nchannels: 64") == [
            "fan_in = C/groups·KH·KW = 64/1·3·3 = 576",
            "He: std = √(2/fan_in) = √(2/576) = 0.0589256",
            "uniform: bound = √(6/fan_in) = √(6/576) = 0.102062",
        ])
        let fft = try Self.lines("of: fft-convolution\na: [1, 2, 3]\nv: [1, 0, -1]")
        #expect(fft[1] == "L = 8, the first power of two ≥ 3 + 3 − 1 = 5")
        #expect(fft[2] == "FFT(a) = [6, 2.41-4.41i, -2-2i, -0.414+1.59i, 2, -0.414-1.59i, -2+2i, 2.41+4.41i]")
        #expect(fft[5] == "IFFT(FFT(a)·FFT(v)) = [1, 2, 2, -2, -3, 0, 0, 0]")
    }

    @Test("Chinese lines around the same numbers")
    func chinese() throws {
        let zh = ComputationTests.chinese
        #expect(try Self.lines("of: separable\nw: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]", zh).suffix(2) == [
            "可分离卷积核：w = c·rᵀ，c = [1, 2, 1]，r = [-1, 0, 1]", "先用 r 做一次 1×3 的卷积，再用 c 做一次 3×1 的卷积",
        ])
        #expect(try Self.lines("of: separable\nshow: rank\nw: [[1, 2], [2, 4]]", zh).last == "秩为 1（精确：元素都是整数）")
        #expect(try Self.lines("of: circular-convolution\na: [1]\nv: [1]\nlength: 2", zh)[1]
            == "循环卷积 (a ⊛ v)[k] = Σₘ a[m]·v[(k − m) mod 2]，两者都补零到长度 2")
        #expect(try Self.lines("of: separable\nw: [[0, 1], [1, 0]]", zh).last == "w 的秩为 2：它不能写成一列乘一行")
        #expect(try Self.value("of: separable\nw: [[0, 1], [1, 0]]").text(zh) == "无效：w 的秩为 2：它不能写成一列乘一行")
    }

    @Test("check: expect within tolerance, invalid for a kernel that does not factor, refusals with their reason")
    func check() throws {
        let lesson = try ComputationTests.lesson("""
            ```compute
            of: batchnorm-fold
            show: bias
            w: [[1]]
            b: 0.5
            gamma: 2
            beta: 0.25
            mean: 1.5
            var: 4
            expect: -0.75
            ```

            ```compute
            of: batchnorm-fold
            show: bias
            w: [[1]]
            b: 0.5
            gamma: 2
            beta: 0.25
            mean: 1.5
            var: 4
            expect: -0.75
            tolerance: 0.00001
            ```

            ```compute
            of: separable
            w: [[0, 1], [1, 0]]
            expect: invalid
            ```

            ```compute
            of: winograd
            d: [1, 2, 3, 4, 5]
            g: [1, 0, -1]
            ```

            """)
        #expect(LessonCheck.computations(of: lesson, file: "t.md").map(\.description) == [
            "t.md:10:1: expect: the compute core gives [-0.749999], not -0.75",
            "t.md:41:1: compute: d: shape[0] must be 6 (Winograd's tiles take 2k + 2 inputs per axis), got 5",
        ])
    }
}
