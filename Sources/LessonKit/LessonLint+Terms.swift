/// A term the Chinese lessons agree on, and the variants they do not use.
public struct ChineseTerm: Equatable, Sendable {
    /// The term to write, as the lessons write it.
    public var term: String
    /// What it translates.
    public var english: String
    /// The variants `check` warns about.
    public var rejected: [String]
    /// Longer words that contain a rejected variant and are right as they are: 全卷积网络 (a fully
    /// convolutional network) for 全卷积, 输出格式 (an output format) for 输出格.
    public var allowed: [String]

    public init(_ term: String, english: String, rejected: [String], allowed: [String] = []) {
        self.term = term
        self.english = english
        self.rejected = rejected
        self.allowed = allowed
    }
}

extension LessonLint {
    /// The terms of the Chinese lessons and interface, one per concept; the glossary of
    /// `Lessons/README.md` lists the same.
    public static let chineseTerms: [ChineseTerm] = [
        ChineseTerm("步幅", english: "stride", rejected: ["步长"]),
        ChineseTerm("膨胀率", english: "dilation", rejected: ["空洞率", "扩张率"]),
        ChineseTerm("full 模式卷积", english: "full convolution", rejected: ["全卷积", "完全卷积", "完整卷积", "full 卷积", "full卷积"],
                    allowed: ["全卷积网络"]),
        ChineseTerm("full 模式互相关", english: "full cross-correlation", rejected: ["全互相关", "完全互相关", "完整互相关", "full 互相关"]),
        ChineseTerm("跳跃距离", english: "jump", rejected: ["跳距"]),
        ChineseTerm("批量", english: "batch", rejected: ["批次"]),
        ChineseTerm("批量归一化", english: "batch normalization", rejected: ["批归一化", "批标准化"]),
        ChineseTerm("输出单元", english: "output cell", rejected: ["输出格", "输出单元格"], allowed: ["输出格式"]),
        ChineseTerm("输入单元", english: "input cell", rejected: ["输入格", "输入单元格"], allowed: ["输入格式"]),
        ChineseTerm("先插值放大（上采样），再卷积", english: "resize-convolution", rejected: ["先缩放再卷积", "先缩放，再卷积"]),
    ]

    /// Warnings for the rejected variants of `chineseTerms` in the text of a Chinese lesson file,
    /// at the line and character column of each, naming the term to write instead.
    ///
    /// Lines end at `\n` (a `\r` before it is dropped); columns count Unicode scalars, after a
    /// leading byte-order mark, as the parser's do. A variant inside the parentheses right after
    /// its own term is the term's gloss and is allowed: `步幅（stride，也常称步长）`,
    /// `**膨胀率**（dilation，也称扩张率或空洞率）`. A variant inside an `allowed` word is not a
    /// variant. Where two variants overlap (完全卷积 holds 全卷积), the longer one is reported, once.
    public static func terminology(of text: String, file: String) -> [Diagnostic] {
        var body = Array(text.unicodeScalars)
        if body.first == "\u{FEFF}" { body.removeFirst() }
        // Longest first, so that a variant inside a longer one is not reported again.
        let variants = chineseTerms.flatMap { term in term.rejected.map { (term: term, variant: $0) } }
            .sorted { $0.variant.unicodeScalars.count > $1.variant.unicodeScalars.count }
        var warnings: [Diagnostic] = []
        for (k, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.last == "\r" ? line.dropLast() : line)
            var taken = chineseTerms.flatMap(\.allowed).flatMap { ranges(of: $0, in: scalars) }
            for (term, variant) in variants {
                let glosses = self.glosses(of: term.term, in: scalars)
                for range in ranges(of: variant, in: scalars) where !taken.contains(where: { $0.overlaps(range) }) {
                    taken.append(range)
                    if glosses.contains(where: { $0.contains(range.lowerBound) && $0.contains(range.upperBound - 1) }) { continue }
                    warnings.append(Diagnostic(file: file, line: k + 1, column: range.lowerBound + 1,
                                               message: "'\(variant)' for \(term.english): the Chinese lessons write '\(term.term)' "
                                                   + "(see the Chinese terms in Lessons/README.md)",
                                               severity: .warning))
                }
            }
        }
        return warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Where `word` occurs in `line`, as ranges of scalar offsets.
    private static func ranges(of text: String, in line: [Unicode.Scalar]) -> [Range<Int>] {
        let word = Array(text.unicodeScalars)
        guard !word.isEmpty, word.count <= line.count else { return [] }
        return (0...(line.count - word.count)).filter { line[$0..<($0 + word.count)].elementsEqual(word) }
            .map { $0..<($0 + word.count) }
    }

    /// The parentheses, `（…）` or `(…)`, that follow `term` in `line` right after it, after the
    /// markers of emphasis closing around it (`**步幅**（…）`) or after spaces (`步幅 (…)`), from the
    /// opening to the closing one; to the end of the line when it does not close.
    private static func glosses(of term: String, in line: [Unicode.Scalar]) -> [ClosedRange<Int>] {
        ranges(of: term, in: line).compactMap { found in
            var open = found.upperBound
            while open < line.count, ["*", "_", " "].contains(line[open]) { open += 1 }
            guard open < line.count, let close: Unicode.Scalar = line[open] == "（" ? "）" : line[open] == "(" ? ")" : nil else {
                return nil
            }
            let end = line[(open + 1)...].firstIndex(of: close) ?? line.count - 1
            return open...end
        }
    }
}
