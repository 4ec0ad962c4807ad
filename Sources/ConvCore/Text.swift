import Foundation

/// Plain-text forms of numbers, grids and traces, shared by the command line and the screens.
public enum Text {
    /// A number as a learner reads it: integers without a decimal point, others to six
    /// significant digits (`7`, `-0.5`, `0.333333`, `1e-07`), `-inf` for max pooling's padding.
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.6g", v)
    }

    /// `x[0,1,2,3]`.
    public static func cell(_ tensor: String, _ index: [Int]) -> String {
        "\(tensor)[\(index.map(String.init).joined(separator: ","))]"
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
    public static func planes(_ name: String, _ t: Tensor) -> [String] {
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

    /// The arithmetic of a trace on one line: `out[0,0,1,2] = 1×0 + 2×1 + 0×(-1) + 0.5 = 2.5`,
    /// `out[0,0,0,0] = max(1, 2, 5, 6) = 6`, `out[0,0,0,0] = (1 + 2 + 5 + 6)/4 = 3.5`;
    /// a cell no term reaches reads `dx[0,0,0,1] = 0 (nothing reaches this cell)`.
    public static func equation(_ trace: Trace) -> String {
        let lhs = cell(trace.tensor, trace.index)
        if trace.terms.isEmpty && trace.bias == nil { return "\(lhs) = 0 (nothing reaches this cell)" }
        // Negative operands of sums are parenthesized so that + and × read clearly.
        let terms = trace.terms.map { $0.factors.map { operand($0.value) }.joined(separator: "×") }
        let rhs: String
        switch trace.reduction {
        case .sum:
            rhs = (terms + (trace.bias.map { [operand($0.value)] } ?? [])).joined(separator: " + ")
        case .max:
            rhs = "max(\(trace.terms.map { number($0.product) }.joined(separator: ", ")))"
        case .average(let divisor):
            rhs = "(\(terms.joined(separator: " + ")))/\(divisor)"
        }
        return "\(lhs) = \(rhs) = \(number(trace.value))"
    }

    /// A scatter step on one line: `dOut[0,0,0,1] = 10 → dx[0,0,0,2] += 1×10, dx[0,0,0,3] += 2×10`
    /// (`target` names the tensor that receives the contributions).
    public static func scatter(_ step: Conv2D.ScatterStep, into target: String) -> String {
        let head = "\(cell(step.source.tensor, step.source.index)) = \(number(step.source.value))"
        guard !step.contributions.isEmpty else { return head + " reaches no cell" }
        return head + " → " + step.contributions.map { target2, term in
            "\(cell(target, target2)) += \(term.factors.map { operand($0.value) }.joined(separator: "×"))"
        }.joined(separator: ", ")
    }

    /// One line per term, naming every factor, then its values and the product, e.g.
    /// `x[0,0,1,5] × w[0,0,0,2] = 0 (padding) × 3 = 0`; the chosen maximum is marked `← max`.
    public static func termLines(_ trace: Trace) -> [String] {
        var lines = trace.terms.enumerated().map { k, term in
            let names = term.factors.map { cell($0.tensor, $0.index) }.joined(separator: " × ")
            let values = term.factors.map { f in
                (term.factors.count == 1 ? number(f.value) : operand(f.value)) + (f.inPadding ? " (padding)" : "")
            }.joined(separator: " × ")
            let product = term.factors.count > 1 ? " = \(number(term.product))" : ""
            return "\(names) = \(values)\(product)" + (trace.selected == k ? "  ← max" : "")
        }
        if let bias = trace.bias {
            lines.append("\(cell(bias.tensor, bias.index)) = \(number(bias.value)) (bias)")
        }
        return lines
    }

    /// A factor inside an equation: negative numbers in parentheses so `×` and `+` read clearly.
    private static func operand(_ v: Double) -> String {
        v < 0 ? "(\(number(v)))" : number(v)
    }
}
