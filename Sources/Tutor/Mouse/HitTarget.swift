import Localization
import QuizKit
import TermCanvas

/// What a click can land on: each clickable thing a screen draws, as the view records it.
public enum HitTarget: Equatable, Sendable {
    /// An entry of the home screen.
    case homeEntry(HomeEntry)
    /// The `k`th lesson of the lesson list (0-based, in the catalogue's order).
    case lessonRow(Int)
    /// A cell of one of the explorer's grids.
    case gridCell(GridPosition)
    /// Choice `k` (0-based) of the question being answered: a choice or a line of a listing.
    case choice(Int)
    /// A cell of a select-the-cells question's grid.
    case questionCell(GridCell)
}

/// The clickable parts of a frame.
public typealias Hits = HitMap<HitTarget>
