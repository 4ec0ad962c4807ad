import Foundation
import Testing
import TestSupport

/// The real `convtutor` binary, driven through pipes as a user or a script would.
@Suite("compute, end to end")
struct ComputeEndToEndTests {
    @Test("JSON Lines: one answer per request in order, errors in place, exit status 1")
    func jsonLines() throws {
        let input = """
            {"op":"conv1d","a":[1,2,3],"v":[1,0,-1]}
            {"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":0}

            not json\r
            {"op":"output_size","input":[7,7],"kernel":3,"stride":2,"padding":1}
            """
        let run = try runConvtutor(["compute", "--json"], stdin: input)
        #expect(run.lines == [
            #"{"out":[1,2,2,-2,-3]}"#,
            #"{"error":"stride: the height must be at least 1, got 0"}"#,
            #"{"error":"invalid JSON at column 1: expected 'null'"}"#,
            #"{"out":[4,4]}"#,
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
                                    "--padding", "1", "--values", "ramp", "--cell", "1,2"])
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

    @Test("human form: typed values, 1-D flip and slide")
    func humanConv1d() throws {
        let run = try runConvtutor(["compute", "conv1d", "--a", "1 2 3", "--v", "1 0 -1", "--mode", "same", "--cell", "0"])
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
        "maxpool2d", "avgpool2d", "maxpool2d-backward", "avgpool2d-backward",
    ])
    func defaults(_ subcommand: String) throws {
        let run = try runConvtutor(["compute", subcommand, "--cell", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" = "))
    }

    @Test("human form: invalid parameters exit 1 with the reason on stderr", arguments: [
        (["compute", "conv2d", "--input", "4", "--kernel", "3", "--dilation", "2"], "kernel: effective kernel height 5 is larger than the padded input height 4"),
        (["compute", "conv2d", "--input", "3x4x4", "--groups", "2"], "groups: 2 does not divide the 3 input channels"),
        (["compute", "conv2d", "--x", "1 2; 3", "--kernel", "1"], "x: row 2 has 1 numbers, row 1 has 2"),
        (["compute", "conv2d", "--cell", "9,9"], "cell: index [0, 0, 9, 9] is outside the shape (1, 1, 3, 3)"),
        (["compute", "maxpool2d", "--kernel", "2", "--padding", "2"], "padding: the height 2 must be at most half the kernel (2/2 = 1)"),
        (["compute", "output-size", "--input", "5", "--kernel", "3", "--transposed", "--stride", "2", "--output-padding", "2"], "output_padding: the height 2 must be at least 0 and smaller than stride (2) or dilation (1)"),
    ])
    func humanErrors(_ arguments: [String], _ message: String) throws {
        let run = try runConvtutor(arguments)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
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
