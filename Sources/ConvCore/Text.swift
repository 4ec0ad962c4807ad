import Foundation

/// Plain-text forms of numbers, cells and grids, shared by the command line and the screens (the
/// arithmetic of a trace, which has words in it, is written by `Localization`).
public enum Text {
    /// A number as a learner reads it: integers without a decimal point, others to six
    /// significant digits (`7`, `-0.5`, `0.333333`, `1e-07`), `-inf` for max pooling's padding.
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.6g", v)
    }

    /// A number for a grid cell, where columns must stay narrow: like `number`, but with three
    /// significant digits (`0.111` for 1/9); the arithmetic beside a grid gives the full value.
    public static func compact(_ v: Double) -> String {
        if v.isNaN || v.isInfinite || (v == v.rounded() && abs(v) < 1e15) { return number(v) }
        return String(format: "%.3g", v)
    }

    /// A number to twelve significant digits (`4523.00001`, `1.00000000003`), for values that
    /// differ far to the right, such as the losses of a gradient check; integers as `number`.
    public static func precise(_ v: Double) -> String {
        if v.isNaN || v.isInfinite || (v == v.rounded() && abs(v) < 1e15) { return number(v) }
        return String(format: "%.12g", v)
    }

    /// A small quantity such as a relative error, in scientific notation with two digits
    /// (`2.1e-11`); `0` for zero.
    public static func scientific(_ v: Double) -> String {
        v == 0 ? "0" : String(format: "%.1e", v)
    }

    /// `x[0,1,2,3]`.
    public static func cell(_ tensor: TensorName, _ index: [Int]) -> String {
        cell(tensor.rawValue, index)
    }

    /// A cell of an array named as the learner's code names it: `dW[1,0,2,2]`.
    public static func cell(_ name: String, _ index: [Int]) -> String {
        "\(name)[\(index.map(String.init).joined(separator: ","))]"
    }

    /// The rows of a 2-D tensor with right-aligned columns, e.g. `[" 1  2", "10 -3"]`.
    public static func grid(_ matrix: Tensor) -> [String] {
        precondition(matrix.rank == 2, "grid(_:) needs a 2-D tensor, got shape \(matrix.shape)")
        let cells = matrix.data.map(number)
        let width = cells.map(\.count).max() ?? 0
        return (0..<matrix.shape[0]).map { row in
            (0..<matrix.shape[1]).map { col in
                let text = cells[row * matrix.shape[1] + col]
                return String(repeating: " ", count: width - text.count) + text
            }.joined(separator: " ")
        }
    }

    /// A 4-D tensor as one titled grid per `[i0, i1]` plane, e.g. `x[0,1]  (3×3)` then its rows.
    public static func planes(_ name: TensorName, _ t: Tensor) -> [String] {
        precondition(t.rank == 4, "planes(_:_:) needs a 4-D tensor, got shape \(t.shape)")
        var lines: [String] = []
        for i0 in 0..<t.shape[0] {
            for i1 in 0..<t.shape[1] {
                lines.append("\(cell(name, [i0, i1]))  (\(t.shape[2])×\(t.shape[3]))")
                lines += grid(t.plane(i0, i1)).map { "  " + $0 }
            }
        }
        return lines
    }
}
