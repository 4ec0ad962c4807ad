import ConvCore

/// Answers `compute --json` requests: one JSON object in, one JSON object out.
///
/// Pure: takes the bytes of one line and returns the line to write. Every failure becomes
/// `{"error": "<field>: <reason>"}`; nothing here can trap on bad input.
enum ComputeService {
    /// The operations, with the fields each accepts (besides `op`).
    static let operations: [(op: String, fields: [String])] = {
        let conv = ["x", "w", "b", "stride", "padding", "dilation", "groups"]
        let transposed = ["x", "w", "b", "stride", "padding", "output_padding", "dilation", "groups"]
        let pool = ["x", "kernel", "stride", "padding"]
        return [
            ("conv1d", ["a", "v", "mode"]),
            ("correlate1d", ["a", "v", "mode"]),
            ("conv2d", conv),
            ("conv2d_backward", conv + ["dout"]),
            ("conv_transpose2d", transposed),
            ("conv_transpose2d_backward", transposed + ["dout"]),
            ("maxpool2d", pool),
            ("avgpool2d", pool),
            ("maxpool2d_backward", pool + ["dout"]),
            ("avgpool2d_backward", pool + ["dout"]),
            ("output_size", ["input", "kernel", "stride", "padding", "dilation", "transposed", "output_padding"]),
            ("conv2d_trace", conv + ["cell"]),
        ]
    }()

    /// The answer to one request line, and whether it is an error.
    static func answer(_ line: [UInt8]) -> (json: String, failed: Bool) {
        var writer = JSONWriter()
        do {
            let request = try Request(try JSONParser.parse(line))
            writer.write(.object(try respond(request)))
            return (writer.text, false)
        } catch {
            writer.write(.object([("error", .string(String(describing: error)))]))
            return (writer.text, true)
        }
    }

    /// The members of the answer object.
    static func respond(_ request: Request) throws -> [(key: String, value: JSON)] {
        let op = try request.required("op", request.string("op"))
        guard let fields = operations.first(where: { $0.op == op })?.fields else {
            throw RequestError("op", "unknown operation \"\(op)\" (operations: \(operations.map(\.op).joined(separator: ", ")))")
        }
        try request.checkKnown(["op"] + fields, op: op)
        switch op {
        case "conv1d", "correlate1d": return try conv1d(request, op == "conv1d" ? .convolve : .correlate)
        case "conv2d": return try conv2d(request)
        case "conv2d_backward": return try conv2dBackward(request)
        case "conv2d_trace": return try conv2dTrace(request)
        case "conv_transpose2d": return try transposed(request)
        case "conv_transpose2d_backward": return try transposedBackward(request)
        case "maxpool2d", "avgpool2d": return try pool(request, op.hasPrefix("max") ? .max : .average)
        case "maxpool2d_backward", "avgpool2d_backward":
            return try poolBackward(request, op.hasPrefix("max") ? .max : .average)
        default: return try outputSize(request)
        }
    }

    // MARK: 1-D

    static func conv1d(_ r: Request, _ operation: Conv1D.Operation) throws -> [(key: String, value: JSON)] {
        let a = try r.required("a", r.tensor("a", ranks: [1]))
        let v = try r.required("v", r.tensor("v", ranks: [1]))
        let modeName = try r.string("mode") ?? "full"
        guard let mode = Conv1D.Mode(rawValue: modeName) else {
            throw RequestError("mode", "expected \"full\", \"same\" or \"valid\", got \"\(modeName.prefix(40))\"")
        }
        let out = operation == .convolve
            ? try Conv1D.convolve(a.data, v.data, mode: mode)
            : try Conv1D.correlate(a.data, v.data, mode: mode)
        return [("out", try finite(Tensor(out), "out"))]
    }

    // MARK: Convolution

    /// `x` as NCHW; an unbatched `(C, H, W)` input is treated as a batch of one, as PyTorch does.
    struct Batched {
        let x: Tensor
        let unbatched: Bool

        init(_ r: Request) throws {
            let x = try r.required("x", r.tensor("x", ranks: [4, 3]))
            unbatched = x.rank == 3
            self.x = unbatched ? x.reshaped([1] + x.shape) : x
        }

        /// A result shaped for the caller: the batch axis removed again for unbatched input.
        func shaped(_ t: Tensor) -> Tensor {
            unbatched ? t.reshaped(Array(t.shape.dropFirst())) : t
        }

        /// `dout` given with the same batching as `x`.
        func dOut(_ r: Request) throws -> Tensor {
            let dOut = try r.required("dout", r.tensor("dout", ranks: [unbatched ? 3 : 4]))
            return unbatched ? dOut.reshaped([1] + dOut.shape) : dOut
        }
    }

    static func options(_ r: Request) throws -> Conv2DOptions {
        Conv2DOptions(
            stride: try r.pair("stride") ?? Pair(1), padding: try r.pair("padding") ?? Pair(0),
            dilation: try r.pair("dilation") ?? Pair(1), groups: try r.int("groups") ?? 1)
    }

