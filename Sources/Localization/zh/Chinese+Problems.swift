import ConvCore

extension Chinese {
    func problem(_ phrase: ProblemPhrase) -> String {
        switch phrase {
        // Output sizes
        case .convolutionSizePrompt(let input, let kernel, let stride, let padding, let dilation, let axis):
            "一个 conv2d 层的输入高 \(input.h)、宽 \(input.w)，卷积核 \(kernel)×\(kernel)，"
                + "\(settings(stride: stride, padding: padding, dilation: dilation))。输出的\(name(axis))是多少？\(invalidHint)"
        case .convolutionSize(let axis, let formula):
            "每个方向上都有 out = ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1。输出的\(name(axis))：\(formula)。"
        case .forgotDilation(let dilation, let kernel, let ignoringIt):
            "常见错误是忘了膨胀率：膨胀率为 \(dilation) 时，大小为 \(kernel) 的卷积核跨越 D·(K−1) + 1 个单元，而不是 \(kernel) 个"
                + (ignoringIt.map { "；忽略它会得到 \($0)。" } ?? "。")
        case .paddingOnOneSide(let unpadded):
            "常见错误是只在一侧加填充，或者根本不加：两侧都要加（2P）"
                + (unpadded.map { "；不加填充会得到 \($0)。" } ?? "；不加填充连一个窗口都放不下。")
        case .convolutionRoundedUp:
            "常见错误是向上取整：如果最后一步会让窗口超出输入，这个位置就不算（向下取整）。"
        case .forgotPlusOne:
            "常见错误是漏掉 + 1：步幅为 1 时，大小为 K 的卷积核能放 H − K + 1 个位置。"
        case .kernelDoesNotFit(let axis, let effective, let padded):
            "卷积核在\(name(axis))方向上跨越 D·(K−1) + 1 = \(effective) 个单元，而填充后的输入只有 H + 2P = \(padded) 个单元："
                + "一个窗口都放不下，所以这一层没有输出（PyTorch 会报错）。"
        case .negativeNumerator:
            "常见错误是照样把数字代入公式：分子为负时，⌊…⌋ + 1 算出来的不是尺寸。"
        case .poolingSizePrompt(let call, let input, let axis):
            "\(call) 的输入高 \(input.h)、宽 \(input.w)。输出的\(name(axis))是多少？"
        case .poolingSize(let axis, let formula):
            "池化：out = ⌊(H + 2P − K)/S⌋ + 1，步幅默认等于窗口大小。输出的\(name(axis))：\(formula)。"
        case .defaultPoolStride(let strideOne):
            "常见错误是没写步幅就当成 1：PyTorch 池化层的步幅默认等于 kernel_size"
                + (strideOne.map { "；按步幅 1 算会得到 \($0)。" } ?? "。")
        case .poolingRoundedUp:
            "常见错误是向上取整：默认 ceil_mode=False，会伸出填充后输入之外的窗口不算。"
        case .ceilModeSize(let formula):
            "ceil_mode=True 时：out = ⌈(H + 2P − K)/S⌉ + 1，若最后一个窗口会从右侧填充里开始，再减 1。输出的高度：\(formula)。"
        case .ceilModeDropped(let start, let input, let kept):
            "向上取整会多出一个从第 \(start) 行开始的窗口，已越过输入的最后一行（第 \(input - 1) 行）：PyTorch 会丢弃它。"
                + "常见错误是保留这个窗口，得到 \(kept)。"
        case .ceilModeRoundedDown(let floor):
            "常见错误是像 ceil_mode=False 那样向下取整，得到 \(floor)：最后一个窗口可以伸出填充后的输入。"
        case .ceilModeExact:
            "这里窗口恰好放满：ceil_mode 取 True 或 False，输出尺寸都一样。"
        case .adaptiveBoundsPrompt(let call, let input, let i, let end):
            "\(call) 的输入高 \(input)。第 \(i) 个输出行（从 0 数起）对输入的一段行做池化。"
                + (end ? "这个窗口的终点（不含，即最后一行的下一行）是多少？" : "这个窗口的第一行是第几行？")
        case .adaptiveRounding(let end, let wrong, let right):
            (end ? "终点向上取整，⌈(i+1)·H/O⌉，这样窗口覆盖每一行" : "起点向下取整，⌊i·H/O⌋")
                + (wrong == right ? "；这里两种取整结果相同。" : "。常见错误是反方向取整，得到 \(wrong)。")
        case .transposedSizePrompt(let call, let input):
            "\(call) 的输入为 \(input)×\(input)。输出的高度（等于宽度）是多少？\(invalidHint)"
        case .transposedSize(let formula):
            "转置卷积的输出 out = (H − 1)·S − 2P + D·(K − 1) + OP + 1：\(formula)。"
        case .mapsBack(let formula):
            "验算：卷积核、步幅、填充和膨胀率都相同的 conv2d 会把它映射回去：\(formula)。"
        case .conv2dFormulaInstead:
            "常见错误是套用 conv2d 的公式，或者漏掉 output_padding：它在末端多加 OP 个单元，用来在正向 conv2d 映射到同一个 H 的几种尺寸中选定一种。"
        case .outputPaddingTooLarge(let value, let stride, let dilation):
            "正向 conv2d 向下取整，会把几种输入尺寸映射到同一个 H；output_padding 只是指明其中哪一种，所以 PyTorch 要求 "
                + "output_padding < max(stride, dilation) = max(\(stride), \(dilation)) = \(max(stride, dilation))。"
                + "这里它是 \(value)：PyTorch 会拒绝这一层，所以没有输出。"
        case .outputPaddingAnyway:
            "常见错误是照样把它代入公式。"

        // Counts
        case .parametersPrompt(let call, let image):
            "\(call) 作用在 \(image)×\(image) 的图像上。这一层有多少个可学习参数？"
        case .parameterCount(let shape, let product, let weights, let biases, let total):
            "权重的形状是 (F, C/groups, KH, KW) = \(shape)：\(product) = \(weights) 个权重"
                + (biases.map { "，再加上每个输出通道一个偏置：\(weights) + \($0) = \(total)。" } ?? "；bias=False，没有偏置。")
                + "图像大小无关紧要：同一组权重在每个位置上共享。"
        case .ignoredGroups(let channelsPerGroup, let ungrouped):
            "常见错误是忽略 groups：每个滤波器只看 C/groups = \(channelsPerGroup) 个输入通道；按 groups=1 算会得到 \(ungrouped)。"
        case .forgotBias(let weights):
            "常见错误是漏掉偏置（每个输出通道一个，而且 bias=True 是默认值）：那样会得到 \(weights)。"
        case .multipliedByImage:
            "常见错误是乘上图像大小：权重在所有位置上共享。"
        case .macsPrompt(let call, let channels, let input):
            "\(call) 处理一个 \(channels)×\(input)×\(input)（C×H×W）的输入。一次前向传播要做多少次乘加（MAC）？"
                + "每个输出值的每个权重抽头算一次，偏置不计。"
        case .macsCount(let outputShape, let cells, let side, let kernelStack, let perCell, let total):
            "输出是 F × outH × outW = \(outputShape) = \(cells) 个值，其中 outH = outW = \(side)。"
                + "每个值是 C/groups · KH · KW = \(kernelStack) = \(perCell) 个乘积之和，所以共 \(cells) · \(perCell) = \(total) 次乘加。"
        case .inputSizeForOutput(let stride):
            "常见错误是用输入尺寸代替输出尺寸：步幅 \(stride) 会让每个方向都缩小。"
        case .allInputChannels(let channels, let groups, let channelsPerGroup):
            "常见错误是乘上全部 \(channels) 个输入通道：groups=\(groups) 时每个输出值只看 \(channelsPerGroup) 个。"

        // Factorised kernels
        case .separableKernelPrompt(let k, let column, let row, let saving):
            "\(k.h)×\(k.w) 的卷积核 w = c·rᵀ 是可分离卷积核，c = \(column)，r = \(row)。对一个通道，先用 r 做 1×\(k.w) 的卷积，"
                + "再用 c 做 \(k.h)×1 的卷积。"
                + (saving ? "与直接用 \(k.h)×\(k.w) 的卷积核相比，每个输出节省多少次乘法？" : "每个输出需要多少次乘法？")
        case .separableKernelCount(let k, let direct, let separable):
            "直接计算时每个输出要累加 KH·KW = \(k.h)·\(k.w) = \(direct) 个乘积。分离后，行方向每个输出 KW = \(k.w) 次，"
                + "列方向 KH = \(k.h) 次：KH + KW = \(separable)，节省 \(direct) − \(separable) = \(direct - separable) 次。"
        case .separableAsProduct:
            "常见错误是把两次卷积的代价相乘（又得到 KH·KW）：它们先后进行，代价相加。"
                + "（在边界处，行方向的卷积还要多算 KH − 1 行，按每个输出计数时不计入。）"
        case .inceptionPrompt(let call, let first, let second):
            "和 Inception-v3 一样，把 \(call) 换成 \(first) 后接 \(second)。分解后的这两层在每个输出位置（所有输出通道，不计偏置）"
                + "需要多少次乘加？"
        case .inceptionCount(let c, let f, let n, let first, let second, let total, let square):
            "1×\(n) 的层每个位置 C·F·n = \(c)·\(f)·\(n) = \(grouped(first)) 次，\(n)×1 的层 F·F·n = \(f)·\(f)·\(n) = "
                + "\(grouped(second)) 次：合计 \(grouped(total)) 次；\(n)×\(n) 的层则要 C·F·n·n = \(grouped(square)) 次。"
        case .inceptionLearned:
            "常见错误是两层都用 C：第二层读的是第一层输出的 F 个通道。（这两层是学出来的，中间还有非线性，并不是对 n×n 卷积核的精确分解。）"
        case .foldedBiasPrompt(let b, let gamma, let beta, let mean, let variance):
            (b.map { "一个偏置 b = \($0) 的卷积" } ?? "一个 bias=False 的卷积")
                + "后面接一个推理状态的 nn.BatchNorm2d：γ = \(gamma)，β = \(beta)，滑动均值 μ = \(mean)，滑动方差 σ² = \(variance)，"
                + "ε = 1e-5。把批量归一化折叠进卷积后，新的偏置 b′ 是多少？保留 2 位小数。"
        case .foldedBias(let gamma, let variance, let scale, let b, let mean, let beta, let result):
            "s = γ/√(σ² + ε) = \(gamma)/√(\(variance) + 0.00001) = \(scale)；"
                + "b′ = s·(b − μ) + β = \(scale)·(\(b) − \(mean)) + \(beta) = \(result)。权重变为 w′ = s·w。"
        case .foldedBiasMistakes:
            "常见错误是漏掉缩放 s（写成 b − μ + β），或漏掉 β，或忘了对 σ² + ε 开平方。"
        case .leftOutInputChannels(let channels):
            "常见错误是漏掉输入通道：每个输出值要对全部 \(channels) 个输入通道求和。"
        case .flops:
            "FLOPs 常按 2 × MAC 计（一次乘法加一次加法）。"
        case .convLayer(let kernel, let stride, let dilation):
            "卷积 \(kernel)×\(kernel)，步幅 \(stride)" + (dilation != 1 ? "，膨胀率 \(dilation)" : "")
        case .maxPoolLayer(let kernel, let stride):
            "最大池化 \(kernel)×\(kernel)，步幅 \(stride)"
        case .receptiveFieldPrompt(let listing):
            "在一张图像上依次叠加以下各层（从输入开始）：\n\(listing)\n最后一层输出中一个单元的感受野在输入上有多宽（多少个像素）？（填充不影响感受野。）"
        case .receptiveFieldStart:
            "从一个输入像素开始（r = 1，跳跃距离 j = 1）。每一层让感受野增加 D·(K−1)·j，再把 j 乘以该层的步幅："
        case .receptiveFieldSize(let size):
            "感受野是 \(size) 个像素。"
        case .addedKernels(let unstrided):
            "常见错误是把各层的卷积核直接相加，好像步幅都是 1，那样会得到 \(unstrided)：经过步幅为 S 的层之后，"
                + "相邻单元在输入上相隔 S 个像素（还要乘上前面各层的步幅）。最后一层的步幅不影响结果。"
        case .addedK:
            "常见错误是每层加 K 而不是 K − 1，或者忘了膨胀率：每层增加的是 D·(K−1) 乘以跳跃距离。"

        // One cell by hand
        case .whatIsCell(let cell, let row, let column, let decimals):
            "\(cell)（第 \(row) 行、第 \(column) 列，从 0 数起）是多少？" + (decimals.map { "保留 \($0) 位小数。" } ?? "")
        case .outputCellPrompt(let convention, let stride, let padding, let bias):
            (convention == .convolution ? "一个真卷积（w 先旋转 180° 再滑动）" : "一个 conv2d（PyTorch 的互相关：w 按原样滑动，不翻转）")
                + "，步幅 \(stride)、填充 \(padding)" + (padding > 0 ? "（x 四周补一圈零）" : "")
                + (bias.map { "，偏置 b = \(Text.number($0))" } ?? "，无偏置") + "："
        case .convolutionWindow(let cell, let rows, let columns, let readsPadding, let convention):
            "\(cell) 的窗口覆盖 x 的\(cellSpan(rows, columns))"
                + (readsPadding ? "（x 之外的单元是填充，读作 0）" : "")
                + (convention == .convolution ? "，与旋转 180° 后的 w 对齐：窗口左上角对着 w 的右下角。" : "，与 w 按原样对齐：左上角对左上角。")
        case .flipMistake(let convention, let wrongValue, let bias):
            "常见错误是"
                + (convention == .convolution ? "忘了翻转 w（那是 PyTorch 的互相关）" : "把 w 翻转（那是数学上的卷积）")
                + (wrongValue.map { "，那样会得到 \(Text.number($0))" } ?? "，这里恰好得到同样的值")
                + (bias ? "，或者漏掉偏置。" : "。")
        case .backwardPrompt(let asked, let kernel, let stride, let padding, let input, let output):
            "一个 conv2d，卷积核 \(kernel)×\(kernel)，步幅 \(stride)、填充 \(padding)，把 x（\(input.h)×\(input.w)）"
                + "映射为 out（\(output.h)×\(output.w)）。上游梯度 dOut = ∂L/∂out 和"
                + (asked == .dx ? "卷积核如下：" : "输入如下：")
        case .whatIsGradient(let cell, let of):
            "\(cell) = ∂L/∂\(of) 是多少？"
        case .dxUnreached(let of):
            "没有任何窗口覆盖 \(of)：最后一步就停在它前面了，所以没有梯度流回来。"
        case .dxTerms(let cell, let of):
            "\(of) 被每个覆盖它的窗口读过，每次经过的权重都不同；\(cell) 就是这些窗口的 w × dOut 之和："
        case .dxMistake:
            "常见错误是让每个 dOut[i,j] 配上同一偏移处的权重：窗口向右移时，x[r,c] 碰到的是卷积核更靠左的位置（相当于把 w 翻转），"
                + "所以 dOut[i,j] 配的是 w[r − i·S + P, c − j·S + P]。"
        case .dwTerms(let cell, let of, let row, let column):
            "\(of) 在每个窗口里都碰到一个 x 单元：对 out[i,j] 来说是 x[i·S − P + \(row), j·S − P + \(column)]；"
                + "\(cell) 就是所有窗口的 dOut[i,j] × 该单元之和："
        case .dwMistake(let readsPadding):
            readsPadding
                ? "常见错误是给填充单元赋值：它们是 0，对应的项都消失了；或者在偏移里忘了步幅。"
                : "常见错误是在偏移里忘了步幅，或者漏掉一些窗口：每个输出单元都贡献一项。"
        case .poolCellPrompt(let call):
            "\(call)（其余参数取 PyTorch 默认值）作用在 x 上："
        case .poolWindow(let cell, let rows, let columns, let kind, let readsPadding):
            readsPadding
                ? "\(cell) 的窗口覆盖 x 的\(cellSpan(rows, columns))"
                    + (kind == .max ? "；其中的填充单元读作 −∞，不可能成为最大值：" : "；其中的填充单元读作 0，但仍计入除数（count_include_pad=True）：")
                : problem(.windowCovers(cell: cell, rows: rows, columns: columns))
        case .maxPaddingAsZero:
            "常见错误是把填充当成 0：它是 −∞，所以全是负数的窗口会保留其中最大的那个负数。"
        case .averageOverRealCells(let window):
            "常见错误是只除以真实单元的个数（那是 count_include_pad=False）：PyTorch 默认除以全部 \(window)·\(window) = \(window * window) 个。"
        case .poolWindowPlacement:
            "常见错误是把窗口放错位置：out[i,j] 的窗口从第 i·S − P 行、第 j·S − P 列开始。"

        // Select the cells
        case .windowCovers(let cell, let rows, let columns):
            "\(cell) 的窗口覆盖 x 的\(cellSpan(rows, columns))："
        case .receptiveFieldCellsPrompt(let cell, let kernel, let stride, let padding, let dilation, let input):
            "一个 conv2d，卷积核 \(kernel)×\(kernel)，\(settings(stride: stride, padding: padding, dilation: dilation))，"
                + "在 x（\(input.h)×\(input.w)）上滑动。请标出 \(cell) 读取的所有 x 单元。"
                + (padding > 0 ? "填充单元不属于 x，不要标出。" : "")
                + drawnHint(padding: padding)
        case .receptiveFieldReads(let cell, let rows, let columns, let dilation, let cells, let drawnAt):
            "\(cell) 的窗口覆盖 x 的\(cellSpan(rows, columns))"
                + (dilation > 1 ? "，每隔 \(dilation - 1) 行、\(dilation - 1) 列取一个单元（膨胀率 \(dilation)）" : "")
                + "。它读到 \(cells.joined(separator: comma))，画在 \(drawnAt)。"
        case .paddingTaps(let taps):
            "其余的抽头 \(taps.joined(separator: comma)) 落在填充里：读到的是 0，不属于感受野。"
        case .markedSkippedCells(let dilation):
            "常见错误是把膨胀后的卷积核跳过的单元也标上：它只读取每隔 \(dilation - 1) 行、\(dilation - 1) 列的单元。"
        case .paddingRingCoordinates(let padding):
            "常见错误是在坐标里忘了填充圈：x[r,c] 画在 (r + \(padding), c + \(padding))。"
        case .windowStride:
            "常见错误是忘了步幅：out[i,j] 的窗口从第 i·S − P 行、第 j·S − P 列开始。"
        case .dxReachPrompt(let cell, let kernel, let stride, let padding, let dilation, let input, let output):
            "反向传播经过一个 conv2d（卷积核 \(kernel)×\(kernel)，\(settings(stride: stride, padding: padding, dilation: dilation))；"
                + "x 为 \(input.h)×\(input.w)，out 为 \(output.h)×\(output.w)），梯度 \(cell) 流回 dx。"
                + "请标出它到达的所有 dx 单元。dx 画出时不带填充：(行, 列) 就是 dx[行, 列]。"
        case .scatterBack(let cell):
            "\(cell) 正好流回前向传播时它的窗口读过的那些单元，各自乘上当时对上的权重："
        case .thatIs(let cells):
            "也就是 \(cells)。"
        case .paddingSendsNothing:
            "落在填充里的抽头不回传任何梯度：填充不属于 x。"
        case .filledSkippedCells(let dilation):
            "常见错误是把膨胀后的卷积核跳过的单元也标上：只有每隔 \(dilation - 1) 行、\(dilation - 1) 列的单元收到梯度。"
        case .reachStride:
            "常见错误是忘了步幅（dOut[i,j] 的窗口从 x 的第 i·S − P 行开始），或者把填充位置也标上。"
        case .poolMaxPrompt(let call, let input, let cell, let padding):
            "\(call) 作用在 x（\(input.h)×\(input.w)）上。请标出其值成为 \(cell) 的那个 x 单元。" + drawnHint(padding: padding)
        case .maximumIs(let value, let cell, let row, let column):
            "最大值 \(Text.number(value)) 是 \(cell)，画在 (\(row), \(column))。"
        case .maxPaddingRing(let padding):
            "常见错误是在坐标里忘了填充圈（x[r,c] 画在 (r + \(padding), c + \(padding))）；填充读作 −∞，不可能成为最大值。"
        case .maxWindowStride:
            "常见错误是放窗口时忘了步幅：out[i,j] 的窗口从第 i·S 行、第 j·S 列开始。"
        }
    }

    /// `步幅 2、填充 1`, and `膨胀率 2` when it is not 1.
    private func settings(stride: Int, padding: Int, dilation: Int) -> String {
        (["步幅 \(stride)", "填充 \(padding)"] + (dilation != 1 ? ["膨胀率 \(dilation)"] : [])).joined(separator: comma)
    }

    /// `第 1 到 3 行、第 0 到 2 列`.
    private func cellSpan(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>) -> String {
        "第 \(rows.lowerBound) 到 \(rows.upperBound) 行、第 \(columns.lowerBound) 到 \(columns.upperBound) 列"
    }

    /// The hint closing a question whose answer may be `invalid`.
    private var invalidHint: String {
        "如果这一层没有合法的输出，请回答 invalid。"
    }

    /// How x is drawn and its cells counted: with its padding ring (x[0,0] drawn at (P, P)), or
    /// without.
    private func drawnHint(padding: Int) -> String {
        padding > 0
            ? "x 连同外圈填充一起画出，行和列按画出的网格来数，包括填充圈：x[0,0] 画在 (\(padding), \(padding))。"
            : "没有填充：(行, 列) 就是 x[行, 列]。"
    }
}
