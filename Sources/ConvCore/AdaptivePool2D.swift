/// Adaptive max or average pooling: PyTorch's `adaptive_max_pool2d` / `adaptive_avg_pool2d`,
/// which choose the windows so that the output has `output_size` cells.
///
/// Shapes: `x (N, C, H, W)` → `out (N, C, OH, OW)`. Output row `i` reads the input rows
/// `⌊i·H/OH⌋ ..< ⌈(i+1)·H/OH⌉` (ATen's `start_index` / `end_index`), columns likewise, so
/// windows differ in size by at most one cell, may overlap, and repeat cells when `OH > H`.
///
///     max: out[n,c,i,j] = the first maximum, row-major, of the window
///     avg: out[n,c,i,j] = Σ window / (rows · columns of the window)
///
/// Backward: max sends each `dOut` cell to its window's maximum; average sends
/// `dOut / (rows · columns)` to every cell of the window; overlaps add up.
public struct AdaptivePool2D: PoolingLayer {
    public let kind: Pool2D.Kind
    /// `output_size`, `(OH, OW)`.
    public let output: Pair
    let windows: PoolWindows

    public init(_ kind: Pool2D.Kind, x: Tensor, outputSize: Pair) throws(ConvError) {
        try Conv2DGeometry.checkRank(x.shape, field: "x")
        try Limits.check(outputSize, field: "output_size", minimum: 1)
        _ = try Limits.checkElements(x.shape, field: "x")
        windows = try PoolWindows(kind, x: x, rows: .adaptive(input: x.shape[2], output: outputSize.h),
                                  cols: .adaptive(input: x.shape[3], output: outputSize.w), divisorOverride: nil)
        self.kind = kind
        output = outputSize
    }

    /// Window `i` of `output` from an axis of `input` cells: `⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉`.
    public static func window(_ i: Int, input: Int, output: Int) -> Range<Int> {
        PoolAxis.adaptiveWindow(i, input: input, output: output)
    }

    /// One axis's windows with today's numbers, `[⌊i·5/3⌋, ⌈(i+1)·5/3⌉) = [0,2) [1,4) [3,5)`;
    /// beyond five windows, the first three, `…` and the last.
    public static func windowsFormula(input: Int, output: Int) -> String {
        let all = (0..<output).map { i in
            let r = window(i, input: input, output: output)
            return "[\(r.lowerBound),\(r.upperBound))"
        }
        let shown = output > 5 ? all.prefix(3) + ["…", all[output - 1]] : all
        return "[⌊i·\(input)/\(output)⌋, ⌈(i+1)·\(input)/\(output)⌉) = " + shown.joined(separator: " ")
    }

    public var x: Tensor { windows.x }
    public var outShape: [Int] { windows.outShape }

    public func forward() -> Tensor { windows.forward() }

    public func traceOutput(_ index: [Int]) throws(ConvError) -> Trace { try windows.traceOutput(index) }

    public func backward(_ dOut: Tensor) throws(ConvError) -> Tensor { try windows.backward(dOut) }

    public func traceGradient(at index: [Int], dOut: Tensor) throws(ConvError) -> Trace {
        try windows.traceGradient(at: index, dOut: dOut)
    }
}
