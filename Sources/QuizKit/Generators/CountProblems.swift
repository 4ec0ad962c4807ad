import ConvCore

/// Counts: a layer's parameters, its multiply-accumulates, a stack's receptive field. The answers
/// come from the shapes `Conv2DGeometry` validates and from `ReceptiveField.growth`.
extension ProblemGenerator {
    // MARK: parameters

    /// The learnable parameters of `nn.Conv2d(C, F, K, groups, bias)`. C from 1…256, F from 8…256
    /// (or C·1, C·2 for depthwise), K 1–7; groups 1, or 2/4/8, or depthwise (C) a sixth of the
    /// time each; bias two times in three. The image size is a distractor.
    static func parameters(_ r: inout SeededRandom, _ t: Words) -> Problem {
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
        let prompt = t("\(call) is applied to \(image)×\(image) images. How many learnable parameters does the layer have?",
                       "\(call) 作用在 \(image)×\(image) 的图像上。这一层有多少个可学习参数？")
        let shape = "(" + g.wShape.map(String.init).joined(separator: ", ") + ")"
        let product = g.wShape.map(String.init).joined(separator: "·") + " = \(weights)"
        var lines = [t("The weight has shape (F, C/groups, KH, KW) = \(shape): \(product) weights",
                       "权重的形状是 (F, C/groups, KH, KW) = \(shape)：\(product) 个权重")
            + (bias ? t(", plus one bias per output channel: \(weights) + \(biases) = \(total).",
                        "，再加上每个输出通道一个偏置：\(weights) + \(biases) = \(total)。")
                    : t("; bias=False adds none.", "；bias=False，没有偏置。"))
            + t(" The image size does not matter: the same weights slide over every position.",
                "图像大小无关紧要：同一组权重在每个位置上共享。")]
        if groups > 1, let full = try? Conv2DGeometry(xShape: [1, channels, kernel, kernel], wShape: [filters, channels, kernel, kernel],
                                                        options: Conv2DOptions()) {
            let ungrouped = full.wShape.reduce(1, *) + biases
            lines.append(t("The usual mistake is ignoring groups: each filter sees only C/groups = \(g.channelsPerGroup) input channel\(g.channelsPerGroup == 1 ? "" : "s"); with groups=1 it would be \(ungrouped).",
                           "常见错误是忽略 groups：每个滤波器只看 C/groups = \(g.channelsPerGroup) 个输入通道；按 groups=1 算会得到 \(ungrouped)。"))
        } else if bias {
            lines.append(t("The usual mistake is forgetting the bias (one per output channel, and bias=True is the default): that gives \(weights).",
                           "常见错误是漏掉偏置（每个输出通道一个，而且 bias=True 是默认值）：那样会得到 \(weights)。"))
        } else {
            lines.append(t("The usual mistake is multiplying by the image size: weights are shared across positions.",
                           "常见错误是乘上图像大小：权重在所有位置上共享。"))
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
    static func macs(_ r: inout SeededRandom, _ t: Words) -> Problem {
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
        let prompt = t("\(call) processes one \(channels)×\(input)×\(input) input (C×H×W). How many multiply-accumulates (MACs) does its forward pass take? Count one per weight tap of every output value; leave the bias out.",
                       "\(call) 处理一个 \(channels)×\(input)×\(input)（C×H×W）的输入。一次前向传播要做多少次乘加（MAC）？每个输出值的每个权重抽头算一次，偏置不计。")
        let side = OutputSize.convolutionFormula(input: input, kernel: kernel, stride: stride, padding: padding, dilation: 1, result: g.output.h)
        let outShape = "\(g.filters) × \(g.output.h) × \(g.output.w)"
        let terms = "\(g.channelsPerGroup)·\(kernel)·\(kernel) = \(perCell)"
        var lines = [t("The output is F × outH × outW = \(outShape) = \(cells) values, with outH = outW = \(side). Each value sums C/groups · KH · KW = \(terms) products, so \(cells) · \(perCell) = \(total) MACs.",
                       "输出是 F × outH × outW = \(outShape) = \(cells) 个值，其中 outH = outW = \(side)。每个值是 C/groups · KH · KW = \(terms) 个乘积之和，所以共 \(cells) · \(perCell) = \(total) 次乘加。")]
        if stride > 1 {
            lines.append(t("The usual mistake is using the input size instead of the output size: stride \(stride) shrinks each axis.",
                           "常见错误是用输入尺寸代替输出尺寸：步幅 \(stride) 会让每个方向都缩小。"))
        } else if groups > 1 {
            lines.append(t("The usual mistake is multiplying by all \(channels) input channels: with groups=\(groups) each output value sees only \(g.channelsPerGroup).",
                           "常见错误是乘上全部 \(channels) 个输入通道：groups=\(groups) 时每个输出值只看 \(g.channelsPerGroup) 个。"))
        } else {
            lines.append(t("The usual mistake is leaving out the input channels: each output value sums over all \(channels) of them.",
                           "常见错误是漏掉输入通道：每个输出值要对全部 \(channels) 个输入通道求和。"))
        }
        lines.append(t("FLOPs are often quoted as 2 × MACs (a multiply and an add).", "FLOPs 常按 2 × MAC 计（一次乘法加一次加法）。"))
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(total)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"),
                       setup: .macs(input: input, channels: channels, filters: filters, kernel: kernel, stride: stride,
                                    padding: padding, groups: groups))
    }

    // MARK: receptive-field

    /// The receptive field of a stack of 2–4 layers: kernels 1–7 (mostly 3), strides 1–3,
    /// dilation 1 (2 or 4 a fifth of the time); layers with kernel = stride ≤ 3 are sometimes
    /// called max pooling.
    static func receptiveField(_ r: inout SeededRandom, _ t: Words) -> Problem {
        let count = r.int(in: 2...4)
        var layers: [ReceptiveField.Layer] = []
        var names: [String] = []
        for _ in 0..<count {
            let kernel = r.pick([1, 2, 3, 3, 3, 3, 5, 7])
            let stride = r.pick([1, 1, 1, 2, 2, 3])
            let dilation = kernel > 1 && r.chance(1, in: 5) ? r.pick([2, 4]) : 1
            layers.append(ReceptiveField.Layer(kernel: kernel, stride: stride, dilation: dilation))
            if kernel == stride, dilation == 1, kernel <= 3, r.chance(1, in: 2) {
                names.append(t("max pool \(kernel)×\(kernel), stride \(stride)", "最大池化 \(kernel)×\(kernel)，步幅 \(stride)"))
            } else {
                names.append(t("conv \(kernel)×\(kernel), stride \(stride)", "卷积 \(kernel)×\(kernel)，步幅 \(stride)")
                    + (dilation != 1 ? t(", dilation \(dilation)", "，空洞率 \(dilation)") : ""))
            }
        }
        // Every parameter is at least 1 and tiny: growth cannot throw here.
        let growth = (try? ReceptiveField.growth(layers)) ?? []
        let listing = names.enumerated().map { indent + "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        let prompt = t("Layers are stacked on an image, input first:\n\(listing)\nHow many input pixels wide is the receptive field of one cell of the last layer's output? (Padding does not change it.)",
                       "在一张图像上依次叠加以下各层（从输入开始）：\n\(listing)\n最后一层输出中的一个格子，感受野在输入上有多宽（多少个像素）？（填充不影响它的大小。）")
        var lines = [t("Start from one input pixel (r = 1, jump 1). Each layer adds D·(K−1)·jump and multiplies the jump by its stride:",
                       "从一个输入像素开始（r = 1，jump = 1）。每一层让感受野增加 D·(K−1)·jump，再把 jump 乘以它的步幅：")]
        var previous = ReceptiveField.Growth.input
        for (k, (layer, step)) in zip(layers, growth).enumerated() {
            lines.append(indent + t("layer \(k + 1): ", "第 \(k + 1) 层：") + ReceptiveField.formula(previous: previous, layer: layer, result: step))
            previous = step
        }
        let size = growth.last?.size ?? 1
        lines.append(t("The receptive field is \(size) pixels.", "感受野是 \(size) 个像素。"))
        let unstrided = (try? ReceptiveField.growth(layers.map { ReceptiveField.Layer(kernel: $0.kernel, dilation: $0.dilation) }))?.last?.size
        if let unstrided, unstrided != size {
            lines.append(t("The usual mistake is adding the kernels up as if every stride were 1, which gives \(unstrided): after a layer of stride S, neighbouring cells are S input pixels apart (times the strides before it). The last layer's stride does not matter.",
                           "常见错误是把各层的卷积核直接相加，好像步幅都是 1，那样会得到 \(unstrided)：经过步幅为 S 的层之后，相邻格子在输入上相隔 S 个像素（还要乘上前面各层的步幅）。最后一层的步幅不影响结果。"))
        } else {
            lines.append(t("The usual mistake is adding K instead of K − 1 per layer, or forgetting the dilation: a layer adds D·(K−1) times the jump.",
                           "常见错误是每层加 K 而不是 K − 1，或者忘了空洞率：每层增加的是 D·(K−1) 乘以 jump。"))
        }
        return Problem(prompt: prompt, kind: .numeric(answer: .number(Double(size)), tolerance: 0),
                       explanation: lines.joined(separator: "\n"), setup: .receptiveField(layers))
    }
}
