import ConvCore
import LessonKit
import Testing

/// Animation blocks: every key read into `Animation`, and every syntax or type problem reported
/// at its key (or at the list item at fault).
@Suite("Animation blocks")
struct AnimationBlockTests {
    typealias T = TestLessons

    /// The one animation of a body's first step.
    func animation(_ body: String) -> Animation? {
        for block in T.firstStepBlocks(body) {
            if case .animation(let a) = block { return a }
        }
        return nil
    }

    @Test("an empty block takes every default; each kind is recognised", arguments: ConvOperation.animated)
    func empty(_ kind: ConvOperation) {
        #expect(T.bodyDiagnostics("## S\n\n```\(kind.rawValue)\n```\n") == [])
        #expect(animation("## S\n\n```\(kind.rawValue)\n```\n") == Animation(kind: kind, line: 10))
    }

    @Test("sizes as one integer or [height, width]")
    func sizes() {
        let a = animation("## S\n\n```conv2d\ninput: [7, 5]\nkernel: 3\nstride: [2, 1]\npadding: 0\ndilation: [1, 2]\noutput_padding: 0\n```\n")
        #expect(a?.input == [7, 5])
        #expect(a?.kernel == [3])
        #expect(a?.stride == [2, 1])
        #expect(a?.padding == [0])
        #expect(a?.dilation == [1, 2])
        #expect(a?.outputPadding == [0])
    }

    @Test("explicit values: rows, and a flat list as one row")
    func explicit() {
        let a = animation("## S\n\n```conv2d\nx:\n  - [1, 2, 3]\n  - [4, 5, 6.5]\nw: [1, -2]\nb: [0.25]\n```\n")
        #expect(a?.explicit == [.x: [[1, 2, 3], [4, 5, 6.5]], .w: [[1, -2]], .b: [[0.25]]])
    }

