/// The Chinese catalogue: full-width punctuation in prose, the standard terms of the Chinese
/// lessons (卷积核, 步幅, 填充, 膨胀率, 感受野, 转置卷积, 池化, 偏置, 通道, 梯度, 滤波器; 单元 for
/// a cell of a grid, 散射 for scatter, full 模式卷积 for full convolution, 跳跃距离 for jump,
/// 批量 for a batch; the glossary of Lessons/README.md), key names kept as keys. Its parts, one file per area, are extensions of this type.
struct Chinese: Catalogue {
    var colon: String { "：" }
    var comma: String { "、" }

    func or(_ items: [String]) -> String {
        items.joined(separator: " 或 ")
    }

    func parenthesized(_ text: String) -> String {
        "（\(text)）"
    }

    func sentences(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined()
    }

    func keyName(_ key: KeyName) -> String {
        switch key {
        case .space: "空格"
        case .arrows: "方向键"
        case .click: "点击"
        case .wheel: "滚轮"
        }
    }
}
