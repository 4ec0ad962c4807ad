import ConvCore
import LessonKit
@testable import Scenes
import Testing

/// Compute blocks of pooling's options and adaptive pooling: `ceil_mode` sizes (and PyTorch's
/// dropped window), an adaptive window's bounds, and a border cell's average with and without
/// `count_include_pad`, against published shapes and windows counted by hand.
@Suite("Computed numbers: pooling's options and adaptive windows")
struct PoolingComputationTests {
    @Test("values", arguments: [
        // GoogLeNet's maxpool1, MaxPool2d(3, 2, ceil_mode=True): 112×112 → 56×56 (torchvision); floor gives 55.
        ("of: maxpool2d\nshow: size\ninput: 112\nkernel: 3\nstride: 2\nceil_mode: true", ComputedValue.size([56, 56])),
        ("of: maxpool2d\nshow: size\ninput: 112\nkernel: 3\nstride: 2", .size([55, 55])),
        // H 3, K 2, S 2, P 1: ⌈3/2⌉ + 1 = 3 windows, the third starting at 4 = H + P is dropped.
        ("of: avgpool2d\nshow: size\ninput: 3\nkernel: 2\nstride: 2\npadding: 1\nceil_mode: true", .size([2, 2])),
        // Dilation 2 makes a 3-tap window span 5: ⌊(7 − 4 − 1)/1⌋ + 1 = 3.
        ("of: maxpool2d\nshow: size\ninput: 7\nkernel: 3\nstride: 1\ndilation: 2", .size([3, 3])),
        // Adaptive 5 → 3: windows [0,2) [1,4) [3,5).
        ("of: adaptive-avgpool2d\nshow: window\ninput: 5\noutput_size: 3\ncell: 1", .list([1, 4])),
        ("of: adaptive-maxpool2d\nshow: window\ninput: [5, 3]\noutput_size: [3, 2]\ncell: [2, 1]", .grid([[3, 5], [1, 3]])),
        ("of: adaptive-avgpool2d\nshow: size\ninput: 5\noutput_size: [3, 2]", .size([3, 2])),
        // Ramp 3×3, kernel 2, stride 2, padding 1: the corner window reads three padding zeros and x = 1.
        ("of: avgpool2d\nshow: cell\ninput: 3\nkernel: 2\nstride: 2\npadding: 1\ncell: [0, 0]", .number(0.25)),
        ("of: avgpool2d\nshow: cell\ninput: 3\nkernel: 2\nstride: 2\npadding: 1\ncount_include_pad: false\ncell: [0, 0]", .number(1)),
        // Ramp 4×4, kernel 3, stride 2, padding 1, ceil_mode: the last window starts at row 3 and reaches
        // row 5, past the padding: it divides by 2·2 cells of the padded input, or 1 of x (x = 16).
        ("of: avgpool2d\nshow: cell\ninput: 4\nkernel: 3\nstride: 2\npadding: 1\nceil_mode: true\ncell: [2, 2]", .number(4)),
        ("of: avgpool2d\nshow: cell\ninput: 4\nkernel: 3\nstride: 2\npadding: 1\nceil_mode: true\ncount_include_pad: false\ncell: [2, 2]", .number(16)),
        ("of: avgpool2d\nshow: cell\ninput: 4\nkernel: 2\ndivisor_override: 3\ncell: [0, 0]", .number(14.0 / 3)),
        // 1-based ramp 5×5, adaptive average of window rows 1…3, columns 1…3: its centre, 13.
        ("of: adaptive-avgpool2d\nshow: cell\ninput: 5\noutput_size: 3\ncell: [1, 1]", .number(13)),
    ])
    func values(_ yaml: String, _ expected: ComputedValue) throws {
        #expect(try ComputationTests.value(yaml) == expected)
    }

    @Test("the lines: the ceil formula with its − 1, each axis's window, the divisor")
    func lines() throws {
        let (en, zh) = (ComputationTests.english, ComputationTests.chinese)
        let size = try ComputationTests.computation("of: avgpool2d\nshow: size\ninput: 3\nkernel: 2\nstride: 2\npadding: 1\nceil_mode: true")
        #expect(size.evaluate(en).lines == ["output size: ⌈(3 + 2·1 − 2)/2⌉ + 1 − 1 = 2", "output: 2×2"])
        let window = try ComputationTests.computation("of: adaptive-avgpool2d\nshow: window\ninput: [5, 3]\noutput_size: [3, 2]\ncell: [1, 0]")
        #expect(window.evaluate(en).lines == [
            "rows of window 1: start ⌊1·5/3⌋ = 1, end ⌈2·5/3⌉ = 4 (not included): 1 to 3, 3 cells",
            "columns of window 0: start ⌊0·3/2⌋ = 0, end ⌈1·3/2⌉ = 2 (not included): 0 to 1, 2 cells",
        ])
        #expect(window.evaluate(zh).lines == [
            "第 1 个窗口的行：起点 ⌊1·5/3⌋ = 1，终点 ⌈2·5/3⌉ = 4（不含）：第 1 到 3 行，共 3 个单元",
            "第 0 个窗口的列：起点 ⌊0·3/2⌋ = 0，终点 ⌈1·3/2⌉ = 2（不含）：第 0 到 1 列，共 2 个单元",
        ])
        #expect(window.evaluate(zh).value == window.evaluate(en).value)
        let cell = try ComputationTests.computation(
            "of: avgpool2d\nshow: cell\ninput: 3\nkernel: 2\nstride: 2\npadding: 1\ncount_include_pad: false\ncell: [0, 0]")
        #expect(cell.evaluate(en).lines == ["out[0,0,0,0] = (0 + 0 + 0 + 1)/1 = 1"])
    }

    @Test("a window of a cell the output does not have is refused")
    func windowOutside() throws {
        let value = try ComputationTests.value("of: adaptive-maxpool2d\nshow: window\ninput: 5\noutput_size: 3\ncell: 3")
        #expect(value.text(ComputationTests.english) == "invalid: cell: out[3] is not a cell of out (its planes are 3×3)")
    }

    @Test("check compares a pooling block's expect with the core")
    func check() throws {
        let lesson = try ComputationTests.lesson("""
            ```compute
            of: maxpool2d
            show: size
            input: 3
            kernel: 2
            padding: 1
            ceil_mode: true
            expect: 3
            ```

            ```compute
            of: adaptive-avgpool2d
            show: window
            input: 5
            output_size: 3
            cell: 1
            expect: [1, 4]
            ```

            """)
        #expect(LessonCheck.computations(of: lesson, file: "t.md").map(\.description) == [
            "t.md:10:1: expect: the compute core gives 2×2, not 3",
        ])
    }
}
