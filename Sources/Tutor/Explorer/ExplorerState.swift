import ConvCore
import LessonKit
import Localization
import Scenes
import TermCanvas

/// A cell on one of the scene's panels: the panel, and the row and column in its grid (counting
/// the padding ring).
public struct GridPosition: Equatable, Sendable {
    public var panel: Panel.ID
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
    /// The editor refused the last key: a value is a number.
    public private(set) var editorRefused = false
    /// The steps the cursor's cell and the pinned cell take part in, found when they move rather
    /// than at every frame.
    public private(set) var cursorSteps: [SceneStep] = []
    public private(set) var pinnedSteps: [SceneStep] = []
    /// The gradient check of the cursor's cell is open (`d` toggles it, in conv2d backward mode);
    /// it follows the cursor.
    public private(set) var checking = false
    /// While `checking`, the centred-difference check of the cursor's cell of `dx`, `dw` or `db`
    /// (`L = Σ dOut ⊙ out` at `v ± h`), found when the cursor or the configuration changes; nil
    /// when the cursor is on another grid's cell.
    public private(set) var probe: GradientProbe?
    /// Why `d` opened no check, shown until the next key.
    public private(set) var checkRefusal: GradientCheckPhrase?
    /// A line shown under the step's arithmetic: the learner's own value of the cell, when the
    /// explorer was opened on a wrong cell of a practice check.
    public var remark: String?

    /// Seconds per step, slowest first.
    public static let speeds: [Double] = [2, 1, 0.5, 0.25, 0.125, 0.0625]

    /// Opens the explorer on `config`; an invalid one falls back to the defaults, with the reason
    /// shown (the command line refuses invalid options before the screen opens).
    public init(config: ExplorerConfig) {
        let fallback = ExplorerConfig()
        self.config = config
        lastValid = fallback
        // The defaults are a valid 5×5 by 3×3 convolution; an empty scene only guards the type.
        scene = (try? Scene.build(fallback))
            ?? Scene(title: .conv2d(.crossCorrelation), panels: [], steps: [], formula: .size(""), call: .pytorch(""), notes: [])
        apply(config)
    }

    /// Where the keys are going: the value editor, the cursor, the parameter bar or the steps.
    var keyContext: KeyContext {
        if editor != nil { return .explorerValue }
        switch focus {
        case .steps: return .explorerSteps
        case .cursor: return .explorerCursor
        case .parameters: return .explorerParameters
        }
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
            if let c = cursor, scene.panel(c.panel) == nil {
                cursor = nil
            }
            pinned = nil
            if newConfig.mode != .conv2dBackward { checking = false }
            refreshRelated()
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
        checkRefusal = nil
        guard let action = Keymap.action(for: key, in: keyContext) else { return (false, []) }
        switch action {
        case .back: return (true, [])
        case .stepsMode: focus = .steps
        case .stepBack: step = max(step - 1, 0); playing = false
        case .stepForward: step = min(step + 1, lastStep); playing = false
        case .firstStep: step = 0; playing = false
        case .lastStep: step = lastStep; playing = false
        case .playPause: return (false, togglePlay())
        case .faster: speed = min(speed + 1, Self.speeds.count - 1)
        case .slower: speed = max(speed - 1, 0)
        case .cursorMode: enterCursor()
        case .parametersMode: focus = .parameters
        case .cursorUp, .cursorDown, .cursorLeft, .cursorRight, .nextGrid, .previousGrid, .pin, .typeValue:
            cursorAction(action)
        case .gradientCheck: toggleCheck()
        case .previousParameter, .nextParameter, .increase, .decrease, .doneEditing:
            parameterAction(action)
        default:
            commonAction(action)
        }
        return (false, [])
    }

    /// The last step of the animation.
    private var lastStep: Int { max(0, scene.steps.count - 1) }

    /// Actions that work in every focus: mode, values, bias, convention, undo.
    private mutating func commonAction(_ action: Action) {
        var c = config
        switch action {
        case .nextMode: c.change(.mode, by: 1)
        case .previousMode: c.change(.mode, by: -1)
        case .toggleValues:
            // Ramp and random values take turns; typed values belong to the old values.
            c.values = c.values == .ramp ? .random(seed: 1) : .ramp
            c.overrides = []
        case .nextSeed: c.change(.values, by: 1)
        case .toggleBias: c.change(.bias, by: 1)
        case .toggleConvention: c.change(.convention, by: 1)
        case .undo:
            guard error != nil else { return }
            c = lastValid
        default: return
        }
        apply(c)
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
        refreshRelated()
    }

    /// A click on a grid cell puts the cursor there, opening the cursor mode if it was not on.
    /// While a value is being typed, clicks wait for Enter or Esc.
    mutating func click(_ target: HitTarget) {
        guard case .gridCell(let p) = target, editor == nil, scene.panel(p.panel) != nil else { return }
        playing = false
        focus = .cursor
        cursor = p
        refreshRelated()
    }

