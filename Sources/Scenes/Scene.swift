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
        switch config.mode {
        case .conv1d, .correlate1d: return try oneD(config)
        case .conv2d: return try forward(config)
        case .conv2dBackward: return try backward(config)
        case .maxpool2d, .avgpool2d, .maxpool2dBackward, .avgpool2dBackward: return try pool(config)
        case .convTranspose2d, .convTranspose2dBackward: return try transposed(config)
        }
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
        .axes { axis in
            OutputSize.convolutionFormula(input: g.input[axis], kernel: g.kernel[axis], stride: g.stride[axis],
                                          padding: g.padding[axis], dilation: g.dilation[axis], result: g.output[axis])
        }
    }

    /// The scene of a direct convolution that computes a gradient or a transposed convolution,
    /// with its tensors renamed for what they are and a caption on the two operands.
    static func asConvolution(
        _ direct: Conv2D, names: [TensorName: TensorName], title: SceneTitle, formula: SizeFormula,
        call: ReferenceCallText, note: SceneNote
    ) throws(ConvError) -> Scene {
        let out = direct.forward()
        var steps: [SceneStep] = []
        for offset in 0..<out.count {
            steps.append(.cell(try direct.traceOutput(out.index(ofOffset: offset)).renamed(names)))
        }
        func renamed(_ panels: [Panel], _ caption: PanelCaption?) -> [Panel] {
            panels.map { panel in
                var p = panel
                p.id.tensor = names[panel.tensor] ?? panel.tensor
                p.caption = caption
                return p
            }
        }
        return Scene(
            title: title,
            panels: renamed(planes(.x, direct.x, role: .input), .zeroInsertedAndFramed)
                + renamed(planes(.w, direct.w, role: .kernel), .equalsFlippedKernel)
                + renamed(planes(.out, out, role: .output), nil),
            steps: steps, formula: formula, call: call, notes: [note])
    }
}
