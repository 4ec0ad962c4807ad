import ConvCore
import LessonKit
import Localization
import Practice
import Scenes

extension ExerciseState {
    /// The wrong cells of the last report, one per case that returned a wrong value, in order: the
    /// case, the array's name, the cell's index, and the learner's value.
    var wrongCells: [(case: PracticeCase, name: String, index: [Int], got: Double)] {
        guard let report, lesson.exercise?.spec.target != .outputSize else { return [] }
        return zip(report.cases, report.results).compactMap { c, result in
            guard case .failed(.wrongValue(let name, let index, _, let got, _)) = result else { return nil }
            return (c, name, index, got)
        }
    }

    /// Why the explorer cannot show the wrong cell, in the learner's words.
    struct ExploreRefusal: Error, Equatable {
        var text: String
    }

    /// The explorer on a wrong cell: the first whose case the explorer draws whole at `viewport`
    /// (else the first it draws at all), its values typed in (the cell's sample, when the case has
    /// several), opened on the step that computes the cell, the learner's value beside it.
    func explorer(_ viewport: Viewport, _ t: any Catalogue) -> Result<ExplorerState, ExploreRefusal> {
        guard let target = lesson.exercise?.spec.target else { return .failure(ExploreRefusal(text: t.practice(.batchSum))) }
        var drawable: [ExplorerState] = []
        var refusal = ExploreRefusal(text: t.practice(.batchSum))
        for (c, name, index, got) in wrongCells {
            guard let (config, tensor, cell) = Self.config(target, c, name, index) else { continue }
            if let limit = config.tooLargeToDraw {
                let why = switch limit {
                case .extent(let e): "\(e) > \(LessonLimits.maxGridExtent)"
                case .channels(let n): "\(n) > \(LessonLimits.maxChannels)"
                }
                refusal = ExploreRefusal(text: t.practice(.notDrawable(why)))
                continue
            }
            var explorer = ExplorerState(config: config)
            explorer.step = explorer.scene.steps.firstIndex { $0.trace?.tensor == tensor && $0.trace?.index == cell } ?? 0
            explorer.remark = t.practice(.yourValue(cell: Text.cell(name, index), got: got))
            if explorer.clipping(width: viewport.width, height: viewport.height, t).hiddenGrids == 0 { return .success(explorer) }
            drawable.append(explorer)
        }
        return drawable.first.map(Result.success) ?? .failure(refusal)
    }

    /// The explorer's configuration for case `c` of `target`, and the tensor and index there of
    /// the learner's `name[index]`; `nil` when one sample cannot show it (dW and db sum over a
    /// batch of several).
    static func config(_ target: ExerciseTarget, _ c: PracticeCase, _ name: String, _ index: [Int])
        -> (ExplorerConfig, TensorName, [Int])? {
        let s = c.settings
        var config = ExplorerConfig()
        config.presentation = .cells
        config.input = s.input
        config.kernel = s.kernel
        config.stride = Pair(s.stride)
        config.padding = Pair(s.padding)
        config.channels = s.c
        config.filters = s.f
        // The sample the cell belongs to, and its values: the explorer draws one image.
        let n = index.count == 4 && name != "dW" ? index[0] : 0
        func typed(_ argument: String, as tensor: TensorName, sample: Bool) {
            guard let t = c.tensor(argument) else { return }
            for offset in t.data.indices {
                var at = t.index(ofOffset: offset)
                if sample {
                    guard at[0] == n else { continue }
                    at[0] = 0
                }
                config.overrides.append(.init(tensor: tensor, index: at, value: t.data[offset]))
            }
        }
        let inSample = { (i: [Int]) in [0] + i.dropFirst() }
        switch target {
        case .outputSize:
            return nil
        case .conv1d:
            config.mode = .conv1d
            config.mode1D = s.mode
            config.input = Pair(1, s.lengthF)
            config.kernel = Pair(1, s.lengthG)
            typed("f", as: .a, sample: false)
            typed("g", as: .v, sample: false)
            return (config, .out, index)
        case .conv2d:
            config.mode = .conv2d
            config.bias = true
            typed("x", as: .x, sample: true)
            typed("W", as: .w, sample: false)
            typed("b", as: .b, sample: false)
            return (config, .out, inSample(index))
        case .conv2dBackward:
            // dW and db add up every sample's share: one sample shows it only when there is one.
            guard s.n == 1 || name == "dx" else { return nil }
            config.mode = .conv2dBackward
            config.bias = true
            typed("x", as: .x, sample: true)
            typed("W", as: .w, sample: false)
            typed("b", as: .b, sample: false)
            typed("dout", as: .dOut, sample: true)
            let tensor: TensorName = switch name {
            case "dW": .dw
            case "db": .db
            default: .dx
            }
            return (config, tensor, tensor == .dx ? inSample(index) : index)
        case .convTranspose2d:
            config.mode = .convTranspose2d
            typed("x", as: .x, sample: true)
            typed("W", as: .w, sample: false)
            return (config, .out, inSample(index))
        case .maxpool2d, .maxpool2dBackward:
            config.mode = target == .maxpool2d ? .maxpool2d : .maxpool2dBackward
            config.filters = s.c
            typed("x", as: .x, sample: true)
            if target == .maxpool2dBackward { typed("dout", as: .dOut, sample: true) }
            return (config, target == .maxpool2d ? .out : .dx, inSample(index))
        }
    }
}