    private mutating func cursorAction(_ action: Action) {
        guard var c = cursor, let k = scene.panels.firstIndex(where: { $0.id == c.panel }) else {
            enterCursor()
            return
        }
        let (rows, cols) = scene.panels[k].drawnSize
        switch action {
        case .cursorUp: c.row = max(c.row - 1, 0)
        case .cursorDown: c.row = min(c.row + 1, rows - 1)
        case .cursorLeft: c.col = max(c.col - 1, 0)
        case .cursorRight: c.col = min(c.col + 1, cols - 1)
        case .nextGrid: c = corner(of: scene.panels[(k + 1) % scene.panels.count])
        case .previousGrid: c = corner(of: scene.panels[(k + scene.panels.count - 1) % scene.panels.count])
        case .pin: pinned = pinned == c ? nil : c
        case .typeValue: if valueIndex(at: c) != nil { editor = "" }
        default: break
        }
        cursor = c
        refreshRelated()
    }

    /// Finds the steps the cursor's and the pinned cell take part in, and the cursor's gradient
    /// check while it is open.
    private mutating func refreshRelated() {
        cursorSteps = cursor.map(related) ?? []
        pinnedSteps = pinned.map(related) ?? []
        probe = checking ? cursorProbe() : nil
    }

    // MARK: Gradient check

    /// Opens or closes the cursor's gradient check; outside conv2d backward mode, or with the
    /// cursor off `dx`, `dw` and `db`, it stays closed and says why.
    private mutating func toggleCheck() {
        if checking {
            checking = false
            probe = nil
            return
        }
        guard lastValid.mode == .conv2dBackward, error == nil else {
            checkRefusal = .probeNeedsBackward
            return
        }
        guard let found = cursorProbe() else {
            checkRefusal = .probeNeedsGradientCell
            return
        }
        checking = true
        probe = found
    }

    /// The check of the cursor's cell, when it is a real cell of `dx`, `dw` or `db` of the
    /// backward pass on display.
    private func cursorProbe() -> GradientProbe? {
        guard let c = cursor, let (tensor, index, inPadding) = cell(at: c), !inPadding,
              let gradient = Conv2D.Gradient(rawValue: tensor.rawValue) else { return nil }
        return try? Scene.gradientProbe(lastValid, gradient, at: index)
    }

    /// The steps a grid cell takes part in: its own computation when it is a step's subject,
    /// otherwise every step that reads it (the output cells an input cell feeds).
    func related(to p: GridPosition) -> [SceneStep] {
        // Padding cells have indices too (outside the tensor): the windows that read them.
        guard let (tensor, index, _) = cell(at: p) else { return [] }
        if let own = scene.steps.first(where: { $0.isAbout(tensor, index) }) { return [own] }
        return scene.steps.filter { $0.touches(tensor, index) }
    }

    private func corner(of panel: Panel) -> GridPosition {
        GridPosition(panel: panel.id, row: panel.padding.h, col: panel.padding.w)
    }

    /// The panel a position is on.
    func panel(_ p: GridPosition) -> Panel? {
        scene.panel(p.panel)
    }

    /// The tensor and index under a grid position, in the tensor's unpadded coordinates (so a
    /// padding cell has an index outside the tensor, as traces name it).
    func cell(at p: GridPosition) -> (tensor: TensorName, index: [Int], inPadding: Bool)? {
        guard let panel = panel(p) else { return nil }
        let (index, inPadding) = panel.index(atRow: p.row, col: p.col)
        return (panel.tensor, index, inPadding)
    }

    /// The tensor index under a grid position, when the learner may type a value there: a real
    /// cell of an input, a kernel, a bias or an upstream gradient.
    func valueIndex(at p: GridPosition) -> (tensor: TensorName, index: [Int])? {
        guard let cell = cell(at: p), !cell.inPadding, cell.tensor.isGiven else { return nil }
        return (cell.tensor, cell.index)
    }

    /// The cell editor: digits, `-`, `.`, `e`; Enter sets the value, Esc cancels.
    private mutating func edit(_ key: Key) -> [Effect] {
        guard var text = editor else { return [] }
        editorRefused = false
        switch Keymap.action(for: key, in: .explorerValue) {
        case .cancel?:
            editor = nil
            return []
        case .erase?:
            if !text.isEmpty { text.removeLast() }
        case .submit?:
            editor = nil
            guard let c = cursor, let target = valueIndex(at: c), let value = Double(text), value.isFinite,
                  abs(value) < 1e6 else { return [] }
            var new = config
            new.overrides.removeAll { $0.tensor == target.tensor && $0.index == target.index }
            new.overrides.append(.init(tensor: target.tensor, index: target.index, value: value))
            apply(new)
            return []
        default:
            if case .character(let ch) = key, ch.isASCII, ch.isNumber || "-.e".contains(ch) {
                if text.count < 12 { text.append(ch) }
            } else {
                editorRefused = true
            }
        }
        editor = text
        return []
    }

    // MARK: Parameters

    private mutating func parameterAction(_ action: Action) {
        let list = config.parameters
        parameter = min(parameter, list.count - 1)
        switch action {
        case .previousParameter: parameter = (parameter + list.count - 1) % list.count
        case .nextParameter: parameter = (parameter + 1) % list.count
        case .increase: change(list[parameter], by: 1)
        case .decrease: change(list[parameter], by: -1)
        case .doneEditing: focus = .steps
        default: break
        }
    }

    private mutating func change(_ p: Parameter, by delta: Int) {
        var c = config
        c.change(p, by: delta)
        // A new mode brings a new parameter list: keep the bar on the mode entry.
        if p == .mode { parameter = 0 }
        apply(c)
    }
}
