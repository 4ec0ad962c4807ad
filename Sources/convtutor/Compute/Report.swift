import ConvCore

/// The text that the human form of `compute` prints: a header, the size arithmetic, the grids,
/// and the arithmetic of one cell. Pure: values in, lines out.
enum Report {
    /// `(1,1,5,5)`.
    static func shape(_ shape: [Int]) -> String {
        "(\(shape.map(String.init).joined(separator: ",")))"
    }

    /// One line per axis with the output-size formula, or one line when both axes agree.
    static func sizeLines(_ formula: (Axis) -> String) -> [String] {
        let (h, w) = (formula(.height), formula(.width))
        return h == w ? ["output size: \(h)"] : ["output height: \(h)", "output width:  \(w)"]
    }

    /// The grids of a 4-D tensor, each plane titled, followed by a blank line.
    static func grids(_ name: String, _ t: Tensor) -> [String] {
        Text.planes(name, t) + [""]
    }

    /// A 1-D tensor on one line: `b = [0.5, -1]`.
    static func vector(_ name: String, _ t: Tensor) -> [String] {
        ["\(name) = [\(t.data.map(Text.number).joined(separator: ", "))]", ""]
    }

    /// The equation of a cell, then one line per term.
    static func cell(_ trace: Trace) -> [String] {
        [Text.equation(trace), ""] + Text.termLines(trace).map { "  " + $0 }
    }

    /// The options as a header fragment: `stride 2  padding 1  dilation 1  groups 1`.
    static func options(_ o: Conv2DOptions) -> String {
        "stride \(o.stride)  padding \(o.padding)  dilation \(o.dilation)  groups \(o.groups)"
    }

    static func convolutionSizes(_ g: Conv2DGeometry) -> [String] {
        sizeLines { axis in
            OutputSize.convolutionFormula(
                input: g.input[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], dilation: g.dilation[axis], result: g.output[axis])
        }
    }

    static func transposedSizes(_ t: ConvTranspose2D) -> [String] {
        let g = t.geometry
        return sizeLines { axis in
            OutputSize.transposedFormula(
                input: g.output[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], outputPadding: t.outputPadding[axis],
                dilation: g.dilation[axis], result: g.input[axis])
        }
    }

    /// The PyTorch call that computes the same thing.
    static func pytorch(_ function: String, _ o: Conv2DOptions, extra: [String] = []) -> String {
        var args = ["x", "w"]
        if o.stride != Pair(1) { args.append("stride=\(tuple(o.stride))") }
        if o.padding != Pair(0) { args.append("padding=\(tuple(o.padding))") }
        if o.dilation != Pair(1) { args.append("dilation=\(tuple(o.dilation))") }
        if o.groups != 1 { args.append("groups=\(o.groups)") }
        return "PyTorch: torch.nn.functional.\(function)(\((args + extra).joined(separator: ", ")))"
    }

    /// `2` or `(2, 1)`, as PyTorch writes an int-or-tuple argument.
    static func tuple(_ p: Pair) -> String {
        p.h == p.w ? "\(p.h)" : "(\(p.h), \(p.w))"
    }
}
