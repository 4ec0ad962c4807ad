import ConvCore

extension Chinese {
    func practice(_ phrase: PracticePhrase) -> String {
        switch phrase {
        case .caseHeading(let k, let n, let label): "第 \(k)/\(n) 个用例（\(practice(.label(label)))）"
        case .label(let label): labelText(label)
        case .convSettings(let x, let w, let stride, let padding):
            "x \(shape(x))，W \(shape(w))，步幅 \(stride)，填充 \(padding)"
        case .backwardSettings(let dout, let x, let w, let stride, let padding):
            "dout \(shape(dout))，x \(shape(x))，W \(shape(w))，步幅 \(stride)，填充 \(padding)"
        case .transposedSettings(let x, let w, let stride, let padding):
            "x \(shape(x))，W \(shape(w))，步幅 \(stride)，填充 \(padding)"
        case .poolSettings(let x, let size, let stride): "x \(shape(x))，窗口 \(size)，步幅 \(stride)"
        case .poolBackwardSettings(let dout, let x, let size, let stride): "dout \(shape(dout))，x \(shape(x))，窗口 \(size)，步幅 \(stride)"
        case .conv1dSettings(let f, let g, let mode): "f 长 \(f)，g 长 \(g)，模式 '\(mode)'"
        case .sizeSettings(let h, let k, let s, let p, let d): "H=\(h)，K=\(k)，S=\(s)，P=\(p)，D=\(d)"
        case .passed: "通过"
        case .notRun: "未运行"
        case .stoppedHere: "在这里被停止"
        case .sameAs(let k): "与第 \(k) 个用例相同"

        case .raised(let type, let message, let line):
            "抛出 \(type)" + (line.map { "（你的文件第 \($0) 行）" } ?? "") + (message.isEmpty ? "" : "：\(message)")
        case .frame(let line, let function, let text): "第 \(line) 行，\(function) 中：\(text)"
        case .expectedArray(let name, let got): "\(name.map { "\($0) 应当是" } ?? "应当返回")一个 NumPy 数组，实际是 \(got)"
        case .listReturned(let name):
            "\(name ?? "结果")是 Python 列表：请返回 NumPy 数组（np.array(…)，或用 np.zeros 建好再填）"
        case .expectedTuple(let count, let got): "应当返回 \(count) 个数组组成的元组，实际是 \(got)"
        case .expectedInteger(let got): "应当返回整数，实际是 \(got)"
        case .wrongCount(let expected, let got): "返回了 \(got) 个值，应当是 \(expected) 个"
        case .wrongShape(let name, let expected, let got): "\(name) 的形状是 \(shape(got))，应当是 \(shape(expected))"
        case .shapeRule(let rule, let detail): ruleText(rule) + (detail.isEmpty ? "" : "：\(detail)")
        case .wrongValue(let name, let index, let expected, let got):
            "第一个错的单元：\(Text.cell(name, index)) 是 \(Text.number(got))，应当是 \(Text.number(expected))"
        case .rightArithmetic(let equation): "正确的算式：\(equation)"
        case .wrongSize(let expected, let got):
            expected.map { "返回了 \(Text.number(got))，应当是 \($0)" }
                ?? "返回了 \(Text.number(got))；这里没有合法的输出（请返回 0 或抛出异常）"
        case .mutated(let names):
            "原地修改了 \(names.joined(separator: "、"))：请在副本上计算（x.copy()；np.pad 会生成新数组）"

        case .noPython: "找不到 python3：请安装 Python 3（sudo apt install python3），或把它的路径写进 CONVTUTOR_PYTHON"
        case .noNumpy(let python):
            "Python \(python) 没有安装 numpy：请安装（sudo apt install python3-numpy，或 python3 -m pip install numpy）"
        case .loadError(let type, let message, let line):
            "你的文件无法加载：\(type)" + (line.map { "（第 \($0) 行）" } ?? "") + (message.isEmpty ? "" : "：\(message)")
        case .missingFunction(let name, let defined):
            "你的文件里没有函数 \(name)" + (defined.isEmpty ? "" : "（定义了 \(defined.joined(separator: "、"))）")
        case .notCallable(let name, let type): "\(name) 是 \(type)，不是函数"
        case .timedOut(let k, let seconds, let settings):
            "运行 \(Text.number(seconds)) 秒后被停止" + (k.map { "，停在第 \($0) 个用例" } ?? "") + (settings.map { "（\($0)）" } ?? "")
                + "：检查是否有停不下来的循环，或加上 --timeout"
        case .outputTooLarge(let mb): "已停止：输出超过 \(mb) MB（是不是在循环里 print？）"
        case .outOfMemory(let mb): "已停止：需要的内存超过 \(mb) MB"
        case .crashed(let how): "Python 没有运行到结尾就停止了（\(how)）"
        case .exitStatus(let status): "退出状态 \(status)"
        case .signal(let signal): "信号 \(signal)"

        case .allPassed(let n): "全部 \(n) 个用例通过。"
        case .somePassed(let k, let n): "\(n) 个用例中通过 \(k) 个。"
        case .mistake(let d): diagnosisText(d)
        case .printedOut: "你的程序输出了："
        case .printedErrors: "标准错误输出："
        case .omitted(let bytes): "……另有 \(bytes) 字节"

        case .practice: "练习"
        case .status(let status):
            switch status {
            case .new: "未开始"
            case .failing(let n): "未通过（已试 \(n) 次）"
            case .passed(let n): "✓ 已通过（共试 \(n) 次）"
            }
        case .yourFile(let path): "你的文件：\(path)"
        case .starterWritten: "初始代码已写到这里：用编辑器打开它。"
        case .watching: "保存文件就会重新检查。"
        case .checking: "正在检查……"
        case .notCheckedYet: "还没有检查：保存文件，或按 c。"
        case .hint(let k, let n): "提示 \(k)/\(n)："
        case .noMoreHints: "没有更多提示了。"
        case .solutionAsk: "要看参考答案吗？再按一次 s 显示；按其他键继续自己做。"
        case .solution: "参考答案："
        case .noExercises: "没有找到练习。"
        case .yourValue(let cell, let got): "你的 \(cell) = \(Text.number(got))"
        case .notDrawable(let why): "这个用例太大，探索器画不下：\(why)"
        case .batchSum: "dW 和 db 是整个批量所有样本之和；探索器一次只画一幅图"

        case .initWrote(let n, let readme, let folder): "已把 \(n) 个初始文件\(readme ? "和一份 README" : "")写到 \(folder)。"
        case .initKept(let n): "保留了 \(n) 个已存在的文件。"
        case .initReadme:
            """
            # convtutor 练习

            每个练习一个文件。写好函数，然后检查：

                convtutor practice check 练习ID 文件

            或者打开 `convtutor practice` 后直接保存：每次保存都会重新检查。`convtutor practice list` 列出所有练习。
            """
        case .unknownExercise(let id, let known): "没有练习“\(id)”；现有练习：\(known.joined(separator: "、"))"
        case .noFile(let path): "没有文件 \(path)"
        }
    }

