/// The words of a gradient check shown cell by cell: `compute conv2d-backward --check` and the
/// explorer's check of the cursor's cell.
public enum GradientCheckPhrase: Equatable, Sendable {
    /// What is checked, and the step: `gradient check: L = Σ dOut ⊙ out, each value moved by ±h`.
    case heading(step: String)
    /// How the relative error is computed, and below which value the gradient is right.
    case rule(tolerance: String)
    /// A column's heading.
    case column(GradientCheckColumn)
    /// Every cell agrees; the largest relative error.
    case allAgree(cells: Int, largest: String)
    /// `count` of `of` cells disagree; the first few of them.
    case disagree(count: Int, of: Int, cells: [String])
    /// The explorer's check of one cell: the two losses and the step, then the verdict.
    case probeLosses(cell: String, plus: String, minus: String, step: String)
    case probeResult(numeric: String, analytic: String, error: String, agrees: Bool)
    /// The explorer's check asked for a cell that is not a gradient's.
    case probeNeedsGradientCell
    /// The explorer's check asked for outside the conv2d backward pass.
    case probeNeedsBackward
}

/// A column of the gradient check's table.
public enum GradientCheckColumn: CaseIterable, Equatable, Sendable {
    case cell, lossPlus, lossMinus, numeric, analytic, relativeError
}
