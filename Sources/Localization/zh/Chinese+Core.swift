import ConvCore

extension Chinese {
    func operation(_ operation: ConvOperation) -> String {
        switch operation {
        case .conv1d: "一维卷积（翻转并滑动）"
        case .correlate1d: "一维互相关"
        case .conv2d: "二维卷积"
        case .conv2dBackward: "二维卷积的反向传播"
        case .convTranspose2d: "转置卷积"
        case .convTranspose2dBackward: "转置卷积的反向传播"
        case .maxpool2d: "最大池化"
        case .avgpool2d: "平均池化"
        case .maxpool2dBackward: "最大池化的反向传播"
        case .avgpool2dBackward: "平均池化的反向传播"
        case .adaptiveMaxpool2d: "自适应最大池化"
        case .adaptiveAvgpool2d: "自适应平均池化"
        case .adaptiveMaxpool2dBackward: "自适应最大池化的反向传播"
        case .adaptiveAvgpool2dBackward: "自适应平均池化的反向传播"
        }
    }

    func sceneTitle(_ title: SceneTitle) -> String {
        switch title {
        case .oneD(let operation, let mode): "\(self.operation(operation))，\(mode.rawValue) 模式"
        case .conv2d(.crossCorrelation): "二维卷积（互相关）"
        case .conv2d(.convolution): "二维真卷积（卷积核翻转）"
        case .backwardCells: "conv2d 反向传播：先 db，再 dw，最后 dx"
        case .backwardScatter: "conv2d 反向传播：每个 dOut 单元散射到 dx"
        case .backwardAsConvolution: "conv2d 反向传播：dx 是一次普通卷积"
        case .pooling(let kind, let backward): (kind == .max ? "最大池化" : "平均池化") + (backward ? "的反向传播" : "")
        case .adaptivePooling(let kind, let backward): (kind == .max ? "自适应最大池化" : "自适应平均池化") + (backward ? "的反向传播" : "")
        case .transposedCells: "转置卷积：小的 x → 大的 out"
        case .transposedScatter: "转置卷积：每个 x 单元把 x·w 散射到 out"
        case .transposedAsConvolution: "转置卷积即一次普通卷积"
        }
    }

    func note(_ note: SceneNote) -> String {
        switch note {
        case .convolve1d:
            "卷积先把 v 翻转，再沿 a 滑动：out[k] = Σ a[m]·v[k−m]"
        case .correlate1d:
            "互相关不翻转 v，直接滑动：out[k] = Σ a[n+k]·v[n]"
        case .trueConvolution:
            "真卷积：窗口对上的是旋转 180° 的卷积核（w 翻转），所以窗口左上角的 x 对着 w 的右下角"
        case .sumsOverChannels(let channels, let bias):
            "每个输出单元对所在分组的全部 \(channels) 个输入通道求和" + (bias ? "，再加上偏置" : "")
        case .backwardCells:
            "db[f] = Σ dOut[f]；dw = x（已填充）与 dOut 的互相关；dx = dOut（按步幅插零）与翻转后卷积核的 full 模式卷积"
        case .backwardScatter:
            "每个 dOut 单元把 w·dOut 送回它的窗口覆盖过的输入单元；dx 是所有送达量之和"
        case .backwardAsConvolution:
            "dx 是 dOut 与翻转后卷积核的 full 模式卷积：dOut 四周补 D·(K−1)−P 圈零，旋转 180° 的 w 在上面滑动"
        case .backwardAsStridedConvolution(let stride):
            "步幅为 \(stride) 时，dOut 先在\(zerosBetween(stride))（S−1 个，即把 dOut 膨胀），再与翻转后的卷积核做 full 模式卷积"
        case .maxPool:
            "每个窗口保留最大值（填充按 −∞ 计）；有并列时取行优先顺序中的第一个"
        case .maxPoolBackward:
            "每个 dOut 只送给所在窗口的第一个最大值；其余单元得到 0"
        case .averagePool(let cells):
            "每个窗口对全部 \(cells) 个单元求平均，填充的零也算在内"
        case .averagePoolBackward(let cells):
            "每个 dOut 平均分给所在窗口的每个单元，各得 dOut / \(cells)"
        case .ceilMode(let dropsWindow):
            "ceil_mode：输出尺寸向上取整；填充之外的空白格不读任何值"
                + (dropsWindow ? "；从右侧填充里开始的窗口被丢弃（− 1）" : "")
        case .averagePoolCounted(true):
            "每个窗口除以它在填充边界以内的单元数（填充的零计入）"
        case .averagePoolCounted(false):
            "count_include_pad=False：每个窗口只除以它落在 x 内的单元数"
        case .divisorOverride(let divisor):
            "divisor_override=\(divisor)：每个窗口的和都除以 \(divisor)，不管窗口有几个单元"
        case .averagePoolBackwardDivisors:
            "每个 dOut 先除以所在窗口的除数，再送给该窗口在 x 内的每个单元；各份额相加"
        case .adaptivePool(let kind):
            "自适应池化：第 i 个窗口覆盖第 ⌊i·H/O⌋ 到 ⌈(i+1)·H/O⌉ − 1 行（列同理），窗口大小最多差一，且可能重叠；每个窗口"
                + (kind == .max ? "保留最大值" : "取自身单元的平均值")
        case .adaptivePoolBackward(let kind):
            kind == .max ? "每个 dOut 只送给所在窗口的第一个最大值；窗口重叠处相加"
                : "每个 dOut 平均分给自己窗口的每个单元（除以该窗口的单元数）；窗口重叠处相加"
        case .transposedScatter(let bias):
            "x[i,j]·w 落在 out 的第 i·S−P+kh·D 行、第 j·S−P+kw·D 列；重叠处相加"
                + (bias ? "；最后给每个 out 单元加上偏置 b" : "")
        case .transposedCells:
            "每个 out 单元是 x[i,j]·w[kh,kw] 之和：散射出的卷积核落在它上面的每个输入单元各贡献一项"
        case .transposedAsConvolution:
            "在 x 的相邻单元之间插入 S−1 个零，四周补 D·(K−1)−P 圈零（另加输出填充），再以步幅 1 滑动翻转后的卷积核"
        }
    }

