import Foundation
import Testing
import TestSupport

/// The real `convtutor` binary, driven through pipes as a user or a script would.
@Suite("compute, end to end")
struct ComputeEndToEndTests {
    /// An English locale, so that the human form's words do not depend on the machine's.
    static let english = ["LC_ALL": "en_US.UTF-8"]
    static let chinese = ["LC_ALL": "zh_CN.UTF-8"]

    @Test("JSON Lines: one answer per request in order, errors in place, exit status 1")
    func jsonLines() throws {
        let input = """
            {"op":"conv1d","a":[1,2,3],"v":[1,0,-1]}
            {"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":0}

            not json\r
            {"op":"output_size","input":[7,7],"kernel":3,"stride":2,"padding":1}
            {"op":"output-size","input":[7,7],"kernel":3,"stride":2,"padding":1}
            {"op":"outputsize","input":[7,7],"kernel":3}
            """
        // JSON is an API: English whatever the locale.
        let run = try runConvtutor(["compute", "--json"], stdin: input, environment: Self.chinese)
        #expect(run.lines == [
            #"{"out":[1,2,2,-2,-3]}"#,
            #"{"error":"stride: the height must be at least 1, got 0"}"#,
            #"{"error":"invalid JSON at column 1: expected 'null'"}"#,
            #"{"out":[4,4]}"#,
            #"{"out":[4,4]}"#,
            #"{"error":"op: unknown operation \"outputsize\" (operations: conv1d, correlate1d, conv2d, conv2d-backward, conv-transpose2d, conv-transpose2d-backward, maxpool2d, avgpool2d, maxpool2d-backward, avgpool2d-backward, adaptive-maxpool2d, adaptive-avgpool2d, adaptive-maxpool2d-backward, adaptive-avgpool2d-backward, output-size, conv2d-trace)"}"#,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
    }

