import ConvCore
import LessonKit
import Localization

/// A technique's computation evaluated: the lines a learner reads, in `t`'s language, and the
/// value `check` compares with `expect`. The arithmetic is the compute core's; the helpers here
/// only write its numbers.
extension Computation.Technique {
    /// What `show` gives of this technique.
    public func evaluate(_ show: Computation.Show, _ t: any Catalogue) throws(ConvError) -> ComputedResult {
        switch self {
        case let .fftConvolution(a, v, lengths, mode):
            return show == .cost ? try Self.fftCost(lengths[0], lengths[1], t) : try Self.fft(a ?? [], v ?? [], mode, t)
        case let .circularConvolution(a, v, length):
            return try Self.circular(a, v, length: length ?? max(a.count, v.count), t)
        case let .winograd(variant, d, g, precision):
            return try Self.winograd(variant, d, g, precision, show, t)
        case let .batchNormFold(w, b, statistics, x):
            return try Self.batchNormFold(w, b, statistics, x, show, t)
        case let .separable(w, kernel, input):
            return try Self.separable(w, kernel, input, show, t)
        case let .continuousConvolution(f, g, dt, at):
            return try Self.continuous(f, g, dt: dt, at: at, show, t)
        case let .heInit(fanIn, channels, groups, kernel):
            return try Self.heInit(fanIn, channels, groups, kernel, show, t)
        case let .tensorflowSame(input, kernel, stride, dilation):
            return try Self.tensorflowSame(input, kernel, stride, dilation, show, t)
        }
    }

    // MARK: Writing numbers

    /// `[1, 2, -3]`.
    static func list(_ values: [Double]) -> String {
        ComputedValue.listText(values)
    }

    /// Values whose magnitude is below 10⁻¹² of the largest written as 0: the rounding noise of a
    /// transform, which the largest difference reports instead.
    static func cleaned(_ values: [Double]) -> [Double] {
        let scale = values.map(abs).max() ?? 0
        return values.map { abs($0) <= 1e-12 * scale ? 0 : $0 }
    }

    /// `[6, -2.41-1.41i, 2, …]`, each part to three significant digits.
    static func complexList(_ values: [Complex]) -> String {
        let re = cleaned(values.map(\.re)), im = cleaned(values.map(\.im))
        let scale = max(re.map(abs).max() ?? 0, im.map(abs).max() ?? 0)
        let parts = zip(re, im).map { r, i -> String in
            let (r, i) = (abs(r) <= 1e-12 * scale ? 0 : r, abs(i) <= 1e-12 * scale ? 0 : i)
            guard i != 0 else { return Text.compact(r) }
            let imaginary = (i < 0 ? "-" : "+") + Text.compact(abs(i)) + "i"
            return r == 0 ? (i < 0 ? imaginary : String(imaginary.dropFirst())) : Text.compact(r) + imaginary
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// A titled grid: `name (h×w)` then its rows, indented.
    static func grid(_ name: String, _ rows: [[Double]]) -> [String] {
        let tensor = Tensor(shape: [rows.count, rows.first?.count ?? 0], data: rows.flatMap { $0 })
        return ["\(name)  (\(rows.count)×\(rows.first?.count ?? 0))"] + Text.grid(tensor).map { "  " + $0 }
    }

    /// `2.25`: how many times `larger` is `smaller`, to three significant digits.
    static func factor(_ larger: Int, _ smaller: Int) -> String {
        Text.compact(Double(larger) / Double(max(smaller, 1)))
    }

    /// The largest absolute difference of two lists of one length.
    static func largestDifference(_ p: [Double], _ q: [Double]) -> Double {
        zip(p, q).map { abs($0 - $1) }.max() ?? 0
    }
}