    static func conv2dLayer(_ r: Request, _ batched: Batched) throws -> Conv2D {
        let w = try r.required("w", r.tensor("w", ranks: [4]))
        let b = try r.tensor("b", ranks: [1])
        return try Conv2D(x: batched.x, w: w, b: b, options: options(r))
    }

    static func conv2d(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let out = try conv2dLayer(r, batched).forward()
        return [("out", try finite(batched.shaped(out), "out"))]
    }

    static func conv2dBackward(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let layer = try conv2dLayer(r, batched)
        return try gradients(layer.backward(batched.dOut(r)), batched)
    }

    static func conv2dTrace(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let layer = try conv2dLayer(r, batched)
        let given = try r.required("cell", r.index("cell", count: batched.unbatched ? 3 : 4))
        let trace = try layer.traceOutput(batched.unbatched ? [0] + given : given)
        // Indices into x follow the caller's batching: no batch axis for unbatched input.
        let xIndex: ([Int]) -> [Int] = { batched.unbatched ? Array($0.dropFirst()) : $0 }
        let terms: [JSON] = trace.terms.map { term in
            let (x, w) = (term.factors[0], term.factors[1])
            return .object([
                ("x", JSON(xIndex(x.index))), ("w", JSON(w.index)),
                ("input", .number(x.value)), ("weight", .number(w.value)),
                ("product", .number(term.product)), ("padding", .bool(x.inPadding)),
            ])
        }
        _ = try finite(Tensor(trace.terms.map(\.product) + [trace.value]), "value")
        return [("value", .number(trace.value)), ("bias", .number(trace.bias?.value ?? 0)), ("terms", .array(terms))]
    }

    // MARK: Transposed convolution

    static func transposedLayer(_ r: Request, _ batched: Batched) throws -> ConvTranspose2D {
        let w = try r.required("w", r.tensor("w", ranks: [4]))
        let b = try r.tensor("b", ranks: [1])
        return try ConvTranspose2D(x: batched.x, w: w, b: b, options: options(r),
                                   outputPadding: try r.pair("output_padding") ?? Pair(0))
    }

    static func transposed(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let out = try transposedLayer(r, batched).forward()
        return [("out", try finite(batched.shaped(out), "out"))]
    }

    static func transposedBackward(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let layer = try transposedLayer(r, batched)
        return try gradients(layer.backward(batched.dOut(r)), batched)
    }

    static func gradients(_ g: Conv2D.Gradients, _ batched: Batched) throws -> [(key: String, value: JSON)] {
        [("dx", try finite(batched.shaped(g.dx), "dx")), ("dw", try finite(g.dw, "dw")), ("db", try finite(g.db, "db"))]
    }

    // MARK: Pooling

    static func poolLayer(_ r: Request, _ kind: Pool2D.Kind, _ batched: Batched) throws -> Pool2D {
        let kernel = try r.required("kernel", r.pair("kernel"))
        return try Pool2D(kind, x: batched.x, kernel: kernel, stride: r.pair("stride"),
                          padding: r.pair("padding") ?? Pair(0))
    }

    static func pool(_ r: Request, _ kind: Pool2D.Kind) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let out = try poolLayer(r, kind, batched).forward()
        return [("out", try finite(batched.shaped(out), "out"))]
    }

    static func poolBackward(_ r: Request, _ kind: Pool2D.Kind) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let dx = try poolLayer(r, kind, batched).backward(batched.dOut(r))
        return [("dx", try finite(batched.shaped(dx), "dx"))]
    }

    // MARK: Sizes

    static func outputSize(_ r: Request) throws -> [(key: String, value: JSON)] {
        let input = try r.required("input", r.pair("input"))
        let kernel = try r.required("kernel", r.pair("kernel"))
        let stride = try r.pair("stride") ?? Pair(1)
        let padding = try r.pair("padding") ?? Pair(0)
        let dilation = try r.pair("dilation") ?? Pair(1)
        let transposed = try r.bool("transposed") ?? false
        let outputPadding = try r.pair("output_padding")
        if outputPadding != nil && !transposed {
            throw RequestError("output_padding", "applies only with \"transposed\": true")
        }
        var out = Pair(0)
        for axis in Axis.allCases {
            out[axis] = transposed
                ? try OutputSize.transposed(
                    input: input[axis], kernel: kernel[axis], stride: stride[axis], padding: padding[axis],
                    outputPadding: (outputPadding ?? Pair(0))[axis], dilation: dilation[axis], axis: axis)
                : try OutputSize.convolution(
                    input: input[axis], kernel: kernel[axis], stride: stride[axis], padding: padding[axis],
                    dilation: dilation[axis], axis: axis)
        }
        return [("out", JSON([out.h, out.w]))]
    }

    /// `t` itself, or an error naming `field` when a value overflowed to ±∞ (JSON cannot carry it).
    static func finite(_ t: Tensor, _ field: String) throws -> JSON {
        guard t.data.allSatisfy(\.isFinite) else {
            throw RequestError(field, "the result overflows the range of a Double (values too large)")
        }
        return JSON(t)
    }
}
