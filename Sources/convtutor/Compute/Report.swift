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

    /// The input with its padding ring, under a heading naming the mode, when there is padding.
    func paddedInput(_ layer: Conv2D) -> [String] {
        let g = layer.geometry
        guard g.sides.values.contains(where: { $0 > 0 }) else { return [] }
        return [t.compute(.paddedInput(g.paddingMode))] + Self.grids(.x, g.padded(layer.x))
    }

    /// A 1-D tensor on one line, then a blank line: `b = [0.5, -1]`.
    static func vector(_ name: TensorName, _ t: Tensor) -> [String] {
        ["\(name.rawValue) = [\(t.data.map(Text.number).joined(separator: ", "))]", ""]
    }

    /// The options as a header fragment: `stride 2  padding 1  dilation 1  groups 1`, the padding
    /// as it was asked for (`padding same`, `pad (1, 0, 1, 0)`) and its mode unless zeros
    /// (`padding 1  padding_mode reflect`).
    static func options(_ o: Conv2DOptions) -> String {
        let padding = switch o.paddingLayout {
        case .symmetric: "padding \(o.padding)"
        case .same: "padding same"
        case .sides(let sides): "pad \(sides)"
        }
        let mode = o.paddingMode == .zeros ? "" : "  padding_mode \(o.paddingMode.rawValue)"
        return "stride \(o.stride)  \(padding)\(mode)  dilation \(o.dilation)  groups \(o.groups)"
    }

    /// The equation of a cell, a blank line, then one indented line per term.
    func cell(_ trace: Trace) -> [String] {
        [t.equation(trace), ""] + t.termLines(trace).map { "  " + $0 }
    }

    /// `output size: ⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3`, or one line per axis when they differ.
    func convolutionSizes(_ g: Conv2DGeometry) -> [String] {
        t.sizeLines(.axes(g.sizeFormula))
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
