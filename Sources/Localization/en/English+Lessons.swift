extension English {
    func lesson(_ phrase: LessonPhrase) -> String {
        switch phrase {
        case .lessons: "Lessons"
        case .noLessons:
            "No lessons found. Add a folder of lesson files with --lessons DIR, or open one with convtutor learn PATH.md (see Lessons/README.md for the format)."
        case .cannotOpen(let title, let file): "Cannot open \(title): see convtutor check \(file)"
        case .steps(let n): count(n, "step")
        case .notStarted: "new"
        case .finished: "✓ done"
        case .atStep(let k, let n): "step \(k)/\(n)"
        case .stepCounter(let k, let n): "step \(k)/\(n)"
        case .questionLabel: "Question: "
        case .animationLabel: "▶ animation: "
        case .pressToPlay(let keys): "  (press \(or(keys)) to play it)"
        case .lines(let range): "\(range.first)–\(range.last) of \(range.total) lines"
        case .stepHeading(let k, let n, let title): "== Step \(k)/\(n): \(title) =="
        case .cannotCompute(let why): "(this animation cannot be computed: \(why))"
        case .image(let alt): "[image: \(alt)]"
        }
    }

    func explorer(_ phrase: ExplorerPhrase) -> String {
        switch phrase {
        case .screenName: "explore"
        case .stepCounter(let k, let n): "step \(k)/\(n)"
        case .playing: "▶ playing"
        case .paused: "paused"
        case .stepsPerSecond(let n): "\(n)/s"
        case .secondsPerStep(let n): "1 per \(n)s"
        case .cannotCompute(let why): "✗ cannot compute this: \(why)"
        case .undoAdvice: "Press u to return to the last valid settings, or keep changing parameters."
        case .moreGrids(let n): "(\(count(n, "more grid")): enlarge the terminal or reduce the sizes)"
        case .paddingMark: " (· = padding)"
        case .copiedPaddingMark: " (outer ring = padding, copied cells)"
        case .slidingBelow(let grid, let slider, let flipped): "\(grid), \(slider)\(flipped ? " flipped" : "") sliding below"
        case .newValue(let text): "new value: \(text)▏  (Enter to set, Esc to cancel)"
        case .numbersOnly: "a value is a number: digits, '-', '.' and 'e' only"
        case .perChannel(let parts, let total): "per channel: " + parts.joined(separator: " + ") + " = \(total)"
        case .inPadding: " (padding)"
        case .pinned: " (pinned)"
        case .takesNoPart(let cell): "\(cell) takes part in no step of this mode"
        case .feeds(let cell, let targets): "\(cell) feeds \(count(targets.count, "cell")): " + targets.joined(separator: ", ")
        case .enterTypesValue: "Enter: type a value"
        case .parameter(let label):
            switch label {
            case .mode: "mode"
            case .input: "input"
            case .kernel: "kernel"
            case .window: "window"
            case .stride: "stride"
            case .padding: "padding"
            case .paddingMode: "padding_mode"
            case .dilation: "dilation"
            case .outputPadding: "output padding"
            case .channels: "channels"
            case .filters: "filters"
            case .groups: "groups"
            case .bias: "bias"
            case .convention: "convention"
            case .mode1D: "1-D mode"
            case .view: "view"
            case .values: "values"
            case .lengthA: "len a"
            case .lengthV: "len v"
            case .ceilMode: "ceil_mode"
            case .countIncludePad: "count_include_pad"
            case .divisorOverride: "divisor_override"
            case .outputSize: "output_size"
            }
        case .on: "on"
        case .off: "off"
        case .convention(let name): name == .crossCorrelation ? "cross-correlation" : "convolution"
        case .view(let name):
            switch name {
            case .cells: "cell by cell"
            case .scatter: "scatter"
            case .convolution: "as a convolution"
            }
        case .ramp: "ramp"
        case .random(let seed): "random #\(seed)"
        case .typed(let tensors): "typed: " + tensors.joined(separator: " ")
        case .frame(let k, let n, let window, let equation):
            "frame \(k)/\(n): " + (window.map { $0 + "; " } ?? "") + equation
        case .windowRows(let tensor, let rows, let cols): "window on \(tensor) rows \(span(rows)), columns \(span(cols))"
        case .windowPositions(let tensor, let positions): "window on \(tensor) positions \(span(positions))"
        case .finished: "finished:"
        case .paddingNotShown(let padding): " (padding \(padding) not shown)"
        }
    }

    /// `0 to 2`, or `1` for a single index.
    private func span(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound) to \(r.upperBound)"
    }
}
