import ConvCore

/// An operation of `compute`: its name (the subcommand, and the `op` of a JSON request), the
/// fields a request of it takes, and how it answers one.
///
/// Names are hyphenated, as `ConvOperation` spells them (`conv2d-backward`); the underscore
/// spellings documented before (`conv2d_backward`) are accepted as aliases.
enum ComputeOperation: Equatable, Sendable {
    /// An operation of the compute core, under its `ConvOperation` name.
    case core(ConvOperation)
    /// `output-size`: the output's height and width from a layer's parameters.
    case outputSize
    /// `conv2d-trace` (JSON only): the terms of one conv2d output cell.
    case conv2dTrace

    /// Every operation, in the order `--help` and the error for an unknown `op` list them.
    static let allCases: [ComputeOperation] = ConvOperation.allCases.map(Self.core) + [.outputSize, .conv2dTrace]

    /// `conv2d-backward`.
    var name: String {
        switch self {
        case .core(let operation): operation.rawValue
        case .outputSize: "output-size"
        case .conv2dTrace: "conv2d-trace"
        }
    }

    /// The other spellings accepted: the name with underscores for hyphens (`conv2d_backward`).
    var aliases: [String] {
        name.contains("-") ? [String(name.map { $0 == "-" ? "_" : $0 })] : []
    }

    /// The operation called `name` or one of its aliases.
    init?(name: String) {
        guard let named = Self.allCases.first(where: { $0.name == name || $0.aliases.contains(name) }) else { return nil }
        self = named
    }

    /// What a JSON request of an operation holds and what it answers.
    struct Form {
        /// The request's fields besides `op`, in the order an error about an unknown field lists them.
        let fields: [String]
        /// The answer's members from a request holding no unknown field; throws a `RequestError` or
        /// a `ConvError`, either naming the field at fault.
        let answer: (Request) throws -> [(key: String, value: JSON)]
    }

    /// This operation's request fields and answer.
    var form: Form {
        let conv = ["x", "w", "b", "stride", "padding", "padding_mode", "pad", "dilation", "groups"]
        let transposed = ["x", "w", "b", "stride", "padding", "output_padding", "dilation", "groups"]
        switch self {
        case .core(.conv1d): return Self.oneD(.convolve)
        case .core(.correlate1d): return Self.oneD(.correlate)
        case .core(.conv2d):
            return Form(fields: conv) { r in
                let batched = try Batched(r)
                return [("out", try finite(batched.shaped(Self.conv2dLayer(r, batched).forward()), "out"))]
            }
        case .core(.conv2dBackward):
            return Form(fields: conv + ["dout", "check"]) { r in
                let batched = try Batched(r)
                let layer = try Self.conv2dLayer(r, batched)
                let dOut = try batched.dOut(r)
                let check = try r.bool("check") ?? false
                return try Self.gradients(layer.backward(dOut), batched)
                    + (check ? [("check", try Self.check(layer.gradientProbes(dOut), batched))] : [])
            }
        case .core(.convTranspose2d):
            return Form(fields: transposed) { r in
                let batched = try Batched(r)
                return [("out", try finite(batched.shaped(Self.transposedLayer(r, batched).forward()), "out"))]
            }
        case .core(.convTranspose2dBackward):
            return Form(fields: transposed + ["dout"]) { r in
                let batched = try Batched(r)
                return try Self.gradients(Self.transposedLayer(r, batched).backward(batched.dOut(r)), batched)
            }
        case .core(let operation):
            // The pooling operations, fixed or adaptive, forward or backward (all others are above).
            return Self.pooling(operation)
        case .outputSize:
            return Form(fields: ["input", "kernel", "stride", "padding", "dilation", "transposed", "output_padding", "pool",
                                 "ceil_mode"]) {
                [("out", JSON(try Self.outputSize($0)))]
            }
        case .conv2dTrace:
            return Form(fields: conv + ["cell"], answer: Self.conv2dTrace)
        }
    }
}

// MARK: - Answers

