import LessonKit
import Testing

/// `compareTranslations`: an en lesson and its zh twin must have the same shape.
@Suite("Translations")
struct TranslationTests {
    static func lesson(lang: String, id: String = "pad", _ body: String) -> Lesson {
        let text = "---\nid: \(id)\ntitle: T\nlang: \(lang)\norder: 1\nsummary: S\n---\n" + body
        let (lesson, diagnostics) = LessonParser.parse(text, file: "\(lang).md")
        #expect(diagnostics == [])
        return lesson!
    }

    static func quiz(_ id: String, kind: String = "single", answer: String = "b", choices: String = "[a, b, c]") -> String {
        if kind == "numeric" {
            return "```quiz\nid: \(id)\nkind: numeric\nprompt: P\nanswer: \(answer)\n```\n\n"
        }
        return "```quiz\nid: \(id)\nkind: \(kind)\nprompt: P\nchoices: \(choices)\nanswer: \(answer)\n```\n\n"
    }

    static let en = lesson(lang: "en", "## One\n\n" + quiz("a") + "## Two\n\n" + quiz("b") + quiz("n", kind: "numeric", answer: "5"))

    func compare(_ zh: Lesson) -> [String] {
        LessonLint.compareTranslations(Self.en, enFile: "en.md", zh, zhFile: "zh.md").map(\.description)
    }

    @Test("twins with the same steps and quizzes agree")
    func same() {
        let zh = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a") + "## 二\n\n" + Self.quiz("b") + Self.quiz("n", kind: "numeric", answer: "5"))
        #expect(compare(zh) == [])
    }

    @Test("different ids")
    func ids() {
        let zh = Self.lesson(lang: "zh", id: "other", "## 一\n")
        #expect(compare(zh) == ["zh.md:1:1: id 'other' differs from the id 'pad' of the en lesson (en.md)"])
    }

    @Test("a different number of steps, reported at the first extra step or the last one")
    func steps() {
        let more = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a") + "## 二\n\n" + Self.quiz("b") + Self.quiz("n", kind: "numeric", answer: "5") + "## 三\n")
        #expect(compare(more) == ["zh.md:35:1: this lesson has 3 steps, its en twin (en.md) has 2"])
        let fewer = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a") + Self.quiz("b") + Self.quiz("n", kind: "numeric", answer: "5"))
        #expect(compare(fewer) == [
            "zh.md:8:1: this lesson has 1 step, its en twin (en.md) has 2",
            "zh.md:18:1: quiz 'b' is in step 1 here but in step 2 in the en lesson (en.md:20)",
            "zh.md:26:1: quiz 'n' is in step 1 here but in step 2 in the en lesson (en.md:28)",
        ])
    }

    @Test("quiz ids missing, extra, or in another order")
    func quizIDs() {
        let zh = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a") + "## 二\n\n" + Self.quiz("x") + Self.quiz("n", kind: "numeric", answer: "5"))
        #expect(compare(zh) == [
            "zh.md:18:1: quiz 'b' of the en lesson (en.md:20) is missing here",
            "zh.md:20:1: quiz 'x' is not in the en lesson (en.md)",
        ])
        let swapped = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a") + "## 二\n\n" + Self.quiz("n", kind: "numeric", answer: "5") + Self.quiz("b"))
        #expect(compare(swapped) == ["zh.md:20:1: quiz 'n' is out of order: the en lesson (en.md) has a, b, n; this one has a, n, b"])
    }

    @Test("a quiz of another kind, with other choices, answer positions or numeric answer")
    func quizContent() {
        let zh = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a", answer: "c") + "## 二\n\n"
            + Self.quiz("b", answer: "x", choices: "[x, y]") + Self.quiz("n", kind: "numeric", answer: "6"))
        #expect(compare(zh) == [
            "zh.md:10:1: quiz 'a' marks choice 3 as the answer here but choice 2 in the en lesson (en.md:10)",
            "zh.md:20:1: quiz 'b' has 2 choices here but 3 in the en lesson (en.md:20)",
            "zh.md:28:1: quiz 'n' has answer 6 here but 5 in the en lesson (en.md:28)",
        ])
        let kind = Self.lesson(lang: "zh", "## 一\n\n" + Self.quiz("a", kind: "multiple") + "## 二\n\n" + Self.quiz("b") + Self.quiz("n", kind: "numeric", answer: "5"))
        #expect(compare(kind) == ["zh.md:10:1: quiz 'a' is multiple here but single in the en lesson (en.md:10)"])
    }
}
