/// What a frame shows where, for clicks: each clickable thing's rectangle and the target it stands
/// for, recorded by the view as it draws, so that a click resolves to what was drawn under it.
public struct HitMap<Target: Sendable>: Sendable {
    /// The rectangles in the order they were drawn; a later one lies over an earlier one.
    public private(set) var regions: [(rect: Rect, target: Target)] = []

    public init() {}

    /// Records that `target` was drawn over `rect`.
    public mutating func add(_ rect: Rect, _ target: Target) {
        regions.append((rect, target))
    }

    /// Records `other`'s regions moved `x` columns right and `y` rows down, cut to `clip` (regions
    /// left with no cell are dropped): for a part of the frame drawn on its own and copied in.
    public mutating func add(_ other: HitMap, x: Int, y: Int, clip: Rect) {
        for (rect, target) in other.regions {
            let moved = rect.offsetBy(x: x, y: y).intersection(clip)
            if moved.width > 0, moved.height > 0 { add(moved, target) }
        }
    }

    /// The target drawn at column `x` of row `y`: the topmost, or nil where nothing is.
    public func target(atX x: Int, y: Int) -> Target? {
        regions.last { $0.rect.contains(x: x, y: y) }?.target
    }
}
