import ConvCore
import LessonKit
import Localization

/// Everything the explorer shows for one configuration, computed by the compute core: the grids,
/// the animation as one trace per step, the size formula and the reference call, and notes.
///
/// A scene holds values, not sentences: titles and notes are phrases the view writes in the
/// learner's language.
public struct Scene: Equatable, Sendable {
    public var title: SceneTitle
    public var panels: [Panel]
    /// The animation, in the order shown.
    public var steps: [SceneStep]
    /// The output size with today's numbers.
    public var formula: SizeFormula
    /// The PyTorch or NumPy call that computes the same thing.
    public var call: ReferenceCallText
    /// Explanations shown under the grids.
    public var notes: [SceneNote]
    /// For a convolution over several input channels, each step's cell as the sum of one part per
    /// channel (the bias apart); empty otherwise.
    public var channelParts: [[ChannelPart]] = []

    /// For each result grid computed cell by cell (outputs and gradients), the step that computes
    /// each of its cells (row-major over the grid, `nil` for a cell no step computes), so that the
    /// animation can show the result filling in.
    public var stepOfCell: [Panel.ID: [Int?]] = [:]

    /// One input channel's share of an output cell: `x[0,1] → 4614`.
    public struct ChannelPart: Equatable, Sendable {
        /// The input plane, `[n, c]`.
        public var plane: [Int]
        public var sum: Double
    }

    public init(title: SceneTitle, panels: [Panel], steps: [SceneStep], formula: SizeFormula,
                call: ReferenceCallText, notes: [SceneNote]) {
        self.title = title
        self.panels = panels
        self.steps = steps
        self.formula = formula
        self.call = call
        self.notes = notes
    }

    /// The panel with this identity, if the scene has it.
    public func panel(_ id: Panel.ID) -> Panel? {
        panels.first { $0.id == id }
    }

    /// The filter a step works on (its target is an `out`, `dOut`, `dw` or `db` cell of that
    /// filter), so only that filter's panels need showing.
    public func filter(of step: SceneStep) -> Int? {
        let (tensor, index) = step.subject
        switch tensor {
        case .db, .dw: return index.first
        case .out where index.count == 4 && step.trace != nil: return index[1]
        case .dOut where index.count == 4: return index[1]
        default: return nil
        }
    }

    /// The first step about `tensor[index]`, if any (0-based).
    public func step(computing tensor: TensorName, _ index: [Int]) -> Int? {
        steps.firstIndex { $0.isAbout(tensor, index) }
    }

    /// Builds the scene, or says why the configuration is invalid.
    public static func build(_ config: ExplorerConfig) throws(ConvError) -> Scene {
        var scene: Scene
        switch config.mode {
        case .conv1d, .correlate1d: scene = try oneD(config)
        case .conv2d: scene = try forward(config)
        case .conv2dBackward: scene = try backward(config)
        case .maxpool2d, .avgpool2d, .maxpool2dBackward, .avgpool2dBackward, .adaptiveMaxpool2d, .adaptiveAvgpool2d,
             .adaptiveMaxpool2dBackward, .adaptiveAvgpool2dBackward: scene = try pool(config)
        // The explorer animates the forward pass of a transposed convolution (`animated`).
        case .convTranspose2d, .convTranspose2dBackward: scene = try transposed(config)
        }
        scene.stepOfCell = scene.cellSteps()
        return scene
    }

    /// Which step computes each cell of the result grids (see `stepOfCell`).
    private func cellSteps() -> [Panel.ID: [Int?]] {
        var table: [Panel.ID: [Int?]] = [:]
        let results = panels.filter { $0.isResult && !$0.showsPartial }
        for (k, step) in steps.enumerated() {
            guard case .cell(let trace) = step else { continue }
            for panel in results {
                guard let (row, col) = panel.position(of: trace.tensor, trace.index) else { continue }
                let (rows, cols) = panel.drawnSize
                if table[panel.id] == nil { table[panel.id] = Array(repeating: nil, count: rows * cols) }
                table[panel.id]?[row * cols + col] = k
            }
        }
        return table
    }

    // MARK: Helpers shared by the builders

    /// One panel per `[i0, i1]` plane of a 4-D tensor.
    static func planes(
        _ name: TensorName, _ t: Tensor, padding: Pair = Pair(0), role: Panel.Role, filterAxis: Bool = false
    ) -> [Panel] {
        var panels: [Panel] = []
        for i0 in 0..<t.shape[0] {
            for i1 in 0..<t.shape[1] {
                panels.append(Panel(
                    id: Panel.ID(tensor: name, prefix: [i0, i1]), grid: t.plane(i0, i1), padding: padding, role: role,
                    filter: filterAxis ? (name == .w || name == .dw ? i0 : i1) : nil))
            }
        }
        return panels
    }

    /// A vector (a bias, `db`) as one row.
    static func row(_ name: TensorName, _ t: Tensor, role: Panel.Role) -> Panel {
        Panel(id: Panel.ID(tensor: name), grid: t.reshaped([1, t.count]), role: role)
    }

    /// Panels showing a tensor being built up by a scatter: the values are replaced, step by
    /// step, by the partial sums.
    static func partialPanels(_ name: TensorName, _ final: Tensor) -> [Panel] {
        planes(name, final, role: .gradient).map { panel in
            var p = panel
            p.caption = .soFar
            p.showsPartial = true
            return p
        }
    }

    static func biasPanel(_ b: Tensor?) -> [Panel] {
        b.map { [row(.b, $0, role: .bias)] } ?? []
    }

    static func convolutionFormula(_ g: Conv2DGeometry) -> SizeFormula {
        .axes(g.sizeFormula)
    }

    /// The scene of a direct convolution that computes a gradient or a transposed convolution,
    /// with its tensors renamed for what they are and a caption on the two operands: each plane
    /// of the kernel names the plane of the original `w` (of `geometry`) it is the flip of.
    static func asConvolution(
        _ direct: Conv2D, of geometry: Conv2DGeometry, names: [TensorName: TensorName], title: SceneTitle,
        formula: SizeFormula, call: ReferenceCallText, note: SceneNote
    ) throws(ConvError) -> Scene {
        let out = direct.forward()
        var steps: [SceneStep] = []
        for offset in 0..<out.count {
            steps.append(.cell(try direct.traceOutput(out.index(ofOffset: offset)).renamed(names)))
        }
        func renamed(_ panels: [Panel], _ caption: (Panel) -> PanelCaption?) -> [Panel] {
            panels.map { panel in
                var p = panel
                p.id.tensor = names[panel.tensor] ?? panel.tensor
                p.caption = caption(panel)
                return p
            }
        }
        // w′[c, f′] is w[group·F/G + f′, c mod C/G] rotated by 180° (see `Conv2D.adjointConvolution`).
        let onePlane = direct.w.shape[0] * direct.w.shape[1] == 1
        let original = { (panel: Panel) -> PanelCaption in
            let (c, f) = (panel.prefix[0], panel.prefix[1])
            return .flippedKernel(of: onePlane ? nil : [c / geometry.channelsPerGroup * geometry.filtersPerGroup + f, c % geometry.channelsPerGroup])
        }
        return Scene(
            title: title,
            panels: renamed(planes(.x, direct.x, role: .input)) { _ in .zeroInsertedAndFramed }
                + renamed(planes(.w, direct.w, role: .kernel), original)
                + renamed(planes(.out, out, role: .output)) { _ in nil },
            steps: steps, formula: formula, call: call, notes: [note])
    }
}
