/// A value's place on a diverging heat map: negatives in blue, positives in red, deeper the
/// larger the magnitude against the largest of its grid; zero is not tinted.
///
/// A tint is painted only where the terminal has 256 colours (`ColorSupport.adapt`), behind a
/// number that is still printed, with a foreground chosen to read on it. It is never the only
/// carrier of meaning: without colour the numbers say everything.
public struct Tint: Hashable, Sendable {
    public enum Sign: Hashable, Sendable {
        case negative, positive
    }

    public var sign: Sign
    /// 1 (faintest) to `Tint.levels` (deepest).
    public var level: Int

    /// How many steps each hue has.
    public static let levels = 3

    /// A tint of `sign` at `level`, kept within 1…`levels`.
    public init(sign: Sign, level: Int) {
        self.sign = sign
        self.level = min(max(level, 1), Self.levels)
    }

    /// The tint of `value` in a grid whose largest magnitude is `scale`: level
    /// ⌈levels · |value| / scale⌉, so any value other than zero is at least faintly tinted. Nil for
    /// zero, and for a value or scale that is not finite or a scale that is not positive.
    public init?(value: Double, scale: Double) {
        guard value != 0, value.isFinite, scale.isFinite, scale > 0 else { return nil }
        let level = min((Double(Self.levels) * abs(value) / scale).rounded(.up), Double(Self.levels))
        self.init(sign: value < 0 ? .negative : .positive, level: Int(level))
    }

    /// `neg1` … `neg3`, `pos1` … `pos3`: how snapshots write a tint.
    public var name: String {
        (sign == .negative ? "neg" : "pos") + String(level)
    }

    /// The xterm-256 colour behind the text, light to deep: blue 153, 74, 25 for negatives and
    /// red 224, 209, 124 for positives (ColorBrewer's RdBu steps, nearest in the palette).
    public var background: Color {
        let steps: [UInt8] = sign == .negative ? [153, 74, 25] : [224, 209, 124]
        return .indexed(steps[level - 1])
    }

    /// The text colour that reads on `background`: black on the light steps, white on the deepest.
    public var ink: Color {
        .indexed(level < Self.levels ? 16 : 231)
    }
}
