import LessonKit
import Testing

/// The lint of the Chinese terms: a rejected variant in a zh lesson is a warning at its line and
/// character column that names the term to write; a gloss right after its term and the allowed
/// words are left alone; the authors' guide lists exactly the terms the lint knows.
@Suite("Chinese terms")
struct TerminologyTests {
    func warnings(_ text: String) -> [Diagnostic] {
        LessonLint.terminology(of: text, file: "zh/01-t.md")
    }

    @Test("each rejected variant is one warning at its line and column, naming the term and its English")
    func variants() {
        for term in LessonLint.chineseTerms {
            for variant in term.rejected {
                let found = warnings("---\ntitle: 标题\n---\n\n前文 \(variant) 后文")
                #expect(found.count == 1, "\(variant): \(found)")
                guard let warning = found.first else { continue }
                #expect(warning.line == 5 && warning.column == 4 && warning.severity == .warning, "\(variant)")
                #expect(warning.message == "'\(variant)' for \(term.english): the Chinese lessons write '\(term.term)' "
                        + "(see the Chinese terms in Lessons/README.md)")
                #expect(warning.description == "zh/01-t.md:5:4: warning: " + warning.message)
            }
        }
    }

    @Test("the agreed terms themselves and the allowed words that hold a variant are not warned about")
    func agreed() {
        for term in LessonLint.chineseTerms {
            #expect(warnings("写作\(term.term)。" + term.allowed.joined(separator: "，")) == [], "\(term.term)")
        }
        #expect(warnings("全卷积网络（FCN）的输出格式与输入格式").isEmpty)
    }

    @Test("a gloss right after its term may name the variants, with emphasis or ASCII parentheses; elsewhere they are warned")
    func glosses() {
        #expect(warnings("**步幅**（stride，也常称步长）").isEmpty)
        #expect(warnings("**膨胀率**（dilation，也称扩张率或空洞率）$`D`$").isEmpty)
        #expect(warnings("步幅 (stride, 也常称步长)").isEmpty)
        // After the gloss, on the same line: 步幅（stride，也常称步长），有时写作 is 21 characters.
        #expect(warnings("步幅（stride，也常称步长），有时写作步长。").map(\.column) == [22])
        // The gloss of another term does not cover a variant: 步长 is the 7th character.
        let other = warnings("膨胀率（也称步长）")
        #expect(other.map(\.column) == [7] && other.first?.message.hasPrefix("'步长' for stride") == true)
        // A parenthesis that does not close glosses to the end of the line.
        #expect(warnings("步幅（stride，也常称步长").isEmpty)
    }

    @Test("overlapping variants are reported once, the longer; columns count characters after a byte-order mark, on CRLF lines")
    func positions() {
        #expect(warnings("完全卷积与完全互相关").map(\.message).map { String($0.prefix(while: { $0 != " " })) } == ["'完全卷积'", "'完全互相关'"])
        // 𝑥 is one character (two UTF-16 units), so 批次 starts in column 3.
        #expect(warnings("\u{FEFF}第一行\r\n𝑥 批次\r\n").map { [$0.line, $0.column] } == [[2, 3]])
        #expect(warnings("批次、跳距").map(\.column) == [1, 4])
    }

    @Test("the authors' guide lists exactly the terms the lint knows, with their English and rejected variants")
    func guide() throws {
        let guide = AuthorsGuideTests.guide
        let start = try #require(guide.range(of: "\n## Chinese terms\n"))
        let section = guide[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let rows = section[..<end].split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| term ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        let listed = rows.filter { $0.count >= 3 && $0[2] != "—" }
            .map { [$0[0], $0[1], $0[2]] }
        #expect(listed == LessonLint.chineseTerms.map { [$0.term, $0.english, $0.rejected.joined(separator: ", ")] })
    }
}
