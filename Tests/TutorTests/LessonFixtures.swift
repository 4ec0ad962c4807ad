import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
@testable import Tutor

/// A small lesson built by hand, so the player's tests do not depend on the parser.
enum LessonFixtures {
    static func animation(_ kind: ConvOperation, line: Int, configure: (inout Animation) -> Void = { _ in }) -> Animation {
        var a = Animation(kind: kind, line: line)
        configure(&a)
        return a
    }

    static let padding = Lesson(
        meta: LessonMeta(id: "padding", title: "Padding", lang: "en", order: 5, summary: "Zeros around the border keep the size."),
        steps: [
            Step(title: "Why pad", line: 9, blocks: [
                .paragraph([.text("Without padding, a "), .math("3×3"), .text(" kernel shrinks a "), .code("5×5"),
                            .text(" input to "), .strong([.text("3×3")]), .text(".")]),
                .list(ordered: false, start: 1, items: [[.paragraph([.text("valid: no padding")])],
                                                        [.paragraph([.text("same: output as large as the input")])]]),
            ]),
            Step(title: "Watch it", line: 20, blocks: [
                .paragraph([.text("Padding 1 keeps 5×5. 卷积的边界用零填充。")]),
                .animation(animation(.conv2d, line: 24) { $0.padding = [1]; $0.startStep = 7 }),
            ]),
            Step(title: "Check", line: 31, blocks: [
                .table(Table(alignments: [.left, .right], header: [[.text("padding")], [.text("output")]],
                             rows: [[[.text("0")], [.text("3×3")]], [[.text("1")], [.text("5×5")]]])),
                .quiz(QuizItem(id: "padding-same", kind: .single, line: 36, prompt: "Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?",
                               choices: ["0", "1", "2"], answer: ["1"], explanation: "(5 + 2·1 − 3) + 1 = 5")),
            ]),
        ])
}

extension LessonFixtures {
    /// The padding lesson written in Chinese, for screens that must read Chinese throughout.
    static let paddingChinese = Lesson(
        meta: LessonMeta(id: "padding", title: "填充", lang: "zh", order: 5, summary: "在边界补零，保持尺寸。"),
        steps: [
            Step(title: "为什么要填充", line: 9, blocks: [
                .paragraph([.text("不填充时，"), .math("3×3"), .text(" 的卷积核会把 "), .code("5×5"), .text(" 的输入缩小。")]),
            ]),
            Step(title: "看一看", line: 20, blocks: [
                .paragraph([.text("填充 1 圈后，输出仍是 5×5。")]),
                .animation(animation(.conv2d, line: 24) { $0.padding = [1]; $0.startStep = 7 }),
                .animation(animation(.conv2dBackward, line: 28) { $0.input = [4] }),
            ]),
            Step(title: "检查", line: 31, blocks: [
                .compute(Computation(line: 33, subject: .animation(.conv2d), show: .size, parameters: animation(.conv2d, line: 33) { $0.padding = [1] })),
                .quiz(QuizItem(id: "padding-same", kind: .single, line: 36, prompt: "3×3 的卷积核要让 5×5 的输入保持 5×5，填充应是多少？",
                               choices: ["0", "1", "2"], answer: ["1"], explanation: "(5 + 2·1 − 3) + 1 = 5")),
            ]),
        ])
}