    /// `相邻单元之间插入 1 个零`, or the rows and the columns apart.
    private func zerosBetween(_ stride: Pair) -> String {
        stride.h == stride.w ? "相邻单元之间插入 \(stride.h - 1) 个零"
            : "行与行之间插入 \(stride.h - 1) 个零、列与列之间插入 \(stride.w - 1) 个零"
    }

    func caption(_ caption: PanelCaption) -> String {
        switch caption {
        case .flipped: "（翻转）"
        case .soFar: "（累加中）"
        case .zeroInsertedAndFramed: "（插零并四周补零）"
        case .flippedKernel(let plane): " = 翻转的 \(plane.map { Text.cell(.w, $0) } ?? "w")"
        }
    }

    func call(_ call: ReferenceCallText) -> String {
        switch call {
        case .numpy(let code): "NumPy：" + code
        case .pytorch(let code): "PyTorch：" + code
        case .pytorchBackward(let code): "PyTorch：out = \(code)；out.backward(dOut) 得到 x.grad、w.grad、b.grad"
        }
    }

    func traceWord(_ word: TraceWord) -> String {
        switch word {
        case .nothingReaches: "没有任何项到达这个单元"
        case .reachesNoCell: "没有到达任何单元"
        case .padding: "填充"
        case .bias: "偏置"
        case .maximum: "最大值"
        case .paddingMode(let mode): modeName(mode)
        case .via(let cell): "经由 \(cell)"
        }
    }

    func sizeLabel(_ label: SizeLabel) -> String {
        switch label {
        case .size: "输出尺寸"
        case .height: "输出高度"
        case .width: "输出宽度"
        case .length(let mode): "输出长度（\(mode.rawValue)）"
        case .windows(nil): "窗口"
        case .windows(.height?): "高度方向的窗口"
        case .windows(.width?): "宽度方向的窗口"
        }
    }

