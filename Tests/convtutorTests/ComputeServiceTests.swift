import ConvCore
import Testing
import TestSupport
@testable import convtutor

/// `compute --json` one request at a time: answers, errors naming the field, and never a trap.
@Suite("compute --json requests")
struct ComputeServiceTests {
    /// The answer object of a request that must succeed.
    func answer(_ request: String) throws -> JSON {
        let (text, failed) = ComputeService.answer(Array(request.utf8))
        #expect(!failed, "\(request) → \(text)")
        return try JSONParser.parse(text)
    }

    /// The error message of a request that must fail.
    func error(_ request: String) throws -> String {
        let (text, failed) = ComputeService.answer(Array(request.utf8))
        #expect(failed, "\(request) → \(text)")
        guard case .object(let members) = try JSONParser.parse(text), members.count == 1,
              members[0].key == "error", case .string(let message) = members[0].value
        else { Issue.record("not an error object: \(text)"); return "" }
        return message
    }

    func tensor(_ json: JSON, _ key: String) throws -> Tensor {
        guard case .object(let members) = json, let value = members.first(where: { $0.key == key })?.value else {
            throw RequestError(key, "missing in answer")
        }
        return try Request.tensor(value, key)
    }

    // MARK: Answers

    @Test("conv2d answers the worked example")
    func conv2d() throws {
        // 3x3 input, 2x2 kernel [[1,0],[0,-1]], bias 0.5: out[i,j] = x[i,j] − x[i+1,j+1] + 0.5.
        let json = try answer(#"{"op":"conv2d","x":[[[[1,2,3],[4,5,6],[7,8,9]]]],"w":[[[[1,0],[0,-1]]]],"b":[0.5]}"#)
        #expect(json == .object([("out", .array([.array([.array([.array([.number(-3.5), .number(-3.5)]), .array([.number(-3.5), .number(-3.5)])])])]))]))
    }

    @Test("every golden conv2d case through JSON", arguments: goldenCases("conv2d.json", as: GoldenConvCase.self).prefix(40))
    func goldenConv2d(_ c: GoldenConvCase) throws {
        let fields = Self.convFields(c)
        let out = try tensor(answer(#"{"op":"conv2d",\#(fields)}"#), "out")
        #expect(mismatch(out, c.out.tensor) == nil)
        let grads = try answer(#"{"op":"conv2d-backward",\#(fields),"dout":\#(Self.nested(c.dout.tensor))}"#)
        #expect(mismatch(try tensor(grads, "dx"), c.dx.tensor) == nil)
        #expect(mismatch(try tensor(grads, "dw"), c.dw.tensor) == nil)
        #expect(mismatch(try tensor(grads, "db"), Tensor(c.db)) == nil)
    }

    @Test("every golden padded conv2d case through JSON: padding_mode, \"same\", \"valid\" and pad",
          arguments: goldenCases("conv2d_padding.json", as: GoldenPaddedConvCase.self).prefix(50))
    func goldenPadded(_ c: GoldenPaddedConvCase) throws {
        let padding = switch c.padding {
        case .same: #""same""#
        case .valid: #""valid""#
        case .amount(let p): "\(p)"
        }
        var fields = #""x":\#(Self.nested(c.x.tensor)),"w":\#(Self.nested(c.w.tensor)),"stride":\#(c.stride),"padding":\#(padding),"padding_mode":"\#(c.padding_mode)","dilation":\#(c.dilation),"groups":\#(c.groups)"#
        if let pad = c.pad { fields += #","pad":\#(pad)"# }
        if let b = c.b { fields += #","b":\#(b)"# }
        #expect(mismatch(try tensor(answer(#"{"op":"conv2d",\#(fields)}"#), "out"), c.out.tensor) == nil)
        let grads = try answer(#"{"op":"conv2d-backward",\#(fields),"dout":\#(Self.nested(c.dout.tensor))}"#)
        #expect(mismatch(try tensor(grads, "dx"), c.dx.tensor) == nil)
        #expect(mismatch(try tensor(grads, "dw"), c.dw.tensor) == nil)
        #expect(mismatch(try tensor(grads, "db"), Tensor(c.db)) == nil)
    }

    @Test("every golden conv-transpose2d case through JSON", arguments: goldenCases("conv_transpose2d.json", as: GoldenConvCase.self).prefix(40))
    func goldenTransposed(_ c: GoldenConvCase) throws {
        let fields = Self.convFields(c) + #","output_padding":\#(c.output_padding!)"#
        let out = try tensor(answer(#"{"op":"conv-transpose2d",\#(fields)}"#), "out")
        #expect(mismatch(out, c.out.tensor) == nil)
        let grads = try answer(#"{"op":"conv-transpose2d-backward",\#(fields),"dout":\#(Self.nested(c.dout.tensor))}"#)
        #expect(mismatch(try tensor(grads, "dx"), c.dx.tensor) == nil)
        #expect(mismatch(try tensor(grads, "dw"), c.dw.tensor) == nil)
        #expect(mismatch(try tensor(grads, "db"), Tensor(c.db)) == nil)
    }

    @Test("every golden pooling case through JSON", arguments: goldenCases("pool2d.json", as: GoldenPoolCase.self).prefix(40))
    func goldenPool(_ c: GoldenPoolCase) throws {
        let op = c.kind == "max" ? "maxpool2d" : "avgpool2d"
        let fields = #""x":\#(Self.nested(c.x.tensor)),"kernel":\#(c.kernel),"stride":\#(c.stride),"padding":\#(c.padding)"#
        try expectPooling(op, fields, out: c.out, dout: c.dout, dx: c.dx)
    }

    @Test("every golden case of pooling's options through JSON (ceil_mode, dilation, count_include_pad, divisor_override)",
          arguments: goldenCases("pool2d_options.json", as: GoldenPoolCase.self))
    func goldenPoolOptions(_ c: GoldenPoolCase) throws {
        let op = c.kind == "max" ? "maxpool2d" : "avgpool2d"
        var fields = #""x":\#(Self.nested(c.x.tensor)),"kernel":\#(c.kernel),"stride":\#(c.stride),"padding":\#(c.padding)"#
        fields += #","ceil_mode":\#(c.ceil_mode ?? false)"#
        if c.kind == "max" {
            fields += #","dilation":\#(c.dilation ?? [1, 1])"#
        } else {
            fields += #","count_include_pad":\#(c.count_include_pad ?? true)"#
            if let divisor = c.divisor_override { fields += #","divisor_override":\#(divisor)"# }
        }
        try expectPooling(op, fields, out: c.out, dout: c.dout, dx: c.dx)
    }

    @Test("every golden adaptive pooling case through JSON", arguments: goldenCases("adaptive_pool2d.json", as: GoldenAdaptivePoolCase.self))
    func goldenAdaptivePool(_ c: GoldenAdaptivePoolCase) throws {
        let op = c.kind == "max" ? "adaptive-maxpool2d" : "adaptive-avgpool2d"
        let fields = #""x":\#(Self.nested(c.x.tensor)),"output_size":\#(c.output_size)"#
        try expectPooling(op, fields, out: c.out, dout: c.dout, dx: c.dx)
    }

    /// `op` answers `out`, and `op-backward` with `dout` answers `dx`.
    func expectPooling(_ op: String, _ fields: String, out: GoldenTensor, dout: GoldenTensor, dx: GoldenTensor) throws {
        #expect(mismatch(try tensor(answer(#"{"op":"\#(op)",\#(fields)}"#), "out"), out.tensor) == nil)
        let answered = try tensor(answer(#"{"op":"\#(op)-backward",\#(fields),"dout":\#(Self.nested(dout.tensor))}"#), "dx")
        #expect(mismatch(answered, dx.tensor) == nil)
    }

    @Test("every golden 1-D case through JSON", arguments: goldenCases("conv1d.json", as: GoldenConv1DCase.self))
    func golden1d(_ c: GoldenConv1DCase) throws {
        let op = c.op == "convolve" ? "conv1d" : "correlate1d"
        let out = try tensor(answer(#"{"op":"\#(op)","a":\#(c.a),"v":\#(c.v),"mode":"\#(c.mode)"}"#), "out")
        #expect(mismatch(out, Tensor(c.out)) == nil)
    }

    @Test("mode defaults to full for both 1-D operations")
    func defaultMode() throws {
        #expect(try answer(#"{"op":"conv1d","a":[1,2,3],"v":[1,0,-1]}"#) == .object([("out", JSON(Tensor([1, 2, 2, -2, -3])))]))
        #expect(try answer(#"{"op":"correlate1d","a":[1,2,3],"v":[1,0,-1]}"#) == .object([("out", JSON(Tensor([-1, -2, -2, 2, 3])))]))
    }

    @Test("an unbatched (C, H, W) input answers unbatched, like PyTorch")
    func unbatched() throws {
        let json = try answer(#"{"op":"conv2d_backward","x":[[[1,2],[3,4]]],"w":[[[[1]]],[[[2]]]],"dout":[[[1,1],[1,1]],[[0,1],[0,0]]]}"#)
        #expect(try tensor(json, "dx") == Tensor(shape: [1, 2, 2], data: [1, 3, 1, 1]))
        #expect(try tensor(json, "dw") == Tensor(shape: [2, 1, 1, 1], data: [10, 2]))
        #expect(try tensor(json, "db") == Tensor([4, 1]))
    }

    @Test("conv2d-trace lists every term with padding marked, and sums to the cell")
    func trace() throws {
        let json = try answer(#"{"op":"conv2d-trace","x":[[[[1,2],[3,4]]]],"w":[[[[1,2],[3,4]]]],"b":[0.5],"padding":1,"cell":[0,0,0,0]}"#)
        let terms: [JSON] = [
            .object([("x", JSON([0, 0, -1, -1])), ("w", JSON([0, 0, 0, 0])), ("input", .number(0)), ("weight", .number(1)), ("product", .number(0)), ("padding", .bool(true))]),
            .object([("x", JSON([0, 0, -1, 0])), ("w", JSON([0, 0, 0, 1])), ("input", .number(0)), ("weight", .number(2)), ("product", .number(0)), ("padding", .bool(true))]),
            .object([("x", JSON([0, 0, 0, -1])), ("w", JSON([0, 0, 1, 0])), ("input", .number(0)), ("weight", .number(3)), ("product", .number(0)), ("padding", .bool(true))]),
            .object([("x", JSON([0, 0, 0, 0])), ("w", JSON([0, 0, 1, 1])), ("input", .number(1)), ("weight", .number(4)), ("product", .number(4)), ("padding", .bool(false))]),
        ]
        #expect(json == .object([("value", .number(4.5)), ("bias", .number(0.5)), ("terms", .array(terms))]))
    }

    @Test("conv2d-trace names the input cell a copying padding cell holds as its source")
    func traceSource() throws {
        let json = try answer(#"{"op":"conv2d-trace","x":[[[1,2,3]]],"w":[[[[1,10]]]],"padding":[0,1],"padding_mode":"reflect","cell":[0,0,0]}"#)
        let terms: [JSON] = [
            .object([("x", JSON([0, 0, -1])), ("w", JSON([0, 0, 0, 0])), ("input", .number(2)), ("weight", .number(1)), ("product", .number(2)), ("padding", .bool(true)), ("source", JSON([0, 0, 1]))]),
            .object([("x", JSON([0, 0, 0])), ("w", JSON([0, 0, 0, 1])), ("input", .number(1)), ("weight", .number(10)), ("product", .number(10)), ("padding", .bool(false))]),
        ]
        #expect(json == .object([("value", .number(12)), ("bias", .number(0)), ("terms", .array(terms))]))
    }

    @Test("conv2d-backward with check: every cell's losses, centred difference, analytic value and relative error")
    func check() throws {
        // out = 2·x, L = Σ 2·x·dOut; unbatched, so dx is indexed (c, h, w).
        let json = try answer(#"{"op":"conv2d-backward","x":[[[1,2],[3,4]]],"w":[[[[2]]]],"dout":[[[1,-1],[0.5,2]]],"check":true}"#)
        guard case .object(let members) = json, case .object(let check)? = members.first(where: { $0.key == "check" })?.value,
              case .array(let cells)? = check.first(where: { $0.key == "cells" })?.value
        else { Issue.record("no check in \(json)"); return }
        #expect(members.map(\.key) == ["dx", "dw", "db", "check"])
        #expect(check.first?.value == .number(1e-5))
        #expect(cells.count == 6)
        guard case .object(let first) = cells[0] else { Issue.record("\(cells[0])"); return }
        #expect(first.map(\.key) == ["gradient", "index", "loss_plus", "loss_minus", "numeric", "analytic", "relative_error"])
        #expect(first[0].value == .string("dx") && first[1].value == JSON([0, 0, 0]) && first[5].value == .number(2))
        for cell in cells {
            guard case .object(let fields) = cell, case .number(let error) = fields[6].value else { continue }
            #expect(error < 1e-7)
        }
        #expect(try answer(#"{"op":"conv2d-backward","x":[[[[1]]]],"w":[[[[2]]]],"dout":[[[[1]]]],"check":false}"#)
                == .object([("dx", JSON(Tensor(shape: [1, 1, 1, 1], data: [2]))), ("dw", JSON(Tensor(shape: [1, 1, 1, 1], data: [1]))), ("db", JSON(Tensor([1])))]))
    }

    @Test("output-size for convolution, transposed convolution and pooling (ceil_mode, its dropped window)")
    func outputSize() throws {
        #expect(try answer(#"{"op":"output-size","input":[224,224],"kernel":7,"stride":2,"padding":3}"#) == .object([("out", JSON([112, 112]))]))
        #expect(try answer(#"{"op":"output-size","input":[5,7],"kernel":[3,2],"dilation":[2,1]}"#) == .object([("out", JSON([1, 6]))]))
        #expect(try answer(#"{"op":"output-size","input":3,"kernel":3,"stride":2,"padding":1,"transposed":true,"output_padding":1}"#) == .object([("out", JSON([6, 6]))]))
        // GoogLeNet's maxpool1, MaxPool2d(3, 2, ceil_mode=True), takes 112×112 to the published 56×56;
        // rounding down would give 55.
        #expect(try answer(#"{"op":"output-size","input":112,"kernel":3,"stride":2,"pool":true}"#) == .object([("out", JSON([55, 55]))]))
        #expect(try answer(#"{"op":"output-size","input":112,"kernel":3,"stride":2,"pool":true,"ceil_mode":true}"#) == .object([("out", JSON([56, 56]))]))
        // The stride defaults to the window: 5 / 2 rounds down to 2, up to 3.
        #expect(try answer(#"{"op":"output-size","input":5,"kernel":2,"pool":true,"ceil_mode":true}"#) == .object([("out", JSON([3, 3]))]))
        // H 3, K 2, S 2, P 1: ⌈(3+2−2)/2⌉+1 = 3 windows, but the last would start at 4 = H + P, in the
        // right padding, so PyTorch drops it: 3 − 1 = 2 (the same as floor).
        #expect(try answer(#"{"op":"output-size","input":3,"kernel":2,"stride":2,"padding":1,"pool":true,"ceil_mode":true}"#) == .object([("out", JSON([2, 2]))]))
    }

    // MARK: Operation names

    @Test("the op names are ConvOperation's, then output-size and conv2d-trace")
    func names() {
        #expect(ComputeOperation.allCases.map(\.name) == ConvOperation.allCases.map(\.rawValue) + ["output-size", "conv2d-trace"])
        // The underscore spellings documented before the names were hyphenated.
        #expect(ComputeOperation.allCases.flatMap(\.aliases) == [
            "conv2d_backward", "conv_transpose2d", "conv_transpose2d_backward", "maxpool2d_backward",
            "avgpool2d_backward", "adaptive_maxpool2d", "adaptive_avgpool2d", "adaptive_maxpool2d_backward",
            "adaptive_avgpool2d_backward", "output_size", "conv2d_trace",
        ])
        for operation in ComputeOperation.allCases {
            #expect(ComputeOperation(name: operation.name) == operation)
            for alias in operation.aliases { #expect(ComputeOperation(name: alias) == operation) }
        }
        #expect(ComputeOperation(name: "conv2d-backward_") == nil)
    }

    /// A valid request of every operation, without its `op`.
    static let samples: [String: String] = [
        "conv1d": #""a":[1,2,3],"v":[1,0,-1],"mode":"same""#,
        "correlate1d": #""a":[1,2,3],"v":[1,0,-1]"#,
        "conv2d": #""x":[[[[1,2,3],[4,5,6],[7,8,9]]]],"w":[[[[1,0],[0,-1]]]],"b":[0.5],"padding":1"#,
        "conv2d-backward": #""x":[[[1,2],[3,4]]],"w":[[[[1,2],[3,4]]]],"padding":1,"dout":[[[1,2,3],[4,5,6],[7,8,9]]]"#,
        "conv-transpose2d": #""x":[[[[1,2],[3,4]]]],"w":[[[[1,2],[3,4]]]],"stride":2,"output_padding":1"#,
        "conv-transpose2d-backward": #""x":[[[[1,2],[3,4]]]],"w":[[[[1]]]],"stride":2,"dout":[[[[1,2,3],[4,5,6],[7,8,9]]]]"#,
        "maxpool2d": #""x":[[[[1,5],[3,2]]]],"kernel":2,"stride":1,"padding":1"#,
        "avgpool2d": #""x":[[[1,5],[3,2]]],"kernel":[1,2]"#,
        "maxpool2d-backward": #""x":[[[[1,5],[3,2]]]],"kernel":2,"dout":[[[[7]]]]"#,
        "avgpool2d-backward": #""x":[[[[1,5],[3,2]]]],"kernel":1,"dout":[[[[1,2],[3,4]]]]"#,
        "adaptive-maxpool2d": #""x":[[[[1,5,2],[3,2,4]]]],"output_size":[1,2]"#,
        "adaptive-avgpool2d": #""x":[[[1,5,2],[3,2,4]]],"output_size":2"#,
        "adaptive-maxpool2d-backward": #""x":[[[[1,5],[3,2]]]],"output_size":1,"dout":[[[[7]]]]"#,
        "adaptive-avgpool2d-backward": #""x":[[[[1,5,2]]]],"output_size":[1,2],"dout":[[[[1,2]]]]"#,
        "output-size": #""input":[7,9],"kernel":3,"stride":2,"padding":1"#,
        "conv2d-trace": #""x":[[[[1,2],[3,4]]]],"w":[[[[1,2],[3,4]]]],"padding":1,"cell":[0,0,1,1]"#,
    ]

    @Test("each op name and its alias answer identically", arguments: ComputeOperation.allCases)
    func aliases(_ operation: ComputeOperation) throws {
        let fields = try #require(Self.samples[operation.name], "no sample request for \(operation.name)")
        let byName = ComputeService.answer(Array(#"{"op":"\#(operation.name)",\#(fields)}"#.utf8))
        #expect(!byName.failed, "\(byName.json)")
        // A refused request too: the error names the operation by its name, however it was called.
        let misspelt = ComputeService.answer(Array(#"{"op":"\#(operation.name)",\#(fields),"strdie":2}"#.utf8))
        #expect(misspelt.json.contains("unknown field for \(operation.name) (fields: "), "\(misspelt.json)")
        for alias in operation.aliases {
            #expect(ComputeService.answer(Array(#"{"op":"\#(alias)",\#(fields)}"#.utf8)) == byName)
            #expect(ComputeService.answer(Array(#"{"op":"\#(alias)",\#(fields),"strdie":2}"#.utf8)) == misspelt)
        }
    }

    // MARK: Errors

    /// Every operation's name, as the error for an unknown `op` lists them.
    static let operationList = "conv1d, correlate1d, conv2d, conv2d-backward, conv-transpose2d, conv-transpose2d-backward, maxpool2d, avgpool2d, maxpool2d-backward, avgpool2d-backward, adaptive-maxpool2d, adaptive-avgpool2d, adaptive-maxpool2d-backward, adaptive-avgpool2d-backward, output-size, conv2d-trace"

    /// Each invalid request and the exact message it must answer.
    static let invalid: [(request: String, message: String)] = [
        (#"not json"#, "invalid JSON at column 1: expected 'null'"),
        (#"{"op": "conv2d",}"#, "invalid JSON at column 17: expected a string key, found '}'"),
        (#"{"op": "conv2d", "x": NaN}"#, "invalid JSON at column 23: expected a value, found 'N'"),
        (#"{"op":"conv2d","x":[[[[1e999]]]]}"#, "invalid JSON at column 24: number 1e999 is too large for a Double"),
        (#"[1, 2]"#, "request: expected a JSON object, got an array"),
        (#"{}"#, "op: required field is missing"),
        (#"{"op": 3}"#, "op: expected a string, got a number"),
        (#"{"op": "conv3d"}"#, "op: unknown operation \"conv3d\" (operations: \(operationList))"),
        (#"{"op": "conv2d-backwrd", "x": [[[[1]]]], "w": [[[[1]]]]}"#, "op: unknown operation \"conv2d-backwrd\" (operations: \(operationList))"),
        (#"{"op": "Conv2D"}"#, "op: unknown operation \"Conv2D\" (operations: \(operationList))"),
        (#"{"op": "conv2d trace"}"#, "op: unknown operation \"conv2d trace\" (operations: \(operationList))"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"strdie":2}"#, "strdie: unknown field for conv2d (fields: x, w, b, stride, padding, padding_mode, pad, dilation, groups)"),
        (#"{"op":"conv2d","w":[[[[1]]]]}"#, "x: required field is missing"),
        (#"{"op":"conv2d","x":[[[[1]]]]}"#, "w: required field is missing"),
        (#"{"op":"conv2d","x":[[1,2],[3,4]],"w":[[[[1]]]]}"#, "x: expected a 4-D or 3-D nested array, got 2-D (shape [2, 2])"),
        (#"{"op":"conv2d","x":[[[[1,2],[3]]]],"w":[[[[1]]]]}"#, "x[0][0][1]: has 1 elements where 2 were expected (ragged array)"),
        (#"{"op":"conv2d","x":[[[[1,2],3]]],"w":[[[[1]]]]}"#, "x[0][0][1]: expected an array of 2, got 3.0 (ragged array)"),
        (#"{"op":"conv2d","x":[[[[1,"2"]]]],"w":[[[[1]]]]}"#, "x[0][0][0][1]: expected a number, got the string \"2\""),
        (#"{"op":"conv2d","x":[[[[1,null]]]],"w":[[[[1]]]]}"#, "x[0][0][0][1]: expected a number, got null"),
        (#"{"op":"conv2d","x":[[[[1,[2]]]]],"w":[[[[1]]]]}"#, "x[0][0][0][1]: expected a number, got an array"),
        (#"{"op":"conv2d","x":[[[[]]]],"w":[[[[1]]]]}"#, "x: every axis must have at least one element (shape [1, 1, 1, 0])"),
        (#"{"op":"conv2d","x":5,"w":[[[[1]]]]}"#, "x: expected a nested array of numbers, got 5.0"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":0}"#, "stride: the height must be at least 1, got 0"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":[1,-2]}"#, "stride: the width must be at least 1, got -2"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":1.5}"#, "stride: expected an integer, got 1.5"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":"2"}"#, "stride: expected an integer or an [h, w] pair of integers, got the string \"2\""),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":[1,2,3]}"#, "stride: expected an integer or an [h, w] pair of integers, got an array"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":1e300}"#, "stride: 1e+300 is far too large"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":100000000}"#, "stride: the height must be at most 16777216, got 100000000"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":-1}"#, "padding: the height must be at least 0, got -1"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"dilation":0}"#, "dilation: the height must be at least 1, got 0"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"groups":0}"#, "groups: must be at least 1, got 0"),
        (#"{"op":"conv2d","x":[[[[1,2],[3,4]]]],"w":[[[[1,2,3],[4,5,6],[7,8,9]]]]}"#, "kernel: effective kernel height 3 is larger than the padded input height 2"),
        (#"{"op":"conv2d","x":[[[[1,2,3],[4,5,6],[7,8,9]]]],"w":[[[[1,2],[3,4]]]],"dilation":3}"#, "kernel: effective kernel height 4 is larger than the padded input height 3"),
        (#"{"op":"conv2d","x":[[[[1]],[[2]],[[3]]]],"w":[[[[1]]],[[[1]]]],"groups":2}"#, "groups: 2 does not divide the 3 input channels"),
        (#"{"op":"conv2d","x":[[[[1]],[[2]]]],"w":[[[[1]]],[[[1]]],[[[1]]]],"groups":2}"#, "groups: 2 does not divide the 3 filters (w.shape[0])"),
        (#"{"op":"conv2d","x":[[[[1]],[[2]]]],"w":[[[[1]],[[1]]]],"groups":2}"#, "groups: 2 does not divide the 1 filters (w.shape[0])"),
        (#"{"op":"conv2d","x":[[[[1]],[[2]]]],"w":[[[[1]]]]}"#, "w: shape[1] must be 2 (input channels 2 / groups 1), got 1"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"b":[1,2]}"#, "b: shape[0] must be 1 (one bias per filter), got 2"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"b":[[1]]}"#, "b: expected a 1-D nested array, got 2-D (shape [1, 1])"),
        (#"{"op":"conv2d_backward","x":[[[[1]]]],"w":[[[[1]]]]}"#, "dout: required field is missing"),
        (#"{"op":"conv2d_backward","x":[[[[1,2]]]],"w":[[[[1]]]],"dout":[[[[1]]]]}"#, "dout: shape[3] must be 2 (the output shape), got 1"),
        (#"{"op":"conv2d_backward","x":[[[1,2]]],"w":[[[[1]]]],"dout":[[[[1,2]]]]}"#, "dout: expected a 3-D nested array, got 4-D (shape [1, 1, 1, 2])"),
        (#"{"op":"conv2d_backward","x":[[[[1]]]],"w":[[[[1]]]],"dout":[[[[1]]]],"cell":[0,0,0,0]}"#, "cell: unknown field for conv2d-backward (fields: x, w, b, stride, padding, padding_mode, pad, dilation, groups, dout, check)"),
        (#"{"op":"conv_transpose2d","x":[[[[1]]]],"w":[[[[1]]]],"stride":2,"output_padding":2}"#, "output_padding: the height 2 must be at least 0 and smaller than stride (2) or dilation (1)"),
        (#"{"op":"conv_transpose2d","x":[[[[1]]]],"w":[[[[1]]]],"output_padding":-1}"#, "output_padding: the height must be at least 0, got -1"),
        (#"{"op":"conv_transpose2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":1}"#, "padding: the output height would be -1; it must be at least 1"),
        (#"{"op":"conv-transpose2d","x":[[[[1]],[[2]]]],"w":[[[[1]]]]}"#, "w: shape[0] must be 2 (one kernel stack per input channel), got 1"),
        (#"{"op":"maxpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"padding":2}"#, "padding: the height 2 must be at most half the kernel (2/2 = 1)"),
        (#"{"op":"maxpool2d","x":[[[[1,2],[3,4]]]]}"#, "kernel: required field is missing"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":3}"#, "kernel: effective kernel height 3 is larger than the padded input height 2"),
        (#"{"op":"maxpool2d-backward","x":[[[[1,2],[3,4]]]],"kernel":2,"dout":[[[[1,2]]]]}"#, "dout: shape[3] must be 1 (the output shape), got 2"),
        (#"{"op":"maxpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"count_include_pad":false}"#, "count_include_pad: unknown field for maxpool2d (fields: x, kernel, stride, padding, dilation, ceil_mode)"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"dilation":2}"#, "dilation: unknown field for avgpool2d (fields: x, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override)"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"ceil_mode":"yes"}"#, "ceil_mode: expected true or false, got a string"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"count_include_pad":1}"#, "count_include_pad: expected true or false, got a number"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"divisor_override":1.5}"#, "divisor_override: expected an integer, got 1.5"),
        (#"{"op":"avgpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"divisor_override":0}"#, "divisor_override: must not be 0"),
        (#"{"op":"adaptive-avgpool2d","x":[[[[1,2],[3,4]]]],"output_size":[0,1]}"#, "output_size: the height must be at least 1, got 0"),
        (#"{"op":"adaptive-maxpool2d","x":[[[[1,2],[3,4]]]],"kernel":2,"output_size":1}"#, "kernel: unknown field for adaptive-maxpool2d (fields: x, output_size)"),
        (#"{"op":"adaptive-maxpool2d","x":[[[[1,2],[3,4]]]]}"#, "output_size: required field is missing"),
        (#"{"op":"output-size","input":5,"kernel":2,"ceil_mode":true}"#, "ceil_mode: applies only with \"pool\": true"),
        (#"{"op":"output-size","input":5,"kernel":2,"pool":true,"transposed":true}"#, "pool: \"transposed\" and \"pool\" exclude each other"),
        (#"{"op":"output-size","input":5,"kernel":2,"pool":true,"padding":2}"#, "padding: the height 2 must be at most half the kernel (2/2 = 1)"),
        (#"{"op":"conv1d","a":[],"v":[1]}"#, "a: every axis must have at least one element (shape [0])"),
        (#"{"op":"conv1d","a":[1],"v":[1],"mode":"wide"}"#, "mode: expected \"full\", \"same\" or \"valid\", got \"wide\""),
        (#"{"op":"conv1d","a":[[1]],"v":[1]}"#, "a: expected a 1-D nested array, got 2-D (shape [1, 1])"),
        (#"{"op":"output_size","input":[5,5],"kernel":3,"output_padding":1}"#, "output_padding: applies only with \"transposed\": true"),
        (#"{"op":"output-size","input":[0,5],"kernel":3}"#, "input: the height must be at least 1, got 0"),
        (#"{"op":"output_size","input":[5,5],"kernel":3,"transposed":"yes"}"#, "transposed: expected true or false, got a string"),
        (#"{"op":"output_size","input":[5,5],"kernel":3,"stride":16777217}"#, "stride: the height must be at most 16777216, got 16777217"),
        (#"{"op":"conv2d_trace","x":[[[[1]]]],"w":[[[[1]]]],"cell":[0,0,1,0]}"#, "cell: index [0, 0, 1, 0] is outside the shape (1, 1, 1, 1)"),
        (#"{"op":"conv2d-trace","x":[[[[1]]]],"w":[[[[1]]]],"cell":[0,0]}"#, "cell: expected a list of 4 integers, got an array"),
        (#"{"op":"conv2d","x":[[[[1e300]]]],"w":[[[[1e300]]]]}"#, "out: the result overflows the range of a Double (values too large)"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":"full"}"#, "padding: expected \"same\", \"valid\", an integer or an [h, w] pair, got \"full\""),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":true}"#, "padding: expected an integer or an [h, w] pair of integers, got a boolean"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding_mode":"mirror"}"#, "padding_mode: expected one of \"zeros\", \"reflect\", \"replicate\", \"circular\", got \"mirror\""),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding_mode":1}"#, "padding_mode: expected a string, got a number"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"pad":[1,1]}"#, "pad: expected a list of 4 integers, got an array"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"pad":[0,0,-1,0]}"#, "pad: must be at least 0, got -1"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"pad":[1,0,0,0],"padding":1}"#, "pad: give either pad or a non-zero padding (1), not both"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"pad":[1,0,0,0],"padding":"same"}"#, "pad: give either pad or padding \"same\", not both"),
        (#"{"op":"conv2d","x":[[[[1,2]]]],"w":[[[[1]]]],"padding":[0,2],"padding_mode":"reflect"}"#, "padding: reflect padding must be smaller than the input width (2), got 2"),
        (#"{"op":"conv2d","x":[[[[1,2]]]],"w":[[[[1]]]],"pad":[3,0,0,0],"padding_mode":"circular"}"#, "pad: circular padding must be at most the input width (2), got 3"),
        (#"{"op":"conv2d","x":[[[[1,2]]]],"w":[[[[1]]]],"padding":"same","stride":2}"#, "padding: \"same\" needs stride 1 (as in PyTorch), got a height stride of 2"),
        (#"{"op":"conv-transpose2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":"same"}"#, "padding: the transposed convolution takes no \"same\" padding (nor does PyTorch's conv_transpose2d)"),
        (#"{"op":"conv-transpose2d","x":[[[[1]]]],"w":[[[[1]]]],"padding_mode":"reflect"}"#, "padding_mode: unknown field for conv-transpose2d (fields: x, w, b, stride, padding, output_padding, dilation, groups)"),
        (#"{"op":"conv2d-backward","x":[[[[1]]]],"w":[[[[1]]]],"dout":[[[[1]]]],"check":"yes"}"#, "check: expected true or false, got a string"),
        (#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"check":true}"#, "check: unknown field for conv2d (fields: x, w, b, stride, padding, padding_mode, pad, dilation, groups)"),
    ]

    @Test("invalid requests answer an error naming the field", arguments: invalid)
    func invalidRequests(_ request: String, _ message: String) throws {
        #expect(try error(request) == message)
    }

    @Test("huge sizes are refused at once, before any allocation")
    func hugeSizes() throws {
        // A 1x1 input padded to 16777216² would need 2^48 output cells.
        #expect(try error(#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":8388607}"#)
                == "out: element count 281474943156225 exceeds the limit of 4194304")
        #expect(try error(#"{"op":"conv_transpose2d","x":[[[[1,1]]]],"w":[[[[1]]]],"stride":16777216}"#)
                == "out: element count 16777217 exceeds the limit of 4194304")
        // One output cell, but its window would read 2^48 cells.
        #expect(try error(#"{"op":"maxpool2d","x":[[[[1]]]],"kernel":16777216,"padding":8388608}"#)
                == "x: window read count 281474976710656 exceeds the limit of 268435456")
        #expect(try error(#"{"op":"conv2d","x":[[[[1]]]],"w":[[[[1]]]],"padding":[4000,4000]}"#)
                == "out: element count 64016001 exceeds the limit of 4194304")
    }

    @Test("size arithmetic at the parameter limits does not overflow")
    func sizesAtLimits() throws {
        // (2²⁴−1)·2²⁴ + 2²⁴·(2²⁴−1) + 1 = 2⁴⁹ − 2²⁵ + 1.
        let json = try answer(#"{"op":"output_size","input":16777216,"kernel":16777216,"stride":16777216,"dilation":16777216,"transposed":true}"#)
        #expect(json == .object([("out", JSON([562_949_919_866_881, 562_949_919_866_881]))]))
    }

    // MARK: Helpers

    static func nested(_ t: Tensor) -> String {
        var writer = JSONWriter()
        writer.write(JSON(t))
        return writer.text
    }

    static func convFields(_ c: GoldenConvCase) -> String {
        var fields = #""x":\#(nested(c.x.tensor)),"w":\#(nested(c.w.tensor)),"stride":\#(c.stride),"padding":\#(c.padding),"dilation":\#(c.dilation),"groups":\#(c.groups)"#
        if let b = c.b { fields += #","b":\#(b)"# }
        return fields
    }
}
