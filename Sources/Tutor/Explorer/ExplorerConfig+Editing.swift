import ConvCore

/// One setting the learner can change in the explorer's parameter bar.
public enum Parameter: String, CaseIterable, Sendable {
    case mode
    case inputH = "input h", inputW = "input w"
    case kernelH = "kernel h", kernelW = "kernel w"
    case strideH = "stride h", strideW = "stride w"
    case paddingH = "padding h", paddingW = "padding w"
    case dilationH = "dilation h", dilationW = "dilation w"
    case outputPaddingH = "output padding h", outputPaddingW = "output padding w"
    case channels, filters, groups, bias, convention
    case mode1D = "1-D mode"
    case presentation = "view"
    case values
}

extension ExplorerConfig {
    /// The settings that matter in the current mode, in the order the bar shows them.
    public var parameters: [Parameter] {
        switch mode {
        case .conv1d, .correlate1d:
            return [.mode, .inputW, .kernelW, .mode1D, .values]
        case .forward:
            return [.mode, .inputH, .inputW, .kernelH, .kernelW, .strideH, .strideW, .paddingH, .paddingW,
                    .dilationH, .dilationW, .channels, .filters, .groups, .bias, .convention, .values]
        case .backward:
            return [.mode, .presentation, .inputH, .inputW, .kernelH, .kernelW, .strideH, .strideW, .paddingH,
                    .paddingW, .dilationH, .dilationW, .channels, .filters, .groups, .bias, .convention, .values]
        case .maxpool, .avgpool, .maxpoolBackward, .avgpoolBackward:
            return [.mode, .inputH, .inputW, .kernelH, .kernelW, .strideH, .strideW, .paddingH, .paddingW,
                    .channels, .values]
        case .transposed:
            return [.mode, .presentation, .inputH, .inputW, .kernelH, .kernelW, .strideH, .strideW, .paddingH, .paddingW,
                    .dilationH, .dilationW, .outputPaddingH, .outputPaddingW, .channels, .filters, .groups,
                    .bias, .values]
        }
    }

    /// The parameters as the bar groups them: each per-axis pair (`stride h`, `stride w`) is one
    /// item.
    public var parameterGroups: [[Parameter]] {
        var groups: [[Parameter]] = []
        for p in parameters {
            if p.rawValue.hasSuffix(" w"), let last = groups.last, last.count == 1,
               last[0].rawValue == p.rawValue.dropLast(2) + " h" {
                groups[groups.count - 1].append(p)
            } else {
                groups.append([p])
            }
        }
        return groups
    }

    /// One group as text, `stride 2×1`, with the value of `marked` in brackets: `stride [2]×1`.
    public func text(_ group: [Parameter], marking marked: Parameter? = nil) -> String {
        let label = label(group[0])
        let values = group.map { marked == $0 ? "[\(text($0))]" : text($0) }
        return (group.count == 2 ? String(label.dropLast(2)) : label) + " " + values.joined(separator: "×")
    }

    /// The value as the parameter bar shows it.
    public func text(_ p: Parameter) -> String {
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
        case .dilationH: "\(dilation.h)"
        case .dilationW: "\(dilation.w)"
        case .outputPaddingH: "\(outputPadding.h)"
        case .outputPaddingW: "\(outputPadding.w)"
        case .channels: "\(channels)"
        case .filters: "\(filters)"
        case .groups: "\(groups)"
        case .bias: bias ? "on" : "off"
        case .convention: convention.rawValue
        case .mode1D: mode1D.rawValue
        case .presentation: presentation.rawValue
        case .values:
            switch values {
            case .ramp: "ramp" + typedIn
            case .random(let seed): "random #\(seed)" + typedIn
            }
        }
    }

    /// `, typed: x w` naming the tensors with typed-in values, which the generated ones do not
    /// fill.
    private var typedIn: String {
        var names: [String] = []
        for o in overrides where !names.contains(o.tensor) { names.append(o.tensor) }
        return names.isEmpty ? "" : ", typed: " + names.joined(separator: " ")
    }

    /// The label of a parameter in the current mode (1-D calls the lengths `len a`, `len v`).
    public func label(_ p: Parameter) -> String {
        switch (p, mode.is1D) {
        case (.inputW, true): "len a"
        case (.kernelW, true): "len v"
        case (.kernelH, _) where mode.isPooling: "window h"
        case (.kernelW, _) where mode.isPooling: "window w"
        default: p.rawValue
        }
    }

    /// Steps a parameter up (`+1`) or down (`-1`), within the ranges the explorer can draw;
    /// combinations the compute core refuses are allowed here and reported by the scene.
    public mutating func change(_ p: Parameter, by delta: Int) {
        func step(_ value: inout Int, _ range: ClosedRange<Int>) {
            value = min(max(value + delta, range.lowerBound), range.upperBound)
        }
        let extent = 1...Self.maxExtent
        switch p {
        case .mode:
            let all = ExplorerMode.allCases
            let k = all.firstIndex(of: mode)!
            mode = all[(k + delta + all.count) % all.count]
        case .inputH: step(&input.h, extent)
        case .inputW: step(&input.w, extent)
        case .kernelH: step(&kernel.h, extent)
        case .kernelW: step(&kernel.w, extent)
        case .strideH: step(&stride.h, extent)
        case .strideW: step(&stride.w, extent)
        case .paddingH: step(&padding.h, 0...Self.maxExtent)
        case .paddingW: step(&padding.w, 0...Self.maxExtent)
        case .dilationH: step(&dilation.h, extent)
        case .dilationW: step(&dilation.w, extent)
        case .outputPaddingH: step(&outputPadding.h, 0...Self.maxExtent)
        case .outputPaddingW: step(&outputPadding.w, 0...Self.maxExtent)
        case .channels: step(&channels, 1...Self.maxChannels)
        case .filters: step(&filters, 1...Self.maxChannels)
        case .groups: step(&groups, 1...Self.maxChannels)
        case .bias: bias.toggle()
        case .convention: convention = convention == .crossCorrelation ? .convolution : .crossCorrelation
        case .mode1D:
            let all = Conv1D.Mode.allCases
            mode1D = all[(all.firstIndex(of: mode1D)! + delta + all.count) % all.count]
        case .presentation:
            let all = Presentation.allCases
            presentation = all[(all.firstIndex(of: presentation)! + delta + all.count) % all.count]
        case .values:
            switch values {
            case .ramp: values = .random(seed: 1)
            case .random(let seed): values = delta > 0 ? .random(seed: seed + 1) : (seed > 1 ? .random(seed: seed - 1) : .ramp)
            }
        }
        // Typed values belong to the old shapes.
        if ![.mode, .convention, .bias, .mode1D, .presentation].contains(p) { overrides = [] }
    }
}
