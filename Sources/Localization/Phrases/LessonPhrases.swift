/// The words around lessons: the list, the player, and a lesson replayed as text.
public enum LessonPhrase: Equatable, Sendable {
    /// The list's title.
    case lessons
    /// No lesson could be found: where to put some.
    case noLessons
    /// A lesson of the list could not be read when opened (it changed or went since the list was
    /// made): which one, and the command that names every problem in it.
    case cannotOpen(title: String, file: String)
    /// `10 steps`.
    case steps(Int)
    /// A lesson's progress mark: not opened yet, finished, or where the learner stopped.
    case notStarted
    case finished
    case atStep(Int, of: Int)
    /// `step 3/10`, the counter in the player's header.
    case stepCounter(Int, of: Int)
    /// Before a question's prompt in the lesson text.
    case questionLabel
    /// Before an animation's name in the lesson text.
    case animationLabel
    /// After it: which keys play it.
    case pressToPlay([String])
    /// `1–20 of 68 lines`.
    case lines(LineRange)
    /// A lesson as text: a step's heading, an animation that cannot be computed.
    case stepHeading(Int, of: Int, title: String)
    case cannotCompute(String)
    /// An image in a lesson, which a terminal shows as its description.
    case image(alt: String)
}

/// The words of the explorer and of an animation replayed as text.
public enum ExplorerPhrase: Equatable, Sendable {
    /// `explore`, before the scene's title.
    case screenName
    /// `step 3/25`.
    case stepCounter(Int, of: Int)
    case playing, paused
    /// The animation's speed: steps per second, or seconds per step when slower than one.
    case stepsPerSecond(Int)
    case secondsPerStep(Int)
    /// The scene cannot be computed: why, and what to do.
    case cannotCompute(String)
    case undoAdvice
    /// Grids that did not fit.
    case moreGrids(Int)
    /// After the title of a grid drawn with its padding ring.
    case paddingMark
    /// After the title of a grid whose padding ring holds copies of its cells (reflect,
    /// replicate, circular), so `·` does not mark it.
    case copiedPaddingMark
    /// A 1-D grid's title with the other array sliding below it (flipped for convolution).
    case slidingBelow(grid: String, slider: String, flipped: Bool)
    /// The value editor: what is typed so far.
    case newValue(String)
    /// A key the value editor does not take.
    case numbersOnly
    /// `per channel: x[0,0] → 3120 + x[0,1] → 4614 + b 2 = 7736`.
    case perChannel(parts: [String], total: String)
    /// The cursor's cell: in the padding, pinned.
    case inPadding, pinned
    /// A cell that no step of the mode reads.
    case takesNoPart(String)
    /// A cell that feeds others: its name and those cells.
    case feeds(String, [String])
    /// A cell whose value can be typed.
    case enterTypesValue
    /// A parameter's label in the bar, in the current mode.
    case parameter(ParameterLabel)
    /// A parameter's value where it is a word.
    case on, off
    case convention(ConventionName)
    case view(ViewName)
    case ramp
    case random(seed: UInt64)
    /// After the values: the tensors whose values were typed in.
    case typed([String])
    /// An animation as text: where a frame's window lies, the finished results, padding not drawn.
    case frame(Int, of: Int, window: String?, equation: String)
    case windowRows(tensor: String, rows: ClosedRange<Int>, cols: ClosedRange<Int>)
    case windowPositions(tensor: String, ClosedRange<Int>)
    case finished
    case paddingNotShown(String)
}

/// A parameter of the explorer as its bar labels it.
public enum ParameterLabel: Equatable, Sendable {
    case mode, input, kernel, window, stride, padding, paddingMode, dilation, outputPadding
    case channels, filters, groups, bias, convention, mode1D, view, values
    /// A 1-D convolution's two lengths.
    case lengthA, lengthV
    /// Pooling's options and adaptive pooling's output size, under PyTorch's names.
    case ceilMode, countIncludePad, divisorOverride, outputSize
}

/// The conventions of a 2-D "convolution".
public enum ConventionName: Equatable, Sendable {
    case crossCorrelation, convolution
}

/// How a backward pass or a transposed convolution is shown.
public enum ViewName: Equatable, Sendable {
    case cells, scatter, convolution
}
