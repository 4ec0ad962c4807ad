import ConvCore

/// The text that the human form of `compute` prints: a header, the size arithmetic, the grids,
/// and the arithmetic of one cell. Pure: values in, lines out.
enum Report {
    /// `(1,1,5,5)`.
    static func shape(_ shape: [Int]) -> String {
        "(\(shape.map(String.init).joined(separator: ",")))"
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
        OutputSize.lines { axis in
            OutputSize.convolutionFormula(
                input: g.input[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], dilation: g.dilation[axis], result: g.output[axis])
        }
    }

    static func transposedSizes(_ t: ConvTranspose2D) -> [String] {
        let g = t.geometry
        return OutputSize.lines { axis in
            OutputSize.transposedFormula(
                input: g.output[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], outputPadding: t.outputPadding[axis],
                dilation: g.dilation[axis], result: g.input[axis])
        }
    }
}
