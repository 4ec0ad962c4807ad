import ConvCore
import LessonKit
import Localization
import Scenes

/// One setting the learner can change in the explorer's parameter bar.
public enum Parameter: CaseIterable, Sendable {
    case mode
    case inputH, inputW, kernelH, kernelW, strideH, strideW, paddingH, paddingW, paddingMode, dilationH, dilationW
    case outputPaddingH, outputPaddingW
    case channels, filters, groups, bias, convention, mode1D, presentation, values
    case ceilMode, countIncludePad, divisorOverride, outputSizeH, outputSizeW

    /// The pair a per-axis parameter belongs to (`stride h` and `stride w` are one item of the
    /// bar), and its axis.
    var axisOf: (pair: ParameterLabel, axis: Axis)? {
        switch self {
        case .inputH: (.input, .height)
        case .inputW: (.input, .width)
        case .kernelH: (.kernel, .height)
        case .kernelW: (.kernel, .width)
        case .strideH: (.stride, .height)
        case .strideW: (.stride, .width)
        case .paddingH: (.padding, .height)
        case .paddingW: (.padding, .width)
        case .dilationH: (.dilation, .height)
        case .dilationW: (.dilation, .width)
        case .outputPaddingH: (.outputPadding, .height)
        case .outputPaddingW: (.outputPadding, .width)
        case .outputSizeH: (.outputSize, .height)
        case .outputSizeW: (.outputSize, .width)
        default: nil
        }
    }

    /// Typed values belong to the shapes they were typed into: these keep them.
    var keepsTypedValues: Bool {
        [.mode, .paddingMode, .convention, .bias, .mode1D, .presentation, .countIncludePad, .divisorOverride].contains(self)
    }
}

extension ExplorerConfig {
    /// The settings that matter in the current mode, in the order the bar shows them.
    public var parameters: [Parameter] {
        let window: [Parameter] = [.inputH, .inputW, .kernelH, .kernelW, .strideH, .strideW, .paddingH, .paddingW]
        switch mode {
        case .conv1d, .correlate1d:
            return [.mode, .inputW, .kernelW, .mode1D, .values]
        case .conv2d:
            return [.mode] + window + [.paddingMode, .dilationH, .dilationW, .channels, .filters, .groups, .bias, .convention, .values]
        case .conv2dBackward:
            return [.mode, .presentation] + window + [.paddingMode, .dilationH, .dilationW, .channels, .filters, .groups, .bias, .convention, .values]
        case .maxpool2d, .maxpool2dBackward:
            return [.mode] + window + [.dilationH, .dilationW, .ceilMode, .channels, .values]
        case .avgpool2d, .avgpool2dBackward:
            return [.mode] + window + [.ceilMode, .countIncludePad, .divisorOverride, .channels, .values]
        case .adaptiveMaxpool2d, .adaptiveAvgpool2d, .adaptiveMaxpool2dBackward, .adaptiveAvgpool2dBackward:
            return [.mode, .inputH, .inputW, .outputSizeH, .outputSizeW, .channels, .values]
        case .convTranspose2d, .convTranspose2dBackward:
            return [.mode, .presentation] + window + [.dilationH, .dilationW, .outputPaddingH, .outputPaddingW, .channels,
                                                      .filters, .groups, .bias, .values]
        }
    }

    /// The parameters as the bar groups them: a per-axis pair (`stride h`, `stride w`) is one
    /// item.
    public var parameterGroups: [[Parameter]] {
        var groups: [[Parameter]] = []
        for p in parameters {
            if p.axisOf?.axis == .width, let last = groups.last, last.count == 1, last[0].axisOf?.pair == p.axisOf?.pair {
                groups[groups.count - 1].append(p)
            } else {
                groups.append([p])
            }
        }
        return groups
    }

    /// One group as text, `stride 2×1`, with the value of `marked` in brackets: `stride [2]×1`;
    /// `scene` is this configuration's, which tells whether typed values replace every generated
    /// one.
    public func text(_ group: [Parameter], marking marked: Parameter? = nil, scene: Scene?, _ t: any Catalogue) -> String {
        let values = group.map { marked == $0 ? "[\(text($0, scene: scene, t))]" : text($0, scene: scene, t) }
        return t.explorer(.parameter(label(group[0]))) + " " + values.joined(separator: "×")
    }

    /// The settings in one line: `mode conv2d, input 5×5, kernel 3×3, stride 2×2, …`; zero
    /// padding goes unsaid, as PyTorch's call leaves `padding_mode` out.
    public func settingsLine(scene: Scene?, _ t: any Catalogue) -> String {
        parameterGroups.filter { $0 != [.paddingMode] || paddingMode != .zeros }
            .map { text($0, scene: scene, t) }.joined(separator: t.comma)
    }

    /// The value as the parameter bar shows it.
    public func text(_ p: Parameter, scene: Scene?, _ t: any Catalogue) -> String {
        switch p {
        case .mode: mode.rawValue
        case .inputH: "\(input.h)"
        case .inputW: "\(input.w)"
        case .kernelH: "\(kernel.h)"
        case .kernelW: "\(kernel.w)"
        case .strideH: "\(stride.h)"
        case .strideW: "\(stride.w)"
        case .paddingH: "\(padding.h)"
        case .paddingW: "\(padding.w)"
        case .paddingMode: t.traceWord(.paddingMode(paddingMode))
        case .dilationH: "\(dilation.h)"
        case .dilationW: "\(dilation.w)"
        case .outputPaddingH: "\(outputPadding.h)"
        case .outputPaddingW: "\(outputPadding.w)"
        case .channels: "\(channels)"
        case .filters: "\(filters)"
        case .groups: "\(groups)"
        case .bias: t.explorer(bias ? .on : .off)
        case .convention: t.explorer(.convention(convention == .crossCorrelation ? .crossCorrelation : .convolution))
        case .mode1D: mode1D.rawValue
        case .presentation:
            switch presentation {
            case .cells: t.explorer(.view(.cells))
            case .scatter: t.explorer(.view(.scatter))
            case .convolution: t.explorer(.view(.convolution))
            }
        case .values:
            valuesText(scene: scene, t)
        case .ceilMode: t.explorer(ceilMode ? .on : .off)
        case .countIncludePad: t.explorer(countIncludePad ? .on : .off)
        case .divisorOverride: divisorOverride.map(String.init) ?? t.explorer(.off)
        case .outputSizeH: "\(outputSize.h)"
        case .outputSizeW: "\(outputSize.w)"
        }
    }

