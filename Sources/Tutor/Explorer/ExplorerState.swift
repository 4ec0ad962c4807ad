import ConvCore
import TermCanvas

/// A cell on one of the scene's panels: the panel (by its title, unique in a scene), and the row
/// and column in its grid (counting the padding ring).
public struct GridPosition: Equatable, Sendable {
    public var panel: String
    public var row: Int
    public var col: Int
}

/// The explorer: a configuration, the scene the compute core made of it, and where the learner is.
public struct ExplorerState: Equatable, Sendable {
    /// Which part of the screen the keys drive.
    public enum Focus: Equatable, Sendable {
        /// Arrows step through the animation.
        case steps
        /// Arrows move a cursor over the grids, lighting what each cell touches.
        case cursor
        /// Arrows choose and change parameters.
        case parameters
    }

    public private(set) var config: ExplorerConfig
    /// The last configuration the compute core accepted; `u` returns to it.
    public private(set) var lastValid: ExplorerConfig
    /// The scene of the last valid configuration (kept while an invalid one is shown).
    public private(set) var scene: Scene
    /// Why the current configuration is invalid, if it is.
    public private(set) var error: ConvError?
    public var step = 0
    public var playing = false
    /// Index into `speeds`.
    public var speed = 2
    public var focus: Focus = .steps
    public var cursor: GridPosition?
    public var pinned: GridPosition?
    /// The selected entry of `config.parameters` while `focus == .parameters`.
    public var parameter = 0
    /// Text typed into the cell editor, while it is open.
    public var editor: String?

    /// Seconds per step, slowest first.
    public static let speeds: [Double] = [2, 1, 0.5, 0.25, 0.125, 0.0625]

    /// Opens the explorer on `config`; an invalid one falls back to the defaults, with the reason
    /// shown (the command line refuses invalid options before the screen opens).
    public init(config: ExplorerConfig) {
        let fallback = ExplorerConfig()
        self.config = config
        lastValid = fallback
        // The defaults are a valid 5×5 by 3×3 convolution; an empty scene only guards the type.
        scene = (try? Scene.build(fallback)) ?? Scene(title: "", panels: [], steps: [], formulas: [], call: "", notes: [])
        apply(config)
    }

    /// The step on display.
    public var currentStep: SceneStep? {
        scene.steps.isEmpty ? nil : scene.steps[min(step, scene.steps.count - 1)]
    }

    // MARK: Configuration

    /// Rebuilds the scene for `newConfig`; if the compute core refuses it, keeps the last valid
    /// scene and records why.
    mutating func apply(_ newConfig: ExplorerConfig) {
        config = newConfig
        do {
            scene = try Scene.build(newConfig)
            lastValid = newConfig
            error = nil
            step = min(step, max(0, scene.steps.count - 1))
            if let c = cursor, !scene.panels.contains(where: { $0.title == c.panel }) {
                cursor = nil
            }
            pinned = nil
        } catch {
            self.error = error
            playing = false
        }
    }

    // MARK: Time

    /// Advances the animation one step per tick while playing; stops at the last step.
    mutating func tick() -> [Effect] {
        guard playing, error == nil else { return [] }
        if step + 1 < scene.steps.count {
            step += 1
        }
        if step + 1 >= scene.steps.count {
            playing = false
            return []
        }
        return [.scheduleTick(after: Self.speeds[speed])]
    }

    // MARK: Keys

    /// Handles a key; `leave` is true when the learner asked to go back.
    mutating func handle(_ key: Key) -> (leave: Bool, effects: [Effect]) {
        if editor != nil { return (false, edit(key)) }
        if key == .character("q") { return (true, []) }
        if key == .escape {
            if focus == .steps { return (true, []) }
            focus = .steps
            return (false, [])
        }
        switch focus {
        case .steps: return (false, stepKey(key))
        case .cursor: return (false, cursorKey(key))
        case .parameters: return (false, parameterKey(key))
        }
    }

    private mutating func stepKey(_ key: Key) -> [Effect] {
        let last = max(0, scene.steps.count - 1)
        switch key {
        case .right, .character("l"): step = min(step + 1, last); playing = false
        case .left, .character("h"): step = max(step - 1, 0); playing = false
        case .character("g"), .home: step = 0; playing = false
        case .character("G"), .end: step = last; playing = false
        case .character(" "): return togglePlay()
        case .character("+"), .character("="): speed = min(speed + 1, Self.speeds.count - 1)
        case .character("-"), .character("_"): speed = max(speed - 1, 0)
        case .tab: enterCursor()
        case .character("e"), .character("p"): focus = .parameters
        default: return commonKey(key)
        }
        return []
    }

    /// Keys that work in every focus: mode, values, undo.
    private mutating func commonKey(_ key: Key) -> [Effect] {
        var c = config
        switch key {
        case .character("m"): c.change(.mode, by: 1)
        case .character("M"): c.change(.mode, by: -1)
        case .character("v"):
            // Ramp and random values take turns; typed values belong to the old values.
            c.values = c.values == .ramp ? .random(seed: 1) : .ramp
            c.overrides = []
        case .character("r"): c.change(.values, by: 1)
        case .character("b"): c.change(.bias, by: 1)
        case .character("c"): c.change(.convention, by: 1)
        case .character("u"):
            guard error != nil else { return [] }
            c = lastValid
        default: return []
        }
        apply(c)
        return []
    }

