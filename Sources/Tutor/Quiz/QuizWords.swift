import QuizKit

/// The words of the quiz screen and of `quiz --plain`, in the session's language (the lessons'):
/// a Chinese learner answers a Chinese lesson's questions in Chinese throughout.
public struct QuizWords: Sendable {
    public var lang: String
    public var quiz: String
    public var done: String
    public var question: @Sendable (Int, Int) -> String
    public var yourAnswer: String
    public var modelAnswer: String
    public var howWell: String
    public var right: String
    public var wrong: String
    public var youAnswered: String
    public var theAnswer: String
    public var gradedByYou: @Sendable (Rating) -> String
    public var nextReview: @Sendable (String) -> String
    public var worked: String
    public var sessionDone: String
    public var answered: @Sendable (Int, Int) -> String
    public var tally: @Sendable (Int, Int, Int) -> String
    public var nothingToAsk: [String]
    /// Key hints: after an answer, while asking (by kind), on the summary.
    public var watch: String, next: String, finish: String, leave: String, gradeKeys: String
    public var pickKeys: @Sendable (String, Int) -> String
    public var multipleKeys: [String], numericKeys: [String], openKeys: [String], cellKeys: [String]
    /// `quiz --plain`.
    public var plainQuestion: @Sendable (Int, Int, String) -> String
    public var ask: @Sendable (Question.Kind) -> String
    public var gridHeader: @Sendable (String) -> String
    public var plainSummary: @Sendable (Int, Int, Int, Int, Int) -> String
    public var plainNothing: [String]

    public static let english = QuizWords(
        lang: "en", quiz: "Quiz", done: "done", question: { "question \($0)/\($1)" }, yourAnswer: "Your answer: ",
        modelAnswer: "Model answer:", howWell: "How well did you know it?  1 again   2 hard   3 good   4 easy",
        right: "✓ Right.", wrong: "✗ Not quite.", youAnswered: " You answered: ", theAnswer: "The answer: ",
        gradedByYou: { "Graded by you: \(["", "again", "hard", "good", "easy"][$0.rawValue])." },
        nextReview: { "Next review: \($0)." }, worked: "Worked: ", sessionDone: "Session done.",
        answered: { "answered: \($0) of \($1)" }, tally: { "right: \($0)   wrong: \($1)   graded by you: \($2)" },
        nothingToAsk: ["Nothing to ask right now.", "", "No reviews are due and no lesson is finished yet: finish a lesson, or try",
                       "convtutor quiz --generated for problems made on the spot."],
        watch: "a watch the computation", next: "Enter next", finish: "q finish", leave: "Enter or q leave",
        gradeKeys: "1–4 grade yourself",
        pickKeys: { "a–\($0) or 1–\($1) answer" },
        multipleKeys: ["letters pick and unpick", "Enter answer", "q finish"],
        numericKeys: ["type a number (or invalid)", "Enter answer", "Esc clear / finish"],
        openKeys: ["type your answer (optional)", "Enter show the model answer", "Esc finish"],
        cellKeys: ["arrows move", "space mark", "Enter answer", "q finish"],
        plainQuestion: { "Question \($0) of \($1) (\($2)):" },
        ask: { kind in
            switch kind {
            case .single, .spotTheMistake: "Answer with a letter or a number:"
            case .multiple: "Answer with every right letter (e.g. a c):"
            case .numeric: "Answer with a number (or invalid):"
            case .open: "Your answer (any text; then the model answer is shown):"
            case .selectCells: "Answer with the cells as row,col pairs (e.g. 0,0 0,1):"
            }
        },
        gridHeader: { "\($0), rows and columns numbered from 0:" },
        plainSummary: { "Session done: answered \($0) of \($1); right \($2), wrong \($3), graded by you \($4)." },
        plainNothing: ["Nothing to ask right now: no reviews are due and no lesson is finished yet.",
                       "Finish a lesson, or try convtutor quiz --generated."])

