import LessonKit

/// The words the player adds around a lesson's own text (before a question, naming an
/// animation), in the lesson's language: a Chinese lesson reads Chinese throughout.
public struct LessonLabels: Sendable {
    /// Before a question's prompt.
    public var question: String
    /// Before an animation's name.
    public var animation: String
    /// After it, on the page that can play it: which keys play it (`a`, `a or 2`).
    public var pressToPlay: @Sendable (_ keys: [String]) -> String
    /// The animation's name.
    public var title: @Sendable (AnimationKind) -> String
    /// The words around a compute block's arithmetic.
    public var compute = ComputeWords.english

    public static let english = LessonLabels(
        question: "Question: ", animation: "▶ animation: ",
        pressToPlay: { "  (press \($0.joined(separator: " or ")) to play it)" },
        title: { ExplorerMode($0).title })

    public static let chinese = LessonLabels(
        question: "问题：", animation: "▶ 动画：",
        pressToPlay: { "  （按 \($0.joined(separator: " 或 ")) 播放）" },
        title: { kind in
            switch kind {
            case .conv1d: "一维卷积（翻转并滑动）"
            case .correlate1d: "一维互相关"
            case .conv2d: "二维卷积"
            case .conv2dBackward: "二维卷积的反向传播"
            case .maxpool2d: "最大池化"
            case .avgpool2d: "平均池化"
            case .maxpool2dBackward: "最大池化的反向传播"
            case .avgpool2dBackward: "平均池化的反向传播"
            case .transpose2d: "转置卷积"
            }
        })

    /// The labels for a lesson's `lang`; English for any language without its own.
    public init(lang: String) {
        self = lang == "zh" ? .chinese : .english
        if lang == "zh" { compute = .chinese }
    }

    init(question: String, animation: String, pressToPlay: @escaping @Sendable ([String]) -> String,
         title: @escaping @Sendable (AnimationKind) -> String) {
        self.question = question
        self.animation = animation
        self.pressToPlay = pressToPlay
        self.title = title
    }
}

/// The words a compute block's lines use around the arithmetic, in the lesson's language.
public struct ComputeWords: Equatable, Sendable {
    public var invalid: String
    public var outputSize: String
    public var outputHeight: String
    public var outputWidth: String
    public var output: String
    public var outputLength: String
    public var parameters: String
    /// `128·64·3·3 weights`.
    public var weights: @Sendable (String) -> String
    /// `128 biases`.
    public var biases: @Sendable (Int) -> String
    public var macs: String
    /// `4·4 input cells`, `3·3 cells`.
    public var inputCells: @Sendable (String) -> String
    public var cells: @Sendable (String) -> String
    /// `layer 2`.
    public var layer: @Sendable (Int) -> String
    public var jump: String
    /// `receptive field: 7×7 input cells`.
    public var receptiveField: @Sendable (Int) -> String
    /// `f shifted by 2`.
    public var shifted: @Sendable (String, Int) -> String
    public var agree: String
    public var differ: String
    /// How a label is followed by its value: `: ` or `：`.
    public var colon: String

    public static func == (a: ComputeWords, b: ComputeWords) -> Bool {
        a.outputSize == b.outputSize && a.agree == b.agree
    }

    public static let english = ComputeWords(
        invalid: "invalid", outputSize: "output size", outputHeight: "output height", outputWidth: "output width",
        output: "output", outputLength: "output length", parameters: "parameters",
        weights: { "\($0) weights" }, biases: { "\($0) bias\($0 == 1 ? "" : "es")" }, macs: "multiply-accumulates",
        inputCells: { "\($0) input cells" }, cells: { "\($0) cells" }, layer: { "layer \($0)" }, jump: "jump",
        receptiveField: { "receptive field: \($0)×\($0) input cells" }, shifted: { "\($0) shifted by \($1)" },
        agree: "both sides agree", differ: "the two sides differ", colon: ": ")

    public static let chinese = ComputeWords(
        invalid: "无效", outputSize: "输出尺寸", outputHeight: "输出高度", outputWidth: "输出宽度",
        output: "输出", outputLength: "输出长度", parameters: "参数量",
        weights: { "\($0) 个权重" }, biases: { "\($0) 个偏置" }, macs: "乘加次数",
        inputCells: { "\($0) 个输入位置" }, cells: { "\($0) 个位置" }, layer: { "第 \($0) 层" }, jump: "跳距",
        receptiveField: { "感受野：\($0)×\($0) 个输入位置" }, shifted: { "\($0) 平移 \($1) 位" },
        agree: "两边相等", differ: "两边不相等", colon: "：")
}