    private mutating func togglePlay() -> [Effect] {
        guard error == nil, !scene.steps.isEmpty else { return [] }
        if playing {
            playing = false
            return []
        }
        if step + 1 >= scene.steps.count { step = 0 }
        playing = true
        return [.scheduleTick(after: Self.speeds[speed])]
    }

    // MARK: Cursor

    private mutating func enterCursor() {
        playing = false
        focus = .cursor
        if cursor == nil, let panel = scene.panels.first {
            cursor = corner(of: panel)
        }
    }

    private mutating func cursorKey(_ key: Key) -> [Effect] {
        guard var c = cursor, let k = scene.panels.firstIndex(where: { $0.title == c.panel }) else {
            enterCursor()
            return []
        }
        let panel = scene.panels[k]
        let rows = panel.grid.shape[0] + 2 * panel.padding.h
        let cols = panel.grid.shape[1] + 2 * panel.padding.w
        switch key {
        case .up, .character("k"): c.row = max(c.row - 1, 0)
        case .down, .character("j"): c.row = min(c.row + 1, rows - 1)
        case .left, .character("h"): c.col = max(c.col - 1, 0)
        case .right, .character("l"): c.col = min(c.col + 1, cols - 1)
        case .character("n"), .character(">"), .character("."):
            c = corner(of: scene.panels[(k + 1) % scene.panels.count])
        case .character("N"), .character("<"), .character(","):
            c = corner(of: scene.panels[(k + scene.panels.count - 1) % scene.panels.count])
        case .character("p"), .character(" "):
            pinned = pinned == c ? nil : c
        case .enter:
            if valueIndex(at: c) != nil { editor = "" }
        case .tab:
            focus = .parameters
        default:
            return commonKey(key)
        }
        cursor = c
        return []
    }

    private func corner(of panel: Panel) -> GridPosition {
        GridPosition(panel: panel.title, row: panel.padding.h, col: panel.padding.w)
    }

    /// The panel a position is on.
    func panel(_ p: GridPosition) -> Panel? {
        scene.panels.first { $0.title == p.panel }
    }

    /// The tensor and index under a grid position, in the tensor's unpadded coordinates (so a
    /// padding cell has an index outside the tensor, as traces name it).
    func cell(at p: GridPosition) -> (tensor: String, index: [Int], inPadding: Bool)? {
        guard let panel = panel(p) else { return nil }
        var (r, c) = (p.row - panel.padding.h, p.col - panel.padding.w)
        let inPadding = r < 0 || r >= panel.grid.shape[0] || c < 0 || c >= panel.grid.shape[1]
        if panel.mirrored { (r, c) = (panel.grid.shape[0] - 1 - r, panel.grid.shape[1] - 1 - c) }
        return (panel.tensor, panel.prefix.isEmpty ? [c] : panel.prefix + [r, c], inPadding)
    }

    /// The tensor index under a grid position, when the learner may type a value there: a real
    /// cell of an input, a kernel, a bias or an upstream gradient.
    func valueIndex(at p: GridPosition) -> (tensor: String, index: [Int])? {
        guard let cell = cell(at: p), !cell.inPadding, ["x", "w", "b", "dOut", "a", "v"].contains(cell.tensor) else { return nil }
        return (cell.tensor, cell.index)
    }

    /// The cell editor: digits, `-`, `.`, `e`; Enter sets the value, Esc cancels.
    private mutating func edit(_ key: Key) -> [Effect] {
        guard var text = editor else { return [] }
        switch key {
        case .escape:
            editor = nil
            return []
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .enter:
            editor = nil
            guard let c = cursor, let target = valueIndex(at: c), let value = Double(text), value.isFinite,
                  abs(value) < 1e6 else { return [] }
            var new = config
            new.overrides.removeAll { $0.tensor == target.tensor && $0.index == target.index }
            new.overrides.append(.init(tensor: target.tensor, index: target.index, value: value))
            apply(new)
            return []
        case .character(let ch) where ch.isNumber || "-.e".contains(ch):
            if text.count < 12 { text.append(ch) }
        default:
            break
        }
        editor = text
        return []
    }

    // MARK: Parameters

    private mutating func parameterKey(_ key: Key) -> [Effect] {
        let list = config.parameters
        parameter = min(parameter, list.count - 1)
        switch key {
        case .up, .character("k"), .backTab: parameter = (parameter + list.count - 1) % list.count
        case .down, .character("j"): parameter = (parameter + 1) % list.count
        case .right, .character("l"), .character("+"), .character("="): change(list[parameter], by: 1)
        case .left, .character("h"), .character("-"): change(list[parameter], by: -1)
        case .enter, .tab: focus = .steps
        default: return commonKey(key)
        }
        return []
    }

    private mutating func change(_ p: Parameter, by delta: Int) {
        var c = config
        c.change(p, by: delta)
        // A new mode brings a new parameter list: keep the bar on the mode entry.
        if p == .mode { parameter = 0 }
        apply(c)
    }
}
