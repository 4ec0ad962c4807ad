import ConvCore
import Testing
import TestSupport

/// Traces against the tensors they explain, for every cell of every output and gradient.
///
/// The core sums each cell with the same loop that builds its trace, so `trace.value` and
/// `trace.recomputed()` must equal the computed cell bit for bit. The terms themselves are checked
/// against the definitions written out independently here (`out[n,f,i,j] += x[n, c, i·S−P+kh·D,
/// j·S−P+kw·D] · w[f, c mod C/G, kh, kw]`, the transposed scatter, pooling windows, NumPy's 1-D
/// index relations): which cells meet, their values, and which ones lie in the padding.
@Suite("Traces reproduce every cell exactly")
struct TraceTests {
    static let convolutions = Sweep.chosenConvolutions + Sweep.convolutions(seed: 0x7ACE1, count: 8)
        + Sweep.chosenPadded + Sweep.paddedConvolutions(seed: 0x7ACE5, count: 12)
    static let transposed = Sweep.chosenTransposed + Sweep.transposed(seed: 0x7ACE2, count: 4)
    static let pools = Sweep.chosenPools + Sweep.pools(seed: 0x7ACE3, count: 6) + Sweep.chosenPoolOptions
        + Sweep.poolOptions(seed: 0x7ACE5, count: 12)

    // MARK: Conv2D