    /// `(2, 3, 7, 6)`.
    private func shape(_ s: [Int]) -> String { "(" + s.map(String.init).joined(separator: ", ") + (s.count == 1 ? ",)" : ")") }

    private func labelText(_ label: CaseLabel) -> String {
        switch label {
        case .example: "课程里的例子"
        case .batch: "N、C、F 都大于 1"
        case .nonSquare: "非正方形"
        case .pointwise: "1×1 卷积核"
        case .kernelIsInput: "卷积核和输入一样大"
        case .strideOverKernel: "步幅大于卷积核"
        case .padded: "有填充"
        case .unevenStride: "步幅除不尽"
        case .overlapping: "窗口互相重叠"
        case .ties: "窗口里有相等的最大值"
        case .dilated: "有膨胀"
        case .invalid: "没有合法输出"
        case .longer: "f 比 g 长"
        case .shorter: "f 比 g 短"
        case .sameLength: "f 与 g 一样长"
        case .random: "随机"
        }
    }

    private func ruleText(_ rule: ShapeRule) -> String {
        switch rule {
        case .convolution: "out 的形状是 (N, F, outH, outW)，outH = ⌊(H + 2P − KH)/S⌋ + 1"
        case .pooling: "out 的形状是 (N, C, outH, outW)，outH = ⌊(H − size)/stride⌋ + 1"
        case .transposed: "out 的形状是 (N, F, outH, outW)，outH = (H − 1)·S − 2P + KH"
        case .gradient(let tensor): "梯度和它对应的张量形状相同：d\(tensor) 的形状就是 \(tensor) 的形状"
        case .perFilter: "db 每个滤波器一个值，形状 (F,)：把 dout 在 N、H、W 上求和"
        case .conv1d(let mode):
            switch mode {
            case .full: "'full' 模式给出 M + N − 1 个值"
            case .same: "'same' 模式给出 max(M, N) 个值"
            case .valid: "'valid' 模式给出 max(M, N) − min(M, N) + 1 个值"
            }
        }
    }

