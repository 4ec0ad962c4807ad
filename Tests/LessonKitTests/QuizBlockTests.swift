import LessonKit
import Testing

/// Quiz blocks: each kind read into `QuizItem`, and every validation problem reported.
@Suite("Quiz blocks")
struct QuizBlockTests {
    typealias T = TestLessons

    func quizzes(_ body: String) -> [QuizItem] {
        LessonParser.parse(T.front + body, file: "l.md").lesson?.quizzes ?? []
    }

    @Test("missing keys at the fence, wrong id, kind and prompt at their keys; unknown keys")
    func required() {
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nfoo: 1\n```\n\n```quiz\nid: Q1\nkind: pick\nprompt: \"\"\nanswer: x\n```\n") == [
            "l.md:10:1: quiz: missing 'id'",
            "l.md:10:1: quiz: missing 'kind' ('single', 'multiple', 'numeric', 'open' or 'spot-the-mistake')",
            "l.md:10:1: quiz: missing 'prompt'",
            "l.md:10:1: quiz: missing 'answer'",
            "l.md:11:1: unknown key 'foo' in a quiz block",
            "l.md:15:1: id: must be a lowercase slug (a-z, 0-9 and '-'), got 'Q1'",
            "l.md:16:1: kind: expected 'single', 'multiple', 'numeric', 'open' or 'spot-the-mistake', got 'pick'",
            "l.md:17:1: prompt: must not be empty",
        ])
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q\nkind: open\nprompt: P\nanswer: A\nexplain: E\n```\n") == [
            "l.md:15:1: unknown key 'explain' in a quiz block",
        ])
    }

    @Test("single choice: answers among the choices, at least two distinct, non-empty choices")
    func single() {
        let body = "## S\n\n```quiz\nid: q1\nkind: single\nprompt: P\nanswer: c\nchoices: [a, b, a, \"\"]\ntolerance: 1\ncode: x\n```\n\n"
            + "```quiz\nid: q1\nkind: single\nprompt: P\nchoices: [a]\nanswer: [a, b]\n```\n"
        #expect(T.bodyDiagnostics(body) == [
            "l.md:14:1: answer: 'c' is not one of the choices",
            "l.md:15:1: choices: 'a' appears twice",
            "l.md:15:1: choices: choice 4 is empty",
            "l.md:16:1: tolerance: only numeric questions take a tolerance",
            "l.md:17:1: code: only spot-the-mistake questions take a code listing",
            "l.md:21:1: duplicate quiz id 'q1' (first used at line 10)",
            "l.md:24:1: choices: a single-choice question needs at least two choices",
            "l.md:25:1: answer: a single-choice question needs one of the choices, got a list",
        ])
        #expect(quizzes(body) == [])
    }

    @Test("an answer matches its choice without surrounding spaces, and may be a number")
    func answerMatching() {
        let items = quizzes("## S\n\n```quiz\nid: q\nkind: single\nprompt: P\nchoices: [\"1\", \" 2 \", \"3\"]\nanswer: 2\n```\n")
        #expect(items.map(\.answer) == [[" 2 "]])
    }

    @Test("multiple choice: at least one answer, each among the choices; a lone answer is one")
    func multiple() {
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q2\nkind: multiple\nprompt: P\nchoices: [a, b]\nanswer: []\n```\n\n"
            + "```quiz\nid: q3\nkind: multiple\nprompt: P\nchoices: [a, b]\nanswer: [a, c]\n```\n\n"
            + "```quiz\nid: q4\nkind: single\nprompt: P\nanswer: a\n```\n") == [
            "l.md:15:1: answer: a multiple-choice question needs at least one answer",
            "l.md:23:13: answer: 'c' is not one of the choices",
            "l.md:26:1: quiz: a single-choice question needs 'choices'",
        ])
        #expect(quizzes("## S\n\n```quiz\nid: q\nkind: multiple\nprompt: P\nchoices: [a, b]\nanswer: b\n```\n").map(\.answer) == [["b"]])
    }

    @Test("numeric: a number and a tolerance of at least 0 (default 0), no choices")
    func numeric() {
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q5\nkind: numeric\nprompt: P\nanswer: ten\ntolerance: -1\nchoices: [1]\n```\n") == [
            "l.md:14:1: answer: a numeric question needs a number, got 'ten'",
            "l.md:15:1: tolerance: expected a number at least 0, got '-1'",
            "l.md:16:1: choices: a numeric question takes no choices",
        ])
        let items = quizzes("## S\n\n```quiz\nid: a\nkind: numeric\nprompt: P\nanswer: -4\n```\n\n```quiz\nid: b\nkind: numeric\nprompt: P\nanswer: 1e-3\ntolerance: 0.5\n```\n")
        #expect(items.map(\.answer) == [["-4"], ["0.001"]])
        #expect(items.map(\.tolerance) == [0, 0.5])
    }

    @Test("open: the model answer is required")
    func open() {
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q6\nkind: open\nprompt: P\n```\n") == ["l.md:10:1: quiz: missing 'answer'"])
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q6\nkind: open\nprompt: P\nanswer: \" \"\nchoices: [a, b]\n```\n") == [
            "l.md:14:1: answer: must not be empty",
            "l.md:15:1: choices: an open question takes no choices",
        ])
    }

    @Test("spot the mistake: the listing's non-empty lines are the choices; or choices given")
    func spotTheMistake() {
        let body = "## S\n\n```quiz\nid: q7\nkind: spot-the-mistake\nprompt: P\ncode: |\n  a = 1\n\n  b = 2\nanswer: c = 3\n```\n\n"
            + "```quiz\nid: q8\nkind: spot-the-mistake\nprompt: P\nanswer: b\n```\n"
        #expect(T.bodyDiagnostics(body) == [
            "l.md:18:1: answer: 'c = 3' is not one of the choices",
            "l.md:21:1: quiz: a spot-the-mistake question needs 'choices' or a 'code' listing",
        ])
        let items = quizzes("## S\n\n```quiz\nid: s\nkind: spot-the-mistake\nprompt: Which statement is wrong?\nchoices:\n  - Padding adds zeros.\n  - Stride 2 doubles the size.\nanswer: Stride 2 doubles the size.\n```\n")
        #expect(items == [QuizItem(id: "s", kind: .spotTheMistake, line: 10, prompt: "Which statement is wrong?",
                                   choices: ["Padding adds zeros.", "Stride 2 doubles the size."],
                                   answer: ["Stride 2 doubles the size."], explanation: "")])
    }

    @Test("a quiz block that is not a mapping, or not YAML")
    func notAMapping() {
        #expect(T.bodyDiagnostics("## S\n\n```quiz\njust text\n```\n") == [
            "l.md:11:1: a quiz block must be YAML keys and values (key: value), got 'just text'",
        ])
        #expect(T.bodyDiagnostics("## S\n\n```quiz\n```\n") == [
            "l.md:10:1: quiz: missing 'id'",
            "l.md:10:1: quiz: missing 'kind' ('single', 'multiple', 'numeric', 'open' or 'spot-the-mistake')",
            "l.md:10:1: quiz: missing 'prompt'",
            "l.md:10:1: quiz: missing 'answer'",
        ])
        #expect(T.bodyDiagnostics("## S\n\n```quiz\nid: q\nprompt: \"open\n```\n") == [
            "l.md:12:9: YAML: found unexpected end of stream (while scanning a quoted scalar)",
        ])
    }

    @Test("a quiz inside a list or quote is checked, reported and left out")
    func nested() {
        let body = "## S\n\n- item\n\n  ```quiz\n  id: q\n  kind: open\n  prompt: P\n  answer: A\n  ```\n"
        #expect(T.bodyDiagnostics(body) == [
            "l.md:12:3: quiz: a quiz block must stand at the top level of a step, not inside a list or quote",
        ])
        #expect(quizzes(body) == [])
    }

    @Test("duplicate ids across steps")
    func duplicatesAcrossSteps() {
        let quiz = "```quiz\nid: same\nkind: open\nprompt: P\nanswer: A\n```\n"
        #expect(T.bodyDiagnostics("## One\n\n" + quiz + "\n## Two\n\n" + quiz) == [
            "l.md:20:1: duplicate quiz id 'same' (first used at line 10)",
        ])
    }
}