    public static let chinese = QuizWords(
        lang: "zh", quiz: "测验", done: "完成", question: { "第 \($0)/\($1) 题" }, yourAnswer: "你的答案：",
        modelAnswer: "参考答案：", howWell: "你掌握得怎么样？  1 没记住   2 困难   3 良好   4 轻松",
        right: "✓ 答对了。", wrong: "✗ 不对。", youAnswered: "你的答案：", theAnswer: "正确答案：",
        gradedByYou: { "你的自评：\(["", "没记住", "困难", "良好", "轻松"][$0.rawValue])。" },
        nextReview: { "下次复习：\($0)。" }, worked: "计算过程：", sessionDone: "本轮测验结束。",
        answered: { "已答：\($0)/\($1)" }, tally: { "答对：\($0)   答错：\($1)   自评：\($2)" },
        nothingToAsk: ["现在没有要答的题。", "", "没有到期的复习，也还没有学完的课：先学完一课，或者试试",
                       "convtutor quiz --generated，做随机生成的题目。"],
        watch: "a 看计算过程", next: "Enter 下一题", finish: "q 结束", leave: "Enter 或 q 离开",
        gradeKeys: "1–4 给自己评分",
        pickKeys: { "a–\($0) 或 1–\($1) 作答" },
        multipleKeys: ["按字母选中或取消", "Enter 提交", "q 结束"],
        numericKeys: ["输入一个数（或 invalid）", "Enter 提交", "Esc 清除 / 结束"],
        openKeys: ["写下你的答案（可不写）", "Enter 查看参考答案", "Esc 结束"],
        cellKeys: ["方向键移动", "空格标记", "Enter 提交", "q 结束"],
        plainQuestion: { "第 \($0) 题，共 \($1) 题（\($2)）：" },
        ask: { kind in
            switch kind {
            case .single, .spotTheMistake: "请用字母或数字作答："
            case .multiple: "请写出所有正确选项的字母（例如 a c）："
            case .numeric: "请输入一个数（或 invalid）："
            case .open: "你的答案（可写任意文字，之后显示参考答案）："
            case .selectCells: "请按“行,列”写出格子（例如 0,0 0,1）："
            }
        },
        gridHeader: { "\($0)，行和列都从 0 开始编号：" },
        plainSummary: { "本轮测验结束：已答 \($0)/\($1)；答对 \($2)，答错 \($3)，自评 \($4)。" },
        plainNothing: ["现在没有要答的题：没有到期的复习，也还没有学完的课。", "先学完一课，或者试试 convtutor quiz --generated。"])

    /// The words for `lang`; English for any language without its own.
    public init(lang: String) {
        self = lang == "zh" ? .chinese : .english
    }

    init(lang: String, quiz: String, done: String, question: @escaping @Sendable (Int, Int) -> String, yourAnswer: String,
         modelAnswer: String, howWell: String, right: String, wrong: String, youAnswered: String, theAnswer: String,
         gradedByYou: @escaping @Sendable (Rating) -> String, nextReview: @escaping @Sendable (String) -> String, worked: String,
         sessionDone: String, answered: @escaping @Sendable (Int, Int) -> String, tally: @escaping @Sendable (Int, Int, Int) -> String,
         nothingToAsk: [String], watch: String, next: String, finish: String, leave: String, gradeKeys: String,
         pickKeys: @escaping @Sendable (String, Int) -> String, multipleKeys: [String], numericKeys: [String], openKeys: [String],
         cellKeys: [String], plainQuestion: @escaping @Sendable (Int, Int, String) -> String,
         ask: @escaping @Sendable (Question.Kind) -> String, gridHeader: @escaping @Sendable (String) -> String,
         plainSummary: @escaping @Sendable (Int, Int, Int, Int, Int) -> String, plainNothing: [String]) {
        self.lang = lang
        self.quiz = quiz
        self.done = done
        self.question = question
        self.yourAnswer = yourAnswer
        self.modelAnswer = modelAnswer
        self.howWell = howWell
        self.right = right
        self.wrong = wrong
        self.youAnswered = youAnswered
        self.theAnswer = theAnswer
        self.gradedByYou = gradedByYou
        self.nextReview = nextReview
        self.worked = worked
        self.sessionDone = sessionDone
        self.answered = answered
        self.tally = tally
        self.nothingToAsk = nothingToAsk
        self.watch = watch
        self.next = next
        self.finish = finish
        self.leave = leave
        self.gradeKeys = gradeKeys
        self.pickKeys = pickKeys
        self.multipleKeys = multipleKeys
        self.numericKeys = numericKeys
        self.openKeys = openKeys
        self.cellKeys = cellKeys
        self.plainQuestion = plainQuestion
        self.ask = ask
        self.gridHeader = gridHeader
        self.plainSummary = plainSummary
        self.plainNothing = plainNothing
    }
}
