/// 1-D discrete convolution and correlation with NumPy's modes, exactly as `numpy.convolve` and
/// `numpy.correlate`.
///
///     convolve:  (a ∗ v)[k] = Σ_m a[m] · v[k − m]
///     correlate: c[k]       = Σ_n a[n + k] · v[n]
///
/// For inputs of lengths `M` and `N`, `full` has `M+N−1` outputs, `same` has `max(M, N)`
/// (centred on the `full` result), `valid` has `max(M, N) − min(M, N) + 1` (only complete overlaps).
public enum Conv1D {
    /// NumPy's output modes.
    public enum Mode: String, Sendable, CaseIterable {
        case full, same, valid
    }

    /// Convolution or correlation.
    public enum Operation: String, Sendable, CaseIterable {
        case convolve, correlate
    }

    /// `numpy.convolve(a, v, mode)`.
    public static func convolve(_ a: [Double], _ v: [Double], mode: Mode = .full) throws(ConvError) -> [Double] {
        try Plan(.convolve, a, v, mode).run()
    }

    /// `numpy.correlate(a, v, mode)` (note NumPy's default mode there is `valid`; ours is explicit).
    public static func correlate(_ a: [Double], _ v: [Double], mode: Mode) throws(ConvError) -> [Double] {
        try Plan(.correlate, a, v, mode).run()
    }

    /// Every term of output `k`.
    public static func trace(
        _ operation: Operation, _ a: [Double], _ v: [Double], mode: Mode, at k: Int
    ) throws(ConvError) -> Trace {
        let plan = try Plan(operation, a, v, mode)
        try Conv2D.checkIndex([k], shape: [plan.length], field: "cell")
        return plan.trace(k)
    }

    /// The number of outputs of `mode` for inputs of lengths `m` and `n`.
    public static func outputLength(_ m: Int, _ n: Int, mode: Mode) -> Int {
        switch mode {
        case .full: m + n - 1
        case .same: max(m, n)
        case .valid: max(m, n) - min(m, n) + 1
        }
    }

    /// The length formula with today's numbers: `3 + 3 − 1 = 5`, `max(5, 3) = 5`,
    /// `max(5, 3) − min(5, 3) + 1 = 3`.
    public static func lengthFormula(_ m: Int, _ n: Int, mode: Mode) -> String {
        let result = outputLength(m, n, mode: mode)
        switch mode {
        case .full: return "\(m) + \(n) − 1 = \(result)"
        case .same: return "max(\(m), \(n)) = \(result)"
        case .valid: return "max(\(m), \(n)) − min(\(m), \(n)) + 1 = \(result)"
        }
    }

    /// NumPy's algorithm: slide the shorter array `s` (length `n`) along the longer `l`,
    /// `raw[k] = Σ_j l[k − left + j] · s[j]`, where `left` is how far `s` starts before `l`
    /// (`n−1` for full, `n/2` for same, 0 for valid). Convolution first reverses `v`; correlation
    /// with `v` longer than `a` swaps them and reverses the result.
    struct Plan {
        /// The longer array and the sliding one, each with its name and a map back to its indices.
        let long: [Double], short: [Double]
        let longName: TensorName, shortName: TensorName
        let shortIndex: (Int) -> Int
        let left: Int
        let length: Int
        let reversesOutput: Bool

        init(_ operation: Operation, _ a: [Double], _ v: [Double], _ mode: Mode) throws(ConvError) {
            guard !a.isEmpty else { throw .empty(field: "a") }
            guard !v.isEmpty else { throw .empty(field: "v") }
            _ = try Limits.checkElements([a.count], field: "a")
            _ = try Limits.checkElements([v.count], field: "v")
            let swaps = v.count > a.count
            (long, longName) = swaps ? (v, .v) : (a, .a)
            let (s, sName): ([Double], TensorName) = swaps ? (a, .a) : (v, .v)
            shortName = sName
            let n = s.count
            switch operation {
            case .convolve:
                // numpy.convolve swaps so the longer array comes first, then correlates with the
                // shorter one reversed; no output reversal.
                short = s.reversed()
                shortIndex = { n - 1 - $0 }
                reversesOutput = false
            case .correlate:
                short = s
                shortIndex = { $0 }
                reversesOutput = swaps
            }
            switch mode {
            case .full: left = n - 1
            case .same: left = n / 2
            case .valid: left = 0
            }
            length = Conv1D.outputLength(long.count, n, mode: mode)
            _ = try Limits.product([length, n], field: "a", what: .multiplyAdds,
                                   limit: Limits.maxMultiplyAdds)
        }

        /// The raw output position computed for reported output `k`.
        private func rawIndex(_ k: Int) -> Int { reversesOutput ? length - 1 - k : k }

        /// Calls `body(p, j)` for every term of raw output `r`: `long[p] · short[j]`, `p` possibly
        /// outside `long` (NumPy's implicit zeros).
        @inline(__always)
        private func forEachTerm(_ r: Int, _ body: (Int, Int) -> Void) {
            for j in 0..<short.count { body(r - left + j, j) }
        }

        func run() -> [Double] {
            (0..<length).map { k in
                var total = Accumulator()
                forEachTerm(rawIndex(k)) { p, j in
                    total.add((p >= 0 && p < long.count ? long[p] : 0) * short[j])
                }
                return total.value
            }
        }

        func trace(_ k: Int) -> Trace {
            var total = Accumulator()
            var terms: [Term] = []
            forEachTerm(rawIndex(k)) { p, j in
                let inside = p >= 0 && p < long.count
                let term = Term([
                    Factor(tensor: longName, index: [p], value: inside ? long[p] : 0, inPadding: !inside),
                    Factor(tensor: shortName, index: [shortIndex(j)], value: short[j]),
                ])
                total.add(term.product)
                terms.append(term)
            }
            return Trace(tensor: .out, index: [k], reduction: .sum, terms: terms, value: total.value)
        }
    }
}
