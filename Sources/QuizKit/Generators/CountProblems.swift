import ConvCore
import Localization

/// Counts: a layer's parameters, its multiply-accumulates, a stack's receptive field. The answers
/// come from the shapes `Conv2DGeometry` validates and from `ReceptiveField.growth`.
extension ProblemGenerator {
    // MARK: parameters

    /// The learnable parameters of `nn.Conv2d(C, F, K, groups, bias)`. C from 1…256, F from 8…256
    /// (or C·1, C·2 for depthwise), K 1–7; groups 1, or 2/4/8, or depthwise (C) a sixth of the
    /// time each; bias two times in three. The image size is a distractor.
    static func parameters(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
        var (channels, filters, kernel, groups) = (1, 1, 1, 1)
        var geometry: Conv2DGeometry?
        repeat {
            channels = r.pick([1, 3, 16, 32, 64, 128, 256])
            filters = r.pick([8, 16, 32, 64, 128, 256])
            kernel = r.pick([1, 3, 3, 3, 5, 7])
            switch r.int(in: 1...6) {
            case 1:
                groups = channels
                filters = channels * r.pick([1, 1, 2])
            case 2: groups = r.pick([2, 4, 8])
            default: groups = 1
            }
            // The weight shape `(F, C/groups, K, K)` is the compute core's, checked by it.
            geometry = try? Conv2DGeometry(xShape: [1, channels, kernel, kernel],
                                           wShape: [filters, max(1, channels / groups), kernel, kernel],
                                           options: Conv2DOptions(groups: groups))
        } while geometry == nil
        let g = geometry!
        let bias = r.chance(2, in: 3)
        let biasShown = !bias || r.chance(1, in: 2)
        let image = r.pick([7, 14, 28, 32, 56, 64, 224])

        let weights = g.wShape.reduce(1, *)
        let biases = bias ? g.filters : 0
        let total = weights + biases
        let call = "nn.Conv2d(\(channels), \(filters), kernel_size=\(kernel)" + (groups != 1 ? ", groups=\(groups)" : "")
            + (biasShown ? ", bias=\(bias ? "True" : "False")" : "") + ")"
        let prompt = t.problem(.parametersPrompt(call: call, image: image))
        let shape = "(" + g.wShape.map(String.init).joined(separator: ", ") + ")"
        let product = g.wShape.map(String.init).joined(separator: "·")
        var lines = [t.problem(.parameterCount(weightShape: shape, product: product, weights: weights,
                                               biases: bias ? biases : nil, total: total))]
        if groups > 1, let full = try? Conv2DGeometry(xShape: [1, channels, kernel, kernel], wShape: [filters, channels, kernel, kernel],
                                                        options: Conv2DOptions()) {
            let ungrouped = full.wShape.reduce(1, *) + biases
            lines.append(t.problem(.ignoredGroups(channelsPerGroup: g.channelsPerGroup, ungrouped: ungrouped)))
        } else if bias {
            lines.append(t.problem(.forgotBias(weights: weights)))
        } else {
            lines.append(t.problem(.multipliedByImage))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(total)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .parameters(channels: channels, filters: filters, kernel: kernel, groups: groups, bias: bias, image: image))
    }

    // MARK: macs

