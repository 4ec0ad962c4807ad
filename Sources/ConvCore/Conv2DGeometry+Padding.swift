/// The padding of a convolution: how much goes on each side, and which input cell each padding
/// cell holds (see `PaddingMode`).
extension Conv2DGeometry {
    /// The sides the options ask for, checked: `"same"` works out `⌊D·(K−1)/2⌋` before and the
    /// rest after (stride 1 only); explicit sides refuse a non-zero `padding` beside them; reflect
    /// padding stays below the input's extent and circular padding at most at it.
    static func resolvePadding(_ options: Conv2DOptions, input: Pair, kernel: Pair) throws(ConvError) -> PaddingSides {
        let sides: PaddingSides
        let field: String
        switch options.paddingLayout {
        case .symmetric:
            sides = PaddingSides(symmetric: options.padding)
            field = "padding"
        case .same:
            try Limits.check(options.stride, field: "stride", minimum: 1)
            try Limits.check(options.dilation, field: "dilation", minimum: 1)
            var before = Pair(0), after = Pair(0)
            for axis in Axis.allCases {
                guard options.stride[axis] == 1 else { throw .sameNeedsStrideOne(axis: axis, stride: options.stride[axis]) }
                let total = options.dilation[axis] * (kernel[axis] - 1)
                before[axis] = total / 2
                after[axis] = total - before[axis]
            }
            sides = PaddingSides(left: before.w, right: after.w, top: before.h, bottom: after.h)
            field = "padding"
        case .sides(let given):
            guard options.padding == Pair(0) else { throw .padWithPadding(padding: options.padding) }
            for value in given.values { try Limits.check(value, field: "pad", minimum: 0) }
            sides = given
            field = "pad"
        }
        for axis in Axis.allCases {
            guard let limit = options.paddingMode.limit(for: input[axis]) else { continue }
            if let deepest = [sides.before[axis], sides.after[axis]].first(where: { $0 > limit }) {
                throw .paddingTooDeep(field: field, mode: options.paddingMode, axis: axis, padding: deepest,
                                      input: input[axis])
            }
        }
        return sides
    }

    /// The output size along `axis` as its formula with this layer's numbers, each side's
    /// padding written out when they differ: `⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3`.
    public func sizeFormula(_ axis: Axis) -> String {
        OutputSize.convolutionFormula(input: input[axis], kernel: kernel[axis], stride: stride[axis],
                                      before: sides.before[axis], after: sides.after[axis], dilation: dilation[axis],
                                      result: output[axis])
    }

    /// The input `x` `(N, C, H, W)` with its padding ring, `(N, C, top + H + bottom, left + W + right)`:
    /// what `F.pad(x, (left, right, top, bottom), mode)` returns and the window slides over.
    public func padded(_ x: Tensor) -> Tensor {
        let (rows, cols) = (sides.top + input.h + sides.bottom, sides.left + input.w + sides.right)
        var out = Tensor(shape: [x.shape[0], x.shape[1], rows, cols])
        for n in 0..<x.shape[0] {
            for c in 0..<x.shape[1] {
                for r in 0..<rows {
                    for q in 0..<cols {
                        guard let (sh, sw) = source(r - sides.top, q - sides.left) else { continue }
                        out[n, c, r, q] = x[n, c, sh, sw]
                    }
                }
            }
        }
        return out
    }

    /// The input cell whose value the padded input holds at `(h, w)` (unpadded coordinates):
    /// `(h, w)` itself inside the input, a copy's source in reflect, replicate or circular
    /// padding, `nil` for a zero.
    @inline(__always)
    func source(_ h: Int, _ w: Int) -> (h: Int, w: Int)? {
        guard let sh = paddingMode.source(of: h, size: input.h), let sw = paddingMode.source(of: w, size: input.w)
        else { return nil }
        return (sh, sw)
    }

    /// For each input row (or column) `r` along `axis`, every position of the padded input that
    /// holds its value, in increasing order: `r` itself and the padding rows that copy it (just
    /// `[r]` with zero padding).
    func copies(along axis: Axis) -> [[Int]] {
        let size = input[axis]
        var table = Array(repeating: [Int](), count: size)
        for p in -sides.before[axis]..<size + sides.after[axis] {
            if let r = paddingMode.source(of: p, size: size) { table[r].append(p) }
        }
        return table
    }

    /// The factor for `x[n, c, h, w]` read at a position of the padded input, named `name`: the
    /// input's value, a copy of the cell it holds (marked as padding, with its source), or a zero.
    func inputFactor(_ x: Tensor, name: TensorName, _ n: Int, _ c: Int, _ h: Int, _ w: Int) -> Factor {
        let inside = isInside(h, w)
        guard let (sh, sw) = source(h, w) else { return Factor(tensor: name, index: [n, c, h, w], value: 0, inPadding: true) }
        let copy = inside ? nil : PaddingCopy(mode: paddingMode, cell: [n, c, h, w], source: [n, c, sh, sw])
        return Factor(tensor: name, index: [n, c, h, w], value: x[n, c, sh, sw], inPadding: !inside, copy: copy)
    }
}
