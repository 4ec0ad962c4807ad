import ConvCore
import LessonKit
import Localization

extension Computation.Technique {
    /// TensorFlow's `"SAME"` padding: each axis's `⌈H/S⌉` and total split, then the sides
    /// `[left, right, top, bottom]` (value with `show: output`) or the output size (`show: size`).
    static func tensorflowSame(_ input: Pair, _ kernel: Pair, _ stride: Pair, _ dilation: Pair, _ show: Computation.Show,
                               _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        let (sides, rows, columns) = try TensorFlowSamePadding.sides(input: input, kernel: kernel, stride: stride, dilation: dilation)
        let line = { (rowsAxis: Bool, a: TensorFlowSamePadding.Axis) in
            t.technique(.tfSameAxis(rows: rowsAxis, input: rowsAxis ? input.h : input.w, kernel: rowsAxis ? kernel.h : kernel.w,
                                    stride: rowsAxis ? stride.h : stride.w, dilation: rowsAxis ? dilation.h : dilation.w,
                                    out: a.out, total: a.total, before: a.before, after: a.after))
        }
        let lines = [line(true, rows), line(false, columns), t.technique(.tfSamePad(sides: sides.values))]
        let value: ComputedValue = show == .size ? .size([rows.out, columns.out]) : .list(sides.values.map(Double.init))
        return ComputedResult(lines: lines, value: value)
    }
}