    private func diagnosisText(_ d: Diagnosis) -> String {
        switch d {
        case .biasInWindow(let times):
            "偏置被加在了窗口求和的里面，每个单元加了 \(times) 次（每个单元都多了 \(times - 1)·b[f]）：求和之后只加一次 b[f]。"
        case .biasMissing: "漏了偏置：滤波器 f 的每个单元都少了 b[f]。"
        case .kernelFlipped: "卷积核被翻转了：那是数学上的卷积；卷积层是把 W 原样滑过去（互相关）。"
        case .strideIgnored: "没有用到步幅：窗口的起点应当相隔 S 个单元（i·S, j·S）。"
        case .paddingIgnored: "没有用到填充：先在 x 四周各补 P 个零（np.pad）。"
        case .wrongSizeFormula: "输出尺寸用了流传很广的错误公式 (H − K + 2P − (S−1)(K−1) − 1)//S + 1；正确的是 (H + 2P − K)//S + 1。"
        case .offByOne: "输出多了或少了一行（列）：数一数窗口的个数，⌊(H + 2P − K)/S⌋ + 1。"
        case .dxNotCropped: "dx 还是填充后的形状：把填充裁掉，dx = dx_pad[:, :, P:-P, P:-P]（P > 0 时）。"
        case .dWNotSummed: "dW 多了一个批量维：把各个样本的贡献加成一个 (F, C, KH, KW) 数组。"
        case .gradientOverwritten: "只留下了最后一个样本的贡献：用 +=，让每个样本都累加到 dW 和 db 上。"
        case .gradientAveraged: "梯度被除以了 N：如果需要平均，上游的 dout 里已经包含了。"
        case .dxKernelNotRotated: "dx 用的是没有旋转的卷积核：每个 dout 单元要沿着当初和它相乘的权重传回去，相当于用旋转 180° 的 W 做全卷积。"
        case .tiesToEveryMaximum: "窗口里每个最大值都得到了梯度；PyTorch 只给第一个最大值（按行优先顺序）。"
        case .tiesToLastMaximum: "梯度给了窗口里最后一个最大值；PyTorch 给的是第一个（按行优先顺序）。"
        case .overlapOverwritten: "重叠的窗口互相覆盖了梯度：窗口共享单元的地方要用 +=。"
        case .notFlipped1D: "g 没有翻转：那是 numpy.correlate；卷积要先把 g 倒过来再滑动。"
        case .sizeNotFloored: "尺寸不是整数：用 //（向下取整的除法），不要用 /。"
        case .dilationIgnored: "没有用到膨胀率：大小为 K 的卷积核覆盖 D·(K−1) + 1 个单元。"
        case .invalidNotDetected: "卷积核放不进填充后的输入时仍返回了尺寸：应当返回 0 或抛出异常。"
        case .unpackThree:
            "x 和 W 各有四个维度，(N, C, H, W) 和 (F, C, KH, KW)：每个形状都要解包成四个名字，例如 N, C, H, Wd = x.shape 和 F, C, KH, KW = W.shape。"
        case .shadowedWeights: "N, C, H, W = x.shape 把权重 W 改成了输入的宽度：给宽度换个名字（例如 H_in, W_in）。"
        }
    }
}