    func error(_ error: ConvError) -> String {
        switch error {
        case let .tooSmall(field, axis, value, minimum):
            return "\(fieldName(field))：\(on(axis))至少为 \(minimum)，实际为 \(value)"
        case let .tooBig(field, axis, value, maximum):
            return "\(fieldName(field))：\(on(axis))至多为 \(maximum)，实际为 \(value)"
        case let .kernelLargerThanInput(field, axis, effectiveKernel, paddedInput):
            return "\(fieldName(field))：卷积核的有效\(name(axis)) \(effectiveKernel) 大于填充后输入的\(name(axis)) \(paddedInput)"
        case let .groupsDoNotDivide(channels, of, groups):
            return "\(fieldName("groups"))：\(groups) 不能整除\(count(of)) \(channels)"
        case let .wrongRank(field, expected, got):
            let ranks = expected.map { "\($0) 维" }.joined(separator: "或 ")
            return "\(fieldName(field))：应为 \(ranks)张量，实际为 \(got) 维"
        case let .shapeMismatch(field, axis, expected, got, because):
            return "\(fieldName(field))：shape[\(axis)] 应为 \(expected)（\(rule(because))），实际为 \(got)"
        case let .empty(field):
            return "\(fieldName(field))：每个维度至少要有一个元素"
        case let .outputPaddingOutOfRange(axis, value, stride, dilation):
            return "\(fieldName("output_padding"))：\(on(axis))为 \(value)，必须不小于 0，且小于步幅（\(stride)）或膨胀率（\(dilation)）"
        case let .poolPaddingTooLarge(axis, padding, kernel):
            return "\(fieldName("padding"))：\(on(axis))为 \(padding)，不能超过窗口的一半（\(kernel)/2 = \(kernel / 2)）"
        case let .optionNotTaken(field, kind):
            return "\(fieldName(field))：\(kind == .max ? "最大池化" : "平均池化")没有 \(field) 这个参数"
        case let .zeroDivisor(field):
            return "\(fieldName(field))：不能为 0"
        case let .windowReadsOnlyPadding(axis, window):
            return "\(fieldName("dilation"))：\(name(axis))方向的第 \(window) 个窗口只读到填充，没有最大值"
        case let .emptyOutput(field, axis, size):
            return "\(fieldName(field))：输出的\(name(axis))将为 \(size)，至少应为 1"
        case let .tooLarge(field, what, amount, limit):
            let size = amount < 1e15 ? String(Int(amount)) : String(format: "%.3g", amount)
            return "\(fieldName(field))：\(workload(what)) \(size) 超过上限 \(limit)"
        case let .indexOutOfRange(field, index, shape):
            let i = index.map(String.init).joined(separator: ", ")
            let s = shape.map(String.init).joined(separator: ", ")
            return "\(fieldName(field))：下标 [\(i)] 超出形状 (\(s))"
        case let .paddingTooDeep(field, mode, axis, padding, input):
            return mode == .reflect
                ? "\(fieldName(field))：反射填充（reflect）必须小于输入的\(name(axis))（\(input)），实际为 \(padding)"
                : "\(fieldName(field))：循环填充（circular）不能超过输入的\(name(axis))（\(input)），实际为 \(padding)"
        case let .sameNeedsStrideOne(axis, stride):
            return "\(fieldName("padding"))：\"same\" 只能用于步幅 1（与 PyTorch 相同），\(on(axis))的步幅为 \(stride)"
        case let .padWithPadding(padding):
            return "pad：pad 与非零的填充（\(padding)）只能给出其中一个"
        case .transposedPadding(.mode(let mode)):
            return "\(fieldName("padding_mode"))：转置卷积只用零填充（与 PyTorch 的 conv_transpose2d 相同），实际为 \(mode.rawValue)"
        case .transposedPadding(.same):
            return "\(fieldName("padding"))：转置卷积不接受 \"same\" 填充（PyTorch 的 conv_transpose2d 也不接受）"
        case .transposedPadding(.sides):
            return "pad：转置卷积不接受逐边给出的填充，请改用填充"
        case let .foldedPaddingGradient(mode):
            return "\(fieldName("padding_mode"))：只有零填充时 dx 才是一次普通卷积；\(modeName(mode))（\(mode.rawValue)）时，"
                + "到达填充单元的梯度要折回它所复制的单元"
        case let .notPositive(field, value):
            return "\(fieldName(field))：必须大于 0，实际为 \(Text.number(value))"
        case let .offGrid(field, value, step):
            return "\(fieldName(field))：\(Text.number(value)) 不是步长 \(Text.number(step)) 的整数倍"
        }
    }

    /// A padding mode's name: `反射填充` for reflect.
    func modeName(_ mode: PaddingMode) -> String {
        switch mode {
        case .zeros: "零填充"
        case .reflect: "反射填充"
        case .replicate: "复制边缘"
        case .circular: "循环填充"
        }
    }

    /// A request's field as the explorer's parameter bar labels it (`步幅` for `stride`); a
    /// tensor's name (`x`, `w`, `dout`) as it is.
    private func fieldName(_ name: String) -> String {
        let labels = ["input": "输入", "kernel": "卷积核", "stride": "步幅", "padding": "填充", "dilation": "膨胀",
                      "groups": "分组", "output_padding": "输出填充", "padding_mode": "填充方式", "channels": "通道", "filters": "滤波器", "cell": "单元",
                      "layers": "层", "length": "长度", "mean": "均值", "var": "方差", "fan_in": "扇入",
                      "width": "宽度", "output_size": "输出尺寸"]
        return labels[name] ?? name
    }

    /// `高度` or `宽度`.
    func name(_ axis: Axis) -> String {
        axis == .height ? "高度" : "宽度"
    }

    private func on(_ axis: Axis?) -> String {
        axis.map { "\(name($0))方向" } ?? ""
    }

    private func count(_ c: ConvError.ChannelCount) -> String {
        switch c {
        case .inputChannels: "输入通道数"
        case .filters(let field): "滤波器数（\(field).shape[0]）"
        case .channels: "通道数"
        case .filterCount: "滤波器数"
        }
    }

