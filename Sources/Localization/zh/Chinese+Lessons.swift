extension Chinese {
    func lesson(_ phrase: LessonPhrase) -> String {
        switch phrase {
        case .lessons: "课程"
        case .noLessons:
            "没有找到课程。用 --lessons DIR 加入一个课程文件夹，或者用 convtutor learn PATH.md 打开一个课程（格式见 Lessons/README.md）。"
        case .cannotOpen(let title, let file): "无法打开「\(title)」：运行 convtutor check \(file) 查看问题"
        case .steps(let n): "\(n) 步"
        case .notStarted: "未开始"
        case .finished: "✓ 已学完"
        case .atStep(let k, let n): "第 \(k)/\(n) 步"
        case .stepCounter(let k, let n): "第 \(k)/\(n) 步"
        case .questionLabel: "问题："
        case .animationLabel: "▶ 动画："
        case .pressToPlay(let keys): "  （按 \(or(keys)) 播放）"
        case .lines(let range): "第 \(range.first)–\(range.last) 行，共 \(range.total) 行"
        case .stepHeading(let k, let n, let title): "== 第 \(k)/\(n) 步：\(title) =="
        case .cannotCompute(let why): "（这个动画无法计算：\(why)）"
        case .image(let alt): "[图片：\(alt)]"
        }
    }

    func explorer(_ phrase: ExplorerPhrase) -> String {
        switch phrase {
        case .screenName: "探索"
        case .stepCounter(let k, let n): "第 \(k)/\(n) 步"
        case .playing: "▶ 播放中"
        case .paused: "已暂停"
        case .stepsPerSecond(let n): "每秒 \(n) 步"
        case .secondsPerStep(let n): "每 \(n) 秒一步"
        case .cannotCompute(let why): "✗ 无法计算：\(why)"
        case .undoAdvice: "按 u 回到上一组有效的参数，或者继续修改参数。"
        case .moreGrids(let n): "（还有 \(n) 个网格放不下：请调大终端或减小尺寸）"
        case .paddingMark: "（· = 填充）"
        case .copiedPaddingMark: "（外圈 = 填充，复制自网格）"
        case .slidingBelow(let grid, let slider, let flipped): "\(grid)，下方滑动的是\(flipped ? "翻转后的 " : " ")\(slider)"
        case .newValue(let text): "新数值：\(text)▏  （Enter 确定，Esc 取消）"
        case .numbersOnly: "数值只能由数字、“-”、“.”和“e”组成"
        case .perChannel(let parts, let total): "按通道：" + parts.joined(separator: " + ") + " = \(total)"
        case .inPadding: "（填充）"
        case .pinned: "（已固定）"
        case .takesNoPart(let cell): "\(cell) 不参与这个模式的任何一步"
        case .feeds(let cell, let targets): "\(cell) 参与 \(targets.count) 个单元的计算：" + targets.joined(separator: "、")
        case .enterTypesValue: "Enter：输入数值"
        case .parameter(let label):
            switch label {
            case .mode: "模式"
            case .input: "输入"
            case .kernel: "卷积核"
            case .window: "窗口"
            case .stride: "步幅"
            case .padding: "填充"
            case .paddingMode: "填充方式"
            case .dilation: "膨胀"
            case .outputPadding: "输出填充"
            case .channels: "通道"
            case .filters: "滤波器"
            case .groups: "分组"
            case .bias: "偏置"
            case .convention: "约定"
            case .mode1D: "一维模式"
            case .view: "视图"
            case .values: "数值"
            case .lengthA: "a 的长度"
            case .lengthV: "v 的长度"
            case .ceilMode: "向上取整"
            case .countIncludePad: "计入填充"
            case .divisorOverride: "指定除数"
            case .outputSize: "输出尺寸"
            }
        case .on: "开"
        case .off: "关"
        case .convention(let name): name == .crossCorrelation ? "互相关" : "卷积"
        case .view(let name):
            switch name {
            case .cells: "逐格"
            case .scatter: "散射"
            case .convolution: "化为卷积"
            }
        case .ramp: "顺序值"
        case .random(let seed): "随机 #\(seed)"
        case .typed(let tensors): "手动输入：" + tensors.joined(separator: " ")
        case .frame(let k, let n, let window, let equation):
            "第 \(k)/\(n) 帧：" + (window.map { $0 + "；" } ?? "") + equation
        case .windowRows(let tensor, let rows, let cols): "窗口在 \(tensor) 的第 \(span(rows)) 行、第 \(span(cols)) 列"
        case .windowPositions(let tensor, let positions): "窗口在 \(tensor) 的第 \(span(positions)) 个位置"
        case .finished: "结果："
        case .paddingNotShown(let padding): "（填充 \(padding) 未画出）"
        }
    }

    /// `0 到 2`, or `1` for a single index.
    private func span(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound) 到 \(r.upperBound)"
    }
}
