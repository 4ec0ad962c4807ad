import ConvCore

/// The English lines of the techniques' compute blocks.
extension English {
    func technique(_ phrase: TechniquePhrase) -> String {
        switch phrase {
        case .paddedLength(let length, let m, let n):
            "L = \(length), the first power of two ≥ \(m) + \(n) − 1 = \(m + n - 1)"
        case .kept(let count, let mode):
            mode == .full ? "the first \(count) values are the linear convolution"
                : "NumPy's \(mode.rawValue) mode keeps \(count) of the linear convolution's values"
        case .largestDifference(let d): "largest difference from the direct sum: \(d)"
        case .sidesDiffer(let d): "largest difference between the two sides: \(d)"
        case .directCost(let m, let n, let total):
            "direct: M·N = \(m)·\(n) = \(grouped(total)) multiplications"
        case .fftCost(let length, let stages, let butterflies, let total):
            "FFT: 3 transforms of (L/2)·log₂L = \(grouped(butterflies)) butterflies, then L products: "
                + "6·L·log₂L + 4·L = 6·\(length)·\(stages) + 4·\(length) = \(grouped(total)) multiplications"
        case .cheaper(let fft, let factor):
            fft ? "the FFT needs \(factor)× fewer" : "the direct sum needs \(factor)× fewer"
        case .crossover(let m, let n):
            n.map { "for a signal of \(m), the FFT is cheaper from a kernel of \($0) on" }
                ?? "for a signal of \(m), the direct sum is cheaper with every kernel up to \(m)"
        case .circularDefinition(let length):
            "(a ⊛ v)[k] = Σₘ a[m]·v[(k − m) mod \(length)], both zero-padded to \(length)"
        case .linear(let values): "linear a ∗ v = \(values)"
        case .wraps(let wrapped, let length, let m, let n):
            "\(length) < \(m) + \(n) − 1 = \(m + n - 1): "
                + (wrapped == 1 ? "the last value wraps around onto the first" : "the last \(wrapped) values wrap around onto the first \(wrapped)")
        case .noWrap(let length, let m, let n, let zeros):
            "\(length) ≥ \(m) + \(n) − 1 = \(m + n - 1): nothing wraps; the linear convolution followed by \(count(zeros, "zero"))"
        case .viaTransform(let length, let fft, let values):
            "through the \(fft ? "FFT" : "DFT") of length \(length): IDFT(DFT(a)·DFT(v)) = \(values)"
        case .tiles(let variant, let tiles):
            variant == .f23
                ? "\(variant.rawValue): \(count(tiles.w, "tile")) of 4 inputs, 2 outputs each"
                : "F(2×2,3×3): \(tiles.h)×\(tiles.w) tiles of 4×4 inputs, 2×2 outputs each"
        case .direct(let values): "direct correlation: \(values)"
        case .winogradMultiplications(let variant, let tiles, let total, let outputs):
            "Winograd \(name(variant)): \(count(tiles, "tile")) × \(variant.tileMultiplications) = \(grouped(total)) multiplications for \(count(outputs, "output"))"
        case .directMultiplications(let outputs, let taps, let total):
            "direct: \(count(outputs, "output")) × \(taps) = \(grouped(total)) multiplications"
        case .fewer(let factor): "\(factor)× fewer multiplications"
        case .firstTile(let stage): "\(stage) (first tile)"
        case .roundingError(let precision, let winograd, let direct):
            "\(precision.rawValue): largest error of Winograd \(winograd), of the direct sum \(direct) (against the exact sum)"
        case .foldedWeights: "w′ = s·w, filter by filter:"
        case .noBias: "b = 0 (the convolution has no bias)"
        case .factorisation(let column, let row): "w = c·rᵀ with c = \(column), r = \(row)"
        case .passes(let k):
            "a 1×\(k.w) pass with r, then a \(k.h)×1 pass with c"
        case .singularValues(let values): "singular values: \(values)"
        case .rank(let rank, let exact):
            "rank \(rank)" + (exact ? " (exact: integer entries)" : " (numerical: singular values above σ₁·max(KH, KW)·ε)")
        case .separableCost(let k, let rank, let direct, let separable):
            "per output: KH·KW = \(k.h)·\(k.w) = \(direct) multiplications directly, "
                + (rank == 1 ? "KH + KW = \(k.h) + \(k.w) = \(separable) separably"
                    : "\(rank)·(KH + KW) = \(rank)·(\(k.h) + \(k.w)) = \(separable) as a sum of \(rank) separable kernels")
        case .separableTotal(let input, let output, let k, let direct, let separable):
            "on \(input.h)×\(input.w) (output \(output.h)×\(output.w)): \(output.h)·\(output.w)·\(k.h)·\(k.w) = \(grouped(direct)) directly; "
                + "\(input.h)·\(output.w)·\(k.w) + \(output.h)·\(output.w)·\(k.h) = \(grouped(separable)) separably"
        case .notSeparable(let rank):
            "w has rank \(rank): it is not one column times one row"
        case .sampling(let f, let g, let dt, let fSamples, let gSamples):
            "f = \(f), g = \(g), Δt = \(dt): \(fSamples) and \(count(gSamples, "sample"))"
        case .exactly(let form): "exactly, f ∗ g = \(form)"
        case .continuousAt(let t, let sampled, let exact, let error):
            "t = \(t): sampled \(sampled), exact \(exact), error \(error)"
        case .fanIn(let c, let groups, let k, let fanIn):
            "fan_in = C/groups·KH·KW = \(c)/\(groups)·\(k.h)·\(k.w) = \(grouped(fanIn))"
        case .heStd(let fanIn, let std): "He: std = √(2/fan_in) = √(2/\(fanIn)) = \(std)"
        case .heBound(let fanIn, let bound): "uniform: bound = √(6/fan_in) = √(6/\(fanIn)) = \(bound)"
        case .tfSameAxis(let rows, let h, let k, let s, let d, let out, let total, let before, let after):
            "\(rows ? "rows" : "columns"): out = ⌈\(h)/\(s)⌉ = \(out); total = max((\(out)−1)·\(s) + \(d)·(\(k)−1) + 1 − \(h), 0) = \(total): "
                + (rows ? "\(before) on top, \(after) at the bottom" : "\(before) on the left, \(after) on the right")
        case .tfSamePad(let sides): "F.pad sides [left, right, top, bottom] = [\(sides.map(String.init).joined(separator: ", "))]"
        }
    }

    /// `F(2,3)` or `F(2×2,3×3)`.
    private func name(_ variant: Winograd.Variant) -> String {
        variant == .f23 ? "F(2,3)" : "F(2×2,3×3)"
    }
}