    @Test("every wrong type, range and key of a 2-D block")
    func problems2D() {
        let body = """
        ## S

        ```conv2d
        input: [4, 5, 6]
        kernel: 13
        stride: 0
        padding: -1
        dilation: 2.5
        channels: 5
        filters: 0
        groups: 9
        bias: maybe
        convention: flipped
        mode: same
        view: grid
        values: zeros
        seed: -3
        start: 0
        strides: 2
        a: [1, 2]
        x: [[1, 2], [3]]
        w: [[1, a]]
        b: [[1]]
        dout: 7
        output_padding: 13
        ```
        """
        #expect(T.bodyDiagnostics(body) == [
            "l.md:11:1: input: expected an integer or [height, width], got a list",
            "l.md:12:1: kernel: grid too large to display (the explorer draws at most 12×12 and 4 channels)",
            "l.md:13:1: stride: must be from 1 to 12, got 0",
            "l.md:14:1: padding: must be from 0 to 12, got -1",
            "l.md:15:1: dilation: expected an integer or [height, width], got '2.5'",
            "l.md:16:1: channels: grid too large to display (the explorer draws at most 12×12 and 4 channels)",
            "l.md:17:1: filters: must be at least 1, got 0",
            "l.md:18:1: groups: must be from 1 to 4, got 9",
            "l.md:19:1: bias: expected true or false, got 'maybe'",
            "l.md:20:1: convention: expected 'cross-correlation' or 'convolution', got 'flipped'",
            "l.md:21:1: mode: only 1-D animations (conv1d, correlate1d) take a mode",
            "l.md:22:1: view: expected 'cells', 'scatter' or 'convolution', got 'grid'",
            "l.md:23:1: values: expected 'ramp' or 'random', got 'zeros'",
            "l.md:24:1: seed: must be at least 0, got -3",
            "l.md:25:1: start: must be at least 1, got 0",
            "l.md:26:1: unknown key 'strides' in a conv2d block (did you mean 'stride'?)",
            "l.md:27:1: a: only 1-D animations (conv1d, correlate1d) take 'a'; use 'x' and 'w'",
            "l.md:28:13: x: row 2 has 1 number, row 1 has 2; every row must have the same length",
            "l.md:29:9: w: expected a number, got 'a'",
            "l.md:30:1: b: expected a flat list of numbers, e.g. [1, 2, 3], not rows",
            "l.md:31:1: dout: expected a list of numbers, e.g. [[1, 2], [3, 4]], got '7'",
            "l.md:32:1: output_padding: must be from 0 to 12, got 13",
        ])
        // Keys with problems keep their defaults.
        #expect(animation(body) == Animation(kind: .conv2d, line: 10))
    }

    @Test("pooling's options and adaptive pooling's output_size, read into typed values")
    func poolingOptions() {
        let avg = animation("## S\n\n```avgpool2d\ninput: 5\nkernel: 2\nceil_mode: true\ncount_include_pad: false\ndivisor_override: -3\n```\n")
        #expect(avg?.ceilMode == true)
        #expect(avg?.countIncludePad == false)
        #expect(avg?.divisorOverride == -3)
        let max = animation("## S\n\n```maxpool2d-backward\ninput: 7\nkernel: 3\ndilation: 2\nceil_mode: false\n```\n")
        #expect(max?.dilation == [2])
        #expect(max?.ceilMode == false)
        let adaptive = animation("## S\n\n```adaptive-avgpool2d\ninput: [5, 7]\noutput_size: [3, 2]\n```\n")
        #expect(adaptive?.outputSize == [3, 2])
        #expect(animation("## S\n\n```adaptive-maxpool2d-backward\noutput_size: 4\n```\n")?.outputSize == [4])
    }

    @Test("a pooling option is refused, named, where PyTorch's operation lacks it or its value is wrong", arguments: [
        ("conv2d\nceil_mode: true", "l.md:11:1: ceil_mode: only maxpool2d, avgpool2d, maxpool2d-backward, avgpool2d-backward blocks take 'ceil_mode'"),
        ("maxpool2d\ncount_include_pad: false", "l.md:11:1: count_include_pad: only avgpool2d, avgpool2d-backward blocks take 'count_include_pad'"),
        ("maxpool2d\noutput_size: 2", "l.md:11:1: output_size: only adaptive-maxpool2d, adaptive-avgpool2d, adaptive-maxpool2d-backward, adaptive-avgpool2d-backward blocks take 'output_size'"),
        ("avgpool2d\ndilation: 2", "l.md:11:1: dilation: avgpool2d takes no dilation (PyTorch's avg_pool2d has none)"),
        ("adaptive-avgpool2d\nkernel: 2", "l.md:11:1: kernel: adaptive pooling chooses its windows from 'output_size'; it takes no 'kernel'"),
        ("avgpool2d\ndivisor_override: 0", "l.md:11:1: divisor_override: must not be 0"),
        ("avgpool2d\nceil_mode: maybe", "l.md:11:1: ceil_mode: expected true or false, got 'maybe'"),
        ("adaptive-maxpool2d\noutput_size: 0", "l.md:11:1: output_size: must be at least 1, got 0"),
    ])
    func poolingOptionProblems(_ block: String, _ message: String) {
        #expect(T.bodyDiagnostics("## S\n\n```\(block)\n```\n") == [message])
    }

    @Test("1-D blocks take one length and the values a and v")
    func problems1D() {
        #expect(T.bodyDiagnostics("## S\n\n```conv1d\ninput: [3, 4]\nx: [1]\na: [[1, 2]]\nv: []\nmode: middle\n```\n") == [
            "l.md:11:1: input: expected an integer (a length), got a list",
            "l.md:12:1: x: 1-D animations take their values as 'a' and 'v'",
            "l.md:13:1: a: expected a flat list of numbers, e.g. [1, 2, 3], not rows",
            "l.md:14:1: v: expected a list of numbers, e.g. [1, 2, 3], got an empty list",
            "l.md:15:1: mode: expected 'full', 'same' or 'valid', got 'middle'",
        ])
        let a = animation("## S\n\n```correlate1d\ninput: [6]\nkernel: 2\nmode: same\n```\n")
        #expect(a?.input == [6])
        #expect(a?.kernel == [2])
        #expect(a?.mode == .same)
    }

    @Test("explicit tensors: at most 400 values, at most 12 rows or columns, finite numbers")
    func explicitLimits() {
        let flat = "[" + Array(repeating: "1", count: 401).joined(separator: ",") + "]"
        let rows = "[" + Array(repeating: "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]", count: 21).joined(separator: ",") + "]"
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\nx: \(flat)\nw: \(rows)\n```\n") == [
            "l.md:11:1: x: too many values (401; an explicit tensor holds at most 400)",
            "l.md:12:1: w: too many values (420; an explicit tensor holds at most 400)",
        ])
        let wide = "[" + Array(repeating: "1", count: 13).joined(separator: ",") + "]"
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\nx: [\(wide)]\nw: [.nan]\ndout: [[1], 2]\n```\n") == [
            "l.md:11:1: x: grid too large to display (the explorer draws at most 12×12 and 4 channels)",
            "l.md:12:5: w: expected a number, got '.nan'",
            "l.md:13:13: dout: expected rows of numbers ([[1, 2], [3, 4]]), got '2' among the rows",
        ])
    }

    @Test("YAML problems at their file position, inside lists and quotes too")
    func yaml() {
        #expect(T.bodyDiagnostics("## S\n\n- item\n  ```conv2d\n  input: [4\n  ```\n") == [
            "l.md:11:3: conv2d: an animation block must stand at the top level of a step, not inside a list or quote",
            "l.md:12:10: YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
        ])
        #expect(T.bodyDiagnostics("## S\n\n> ```conv2d\n> input: 3\n> kernel 3\n> ```\n") == [
            "l.md:10:3: conv2d: an animation block must stand at the top level of a step, not inside a list or quote",
            "l.md:12:3: YAML: could not find expected ':' (while scanning a simple key)",
        ])
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\n- 1\n```\n") == [
            "l.md:11:1: a conv2d block must be YAML keys and values (key: value), got a list",
        ])
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\ninput: 3\ninput: 4\n```\n") == [
            "l.md:11:1: YAML: duplicate key 'input'",
        ])
    }

    @Test("columns count characters, not bytes")
    func characterColumns() {
        // libyaml counts characters: 'x' is the 15th character of its line (the 16th byte).
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q\nkind: multiple\nprompt: P\nchoices: ['é', 'b']\nanswer: ['é', 'x']\n```\n") == [
            "l.md:15:15: answer: 'x' is not one of the choices",
        ])
        #expect(T.bodyDiagnostics("## S\n\n> ```quiz\n> id: q\n> ```\n").first
            == "l.md:10:3: quiz: a quiz block must stand at the top level of a step, not inside a list or quote")
    }

    @Test("anchors and aliases are refused before they can expand")
    func anchors() {
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\ninput: &a 3\nkernel: *a\n```\n") == [
            "l.md:12:9: YAML anchors and aliases (&a, *a) are not supported in lessons; write the value out",
        ])
        // A billion laughs never gets to the YAML parser.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...9 {
            yaml += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\n\(yaml)```\n").first?.hasSuffix("are not supported in lessons; write the value out") == true)
    }

    @Test("deeply nested YAML is composed safely (libyaml stops at 1,000 levels)", arguments: [500, 999, 5_000])
    func deepYAML(_ depth: Int) {
        let body = "## S\n\n```conv2d\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n```\n"
        let diagnostics = T.bodyDiagnostics(body)
        #expect(diagnostics.count == 1)
    }
}
