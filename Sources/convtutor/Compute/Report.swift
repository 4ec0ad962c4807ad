import ConvCore
import Localization

/// The text that the human form of `compute` prints, in the learner's language: a header, the
/// size arithmetic, the grids, and the arithmetic of one cell. Pure (values in, lines out) but
/// for `emit`, which prints them.
///
/// Tensor names, parameter names (`stride 2  padding 1`) and numbers are the same in every
/// language; the words around them come from the catalogue `t`.
struct Report {
    /// The words of the report.
    let t: any Catalogue

    /// `(1,1,5,5)`.
    static func shape(_ shape: [Int]) -> String {
        "(\(shape.map(String.init).joined(separator: ",")))"
    }

    /// The grids of a 4-D tensor, each plane titled, followed by a blank line.
    static func grids(_ name: TensorName, _ tensor: Tensor) -> [String] {
        Text.planes(name, tensor) + [""]
    }

    /// A 1-D tensor on one line, then a blank line: `b = [0.5, -1]`.
    static func vector(_ name: TensorName, _ t: Tensor) -> [String] {
        ["\(name.rawValue) = [\(t.data.map(Text.number).joined(separator: ", "))]", ""]
    }

    /// The options as a header fragment: `stride 2  padding 1  dilation 1  groups 1`.
    static func options(_ o: Conv2DOptions) -> String {
        "stride \(o.stride)  padding \(o.padding)  dilation \(o.dilation)  groups \(o.groups)"
    }

    /// The equation of a cell, a blank line, then one indented line per term.
    func cell(_ trace: Trace) -> [String] {
        [t.equation(trace), ""] + t.termLines(trace).map { "  " + $0 }
    }

    /// `output size: ⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3`, or one line per axis when they differ.
    func convolutionSizes(_ g: Conv2DGeometry) -> [String] {
        t.sizeLines(.axes { axis in
            OutputSize.convolutionFormula(
                input: g.input[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], dilation: g.dilation[axis], result: g.output[axis])
        })
    }

    /// The transposed convolution's size formula, as `convolutionSizes`.
    func transposedSizes(_ layer: ConvTranspose2D) -> [String] {
        let g = layer.geometry
        return t.sizeLines(.axes { axis in
            OutputSize.transposedFormula(
                input: g.output[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                padding: g.padding[axis], outputPadding: layer.outputPadding[axis],
                dilation: g.dilation[axis], result: g.input[axis])
        })
    }

    /// Prints the lines `make` builds with a report in `language`; a refusal of the compute core
    /// is rethrown in that language.
    static func emit(in language: Language, _ make: (Report) throws -> [String]) throws {
        let report = Report(t: language.catalogue)
        do {
            print(try make(report).joined(separator: "\n"))
        } catch let error as ConvError {
            throw RequestError(message: report.t.error(error))
        }
    }
}
