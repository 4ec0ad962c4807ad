extension Chinese {
    func quiz(_ phrase: QuizPhrase) -> String {
        switch phrase {
        case .quiz: "测验"
        case .questionCounter(let k, let n): "第 \(k)/\(n) 题"
        case .done: "完成"
        case .yourAnswer: "你的答案："
        case .modelAnswer: "参考答案："
        case .howWell(let intervals):
            "你掌握得怎么样？  " + zip(1...4, ["没记住", "困难", "良好", "轻松"]).map { grade, word in
                "\(grade) \(word)" + (intervals.flatMap { $0.indices.contains(grade - 1) ? " " + short($0[grade - 1]) : nil } ?? "")
            }.joined(separator: "   ")
        case .newCard: "新题"
        case .reviewCard: "复习"
        case .given(let computation): "已知：\(computation)"
        case .right: "✓ 答对了。"
        case .wrong: "✗ 不对。"
        case .youAnswered(let given): "你的答案：\(given)"
        case .theAnswer(let expected): "正确答案：\(expected)"
        case .gradedByYou(let grade): "你的自评：\(["没记住", "困难", "良好", "轻松"][min(3, max(0, grade - 1))])。"
        case .nextReview(let interval): "下次复习：\(text(interval))。"
        case .notSaved(let reason): "这个答案没有保存：\(reason)"
        case .worked(let equation): "计算过程：\(equation)"
        case .sessionDone: "本轮测验结束。"
        case .answered(let k, let n): "已答：\(k)/\(n)"
        case .tally(let right, let wrong, let selfGraded): "答对：\(right)   答错：\(wrong)   自评：\(selfGraded)"
        case .nothingToAsk:
            "现在没有要答的题：没有到期的复习，也还没有学完的课。先学完一课，或者试试 convtutor quiz --generated，做随机生成的题目。"
        case .plainQuestion(let k, let n, let topic): "第 \(k) 题，共 \(n) 题（\(topic)）："
        case .ask(let kind):
            switch kind {
            case .choice: "请用字母或数字作答："
            case .choices: "请写出所有正确选项的字母（例如 a c）："
            case .number: "请输入一个数（或 invalid）："
            case .open: "你的答案（可写任意文字，之后显示参考答案）："
            case .cells: "请按“行,列”写出单元（例如 0,0 0,1）："
            }
        case .gridHeading(let grid): "\(grid)，行和列都从 0 开始编号："
        case .plainSummary(let answered, let total, let right, let wrong, let selfGraded):
            "本轮测验结束：已答 \(answered)/\(total)；答对 \(right)，答错 \(wrong)，自评 \(selfGraded)。"
        }
    }

    func family(_ family: ProblemFamily) -> String {
        switch family {
        case .outputSize: "生成题：conv2d 输出尺寸"
        case .poolOutputSize: "生成题：池化输出尺寸"
        case .transposedOutputSize: "生成题：转置卷积输出尺寸"
        case .ceilModeSize: "生成题：ceil_mode 下的池化输出尺寸"
        case .adaptiveBounds: "生成题：自适应池化的窗口"
        case .parameters: "生成题：参数量"
        case .macs: "生成题：乘加次数"
        case .separableCost: "生成题：可分离卷积核的代价"
        case .foldedBias: "生成题：批量归一化折叠后的偏置"
        case .receptiveField: "生成题：感受野"
        case .outputCell: "生成题：计算一个输出单元"
        case .dxCell: "生成题：计算 dx 的一个单元"
        case .dwCell: "生成题：计算 dw 的一个单元"
        case .poolCell: "生成题：计算一个池化输出单元"
        case .receptiveFieldCells: "生成题：标出感受野"
        case .dxReach: "生成题：标出 dOut 到达的单元"
        case .poolMax: "生成题：标出窗口的最大值"
        }
    }

    /// `1分钟`, `10分钟`, `3小时`, `1天`, `4天`, `2个月`, `1年`: an interval beside a grade.
    private func short(_ interval: ReviewInterval) -> String {
        switch interval {
        case .aMinute: "1分钟"
        case .minutes(let n): "\(n)分钟"
        case .hours(let n): "\(n)小时"
        case .tomorrow: "1天"
        case .days(let n): "\(n)天"
        case .months(let n): "\(n)个月"
        case .years(let n): "\(n)年"
        }
    }

    /// `10 分钟后`, `明天`, `4 天后`.
    private func text(_ interval: ReviewInterval) -> String {
        switch interval {
        case .aMinute: "1 分钟后"
        case .minutes(let n): "\(n) 分钟后"
        case .hours(let n): "\(n) 小时后"
        case .tomorrow: "明天"
        case .days(let n): "\(n) 天后"
        case .months(let n): "\(n) 个月后"
        case .years(let n): "\(n) 年后"
        }
    }

    func refusal(_ refusal: Refusal) -> String {
        switch refusal {
        case .grade: "请给自己评分：1 没记住，2 困难，3 良好，4 轻松"
        case .number: "请输入一个数，例如 4 或 -0.5（没有合法输出时输入 invalid）"
        case .cells: "请按“行,列”列出单元，例如 0,0 0,1 1,0"
        case .choose(let range): "请选择 \(text(range))"
        case .chooseSeveral(let range): "请选择一个或多个：\(text(range))，例如 a c"
        case .notAChoice(let typed, let range): "“\(typed)”不是选项：请选择 \(text(range))"
        case .notANumber(let typed): "“\(typed)”不是数：" + self.refusal(.number)
        case .notACell(let typed): "“\(typed)”不是单元坐标：" + self.refusal(.cells)
        }
    }

    /// `a 到 d（或 1 到 4）`, `1 到 30`.
    private func text(_ range: ChoiceRange) -> String {
        switch range {
        case .letters(let last, let count): "a 到 \(last)（或 1 到 \(count)）"
        case .numbers(let count): "1 到 \(count)"
        }
    }
}