    @Test("JSON Lines: exit status 0 when every request succeeds")
    func allGood() throws {
        let run = try runConvtutor(["compute", "--json"], stdin: #"{"op":"maxpool2d","x":[[[[1,5],[3,2]]]],"kernel":2}"# + "\n")
        #expect(run.lines == [#"{"out":[[[[5]]]]}"#])
        #expect(run.status == 0)
    }

    @Test("a reader that stops early ends the run without a signal death")
    func closedPipe() throws {
        let request = #"{"op":"conv1d","a":[1,2,3],"v":[1,0,-1]}"#
        let script = "yes '\(request)' | head -n 200000 | '\(convtutorBinary.path)' compute --json | head -n 1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; " + script + "; echo \"status=${PIPESTATUS[2]}\""]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "{\"out\":[1,2,2,-2,-3]}\nstatus=1\n")
    }

    @Test("human form: grids, size formula, PyTorch call and one cell's arithmetic")
    func humanConv2d() throws {
        let run = try runConvtutor(["compute", "conv2d", "--input", "5x5", "--kernel", "3x3", "--stride", "2",
                                    "--padding", "1", "--values", "ramp", "--cell", "1,2"], environment: Self.english)
        #expect(run.status == 0)
        #expect(run.stdout == """
            conv2d  x (1,1,5,5)  w (1,1,3,3)  stride 2  padding 1  dilation 1  groups 1  →  out (1,1,3,3)
            output size: ⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3
            PyTorch: torch.nn.functional.conv2d(x, w, stride=2, padding=1)

            x[0,0]  (5×5)
               1  2  3  4  5
               6  7  8  9 10
              11 12 13 14 15
              16 17 18 19 20
              21 22 23 24 25

            the padded input (zeros), what the window slides over:
            x[0,0]  (7×7)
               0  0  0  0  0  0  0
               0  1  2  3  4  5  0
               0  6  7  8  9 10  0
               0 11 12 13 14 15  0
               0 16 17 18 19 20  0
               0 21 22 23 24 25  0
               0  0  0  0  0  0  0

            w[0,0]  (3×3)
              1 2 3
              4 5 6
              7 8 9

            out[0,0]  (3×3)
              128 241 184
              441 681 453
              320 457 280

            out[0,0,1,2] = 9×1 + 10×2 + 0×3 + 14×4 + 15×5 + 0×6 + 19×7 + 20×8 + 0×9 = 453

              x[0,0,1,3] × w[0,0,0,0] = 9 × 1 = 9
              x[0,0,1,4] × w[0,0,0,1] = 10 × 2 = 20
              x[0,0,1,5] × w[0,0,0,2] = 0 (padding) × 3 = 0
              x[0,0,2,3] × w[0,0,1,0] = 14 × 4 = 56
              x[0,0,2,4] × w[0,0,1,1] = 15 × 5 = 75
              x[0,0,2,5] × w[0,0,1,2] = 0 (padding) × 6 = 0
              x[0,0,3,3] × w[0,0,2,0] = 19 × 7 = 133
              x[0,0,3,4] × w[0,0,2,1] = 20 × 8 = 160
              x[0,0,3,5] × w[0,0,2,2] = 0 (padding) × 9 = 0

            """)
    }

    @Test("human form: avgpool2d with ceil_mode and count_include_pad false, its last window's divisor")
    func humanAvgPoolOptions() throws {
        let run = try runConvtutor(["compute", "avgpool2d", "--input", "3x3", "--kernel", "2", "--padding", "1", "--ceil-mode",
                                    "--count-include-pad", "false", "--values", "ramp", "--cell", "1,1"], environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        // ⌈(3 + 2 − 2)/2⌉ + 1 = 3 windows, the third starting at 4 = H + P is dropped; the last
        // window reads x rows and columns 1…2: (5 + 6 + 8 + 9)/4 = 7.
        #expect(run.stdout == """
            avgpool2d  x (1,1,3,3)  kernel 2  stride 2  padding 1  ceil_mode true  count_include_pad false  →  out (1,1,2,2)
            output size: ⌈(3 + 2·1 − 2)/2⌉ + 1 − 1 = 2
            PyTorch: torch.nn.functional.avg_pool2d(x, kernel_size=2, padding=1, ceil_mode=True, count_include_pad=False)

            x[0,0]  (3×3)
              1 2 3
              4 5 6
              7 8 9

            out[0,0]  (2×2)
                1 2.5
              5.5   7

            out[0,0,1,1] = (5 + 6 + 8 + 9)/4 = 7

              x[0,0,1,1] = 5
              x[0,0,1,2] = 6
              x[0,0,2,1] = 8
              x[0,0,2,2] = 9

            """)
    }

    @Test("human form: adaptive pooling prints each axis's windows")
    func humanAdaptive() throws {
        let run = try runConvtutor(["compute", "adaptive-maxpool2d", "--input", "5x3", "--output-size", "3x2", "--values", "ramp"],
                                   environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.lines.prefix(4)) == [
            "adaptive-maxpool2d  x (1,1,5,3)  output_size 3×2  →  out (1,1,3,2)",
            "height windows: [⌊i·5/3⌋, ⌈(i+1)·5/3⌉) = [0,2) [1,4) [3,5)",
            "width windows:  [⌊i·3/2⌋, ⌈(i+1)·3/2⌉) = [0,2) [1,3)",
            "PyTorch: torch.nn.functional.adaptive_max_pool2d(x, (3, 2))",
        ])
    }

    @Test("human form: typed values, 1-D flip and slide")
    func humanConv1d() throws {
        let run = try runConvtutor(["compute", "conv1d", "--a", "1 2 3", "--v", "1 0 -1", "--mode", "same", "--cell", "0"],
                                   environment: Self.english)
        #expect(run.status == 0)
        #expect(run.lines == [
            "conv1d  a (3)  v (3)  mode same  →  out (3)",
            "output length (same): max(3, 3) = 3",
            "NumPy: numpy.convolve(a, v, mode=\"same\")",
            "",
            "a = [1, 2, 3]",
            "v = [1, 0, -1]",
            "out = [2, 2, -2]",
            "",
            "out[0] = 0×(-1) + 1×0 + 2×1 = 2",
            "",
            "  a[-1] × v[2] = 0 (padding) × (-1) = 0",
            "  a[0] × v[1] = 1 × 0 = 0",
            "  a[1] × v[0] = 2 × 1 = 2",
        ])
    }

    @Test("human form: every subcommand runs with its defaults", arguments: [
        "conv1d", "correlate1d", "conv2d", "conv2d-backward", "conv-transpose2d", "conv-transpose2d-backward",
        "maxpool2d", "avgpool2d", "maxpool2d-backward", "avgpool2d-backward", "adaptive-maxpool2d", "adaptive-avgpool2d",
        "adaptive-maxpool2d-backward", "adaptive-avgpool2d-backward",
    ])
    func defaults(_ subcommand: String) throws {
        let run = try runConvtutor(["compute", subcommand, "--cell", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" = "))
    }

    @Test("human form: --padding-mode reflect prints the padded input, and a ring cell's term names its source")
    func humanReflect() throws {
        let run = try runConvtutor(["compute", "conv2d", "--input", "3x3", "--kernel", "2", "--padding", "1",
                                    "--padding-mode", "reflect", "--values", "ramp", "--cell", "0,0"], environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines[0] == "conv2d  x (1,1,3,3)  w (1,1,2,2)  stride 1  padding 1  padding_mode reflect  dilation 1  groups 1  →  out (1,1,4,4)")
        #expect(run.lines[2] == #"PyTorch: torch.nn.functional.conv2d(torch.nn.functional.pad(x, (1, 1, 1, 1), mode="reflect"), w)"#)
        // numpy.pad([[1,2,3],[4,5,6],[7,8,9]], 1, mode="reflect")
        #expect(run.stdout.contains("""
            the padded input (reflect), what the window slides over:
            x[0,0]  (5×5)
              5 4 5 6 5
              2 1 2 3 2
              5 4 5 6 5
              8 7 8 9 8
              5 4 5 6 5

            """))
        #expect(run.lines.contains("  x[0,0,-1,-1] × w[0,0,0,0] = 5 (reflect: x[0,0,1,1]) × 1 = 5"))
    }

    @Test("human form: --pad L,R,T,B and --padding same, as F.pad and PyTorch's \"same\" (the extra zero at the end)")
    func humanPadAndSame() throws {
        let pad = try runConvtutor(["compute", "conv2d", "--input", "2x3", "--kernel", "1", "--pad", "2,0,0,1",
                                    "--padding-mode", "circular", "--values", "ramp"], environment: Self.english)
        #expect(pad.status == 0, "\(pad.stderr)")
        // numpy.pad([[1,2,3],[4,5,6]], ((0,1),(2,0)), mode="wrap")
        #expect(pad.stdout.contains("x[0,0]  (3×5)\n  2 3 1 2 3\n  5 6 4 5 6\n  2 3 1 2 3\n"))
        let same = try runConvtutor(["compute", "conv2d", "--input", "3x3", "--kernel", "2", "--padding", "same",
                                     "--values", "ramp"], environment: Self.english)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.lines[0].hasSuffix("stride 1  padding same  dilation 1  groups 1  →  out (1,1,3,3)"))
        #expect(same.stdout.contains("x[0,0]  (4×4)\n  1 2 3 0\n  4 5 6 0\n  7 8 9 0\n  0 0 0 0\n"))
    }

    @Test("an unknown --padding word or --padding-mode is a usage error naming the option", arguments: [
        (["--padding", "full"], "--padding"), (["--padding-mode", "mirror"], "--padding-mode"),
    ])
    func paddingUsage(_ arguments: [String], _ option: String) throws {
        let run = try runConvtutor(["compute", "conv2d"] + arguments, environment: Self.english)
        #expect(run.status == 64)
        #expect(run.stderr.contains(option) && run.stderr.contains(arguments[1]), "\(run.stderr)")
    }

    @Test("conv2d-backward --check: every cell's L(v±h), centred difference, analytic value and relative error")
    func humanCheck() throws {
        let run = try runConvtutor(["compute", "conv2d-backward", "--input", "3x3", "--kernel", "2", "--padding", "1",
                                    "--padding-mode", "replicate", "--values", "ramp", "--check"], environment: Self.english)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("gradient check: L = Σ dOut ⊙ out, each value moved by ±h, h = 1e-05\n"))
        let header = try #require(run.lines.firstIndex { $0.hasPrefix("cell ") })
        #expect(run.lines[header].split(separator: " ", omittingEmptySubsequences: true)
                == ["cell", "L(v+h)", "L(v−h)", "(L⁺−L⁻)/2h", "analytic", "rel.", "error"])
        // 9 cells of dx, 4 of dw, 1 of db, each row: cell, five numbers.
        let rows = run.lines[(header + 1)...].prefix { !$0.isEmpty }
        #expect(rows.count == 14)
        #expect(rows.first?.hasPrefix("dx[0,0,0,0] ") == true && rows.last?.hasPrefix("db[0] ") == true)
        for row in rows {
            let fields = row.split(separator: " ")
            #expect(fields.count == 6)
            let (numeric, analytic, error) = (Double(fields[3])!, Double(fields[4])!, Double(fields[5])!)
            #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(analytic)) && error < 1e-7, "\(row)")
        }
        #expect(run.lines.last { !$0.isEmpty }?.hasPrefix("all 14 cells agree: largest relative error ") == true)
        #expect(run.lines.last { !$0.isEmpty }?.hasSuffix(" ✓") == true)
        let chinese = try runConvtutor(["compute", "conv2d-backward", "--input", "2x2", "--kernel", "1", "--check", "--lang", "zh"])
        #expect(chinese.stdout.contains("梯度检验：L = Σ dOut ⊙ out，每个值各加减 h，h = 1e-05\n"))
        #expect(chinese.lines.last { !$0.isEmpty }?.hasPrefix("全部 6 个单元一致：最大相对误差 ") == true)
    }

    @Test("human form: invalid parameters exit 1 with the reason on stderr", arguments: [
        (["compute", "conv2d", "--input", "4", "--kernel", "3", "--dilation", "2"], "kernel: effective kernel height 5 is larger than the padded input height 4"),
        (["compute", "conv2d", "--input", "3x4x4", "--groups", "2"], "groups: 2 does not divide the 3 input channels"),
        (["compute", "conv2d", "--x", "1 2; 3", "--kernel", "1"], "x: row 2 has 1 numbers, row 1 has 2"),
        (["compute", "conv2d", "--cell", "9,9"], "cell: index [0, 0, 9, 9] is outside the shape (1, 1, 3, 3)"),
        (["compute", "maxpool2d", "--kernel", "2", "--padding", "2"], "padding: the height 2 must be at most half the kernel (2/2 = 1)"),
        (["compute", "conv2d", "--pad", "1,1"], "pad: expected four numbers L,R,T,B (left, right, top, bottom), got 2"),
        (["compute", "conv2d", "--pad", "1,1,0,0", "--padding", "same"], "pad: give either pad or padding \"same\", not both"),
        (["compute", "conv2d", "--pad", "1,1,0,0", "--padding", "1"], "pad: give either pad or a non-zero padding (1), not both"),
        (["compute", "conv2d", "--padding", "same", "--stride", "2"], "padding: \"same\" needs stride 1 (as in PyTorch), got a height stride of 2"),
        (["compute", "conv2d", "--input", "3", "--padding", "3", "--padding-mode", "reflect"], "padding: reflect padding must be smaller than the input height (3), got 3"),
        (["compute", "avgpool2d", "--divisor-override", "0"], "divisor_override: must not be 0"),
        (["compute", "adaptive-avgpool2d", "--output-size", "0"], "output_size: the height must be at least 1, got 0"),
        (["compute", "output-size", "--input", "5", "--kernel", "3", "--transposed", "--stride", "2", "--output-padding", "2"], "output_padding: the height 2 must be at least 0 and smaller than stride (2) or dilation (1)"),
    ])
    func humanErrors(_ arguments: [String], _ message: String) throws {
        let run = try runConvtutor(arguments, environment: Self.english)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("human form: a pooling option its operation lacks, or an unknown value, is a usage error naming the option", arguments: [
        (["compute", "avgpool2d", "--count-include-pad", "maybe"], "--count-include-pad"),
        (["compute", "maxpool2d", "--count-include-pad", "false"], "--count-include-pad"),
        (["compute", "avgpool2d", "--dilation", "2"], "--dilation"),
        (["compute", "adaptive-maxpool2d", "--kernel", "2"], "--kernel"),
        (["compute", "output-size", "--input", "5", "--kernel", "2", "--ceil-mode"], "--ceil-mode applies only with --pool"),
    ])
    func humanOptionErrors(_ arguments: [String], _ message: String) throws {
        let run = try runConvtutor(arguments, environment: Self.english)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("a subcommand's alias prints what its name prints", arguments: [
        ("conv2d-backward", "conv2d_backward"), ("conv-transpose2d", "conv_transpose2d"),
        ("conv-transpose2d-backward", "conv_transpose2d_backward"), ("maxpool2d-backward", "maxpool2d_backward"),
        ("avgpool2d-backward", "avgpool2d_backward"), ("adaptive-avgpool2d", "adaptive_avgpool2d"),
        ("adaptive-maxpool2d-backward", "adaptive_maxpool2d_backward"),
    ])
    func subcommandAliases(_ name: String, _ alias: String) throws {
        let byName = try runConvtutor(["compute", name, "--cell", "0,0"], environment: Self.english)
        #expect(byName.status == 0 && byName.stdout.hasPrefix(name + "  "), "\(byName.stderr)")
        let byAlias = try runConvtutor(["compute", alias, "--cell", "0,0"], environment: Self.english)
        #expect(byAlias.stdout == byName.stdout)
    }

    // MARK: Languages

    /// The English words of the human form and their Chinese, in the order they are replaced.
    static let words: [(en: String, zh: String)] = [
        ("output size: ", "输出尺寸："), ("output length (full): ", "输出长度（full）："), ("windows: ", "窗口："),
        ("height: ", "输出高度："), ("width : ", "输出宽度："),
        ("PyTorch: ", "PyTorch："), ("NumPy: ", "NumPy："), (" (padding)", "（填充）"), (" (bias)", "（偏置）"),
        ("the padded input (zeros), what the window slides over:", "填充后的输入（零填充），即窗口滑过的网格："),
        ("← max", "← 最大值"), (" (nothing reaches this cell)", "（没有任何项到达这个单元）"),
        ("true convolution: the kernel is flipped in both axes before sliding", "真卷积：卷积核先在两个方向上翻转，再滑动"),
    ]

    @Test("--lang zh: the same report with Chinese words", arguments: [
        ["conv2d", "--cell", "1,1"],
        ["conv2d", "--input", "5x5", "--kernel", "3x3", "--stride", "2", "--padding", "1", "--cell", "1,2", "--bias"],
        ["conv2d", "--convention", "convolution", "--cell", "0,0"],
        ["conv2d-backward", "--input", "3x3", "--kernel", "1", "--stride", "2", "--cell", "0,1"],
        ["conv-transpose2d", "--padding", "1", "--cell", "0,0"],
        ["maxpool2d", "--padding", "1", "--cell", "0,0"],
        ["avgpool2d", "--input", "5x5", "--ceil-mode", "--count-include-pad", "false", "--cell", "2,2"],
        ["adaptive-avgpool2d", "--input", "5x5", "--output-size", "3", "--cell", "1,1"],
        ["conv1d", "--cell", "0"],
        ["output-size", "--input", "5x7", "--kernel", "3"],
    ])
    func chinese(_ arguments: [String]) throws {
        let english = try runConvtutor(["compute"] + arguments + ["--lang", "en"], environment: Self.chinese)
        let chinese = try runConvtutor(["compute"] + arguments + ["--lang", "zh"], environment: Self.english)
        #expect(english.status == 0 && chinese.status == 0, "\(english.stderr)\(chinese.stderr)")
        #expect(english.stdout != chinese.stdout, "no word of this report is translated")
        // Every number, name and parameter stays; only the words change.
        let translated = Self.words.reduce(english.stdout) { $0.replacingOccurrences(of: $1.en, with: $1.zh) }
        #expect(chinese.stdout == translated)
    }

    @Test("conv2d --cell 1,1 --lang zh prints Chinese words with the English numbers")
    func chineseConv2d() throws {
        let run = try runConvtutor(["compute", "conv2d", "--cell", "1,1", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.lines[1] == "输出尺寸：⌊(5 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 3")
        #expect(run.lines[2] == "PyTorch：torch.nn.functional.conv2d(x, w)")
        #expect(run.lines.contains("out[0,0,1,1] = 7×1 + 8×2 + 9×3 + 12×4 + 13×5 + 14×6 + 17×7 + 18×8 + 19×9 = 681"))
        // A term read from the padding says so in Chinese.
        let padded = try runConvtutor(["compute", "conv2d", "--cell", "0,0", "--padding", "1", "--lang", "zh"])
        #expect(padded.stdout.contains("  x[0,0,-1,-1] × w[0,0,0,0] = 0（填充） × 1 = 0\n"))
    }

    @Test("the locale chooses the language when --lang is not given")
    func locale() throws {
        let chinese = try runConvtutor(["compute", "conv1d"], environment: Self.chinese)
        #expect(chinese.lines[1] == "输出长度（full）：5 + 3 − 1 = 7")
        let english = try runConvtutor(["compute", "conv1d"], environment: ["LC_ALL": "fr_FR.UTF-8"])
        #expect(english.lines[1] == "output length (full): 5 + 3 − 1 = 7")
    }

    @Test("--lang zh: the compute core's refusal in Chinese, exit status 1")
    func chineseError() throws {
        let run = try runConvtutor(["compute", "conv2d", "--input", "4", "--kernel", "3", "--dilation", "2", "--lang", "zh"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        // The catalogue's sentence, with the numbers of the English one.
        #expect(run.stderr.contains("卷积核") && run.stderr.contains(" 5 ") && run.stderr.contains(" 4"), "\(run.stderr)")
        #expect(!run.stderr.contains("effective kernel"), "\(run.stderr)")
    }

    @Test("--version and --help")
    func helpAndVersion() throws {
        let version = try runConvtutor(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try runConvtutor(["compute", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("conv-transpose2d-backward"))
        #expect(help.stdout.contains("--json"))
    }
}