    /// `ramp`, `random #2`, then the tensors typed in; only `typed: x w` when every given tensor
    /// was typed in whole (the generated values show nowhere).
    private func valuesText(scene: Scene?, _ t: any Catalogue) -> String {
        let generated = values == .ramp ? t.explorer(.ramp) : { if case .random(let seed) = values { t.explorer(.random(seed: seed)) } else { "" } }()
        let typed = typedTensors
        guard !typed.isEmpty else { return generated }
        let names = typed.map(\.rawValue)
        return scene.map(typedWhole) ?? false ? t.explorer(.typed(names)) : generated + t.comma + t.explorer(.typed(names))
    }

    /// True when every value of the tensors `scene` is given (inputs, kernels, biases, `dOut`)
    /// was typed in, so the generated values show nowhere.
    private func typedWhole(_ scene: Scene) -> Bool {
        let given = scene.panels.filter { $0.tensor.isGiven }
        return !given.isEmpty && given.allSatisfy { panel in
            (0..<panel.grid.count).allSatisfy { offset in
                let index = panel.index(atRow: offset / panel.grid.shape[1] + panel.padding.h, col: offset % panel.grid.shape[1] + panel.padding.w).index
                return overrides.contains { $0.tensor == panel.tensor && $0.index == index }
            }
        }
    }

    /// The label of a parameter in the current mode (1-D calls the lengths `len a`, `len v`;
    /// pooling calls the kernel its window).
    func label(_ p: Parameter) -> ParameterLabel {
        switch (p, mode.is1D) {
        case (.inputW, true): return .lengthA
        case (.kernelW, true): return .lengthV
        case (.kernelH, _), (.kernelW, _): return mode.isPooling ? .window : .kernel
        default: break
        }
        if let pair = p.axisOf?.pair { return pair }
        switch p {
        case .mode: return .mode
        case .paddingMode: return .paddingMode
        case .channels: return .channels
        case .filters: return .filters
        case .groups: return .groups
        case .bias: return .bias
        case .convention: return .convention
        case .mode1D: return .mode1D
        case .presentation: return .view
        case .ceilMode: return .ceilMode
        case .countIncludePad: return .countIncludePad
        case .divisorOverride: return .divisorOverride
        default: return .values
        }
    }

    /// Steps a parameter up (`+1`) or down (`-1`), within the ranges the explorer can draw;
    /// combinations the compute core refuses are allowed here and reported by the scene.
    public mutating func change(_ p: Parameter, by delta: Int) {
        func step(_ value: inout Int, _ range: ClosedRange<Int>) {
            value = min(max(value + delta, range.lowerBound), range.upperBound)
        }
        func cycle<T: Equatable>(_ value: inout T, _ all: [T]) {
            let k = all.firstIndex(of: value) ?? 0
            value = all[(k + delta + all.count) % all.count]
        }
        let extent = 1...LessonLimits.maxGridExtent
        let window = 1...LessonLimits.maxWindowParameter
        let offset = 0...LessonLimits.maxWindowParameter
        let channelCount = 1...LessonLimits.maxChannels
        switch p {
        case .mode: cycle(&mode, ConvOperation.animated)
        case .inputH: step(&input.h, extent)
        case .inputW: step(&input.w, extent)
        case .kernelH: step(&kernel.h, extent)
        case .kernelW: step(&kernel.w, extent)
        case .strideH: step(&stride.h, window)
        case .strideW: step(&stride.w, window)
        case .paddingH: step(&padding.h, offset)
        case .paddingW: step(&padding.w, offset)
        case .paddingMode: cycle(&paddingMode, PaddingMode.allCases)
        case .dilationH: step(&dilation.h, window)
        case .dilationW: step(&dilation.w, window)
        case .outputPaddingH: step(&outputPadding.h, offset)
        case .outputPaddingW: step(&outputPadding.w, offset)
        case .channels: step(&channels, channelCount)
        case .filters: step(&filters, channelCount)
        case .groups: step(&groups, channelCount)
        case .bias: bias.toggle()
        case .convention: convention = convention == .crossCorrelation ? .convolution : .crossCorrelation
        case .mode1D: cycle(&mode1D, Conv1D.Mode.allCases)
        case .presentation: cycle(&presentation, Presentation.allCases)
        case .ceilMode: ceilMode.toggle()
        case .countIncludePad: countIncludePad.toggle()
        case .divisorOverride:
            // Off below 1; the explorer offers the divisors a window could have.
            let next = (divisorOverride ?? 0) + delta
            divisorOverride = next < 1 ? nil : min(next, LessonLimits.maxWindowParameter)
        case .outputSizeH: step(&outputSize.h, extent)
        case .outputSizeW: step(&outputSize.w, extent)
        case .values:
            switch values {
            case .ramp: values = .random(seed: 1)
            case .random(let seed): values = delta > 0 ? .random(seed: seed + 1) : (seed > 1 ? .random(seed: seed - 1) : .ramp)
            }
        }
        if !p.keepsTypedValues { overrides = [] }
    }
}
