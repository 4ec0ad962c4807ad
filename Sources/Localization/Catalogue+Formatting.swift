import ConvCore
import TermCanvas

/// Text built the same way in every language from a catalogue's words: the arithmetic of a cell,
/// aligned size formulas, counts with thousands separators.
extension Catalogue {
    /// The arithmetic of a trace on one line: `out[0,0,1,2] = 1×0 + 2×1 + 0×(-1) + 0.5 = 2.5`,
    /// `out[0,0,0,0] = max(1, 2, 5, 6) = 6`, `out[0,0,0,0] = (1 + 2 + 5 + 6)/4 = 3.5`,
    /// `dx[0,0,0,0] = 1/4 + 2/2 = 1.25` (each term over its own divisor); a cell no
    /// term reaches reads `dx[0,0,0,1] = 0`, then why.
    public func equation(_ trace: Trace) -> String {
        let lhs = Text.cell(trace.tensor, trace.index)
        if trace.terms.isEmpty && trace.bias == nil { return "\(lhs) = 0" + parenthesized(traceWord(.nothingReaches)) }
        // Negative operands of sums are parenthesized so that + and × read clearly.
        let terms = trace.terms.map { $0.factors.map { Self.operand($0.value) }.joined(separator: "×") }
        let rhs: String
        switch trace.reduction {
        case .sum:
            rhs = (terms + (trace.bias.map { [Self.operand($0.value)] } ?? [])).joined(separator: " + ")
        case .max:
            rhs = "max(\(trace.terms.map { Text.number($0.product) }.joined(separator: ", ")))"
        case .average(let divisor):
            rhs = "(\(terms.joined(separator: " + ")))/\(divisor)"
        case .shares(let divisors):
            rhs = zip(terms, divisors).map { "\($0)/\(Self.operand(Double($1)))" }.joined(separator: " + ")
        }
        return "\(lhs) = \(rhs) = \(Text.number(trace.value))"
    }

    /// A scatter step on one line: `dOut[0,0,0,1] = 10 → dx[0,0,0,2] += 1×10, dx[0,0,0,3] += 2×10`.
    public func scatter(_ step: Conv2D.ScatterStep, into target: TensorName) -> String {
        let head = "\(Text.cell(step.source.tensor, step.source.index)) = \(Text.number(step.source.value))"
        guard !step.contributions.isEmpty else { return head + " " + traceWord(.reachesNoCell) }
        return head + " → " + step.contributions.map { cell, term in
            "\(Text.cell(target, cell)) += \(term.factors.map { Self.operand($0.value) }.joined(separator: "×"))"
                + (term.via.map { parenthesized(route($0)) } ?? "")
        }.joined(separator: ", ")
    }

    /// One line per term, naming every factor, then its values and the product, e.g.
    /// `x[0,0,1,5] × w[0,0,0,2] = 0 (padding) × 3 = 0`, `x[0,0,-1,2] × w[0,0,0,1] = 7 (reflect:
    /// x[0,0,1,2]) × 2 = 14`; a gradient term that came through a padding cell ends with it,
    /// `(reflect: via x[0,0,-1,2])`; the kept maximum is marked `← max`.
    public func termLines(_ trace: Trace) -> [String] {
        var lines = trace.terms.enumerated().map { k, term in
            let names = term.factors.map { Text.cell($0.tensor, $0.index) }.joined(separator: " × ")
            let values = term.factors.map { f in
                (term.factors.count == 1 ? Text.number(f.value) : Self.operand(f.value)) + paddingRemark(f)
            }.joined(separator: " × ")
            let product = term.factors.count > 1 ? " = \(Text.number(term.product))" : ""
            return "\(names) = \(values)\(product)" + (term.via.map { parenthesized(route($0)) } ?? "")
                + (trace.selected == k ? "  ← " + traceWord(.maximum) : "")
        }
        if let bias = trace.bias {
            lines.append("\(Text.cell(bias.tensor, bias.index)) = \(Text.number(bias.value))" + parenthesized(traceWord(.bias)))
        }
        return lines
    }

    /// After a factor's value: `(padding)` for zero padding, `(reflect: x[0,0,1,2])` for a padding
    /// cell holding a copy; nothing for a real cell.
    func paddingRemark(_ f: Factor) -> String {
        guard f.inPadding else { return "" }
        guard let copy = f.copy else { return parenthesized(traceWord(.padding)) }
        return parenthesized(traceWord(.paddingMode(copy.mode)) + colon + Text.cell(f.tensor, copy.source))
    }

