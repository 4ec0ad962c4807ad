/// The bounds a lesson file must keep, so that no file can exhaust memory or time or draw a grid
/// that does not fit the screen.
///
/// Each bound is checked by the parser and reported as a diagnostic naming it; the authors' guide
/// (`Lessons/README.md`) lists them.
public enum LessonLimits {
    /// The largest lesson file: 1 MiB (1,048,576 bytes). A larger file gets one diagnostic and is
    /// not parsed.
    public static let maxFileBytes = 1 << 20
    /// The most values of one explicit tensor (`x`, `w`, `b`, `dout`, `a`, `v`) in an animation block.
    public static let maxExplicitValues = 400
    /// The largest input or kernel extent the explorer draws (rows or columns).
    public static let maxGridExtent = 12
    /// The most channels or filters the explorer draws.
    public static let maxChannels = 4
    /// The largest stride, dilation, padding or output padding of an animation.
    public static let maxWindowParameter = 12
    /// How deep lists and block quotes may nest.
    public static let maxBlockNesting = 16
    /// How deep emphasis, links and other inline spans may nest.
    public static let maxInlineNesting = 32
    /// The most `|` characters on one line, i.e. about the most columns of a table. (cmark-gfm 0.29
    /// parses a table row in time quadratic in its cells.)
    public static let maxTablePipesPerLine = 100
    /// The most items of any YAML list in a block (choices, answers, rows).
    public static let maxListItems = 400
}
