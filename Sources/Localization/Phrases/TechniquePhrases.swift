import ConvCore

/// A line of a technique's compute block (`of: fft-convolution`, `of: winograd`, …) around the
/// compute core's arithmetic. Formulas and values that read the same in every language come
/// formatted, as `String`s; counts come as numbers, written by the catalogue.
public enum TechniquePhrase: Equatable, Sendable {
    // MARK: FFT and circular convolution

    /// `L = 8, the first power of two ≥ 3 + 3 − 1 = 5`.
    case paddedLength(length: Int, m: Int, n: Int)
    /// The FFT's result kept: the first `count` values (`mode` full), or NumPy's window of them.
    case kept(count: Int, mode: Conv1D.Mode)
    /// The largest difference from the direct sum: `4.44e-16`.
    case largestDifference(String)
    /// The largest difference between the two sides of an identity checked on numbers.
    case sidesDiffer(by: String)
    /// Direct multiplications of lengths `m` and `n`: `M·N`.
    case directCost(m: Int, n: Int, total: Int)
    /// The FFT's: three transforms of `butterflies` butterflies each and `L` products,
    /// `6·L·log₂L + 4·L`.
    case fftCost(length: Int, stages: Int, butterflies: Int, total: Int)
    /// Which is cheaper, and by what factor (`2.21`).
    case cheaper(fft: Bool, factor: String)
    /// The shortest kernel from which the FFT is cheaper for a signal of length `m`, if any ≤ `m`.
    case crossover(m: Int, n: Int?)
    /// `(a ⊛ v)[k] = Σₘ a[m]·v[(k − m) mod L]`, both zero-padded to `L`.
    case circularDefinition(length: Int)
    /// The linear convolution, `values` formatted.
    case linear(String)
    /// `L < M + N − 1`: the last `count` values of the linear convolution wrap onto the first.
    case wraps(count: Int, length: Int, m: Int, n: Int)
    /// `L ≥ M + N − 1`: nothing wraps; the linear result followed by `zeros` zeros.
    case noWrap(length: Int, m: Int, n: Int, zeros: Int)
    /// The same through the transform of length `L` (the FFT when `fft`): `values` formatted.
    case viaTransform(length: Int, fft: Bool, values: String)

    // MARK: Winograd

    /// How the input is cut: `tiles` tiles of 4 (4×4) inputs giving 2 (2×2) outputs each.
    case tiles(Winograd.Variant, tiles: Pair)
    /// The direct correlation's result, `values` formatted.
    case direct(String)
    /// Winograd's multiplications: tiles × per tile, for `outputs` outputs.
    case winogradMultiplications(Winograd.Variant, tiles: Int, total: Int, outputs: Int)
    /// The direct correlation's: outputs × taps.
    case directMultiplications(outputs: Int, taps: Int, total: Int)
    /// `factor`× fewer multiplications.
    case fewer(factor: String)
    /// A stage computed on the first tile only.
    case firstTile(String)
    /// The largest errors of Winograd and of the direct sum in `precision`, against the exact sum.
    case roundingError(Winograd.Precision, winograd: String, direct: String)

    // MARK: Batch-norm folding

    /// `w′ = s·w`, filter by filter.
    case foldedWeights
    /// The convolution's bias is zero when the block gives none.
    case noBias

    // MARK: Separable kernels

    /// `w = c·rᵀ`, `c` and `r` formatted.
    case factorisation(column: String, row: String)
    /// A 1×KW pass with the row, then a KH×1 pass with the column.
    case passes(kernel: Pair)
    /// `rank` singular values formatted.
    case singularValues(String)
    /// The rank, decided exactly (integers) or numerically.
    case rank(Int, exact: Bool)
    /// Multiplications per output: `KH·KW` directly, `rank·(KH + KW)` separably.
    case separableCost(kernel: Pair, rank: Int, direct: Int, separable: Int)
    /// The totals of a valid pass over an `input`.
    case separableTotal(input: Pair, output: Pair, kernel: Pair, direct: Int, separable: Int)
    /// A kernel of rank other than 1 is not one column times one row.
    case notSeparable(rank: Int)

    // MARK: Continuous convolution

    /// The two functions, the step and how many samples each gives.
    case sampling(f: String, g: String, dt: String, fSamples: Int, gSamples: Int)
    /// The closed form of `f ∗ g`, formatted, when it is one of the set.
    case exactly(String)
    /// At `t`: the sampled value, the exact one and the error, formatted.
    case continuousAt(t: String, sampled: String, exact: String, error: String)

    // MARK: He initialisation

    /// `fan_in = C/groups·KH·KW`.
    case fanIn(channels: Int, groups: Int, kernel: Pair, fanIn: Int)
    /// `std = √(2/fan_in)`, `std` formatted.
    case heStd(fanIn: Int, std: String)
    /// The uniform form's bound `√(6/fan_in)`, formatted.
    case heBound(fanIn: Int, bound: String)

    // MARK: TensorFlow's SAME padding

    /// One axis (the rows when `rows`, else the columns): `out = ⌈H/S⌉`, the total
    /// `max((out − 1)·S + D·(K − 1) + 1 − H, 0)` and its split.
    case tfSameAxis(rows: Bool, input: Int, kernel: Int, stride: Int, dilation: Int, out: Int, total: Int, before: Int, after: Int)
    /// The sides `[left, right, top, bottom]`, as `F.pad` and the `pad` key take them.
    case tfSamePad(sides: [Int])
}