    /// The padding cell a gradient term came through: `reflect: via x[0,0,-1,2]` (the padding
    /// around the convolution's input `x`).
    func route(_ via: PaddingCopy) -> String {
        traceWord(.paddingMode(via.mode)) + colon + traceWord(.via(Text.cell(.x, via.cell)))
    }

    /// A padding cell and the cell it copies: `x[0,0,-1,2] = x[0,0,1,2] (reflect)`.
    public func copyLine(_ tensor: TensorName, _ copy: PaddingCopy) -> String {
        "\(Text.cell(tensor, copy.cell)) = \(Text.cell(tensor, copy.source))" + parenthesized(traceWord(.paddingMode(copy.mode)))
    }

    /// A gradient checked cell by cell, as a table: the heading and the rule, a header row, a
    /// row a cell (its name, then the numbers right-aligned), then the verdict.
    public func gradientCheckTable(_ probes: [GradientProbe]) -> [String] {
        let header = GradientCheckColumn.allCases.map { gradientCheck(.column($0)) }
        let rows = probes.map { p in
            [Text.cell(p.tensor, p.index), Text.precise(p.lossPlus), Text.precise(p.lossMinus), Text.precise(p.numeric),
             Text.precise(p.analytic), Text.scientific(p.relativeError)]
        }
        let widths = header.indices.map { k in ([header] + rows).map { TextWidth.columns($0[k]) }.max() ?? 0 }
        let line = { (cells: [String]) in
            cells.enumerated().map { k, text in
                let fill = String(repeating: " ", count: widths[k] - TextWidth.columns(text))
                return k == 0 ? text + fill : fill + text
            }.joined(separator: "  ")
        }
        let failing = probes.filter { !$0.passes }
        let verdict = failing.isEmpty
            ? gradientCheck(.allAgree(cells: probes.count, largest: Text.scientific(probes.map(\.relativeError).max() ?? 0)))
            : gradientCheck(.disagree(count: failing.count, of: probes.count, cells: failing.prefix(5).map { Text.cell($0.tensor, $0.index) }))
        return [gradientCheck(.heading(step: Text.number(probes.first?.step ?? 0))),
                gradientCheck(.rule(tolerance: Text.scientific(GradientCheck.tolerance))), "", line(header)]
            + rows.map(line) + ["", verdict]
    }

    /// One cell's gradient check in two lines: the two losses and the step, then the centred
    /// difference beside the analytic value and their relative error.
    public func probeLines(_ p: GradientProbe) -> [String] {
        [gradientCheck(.probeLosses(cell: Text.cell(p.tensor, p.index), plus: Text.precise(p.lossPlus),
                                    minus: Text.precise(p.lossMinus), step: Text.number(p.step))),
         gradientCheck(.probeResult(numeric: Text.precise(p.numeric), analytic: Text.precise(p.analytic),
                                    error: Text.scientific(p.relativeError), agrees: p.passes))]
    }

    /// A size formula as lines, each after its label; the formulas of the two axes line up.
    public func sizeLines(_ formula: SizeFormula) -> [String] {
        switch formula {
        case .length(let mode, let text): return [sizeLabel(.length(mode)) + colon + text]
        case .size(let text): return [sizeLabel(.size) + colon + text]
        case .perAxis(let h, let w): return aligned(sizeLabel(.height), h, sizeLabel(.width), w)
        case .windows(let h, let w) where h == w: return [sizeLabel(.windows(nil)) + colon + h]
        case .windows(let h, let w): return aligned(sizeLabel(.windows(.height)), h, sizeLabel(.windows(.width)), w)
        }
    }

    /// Two labelled lines whose texts start in one column.
    private func aligned(_ label1: String, _ text1: String, _ label2: String, _ text2: String) -> [String] {
        let columns = max(TextWidth.columns(label1), TextWidth.columns(label2))
        let pad = { (label: String) in label + colon + String(repeating: " ", count: columns - TextWidth.columns(label)) }
        return [pad(label1) + text1, pad(label2) + text2]
    }

    /// `1,234,567`: an integer with its thousands grouped.
    public func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// A factor inside an equation: negative numbers in parentheses so `×` and `+` read clearly.
    static func operand(_ v: Double) -> String {
        v < 0 ? "(\(Text.number(v)))" : Text.number(v)
    }
}