extension ComputeOperation {
    /// `conv1d` or `correlate1d`: `out`, as NumPy computes it (`mode` full unless given).
    static func oneD(_ operation: Conv1D.Operation) -> Form {
        Form(fields: ["a", "v", "mode"]) { r in
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
    }

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

    /// The convolution's options; `padding` is an integer, an `[h, w]` pair, `"valid"` or
    /// `"same"`, `pad` explicit sides `[left, right, top, bottom]`, `padding_mode` one of
    /// `PaddingMode`'s names.
    static func options(_ r: Request) throws -> Conv2DOptions {
        var options = Conv2DOptions(
            stride: try r.pair("stride") ?? Pair(1), dilation: try r.pair("dilation") ?? Pair(1),
            groups: try r.int("groups") ?? 1)
        switch r.value("padding") {
        case .string("same")?: options.paddingLayout = .same
        case .string("valid")?: break
        case .string(let word)?:
            throw RequestError("padding", "expected \"same\", \"valid\", an integer or an [h, w] pair, got \"\(word.prefix(40))\"")
        default: options.padding = try r.pair("padding") ?? Pair(0)
        }
        if let name = try r.string("padding_mode") {
            guard let mode = PaddingMode(rawValue: name) else {
                let names = PaddingMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw RequestError("padding_mode", "expected one of \(names), got \"\(name.prefix(40))\"")
            }
            options.paddingMode = mode
        }
        if let pad = try r.index("pad", count: 4) {
            guard options.paddingLayout != .same else { throw RequestError.padWithSame }
            options.paddingLayout = .sides(PaddingSides(pad))
        }
        return options
    }

    static func conv2dLayer(_ r: Request, _ batched: Batched) throws -> Conv2D {
        let w = try r.required("w", r.tensor("w", ranks: [4]))
        let b = try r.tensor("b", ranks: [1])
        return try Conv2D(x: batched.x, w: w, b: b, options: options(r))
    }

    /// `value`, `bias` and `terms`: each term's factors, with `x` indexed with the caller's batching.
    static func conv2dTrace(_ r: Request) throws -> [(key: String, value: JSON)] {
        let batched = try Batched(r)
        let layer = try conv2dLayer(r, batched)
        let given = try r.required("cell", r.index("cell", count: batched.unbatched ? 3 : 4))
        let trace = try layer.traceOutput(batched.unbatched ? [0] + given : given)
        // Indices into x follow the caller's batching: no batch axis for unbatched input.
        let xIndex: ([Int]) -> [Int] = { batched.unbatched ? Array($0.dropFirst()) : $0 }
        let terms: [JSON] = trace.terms.map { term in
            let (x, w) = (term.factors[0], term.factors[1])
            // A padding cell that copies an input cell (reflect, replicate, circular) names it.
            return .object([
                ("x", JSON(xIndex(x.index))), ("w", JSON(w.index)),
                ("input", .number(x.value)), ("weight", .number(w.value)),
                ("product", .number(term.product)), ("padding", .bool(x.inPadding)),
            ] + (x.copy.map { [("source", JSON(xIndex($0.source)))] } ?? []))
        }
        _ = try finite(Tensor(trace.terms.map(\.product) + [trace.value]), "value")
        return [("value", .number(trace.value)), ("bias", .number(trace.bias?.value ?? 0)), ("terms", .array(terms))]
    }

    static func transposedLayer(_ r: Request, _ batched: Batched) throws -> ConvTranspose2D {
        let w = try r.required("w", r.tensor("w", ranks: [4]))
        let b = try r.tensor("b", ranks: [1])
        return try ConvTranspose2D(x: batched.x, w: w, b: b, options: options(r),
                                   outputPadding: try r.pair("output_padding") ?? Pair(0))
    }

    /// The gradient check of every cell: `{"step": h, "cells": [{"gradient": "dx", "index": […],
    /// "loss_plus", "loss_minus", "numeric", "analytic", "relative_error"}, …]}`, `dx` indexed with
    /// the caller's batching.
    static func check(_ probes: [GradientProbe], _ batched: Batched) throws -> JSON {
        let cells: [JSON] = try probes.map { p in
            let index = p.tensor == .dx && batched.unbatched ? Array(p.index.dropFirst()) : p.index
            let numbers = [p.lossPlus, p.lossMinus, p.numeric, p.analytic, p.relativeError]
            _ = try finite(Tensor(numbers), "check")
            return .object([
                ("gradient", .string(p.tensor.rawValue)), ("index", JSON(index)),
                ("loss_plus", .number(p.lossPlus)), ("loss_minus", .number(p.lossMinus)),
                ("numeric", .number(p.numeric)), ("analytic", .number(p.analytic)),
                ("relative_error", .number(p.relativeError)),
            ])
        }
        return .object([("step", .number(probes.first?.step ?? 0)), ("cells", .array(cells))])
    }

    /// `dx`, `dw` and `db`, `dx` with the caller's batching.
    static func gradients(_ g: Conv2D.Gradients, _ batched: Batched) throws -> [(key: String, value: JSON)] {
        [("dx", try finite(batched.shaped(g.dx), "dx")), ("dw", try finite(g.dw, "dw")), ("db", try finite(g.db, "db"))]
    }

    /// A pooling request's fields: `x`; the window with its kind's options (max: `dilation`;
    /// average: `count_include_pad`, `divisor_override`), or adaptive pooling's `output_size`;
    /// `dout` for a backward pass.
    static func poolFields(_ operation: ConvOperation) -> [String] {
        let window = operation.isAdaptivePooling ? ["output_size"]
            : ["kernel", "stride", "padding"] + (operation.poolKind == .max ? ["dilation", "ceil_mode"]
                : ["ceil_mode", "count_include_pad", "divisor_override"])
        return ["x"] + window + (operation.isBackward ? ["dout"] : [])
    }

    /// Max or average pooling, fixed or adaptive: `out`, or for a backward pass `dx`.
    static func pooling(_ operation: ConvOperation) -> Form {
        Form(fields: poolFields(operation)) { r in
            let batched = try Batched(r)
            let layer = try poolLayer(r, operation, batched)
            guard operation.isBackward else { return [("out", try finite(batched.shaped(layer.forward()), "out"))] }
            return [("dx", try finite(batched.shaped(layer.backward(batched.dOut(r))), "dx"))]
        }
    }

    static func poolLayer(_ r: Request, _ operation: ConvOperation, _ batched: Batched) throws -> any PoolingLayer {
        guard let kind = operation.poolKind else { preconditionFailure("\(operation) is not pooling") }
        if operation.isAdaptivePooling {
            return try AdaptivePool2D(kind, x: batched.x, outputSize: r.required("output_size", r.pair("output_size")))
        }
        let kernel = try r.required("kernel", r.pair("kernel"))
        let options = Pool2DOptions(
            stride: try r.pair("stride"), padding: try r.pair("padding") ?? Pair(0), dilation: try r.pair("dilation") ?? Pair(1),
            ceilMode: try r.bool("ceil_mode") ?? false, countIncludePad: try r.bool("count_include_pad") ?? true,
            divisorOverride: try r.int("divisor_override"))
        return try Pool2D(kind, x: batched.x, kernel: kernel, options: options)
    }

    /// The output's `[oh, ow]`.
    static func outputSize(_ r: Request) throws -> [Int] {
        let input = try r.required("input", r.pair("input"))
        let kernel = try r.required("kernel", r.pair("kernel"))
        let padding = try r.pair("padding") ?? Pair(0)
        let dilation = try r.pair("dilation") ?? Pair(1)
        let transposed = try r.bool("transposed") ?? false
        let pool = try r.bool("pool") ?? false
        // Pooling's stride defaults to its window, as in PyTorch.
        let stride = try r.pair("stride") ?? (pool ? kernel : Pair(1))
        let outputPadding = try r.pair("output_padding")
        let ceilMode = try r.bool("ceil_mode")
        if outputPadding != nil && !transposed {
            throw RequestError("output_padding", "applies only with \"transposed\": true")
        }
        if transposed && pool { throw RequestError("pool", "\"transposed\" and \"pool\" exclude each other") }
        if ceilMode != nil && !pool { throw RequestError("ceil_mode", "applies only with \"pool\": true") }
        var out = Pair(0)
        for axis in Axis.allCases {
            if pool {
                out[axis] = try OutputSize.pooling(input: input[axis], kernel: kernel[axis], stride: stride[axis],
                                                   padding: padding[axis], dilation: dilation[axis],
                                                   ceilMode: ceilMode ?? false, axis: axis)
                continue
            }
            out[axis] = transposed
                ? try OutputSize.transposed(
                    input: input[axis], kernel: kernel[axis], stride: stride[axis], padding: padding[axis],
                    outputPadding: (outputPadding ?? Pair(0))[axis], dilation: dilation[axis], axis: axis)
                : try OutputSize.convolution(
                    input: input[axis], kernel: kernel[axis], stride: stride[axis], padding: padding[axis],
                    dilation: dilation[axis], axis: axis)
        }
        return [out.h, out.w]
    }
}

/// `t` as JSON, or an error naming `field` when a value overflowed to ±∞ (JSON cannot carry it).
private func finite(_ t: Tensor, _ field: String) throws -> JSON {
    guard t.data.allSatisfy(\.isFinite) else {
        throw RequestError(field, "the result overflows the range of a Double (values too large)")
    }
    return JSON(t)
}
