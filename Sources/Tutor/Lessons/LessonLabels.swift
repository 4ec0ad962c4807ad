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
    }

    init(question: String, animation: String, pressToPlay: @escaping @Sendable ([String]) -> String,
         title: @escaping @Sendable (AnimationKind) -> String) {
        self.question = question
        self.animation = animation
        self.pressToPlay = pressToPlay
        self.title = title
    }
}