    /// The multiply-accumulates of one forward pass on one image: the output's cells times the
    /// terms of each (C/groups·K·K). A quarter of the seeds are small (input 4–8, C 1–3, F 1–4,
    /// K 1–3); the rest are network-sized (input 7–56, C 3–128, F 16–256, K 1–5, stride 1–2,
    /// padding 0 or K/2, depthwise a sixth of the time), within the compute core's limits.
    static func macs(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
        let small = r.chance(1, in: 4)
        var (input, channels, filters, kernel, stride, padding, groups) = (1, 1, 1, 1, 1, 0, 1)
        var geometry: Conv2DGeometry?
        repeat {
            if small {
                input = r.int(in: 4...8)
                channels = r.int(in: 1...3)
                filters = r.int(in: 1...4)
                kernel = r.pick([1, 2, 3, 3])
                stride = r.pick([1, 1, 2])
                padding = r.int(in: 0...(kernel / 2))
                groups = 1
            } else {
                input = r.pick([7, 14, 16, 28, 32, 56])
                channels = r.pick([3, 16, 32, 64, 128])
                filters = r.pick([16, 32, 64, 128, 256])
                kernel = r.pick([1, 3, 3, 5])
                stride = r.pick([1, 1, 2])
                padding = r.chance(1, in: 4) ? 0 : kernel / 2
                groups = 1
                if r.chance(1, in: 6) {
                    groups = channels
                    filters = channels
                }
            }
            geometry = try? Conv2DGeometry(xShape: [1, channels, input, input],
                                           wShape: [filters, channels / groups, kernel, kernel],
                                           options: Conv2DOptions(stride: Pair(stride), padding: Pair(padding), groups: groups))
        } while geometry == nil
        let g = geometry!
        // One multiply-add per term of every output cell: `outShape` cells of `C/G·KH·KW` terms.
        let cells = g.outShape.reduce(1, *)
        let perCell = g.wShape.dropFirst().reduce(1, *)
        let total = cells * perCell

        let call = "nn.Conv2d(\(channels), \(filters), kernel_size=\(kernel), stride=\(stride), padding=\(padding)"
            + (groups != 1 ? ", groups=\(groups)" : "") + ")"
        let prompt = t.problem(.macsPrompt(call: call, channels: channels, input: input))
        let side = OutputSize.convolutionFormula(input: input, kernel: kernel, stride: stride, padding: padding, dilation: 1, result: g.output.h)
        let outShape = "\(g.filters) × \(g.output.h) × \(g.output.w)"
        let stack = "\(g.channelsPerGroup)·\(kernel)·\(kernel)"
        var lines = [t.problem(.macsCount(outputShape: outShape, cells: cells, side: side, kernelStack: stack, perCell: perCell,
                                          total: total))]
        if stride > 1 {
            lines.append(t.problem(.inputSizeForOutput(stride: stride)))
        } else if groups > 1 {
            lines.append(t.problem(.allInputChannels(channels: channels, groups: groups, channelsPerGroup: g.channelsPerGroup)))
        } else {
            lines.append(t.problem(.leftOutInputChannels(channels: channels)))
        }
        lines.append(t.problem(.flops))
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(total)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .macs(input: input, channels: channels, filters: filters, kernel: kernel, stride: stride,
                                    padding: padding, groups: groups))
    }

    // MARK: receptive-field

    /// The receptive field of a stack of 2–4 layers: kernels 1–7 (mostly 3), strides 1–3,
    /// dilation 1 (2 or 4 a fifth of the time); layers with kernel = stride ≤ 3 are sometimes
    /// called max pooling.
    static func receptiveField(_ r: inout SeededRandom, _ t: any Catalogue) -> Problem {
        let count = r.int(in: 2...4)
        var layers: [ReceptiveField.Layer] = []
        var names: [String] = []
        for _ in 0..<count {
            let kernel = r.pick([1, 2, 3, 3, 3, 3, 5, 7])
            let stride = r.pick([1, 1, 1, 2, 2, 3])
            let dilation = kernel > 1 && r.chance(1, in: 5) ? r.pick([2, 4]) : 1
            layers.append(ReceptiveField.Layer(kernel: kernel, stride: stride, dilation: dilation))
            if kernel == stride, dilation == 1, kernel <= 3, r.chance(1, in: 2) {
                names.append(t.problem(.maxPoolLayer(kernel: kernel, stride: stride)))
            } else {
                names.append(t.problem(.convLayer(kernel: kernel, stride: stride, dilation: dilation)))
            }
        }
        // Every parameter is at least 1 and tiny: growth cannot throw here.
        let growth = (try? ReceptiveField.growth(layers)) ?? []
        let listing = names.enumerated().map { indent + "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        let prompt = t.problem(.receptiveFieldPrompt(listing: listing))
        var lines = [t.problem(.receptiveFieldStart)]
        var previous = ReceptiveField.Growth.input
        for (k, (layer, step)) in zip(layers, growth).enumerated() {
            lines.append(indent + t.compute(.receptiveFieldLayer(number: k + 1, layer: layer, previous: previous, result: step)))
            previous = step
        }
        let size = growth.last?.size ?? 1
        lines.append(t.problem(.receptiveFieldSize(size)))
        let unstrided = (try? ReceptiveField.growth(layers.map { ReceptiveField.Layer(kernel: $0.kernel, dilation: $0.dilation) }))?.last?.size
        if let unstrided, unstrided != size {
            lines.append(t.problem(.addedKernels(unstrided: unstrided)))
        } else {
            lines.append(t.problem(.addedK))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(size)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"), setup: .receptiveField(layers))
    }
}
