import ConvCore
import LessonKit
import Localization

/// The fast convolutions' compute blocks: through the FFT, circular, and Winograd's.
extension Computation.Technique {
    // MARK: FFT

    /// The padded arrays' spectra, their product, its inverse and the kept values, against the
    /// direct sum; the value is what `numpy.convolve(a, v, mode)` gives.
    static func fft(_ a: [Double], _ v: [Double], _ mode: Conv1D.Mode, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let r = try FFTConvolution.convolve(a, v, mode: mode)
        let direct = try Conv1D.convolve(a, v, mode: mode)
        let lines = [
            "a = \(list(a)), v = \(list(v))",
            t.technique(.paddedLength(length: r.length, m: a.count, n: v.count)),
            "FFT(a) = \(complexList(r.spectrumA))",
            "FFT(v) = \(complexList(r.spectrumV))",
            "FFT(a)·FFT(v) = \(complexList(r.product))",
            "IFFT(FFT(a)·FFT(v)) = \(list(cleaned(r.inverse)))",
            t.technique(.kept(count: r.out.count, mode: mode)),
            "\(ReferenceCall.numpy(.convolve, mode: mode)) = \(list(cleaned(r.out)))",
            t.technique(.largestDifference(Text.compact(largestDifference(r.out, direct)))),
        ]
        return ComputedResult(lines: lines, value: .list(r.out))
    }

    /// Multiplications directly and by FFT, which is cheaper, and the crossover for this signal;
    /// the value is `[direct, fft]`.
    static func fftCost(_ m: Int, _ n: Int, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let c = try FFTConvolution.Cost(m, n)
        let fftWins = c.fft < c.direct
        let lines = [
            t.technique(.directCost(m: m, n: n, total: c.direct)),
            t.technique(.paddedLength(length: c.length, m: m, n: n)),
            t.technique(.fftCost(length: c.length, stages: c.stages, butterflies: c.butterflies, total: c.fft)),
            t.technique(.cheaper(fft: fftWins, factor: fftWins ? factor(c.direct, c.fft) : factor(c.fft, c.direct))),
            t.technique(.crossover(m: max(m, n), n: try FFTConvolution.crossover(signalLength: max(m, n)))),
        ]
        return ComputedResult(lines: lines, value: .list([Double(c.direct), Double(c.fft)]))
    }

    // MARK: Circular

    /// The definition's result, the linear convolution and how it wraps, and the same through the
    /// DFT; the value is the circular convolution.
    static func circular(_ a: [Double], _ v: [Double], length L: Int, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let circular = try CircularConvolution.direct(a, v, length: L)
        let viaDFT = try CircularConvolution.viaDFT(a, v, length: L)
        let linear = try Conv1D.convolve(a, v)
        let full = linear.count
        var lines = [
            "a = \(list(a)), v = \(list(v))",
            t.technique(.circularDefinition(length: L)),
            "a ⊛ v = \(list(circular))",
            t.technique(.linear(list(linear))),
        ]
        lines.append(L < full ? t.technique(.wraps(count: full - L, length: L, m: a.count, n: v.count))
            : t.technique(.noWrap(length: L, m: a.count, n: v.count, zeros: L - full)))
        lines.append(t.technique(.viaTransform(length: L, fft: DFT.isPowerOfTwo(L), values: list(cleaned(viaDFT)))))
        return ComputedResult(lines: lines, value: .list(circular))
    }

    // MARK: Winograd

    /// Winograd's output, multiplications, transforms or rounding error.
    static func winograd(_ variant: Winograd.Variant, _ d: [[Double]], _ g: [[Double]], _ precision: Winograd.Precision,
                         _ show: Computation.Show, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let r = try Winograd.correlate(d, g, variant)
        let oneD = variant == .f23
        let value = { (rows: [[Double]]) in oneD ? ComputedValue.list(rows[0]) : .grid(rows) }
        let shown = { (name: String, rows: [[Double]]) in oneD ? ["\(name) = \(list(rows[0]))"] : grid(name, rows) }
        switch show {
        case .multiplications:
            let outputs = r.out.count * r.out[0].count
            let lines = [
                t.technique(.winogradMultiplications(variant, tiles: r.tiles.h * r.tiles.w, total: r.multiplications, outputs: outputs)),
                t.technique(.directMultiplications(outputs: outputs, taps: oneD ? 3 : 9, total: r.directMultiplications)),
                t.technique(.fewer(factor: factor(r.directMultiplications, r.multiplications))),
            ]
            return ComputedResult(lines: lines, value: .list([Double(r.directMultiplications), Double(r.multiplications)]))
        case .transforms:
            var lines = grid("Bᵀ", Winograd.bT) + grid("G", Winograd.g) + grid("Aᵀ", Winograd.aT)
            let tile = r.firstTile
            lines += shown(oneD ? "U = G g" : "U = G g Gᵀ", tile.u)
            lines += shown(t.technique(.firstTile(oneD ? "V = Bᵀ d" : "V = Bᵀ d B")), tile.v)
            lines += shown("M = U ⊙ V", tile.m) + shown(oneD ? "y = Aᵀ M" : "Y = Aᵀ M A", tile.y)
            return ComputedResult(lines: lines, value: value(tile.u))
        case .error:
            let e = try Winograd.error(d, g, variant, precision: precision)
            let line = t.technique(.roundingError(precision, winograd: Text.compact(e.winograd), direct: Text.compact(e.direct)))
            return ComputedResult(lines: [line], value: .number(e.winograd))
        default:
            let direct = variant == .f23 ? [try Conv1D.correlate(d[0], g[0], mode: .valid)]
                : try Conv2D(x: Tensor(shape: [1, 1, d.count, d[0].count], data: d.flatMap { $0 }),
                             w: Tensor(shape: [1, 1, g.count, g[0].count], data: g.flatMap { $0 })).forward().plane(0, 0).rows
            var lines = shown("d", d) + shown("g", g)
            lines.append(oneD ? "y = Aᵀ[(G g) ⊙ (Bᵀ d)]" : "Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)] A")
            lines.append(t.technique(.tiles(variant, tiles: r.tiles)))
            lines += shown(oneD ? "y" : "Y", r.out)
            lines.append(t.technique(.direct(oneD ? list(direct[0]) : ComputedValue.grid(direct).text(t))))
            lines.append(t.technique(.largestDifference(Text.compact(largestDifference(r.out.flatMap { $0 }, direct.flatMap { $0 })))))
            return ComputedResult(lines: lines, value: value(r.out))
        }
    }
}