    private func rule(_ r: ConvError.ShapeRule) -> String {
        switch r {
        case .outputShape: "与输出形状一致"
        case .oneBiasPerFilter: "每个滤波器一个偏置"
        case .oneBiasPerOutputChannel: "每个输出通道一个偏置"
        case .oneKernelStackPerInputChannel: "每个输入通道一组卷积核"
        case .channelsPerGroup(let c, let g): "输入通道 \(c) / 分组 \(g)"
        case .oneValuePerFilter: "每个滤波器一个值"
        case .winogradFilter: "Winograd 的滤波器每个方向 3 个抽头"
        case .winogradTiles: "Winograd 的分块每个方向需要 2k + 2 个输入"
        case .sameRowLengths: "每行与第一行一样长"
        }
    }

    private func workload(_ w: ConvError.Workload) -> String {
        switch w {
        case .elements: "元素个数"
        case .multiplyAdds: "乘加次数"
        case .windowReads: "窗口读取次数"
        }
    }

    func gradientCheck(_ phrase: GradientCheckPhrase) -> String {
        switch phrase {
        case .heading(let step): "梯度检验：L = Σ dOut ⊙ out，每个值各加减 h，h = \(step)"
        case .rule(let tolerance):
            "相对误差 = |解析值 − 数值梯度| / max(|解析值|, |数值梯度|)；低于 \(tolerance) 即梯度正确"
        case .column(let column):
            switch column {
            case .cell: "单元"
            case .lossPlus: "L(v+h)"
            case .lossMinus: "L(v−h)"
            case .numeric: "(L⁺−L⁻)/2h"
            case .analytic: "解析值"
            case .relativeError: "相对误差"
            }
        case .allAgree(let cells, let largest): "全部 \(cells) 个单元一致：最大相对误差 \(largest) ✓"
        case .disagree(let n, let of, let cells):
            "\(of) 个单元中有 \(n) 个不一致：\(cells.joined(separator: "、"))\(n > cells.count ? "……" : "") ✗"
        case .probeLosses(let cell, let plus, let minus, let step):
            "检验 \(cell)：L(v+h) = \(plus)，L(v−h) = \(minus)，h = \(step)"
        case .probeResult(let numeric, let analytic, let error, let agrees):
            "(L⁺−L⁻)/2h = \(numeric)，解析值 \(analytic)，相对误差 \(error) " + (agrees ? "✓" : "✗")
        case .probeNeedsGradientCell: "梯度检验只针对 dx、dw 或 db 的单元"
        case .probeNeedsBackward: "梯度检验只在 conv2d-backward 模式下可用（按 m 切换模式）"
        }
    }

    func compute(_ phrase: ComputePhrase) -> String {
        switch phrase {
        case .output(let size): "输出：\(size.h)×\(size.w)"
        case .parameters(let shape, let biases, let total):
            "参数量：\(product(shape)) 个权重" + (biases > 0 ? " + \(biases) 个偏置" : "") + " = \(grouped(total))"
        case .transposedMACs(let input, let shape, let total):
            "乘加次数：\(input.h)·\(input.w) 个输入单元 × \(product(shape)) = \(grouped(total))"
        case .macs(let output, let shape, let total):
            "输出 \(output.h)×\(output.w)；乘加次数：\(output.h)·\(output.w) 个单元 × \(product(shape)) = \(grouped(total))"
        case .receptiveFieldLayer(let number, let layer, let previous, let result):
            "第 \(number) 层（K=\(layer.kernel)，S=\(layer.stride)，D=\(layer.dilation)）："
                + "r = \(previous.size) + \(layer.dilation)·(\(layer.kernel)−1)·\(previous.jump) = \(result.size)，"
                + "跳跃距离 \(previous.jump)·\(layer.stride) = \(result.jump)"
        case .receptiveField(let size): "感受野：\(size)×\(size) 个输入单元"
        case .adaptiveWindow(let axis, let i, let h, let o, let window):
            "第 \(i) 个窗口的\(axis == .height ? "行" : "列")：起点 ⌊\(i)·\(h)/\(o)⌋ = \(window.lowerBound)，"
                + "终点 ⌈\(i + 1)·\(h)/\(o)⌉ = \(window.upperBound)（不含）：第 \(window.lowerBound) 到 \(window.upperBound - 1) "
                + "\(axis == .height ? "行" : "列")，共 \(window.count) 个单元"
        case .shifted(let name, let k): "\(name) 平移 \(k) 位"
        case .sidesAgree(let agree): agree ? "两边相等" : "两边不相等"
        case .notACell(let cell, let tensor, let plane):
            "cell：\(cell) 不是 \(tensor.rawValue) 的单元" + (plane.map { "（它的每个平面是 \($0.h)×\($0.w)）" } ?? "")
        case .sidesDiffer(let property): "\(property) 的两边不相等"
        case .invalid(let reason): "无效：" + reason
        case .paddedInput(let mode): "填充后的输入（\(modeName(mode))），即窗口滑过的网格："
        }
    }

    /// `128·64·3·3`.
    private func product(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "·")
    }
}