    @Test("Conv2D.traceOutput: every cell, its C/G·KH·KW terms (x then w) and the bias", arguments: convolutions)
    func conv2dOutput(_ c: ConvCase) throws {
        let (layer, _) = try c.make()
        let out = layer.forward()
        let products = ConvProducts(c)
        let termCount = c.xShape[1] / c.options.groups * c.wShape[2] * c.wShape[3]
        var problems: [String] = []
        var paddedTerms = 0
        for index in allIndices(out.shape) {
            let trace = try layer.traceOutput(index)
            problems += exactness(trace, out[index], index)
            problems += reads(trace, [.x: layer.x, .w: layer.w, .b: layer.b ?? Tensor([])], mode: c.options.paddingMode)
            if trace.tensor != .out || trace.index != index || trace.reduction != .sum {
                problems.append("\(index): header \(trace.tensor)\(trace.index) \(trace.reduction)")
            }
            if trace.terms.count != termCount {
                problems.append("\(index): \(trace.terms.count) terms, expected \(termCount)")
            }
            // In summation order: channel, window row, window column; x first, then w.
            let expected = products.forOutput[index, default: []].map { "x\($0.x)·w\($0.w)" }
            let got = trace.terms.map { $0.factors.map { "\($0.tensor)\($0.index)" }.joined(separator: "·") }
            if got != expected { problems.append("\(index): terms \(got), expected \(expected)") }
            paddedTerms += trace.terms.filter { $0.factors[0].inPadding }.count
            let bias = layer.b.map { Factor(tensor: .b, index: [index[1]], value: $0.data[index[1]]) }
            if trace.bias != bias { problems.append("\(index): bias \(String(describing: trace.bias))") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // The padding checks above were exercised whenever the padding is read at all.
        #expect((paddedTerms > 0) == products.readsPadding)
    }

    @Test("Conv2D.traceGradient dx, dw, db: every cell", arguments: convolutions)
    func conv2dGradients(_ c: ConvCase) throws {
        let (layer, dOut) = try c.make()
        let g = try layer.backward(dOut)
        let products = ConvProducts(c)
        let tensors: [TensorName: Tensor] = [.x: layer.x, .w: layer.w, .dOut: dOut]
        let mode = c.options.paddingMode
        var problems: [String] = []
        for index in allIndices(g.dx.shape) {
            let trace = try layer.traceGradient(.dx, at: index, dOut: dOut)
            problems += exactness(trace, g.dx[index], index) + reads(trace, tensors, mode: mode)
            // Every product that read this input cell, or a padding cell holding its value (then
            // through that cell), with w and dOut as factors.
            let expected = products.forInput[index, default: []].map { p in
                ["w\(p.w)", "dOut\(p.out)"] + (p.x == index ? [] : ["via x\(p.x)"])
            }
            problems += sameTerms(trace, expected, index)
        }
        for index in allIndices(g.dw.shape) {
            let trace = try layer.traceGradient(.dw, at: index, dOut: dOut)
            problems += exactness(trace, g.dw[index], index) + reads(trace, tensors, mode: mode)
            // Every product this weight took part in, padding included (value 0).
            let expected = products.forWeight[index, default: []].map { ["dOut\($0.out)", "x\($0.x)"] }
            problems += sameTerms(trace, expected, index)
        }
        for f in 0..<c.wShape[0] {
            let trace = try layer.traceGradient(.db, at: [f], dOut: dOut)
            problems += exactness(trace, g.db[f], [f]) + reads(trace, tensors)
            let expected = allIndices(dOut.shape).filter { $0[1] == f }.map { ["dOut\($0)"] }
            problems += sameTerms(trace, expected, [f])
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    // MARK: ConvTranspose2D

    @Test("ConvTranspose2D.traceOutput: every cell, its scattered products and the bias", arguments: transposed)
    func convTransposeOutput(_ c: TransposedCase) throws {
        let (layer, _) = try c.make()
        let out = layer.forward()
        let scatter = TransposedProducts(c, outShape: out.shape)
        var problems: [String] = []
        for index in allIndices(out.shape) {
            let trace = try layer.traceOutput(index)
            problems += exactness(trace, out[index], index)
            problems += reads(trace, [.x: layer.x, .w: layer.w, .b: layer.b ?? Tensor([])])
            if trace.reduction != .sum || trace.index != index { problems.append("\(index): header") }
            let expected = scatter.forOutput[index, default: []].map { ["x\($0.x)", "w\($0.w)"] }
            problems += sameTerms(trace, expected, index)
            let bias = layer.b.map { Factor(tensor: .b, index: [index[1]], value: $0.data[index[1]]) }
            if trace.bias != bias { problems.append("\(index): bias \(String(describing: trace.bias))") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("ConvTranspose2D.traceGradient dx, dw, db: every cell", arguments: transposed)
    func convTransposeGradients(_ c: TransposedCase) throws {
        let (layer, dOut) = try c.make()
        let g = try layer.backward(dOut)
        let scatter = TransposedProducts(c, outShape: dOut.shape)
        let tensors: [TensorName: Tensor] = [.x: layer.x, .w: layer.w, .dOut: dOut]
        var problems: [String] = []
        for index in allIndices(g.dx.shape) {
            let trace = try layer.traceGradient(.dx, at: index, dOut: dOut)
            problems += exactness(trace, g.dx[index], index) + reads(trace, tensors)
            let expected = scatter.forInput[index, default: []].map { ["dOut\($0.out)", "w\($0.w)"] }
            problems += sameTerms(trace, expected, index)
        }
        for index in allIndices(g.dw.shape) {
            let trace = try layer.traceGradient(.dw, at: index, dOut: dOut)
            problems += exactness(trace, g.dw[index], index) + reads(trace, tensors)
            let expected = scatter.forWeight[index, default: []].map { ["dOut\($0.out)", "x\($0.x)"] }
            problems += sameTerms(trace, expected, index)
        }
        for o in 0..<g.db.count {
            let trace = try layer.traceGradient(.db, at: [o], dOut: dOut)
            problems += exactness(trace, g.db[o], [o]) + reads(trace, tensors)
            let expected = allIndices(dOut.shape).filter { $0[1] == o }.map { ["dOut\($0)"] }
            problems += sameTerms(trace, expected, [o])
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    // MARK: Pooling

    /// On distinct doubles and on small integers with many ties (where "first maximum" matters);
    /// fixed windows with every option, and adaptive windows.
    @Test("pooling traceOutput: the window row-major, padding −∞ or 0, the first maximum, the divisor",
          arguments: pools, [false, true])
    func poolOutput(_ c: PoolCase, ties: Bool) throws {
        let (layer, _) = try c.make(ties: ties)
        let out = layer.forward()
        let x = layer.x
        let windows = PoolWindowsByHand(c)
        let padding = c.kind == .max ? -Double.infinity : 0
        var problems: [String] = []
        for index in allIndices(out.shape) {
            let trace = try layer.traceOutput(index)
            problems += exactness(trace, out[index], index)
            let (n, ch, i, j) = (index[0], index[1], index[2], index[3])
            var expected: [Term] = []
            for h in windows.taps(i, .height) {
                for w in windows.taps(j, .width) {
                    let inside = h >= 0 && h < x.shape[2] && w >= 0 && w < x.shape[3]
                    expected.append(Term([Factor(tensor: .x, index: [n, ch, h, w],
                                                 value: inside ? x[n, ch, h, w] : padding, inPadding: !inside)]))
                }
            }
            if trace.terms != expected { problems.append("\(index): terms \(trace.terms)") }
            switch c.kind {
            case .max:
                let real = expected.filter { !$0.factors[0].inPadding }
                let best = real.map { $0.factors[0].value }.max()!
                let first = expected.firstIndex { !$0.factors[0].inPadding && $0.factors[0].value == best }
                if trace.reduction != .max { problems.append("\(index): reduction \(trace.reduction)") }
                if trace.selected != first { problems.append("\(index): selected \(String(describing: trace.selected)), expected \(String(describing: first))") }
            case .average:
                let divisor = windows.divisor(i, j)
                if trace.reduction != .average(divisor: divisor) { problems.append("\(index): reduction \(trace.reduction), divisor \(divisor)") }
                if trace.selected != nil { problems.append("\(index): avg selects \(String(describing: trace.selected))") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("pooling traceGradient: the windows that send gradient to each input cell, each with its divisor",
          arguments: pools, [false, true])
    func poolGradient(_ c: PoolCase, ties: Bool) throws {
        let (layer, dOut) = try c.make(ties: ties)
        let dx = try layer.backward(dOut)
        let x = layer.x
        let windows = PoolWindowsByHand(c)
        // Which input cells each output window sends its gradient to (max: the first maximum).
        var receivers: [[Int]: [[Int]]] = [:]
        for o in allIndices(dOut.shape) {
            let (n, ch, i, j) = (o[0], o[1], o[2], o[3])
            var best = -Double.infinity
            var winner: [Int]?
            for h in windows.taps(i, .height) {
                for w in windows.taps(j, .width) {
                    guard h >= 0, h < x.shape[2], w >= 0, w < x.shape[3] else { continue }
                    if c.kind == .average {
                        receivers[[n, ch, h, w], default: []].append(o)
                    } else if winner == nil || x[n, ch, h, w] > best {
                        (best, winner) = (x[n, ch, h, w], [n, ch, h, w])
                    }
                }
            }
            if let winner { receivers[winner, default: []].append(o) }
        }
        var problems: [String] = []
        for index in allIndices(x.shape) {
            let trace = try layer.traceGradient(at: index, dOut: dOut)
            problems += exactness(trace, dx[index], index) + reads(trace, [.dOut: dOut])
            let windowsIn = receivers[index, default: []]
            // One divisor shared by every window: (Σ dOut)/d; else each dOut over its own divisor.
            let divisors = windowsIn.map { windows.divisor($0[2], $0[3]) }
            let reduction: Reduction = c.kind == .max ? .sum
                : divisors.first.map { d in divisors.allSatisfy { $0 == d } ? .average(divisor: d) : .shares(divisors: divisors) }
                ?? .shares(divisors: [])
            if trace.reduction != reduction { problems.append("\(index): reduction \(trace.reduction), expected \(reduction)") }
            problems += sameTerms(trace, windowsIn.map { ["dOut\($0)"] }, index)
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    // MARK: Conv1D

    static let arrays: [([Double], [Double])] = {
        var random = SeededRandom(seed: 0x7ACE4)
        let lengths = [(1, 1), (5, 3), (3, 5), (6, 4), (4, 6), (7, 2), (2, 7), (4, 4), (1, 5)]
        return lengths.map { m, n in
            ((0..<m).map { _ in random.signedUnit() }, (0..<n).map { _ in random.signedUnit() })
        }
    }()

    /// Terms pair `a[p]` with `v[q]` where `p + q` (convolve) or `p − q` (correlate) is fixed by
    /// `k`: `numpy.convolve` full is `Σ a[m]·v[k−m]`, `numpy.correlate` full is
    /// `Σ a[n+k−(N−1)]·v[n]`; `same` and `valid` are slices of `full` starting at `(n−1)/2` and
    /// `n−1` for the shorter length `n` — except `same` of `correlate` with `v` longer, which
    /// NumPy computes reversed and so starts at `n/2` (checked against numpy 2.4).
    @Test("Conv1D.trace: every output, both operations, every mode",
          arguments: Conv1D.Operation.allCases, Conv1D.Mode.allCases)
    func conv1d(_ operation: Conv1D.Operation, _ mode: Conv1D.Mode) throws {
        var problems: [String] = []
        for (a, v) in Self.arrays {
            let out = operation == .convolve
                ? try Conv1D.convolve(a, v, mode: mode)
                : try Conv1D.correlate(a, v, mode: mode)
            let (m, n) = (a.count, v.count)
            let short = min(m, n)
            let start: Int = switch mode {
            case .full: 0
            case .valid: short - 1
            case .same: operation == .correlate && n > m ? short / 2 : (short - 1) / 2
            }
            for k in out.indices {
                let trace = try Conv1D.trace(operation, a, v, mode: mode, at: k)
                problems += exactness(trace, out[k], [k])
                problems += reads(trace, [.a: Tensor(a), .v: Tensor(v)])
                if trace.terms.count != short { problems.append("\(m),\(n) \(k): \(trace.terms.count) terms") }
                for term in trace.terms {
                    let p = term.factors.first { $0.tensor == .a }?.index[0]
                    let q = term.factors.first { $0.tensor == .v }?.index[0]
                    guard let p, let q, term.factors.count == 2 else {
                        problems.append("\(m),\(n) \(k): factors \(term.factors)")
                        continue
                    }
                    let relation = operation == .convolve ? p + q == k + start : p - q == k + start - (n - 1)
                    if !relation { problems.append("\(operation) \(mode) \(m),\(n) \(k): a[\(p)]·v[\(q)]") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    // MARK: Out-of-range cells

    struct BadCell: Sendable, CustomStringConvertible {
        let description: String
        let index: [Int]
        let shape: [Int]
        let trace: @Sendable () throws(ConvError) -> Trace
    }

    static let badCells: [BadCell] = {
        let conv = ConvCase(x: [1, 2, 4, 4], w: [3, 2, 3, 3], padding: Pair(1))  // out [1, 3, 4, 4]
        let transposed = TransposedCase(x: [1, 2, 2, 2], w: [2, 1, 3, 3], stride: Pair(2))  // out [1, 1, 5, 5]
        let pool = PoolCase(.max, x: [1, 1, 4, 4], kernel: Pair(2), stride: Pair(2))  // out [1, 1, 2, 2]
        let convDOut = Tensor(shape: [1, 3, 4, 4])
        let transposedDOut = Tensor(shape: [1, 1, 5, 5])
        let poolDOut = Tensor(shape: [1, 1, 2, 2])
        return [
            BadCell(description: "Conv2D out row", index: [0, 0, 4, 0], shape: [1, 3, 4, 4]) { () throws(ConvError) in
                try conv.make().layer.traceOutput([0, 0, 4, 0])
            },
            BadCell(description: "Conv2D out negative", index: [0, -1, 0, 0], shape: [1, 3, 4, 4]) { () throws(ConvError) in
                try conv.make().layer.traceOutput([0, -1, 0, 0])
            },
            BadCell(description: "Conv2D out rank", index: [0, 0, 0], shape: [1, 3, 4, 4]) { () throws(ConvError) in
                try conv.make().layer.traceOutput([0, 0, 0])
            },
            BadCell(description: "Conv2D dx channel", index: [0, 2, 0, 0], shape: [1, 2, 4, 4]) { () throws(ConvError) in
                try conv.make().layer.traceGradient(.dx, at: [0, 2, 0, 0], dOut: convDOut)
            },
            BadCell(description: "Conv2D dw filter", index: [3, 0, 0, 0], shape: [3, 2, 3, 3]) { () throws(ConvError) in
                try conv.make().layer.traceGradient(.dw, at: [3, 0, 0, 0], dOut: convDOut)
            },
            BadCell(description: "Conv2D db", index: [3], shape: [3]) { () throws(ConvError) in
                try conv.make().layer.traceGradient(.db, at: [3], dOut: convDOut)
            },
            BadCell(description: "ConvTranspose2D out column", index: [0, 0, 0, 5], shape: [1, 1, 5, 5]) { () throws(ConvError) in
                try transposed.make().layer.traceOutput([0, 0, 0, 5])
            },
            BadCell(description: "ConvTranspose2D dx", index: [1, 0, 0, 0], shape: [1, 2, 2, 2]) { () throws(ConvError) in
                try transposed.make().layer.traceGradient(.dx, at: [1, 0, 0, 0], dOut: transposedDOut)
            },
            BadCell(description: "ConvTranspose2D dw", index: [0, 0, 3, 0], shape: [2, 1, 3, 3]) { () throws(ConvError) in
                try transposed.make().layer.traceGradient(.dw, at: [0, 0, 3, 0], dOut: transposedDOut)
            },
            BadCell(description: "ConvTranspose2D db", index: [-1], shape: [1]) { () throws(ConvError) in
                try transposed.make().layer.traceGradient(.db, at: [-1], dOut: transposedDOut)
            },
            BadCell(description: "Pool2D out", index: [0, 0, 2, 0], shape: [1, 1, 2, 2]) { () throws(ConvError) in
                try pool.make().layer.traceOutput([0, 0, 2, 0])
            },
            BadCell(description: "Pool2D dx", index: [0, 0, 0, 4], shape: [1, 1, 4, 4]) { () throws(ConvError) in
                try pool.make().layer.traceGradient(at: [0, 0, 0, 4], dOut: poolDOut)
            },
            BadCell(description: "Conv1D past the end", index: [5], shape: [5]) { () throws(ConvError) in
                try Conv1D.trace(.convolve, [1, 2, 3], [1, 0, -1], mode: .full, at: 5)
            },
            BadCell(description: "Conv1D negative", index: [-1], shape: [1]) { () throws(ConvError) in
                try Conv1D.trace(.correlate, [1, 2, 3], [1, 0, -1], mode: .valid, at: -1)
            },
        ]
    }()

    @Test("an index outside the traced tensor throws indexOutOfRange naming \"cell\"", arguments: badCells)
    func outOfRange(_ bad: BadCell) {
        do {
            let trace = try bad.trace()
            Issue.record("traced \(trace.tensor)\(trace.index) instead of throwing")
        } catch {
            #expect(error == .indexOutOfRange(field: "cell", index: bad.index, shape: bad.shape))
            #expect(error.field == "cell")
        }
    }
}

// MARK: - The definitions, written out independently of the core

/// One multiply of a 2-D convolution: `out[out] += x[x] · w[w]`, `x` in unpadded coordinates.
private struct Product {
    let out: [Int], x: [Int], w: [Int]
    let inside: Bool
}

/// Every multiply of a convolution case, straight from the definition, grouped by the cell of
/// `out`, `x` (the real cell whose value was read: itself, or the cell a padding cell copies) and
/// `w` it belongs to; within an output cell in the order channel, window row, window column.
private struct ConvProducts {
    var forOutput: [[Int]: [Product]] = [:]
    var forInput: [[Int]: [Product]] = [:]
    var forWeight: [[Int]: [Product]] = [:]
    var readsPadding = false

    init(_ c: ConvCase) {
        let (n, height, width) = (c.xShape[0], c.xShape[2], c.xShape[3])
        let (filters, perGroup, kh, kw) = (c.wShape[0], c.wShape[1], c.wShape[2], c.wShape[3])
        let o = c.options
        let (before, after) = paddingSides(o, kernel: Pair(kh, kw))
        let outH = (height + before.h + after.h - o.dilation.h * (kh - 1) - 1) / o.stride.h + 1
        let outW = (width + before.w + after.w - o.dilation.w * (kw - 1) - 1) / o.stride.w + 1
        let filtersPerGroup = filters / o.groups
        let flip = o.convention == .convolution
        for b in 0..<n {
            for f in 0..<filters {
                for i in 0..<outH {
                    for j in 0..<outW {
                        for wc in 0..<perGroup {
                            for r in 0..<kh {
                                for s in 0..<kw {
                                    let channel = f / filtersPerGroup * perGroup + wc
                                    let h = i * o.stride.h - before.h + r * o.dilation.h
                                    let w = j * o.stride.w - before.w + s * o.dilation.w
                                    let inside = h >= 0 && h < height && w >= 0 && w < width
                                    let tap = flip ? [kh - 1 - r, kw - 1 - s] : [r, s]
                                    let p = Product(out: [b, f, i, j], x: [b, channel, h, w],
                                                    w: [f, wc] + tap, inside: inside)
                                    forOutput[p.out, default: []].append(p)
                                    forWeight[p.w, default: []].append(p)
                                    if !inside { readsPadding = true }
                                    if let held = held([b, channel, h, w], in: c.xShape, o.paddingMode) {
                                        forInput[held, default: []].append(p)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every multiply of a transposed convolution, from its scatter definition
/// `out[n, o, i·S−P+kh·D, j·S−P+kw·D] += x[n, c, i, j] · w[c, o mod Cout/G, kh, kw]`, grouped by the
/// output cell (real cells only), the input cell and the weight; `out` may lie outside the output.
private struct TransposedProducts {
    var forOutput: [[Int]: [Product]] = [:]
    var forInput: [[Int]: [Product]] = [:]
    var forWeight: [[Int]: [Product]] = [:]

    init(_ c: TransposedCase, outShape: [Int]) {
        let (n, inChannels, height, width) = (c.xShape[0], c.xShape[1], c.xShape[2], c.xShape[3])
        let (perGroup, kh, kw) = (c.wShape[1], c.wShape[2], c.wShape[3])
        let o = c.options
        let inPerGroup = inChannels / o.groups
        for b in 0..<n {
            for ch in 0..<inChannels {
                for i in 0..<height {
                    for j in 0..<width {
                        for oc in 0..<perGroup {
                            for r in 0..<kh {
                                for s in 0..<kw {
                                    let y = i * o.stride.h - o.padding.h + r * o.dilation.h
                                    let z = j * o.stride.w - o.padding.w + s * o.dilation.w
                                    let inside = y >= 0 && y < outShape[2] && z >= 0 && z < outShape[3]
                                    let p = Product(out: [b, ch / inPerGroup * perGroup + oc, y, z],
                                                    x: [b, ch, i, j], w: [ch, oc, r, s], inside: inside)
                                    if inside { forOutput[p.out, default: []].append(p) }
                                    forInput[p.x, default: []].append(p)
                                    forWeight[p.w, default: []].append(p)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Checks that return their problems, so each cell costs no more than a comparison

/// `trace.value` and `trace.recomputed()` equal `cell` bit for bit.
private func exactness(_ trace: Trace, _ cell: Double, _ index: [Int]) -> [String] {
    var problems: [String] = []
    if trace.value.bitPattern != cell.bitPattern {
        problems.append("\(trace.tensor)\(index): trace value \(trace.value) != \(cell)")
    }
    if trace.recomputed().bitPattern != cell.bitPattern {
        problems.append("\(trace.tensor)\(index): recomputed \(trace.recomputed()) != \(cell)")
    }
    return problems
}

/// Every factor names one of `tensors`, holds its element, and is marked as padding exactly when
/// its index lies outside: then it holds 0 with zero padding, else the value of the cell `mode`
/// puts there, which its `copy` names.
private func reads(_ trace: Trace, _ tensors: [TensorName: Tensor], mode: PaddingMode = .zeros) -> [String] {
    var problems: [String] = []
    for factor in trace.terms.flatMap(\.factors) + (trace.bias.map { [$0] } ?? []) {
        guard let t = tensors[factor.tensor] else {
            problems.append("\(trace.index): unknown tensor \(factor.tensor)")
            continue
        }
        let inside = factor.index.count == t.rank
            && zip(factor.index, t.shape).allSatisfy { $0 >= 0 && $0 < $1 }
        let source = inside ? factor.index : mode == .zeros ? nil : held(factor.index, in: t.shape, mode)
        let copy = inside ? nil : source.map { PaddingCopy(mode: mode, cell: factor.index, source: $0) }
        if factor.inPadding == inside {
            problems.append("\(trace.index): \(factor.tensor)\(factor.index) inPadding \(factor.inPadding)")
        } else if (source.map { t[$0] } ?? 0).bitPattern != factor.value.bitPattern {
            problems.append("\(trace.index): \(factor.tensor)\(factor.index) = \(factor.value)")
        } else if factor.copy != copy {
            problems.append("\(trace.index): \(factor.tensor)\(factor.index) copy \(String(describing: factor.copy))")
        }
    }
    return problems
}

/// The cell of a 4-D tensor of `shape` whose value the padded tensor holds at `index` (unpadded
/// coordinates), as PyTorch documents each mode: reflect mirrors about the edge without repeating
/// it, replicate repeats the edge, circular wraps; `nil` for zero padding outside.
private func held(_ index: [Int], in shape: [Int], _ mode: PaddingMode) -> [Int]? {
    func axis(_ p: Int, _ size: Int) -> Int? {
        if (0..<size).contains(p) { return p }
        switch mode {
        case .zeros: return nil
        case .reflect: return p < 0 ? -p : (size - 1) - (p - (size - 1))
        case .replicate: return p < 0 ? 0 : size - 1
        case .circular: return p < 0 ? p + size : p - size
        }
    }
    guard let h = axis(index[2], shape[2]), let w = axis(index[3], shape[3]) else { return nil }
    return [index[0], index[1], h, w]
}

/// The padding before the first row and column and after the last ones, as PyTorch resolves
/// `padding`, `"same"` (`⌊D·(K−1)/2⌋` before, the rest after) and `F.pad`'s sides.
private func paddingSides(_ o: Conv2DOptions, kernel: Pair) -> (before: Pair, after: Pair) {
    switch o.paddingLayout {
    case .symmetric: return (o.padding, o.padding)
    case .same:
        let total = Pair(o.dilation.h * (kernel.h - 1), o.dilation.w * (kernel.w - 1))
        return (Pair(total.h / 2, total.w / 2), Pair(total.h - total.h / 2, total.w - total.w / 2))
    case .sides(let s): return (Pair(s.top, s.left), Pair(s.bottom, s.right))
    }
}

/// The trace's terms are exactly `expected` (each a list of `name[index]` factors, and `via x[…]`
/// for a term that came through a padding cell), as multisets (the order of the terms, and of the
/// factors within a term, is not part of this check).
private func sameTerms(_ trace: Trace, _ expected: [[String]], _ index: [Int]) -> [String] {
    let got = trace.terms.map { term in
        (term.factors.map { "\($0.tensor)\($0.index)" } + (term.via.map { ["via x\($0.cell)"] } ?? [])).sorted().joined(separator: "·")
    }.sorted()
    let want = expected.map { $0.sorted().joined(separator: "·") }.sorted()
    return got == want ? [] : ["\(trace.tensor)\(index): terms \(got), expected \(want)"]
}

/// Max pooling when a window's only real cell holds −∞, the value of the padding: PyTorch (which
/// the design follows) starts each window's argmax at its first real cell, so the maximum, and the
/// gradient, belong to that cell and never to the padding.
@Suite("Max pooling when the padding ties the maximum")
struct MaxPoolPaddingTieTests {
    /// `x = [[−∞, 1], [2, 3]]`, 2×2 windows, stride 2, padding 1: each window holds one real cell,
    /// window `(0, 0)` the −∞.
    static func layer() throws(ConvError) -> Pool2D {
        try Pool2D(.max, x: Tensor(shape: [1, 1, 2, 2], data: [-.infinity, 1, 2, 3]),
                   kernel: Pair(2), stride: Pair(2), padding: Pair(1))
    }

    @Test("the selected maximum is the real cell, not the padding")
    func selectsTheRealCell() throws {
        let layer = try Self.layer()
        #expect(layer.forward().data == [-.infinity, 1, 2, 3])
        let trace = try layer.traceOutput([0, 0, 0, 0])
        #expect(trace.value == -.infinity)
        let selected = try #require(trace.selected)
        #expect(trace.terms[selected].factors[0].index == [0, 0, 0, 0])
        #expect(!trace.terms[selected].factors[0].inPadding)
    }

    /// Run in a child process, so that a regression (a trap on the padding index `[0, 0, -1, -1]`,
    /// as before the fix) fails this test instead of ending the whole test run.
    @Test("backward sends each window's gradient to its real cell instead of trapping")
    func backwardDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let layer = try MaxPoolPaddingTieTests.layer()
            let dOut = Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4])
            let dx = try layer.backward(dOut)
            precondition(dx.data == [1, 2, 3, 4], "dx \(dx.data)")
            let trace = try layer.traceGradient(at: [0, 0, 0, 0], dOut: dOut)
            precondition(trace.value == 1, "trace \(trace.value)")
        }
    }
}

/// A pooling case's windows written out from PyTorch's documentation, independently of the
/// core: fixed windows tap `i·S − P + k·D` for `k < K`; adaptive ones cover
/// `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉` (computed in floating point). An average divides by
/// `divisor_override`, else by the window's taps inside the padded input `[−P, H + P)` (with
/// `count_include_pad`) or inside the input, counted one by one; adaptive windows by their size.
struct PoolWindowsByHand {
    let c: PoolCase

    init(_ c: PoolCase) {
        self.c = c
    }

    private func input(_ axis: Axis) -> Int {
        c.xShape[axis == .height ? 2 : 3]
    }

    func taps(_ i: Int, _ axis: Axis) -> [Int] {
        switch c.windows {
        case .fixed(let kernel, let o):
            let start = i * (o.stride ?? kernel)[axis] - o.padding[axis]
            return (0..<kernel[axis]).map { start + $0 * o.dilation[axis] }
        case .adaptive(let size):
            let (h, out) = (Double(input(axis)), Double(size[axis]))
            return Array(Int((Double(i) * h / out).rounded(.down))..<Int((Double(i + 1) * h / out).rounded(.up)))
        }
    }

    func divisor(_ i: Int, _ j: Int) -> Int {
        switch c.windows {
        case .fixed(_, let o):
            if let d = o.divisorOverride { return d }
            let counted = { (k: Int, axis: Axis) in
                taps(k, axis).filter { o.countIncludePad ? $0 >= -o.padding[axis] && $0 < input(axis) + o.padding[axis]
                    : $0 >= 0 && $0 < input(axis) }.count
            }
            return counted(i, .height) * counted(j, .width)
        case .adaptive:
            return taps(i, .height).count * taps(j, .width).count
        }
    }
}
