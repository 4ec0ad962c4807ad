extension Chinese {
    func screen(_ phrase: ScreenPhrase) -> String {
        switch phrase {
        case .tagline: "—— 深度学习中的卷积：逐步计算，逐步讲解"
        case .entry(let entry):
            switch entry {
            case .explore: "探索"
            case .lessons: "课程"
            case .quiz: "测验"
            case .practice: "练习"
            case .stats: "统计"
            case .help: "帮助"
            }
        case .entrySummary(let entry):
            switch entry {
            case .explore: "卷积核在网格上滑动，每个乘积和梯度都看得见"
            case .lessons: "循序渐进的课程，用 markdown 写成"
            case .quiz: "先复习到期的题，再做新题和随机生成的题"
            case .practice: "用 NumPy 亲手写卷积，逐个单元检查"
            case .stats: "学完的课程、各主题正确率、到期复习、连续天数"
            case .help: "按键说明"
            }
        case .enlarge: "请把终端窗口调大"
        case .needs(let width, let height, let hasWidth, let hasHeight):
            "convtutor 需要 \(width)×\(height)，当前终端是 \(hasWidth)×\(hasHeight)。"
        case .resizeToContinue: "调整窗口大小后继续；Ctrl-C 退出。"
        case .keysTitle: "按键"
        case .keysHeading(let group):
            switch group {
            case .anywhere: "全局"
            case .home: "主页"
            case .lessonList: "课程列表"
            case .lesson: "课程中"
            case .exercise: "练习题"
            case .scrolling: "长文本"
            case .explorerSteps: "探索：逐步"
            case .explorerCursor: "探索：光标（Tab）"
            case .explorerParameters: "探索：参数（e）"
            case .explorerValue: "探索：输入数值（Enter）"
            case .quizAsking: "测验：作答"
            case .quizAnswered: "测验：答完之后"
            case .mouse: "鼠标（--no-mouse 关闭）"
            }
        case .anyKeyCloses: "按任意键关闭本页"
        case .keyDoesNothing(let key): "\(key) 在这里没有作用；按 ? 查看按键"
        }
    }

    func key(_ help: KeyHelp) -> String {
        switch help {
        case .help: "按键"
        case .back: "返回"
        case .quit: "退出"
        case .quitNow: "立即退出"
        case .choose: "选择"
        case .open: "打开"
        case .jump: "跳到"
        case .openResumes: "打开（从上次停下的地方继续）"
        case .firstLast: "第一个 / 最后一个"
        case .scroll: "滚动"
        case .page: "翻页"
        case .startEnd: "开头 / 结尾"
        case .changeStep: "切换步骤"
        case .playAnimation: "播放动画"
        case .playAnimationK: "播放第 k 个动画"
        case .answerQuestions: "回答本步的问题"
        case .restart: "从头开始"
        case .step: "单步"
        case .playPause: "播放"
        case .speed: "速度"
        case .ends: "首尾"
        case .cursorMode: "光标"
        case .parameters: "参数"
        case .mode: "模式"
        case .values: "顺序值 / 随机值"
        case .nextSeed: "换随机种子"
        case .undo: "撤销"
        case .moveCursor: "移动"
        case .nextGrid: "换网格"
        case .pin: "固定"
        case .typeValue: "输入数值"
        case .gradientCheck: "梯度检验"
        case .steps: "逐步"
        case .chooseParameter: "选择"
        case .changeParameter: "修改"
        case .done: "完成"
        case .bias: "偏置"
        case .convention: "约定"
        case .typeNumber: "输入一个数"
        case .setValue: "确定"
        case .erase: "删除"
        case .cancel: "取消"
        case .pickChoice: "作答"
        case .pickChoices: "选中或取消"
        case .submit: "提交"
        case .typeAnswer: "输入答案（可留空）"
        case .typeNumberOrInvalid: "输入一个数（或 invalid）"
        case .showModelAnswer: "查看参考答案"
        case .markCell: "标记"
        case .clearOrFinish: "清除 / 结束"
        case .gradeSelf: "给自己评分"
        case .nextQuestion: "下一题"
        case .watch: "看计算过程"
        case .finish: "结束"
        case .leave: "离开"
        case .openExercise: "打开"
        case .checkNow: "检查"
        case .nextHint: "提示"
        case .showSolution: "参考答案（会先确认）"
        case .exploreWrongCell: "在探索器里看错的单元"
        case .clickTarget: "打开条目，作答或选中选项，标记单元，把光标移到单元上"
        case .wheelScroll: "滚动三行"
        }
    }

    func stats(_ phrase: StatsPhrase) -> String {
        switch phrase {
        case .title: "统计"
        case .lessonsCompleted(let done, let total): "已学完课程：\(done)/\(total)"
        case .reviewsDue(let today, let week): "今天到期的复习：\(today)；本周：\(week)"
        case .answersAndStreak(let answers, let streak): "已作答：\(answers) 次；连续学习：\(streak) 天"
        case .noAnswersYet: "还没有作答记录：先运行 convtutor quiz"
        case .exercisesPassing(let k, let n): "练习：\(n) 道中已通过 \(k) 道"
        case .firstPass(let day): " · 首次通过 \(day)"
        case .accuracyByTopic: "各主题正确率："
        case .topicCounts(let correct, let graded, let reviews): "（答对 \(correct)/\(graded)，共作答 \(reviews) 次）"
        }
    }

    func command(_ phrase: CommandPhrase) -> String {
        switch phrase {
        case .terminal(let problem, let instead):
            switch problem {
            case .notATerminal:
                "全屏界面需要标准输入和标准输出都是终端" + self.instead(instead)
            case .termUnset:
                "没有设置 TERM，无法得知终端类型；请设置它（例如 TERM=xterm-256color）" + self.instead(instead, "或者")
            case .cannotAddressCursor(let term):
                "终端类型“\(term)”不能移动光标；如果你的终端支持，请设置 TERM=xterm-256color" + self.instead(instead, "或者")
            case .unknownTerm(let term):
                "未知的终端类型“\(term)”（没有 terminfo 条目）；请设置 TERM=xterm-256color" + self.instead(instead, "或者")
            }
        case .progressNotSaved(let reason): "学习进度未保存：\(reason)"
        case .answersNotSaved(let reason): "答案未保存：\(reason)"
        case .noLesson(let id, let language, let known):
            "\(language) 课程中没有 id 为“\(id)”的课程；现有课程：\(known.joined(separator: "、"))"
        case .cannotWrite(let path, let reason): "无法写入 \(path)：\(reason)"
        case .checked(let files): "已检查 \(files) 个课程文件：未发现问题"
        case .checkedWithWarnings(let files, let warnings): "已检查 \(files) 个课程文件：没有错误，有 \(warnings) 条警告"
        case .trueConvolution: "真卷积：卷积核先在两个方向上翻转，再滑动"
        case .axisSize(let axis, let formula): (axis == .height ? "输出高度：" : "输出宽度：") + formula
        }
    }

    /// `；要看纯文本，请运行 convtutor replay padding --plain`.
    private func instead(_ command: String?, _ joiner: String = "") -> String {
        command.map { "；\(joiner)要看纯文本，请运行 \($0)" } ?? ""
    }
}
