import Foundation
import Testing
import TestSupport

/// Quizzes through the real binary: answers in tmux kept across a restart and a kill -9,
/// `quiz --plain` through a pipe, `stats` as text and JSON.
@Suite("quizzes, end to end", .serialized)
struct QuizEndToEndTests {
    static let lesson = """
        ---
        id: e2e-quiz
        title: Quiz, end to end
        lang: en
        order: 1
        summary: Two questions.
        ---

        ## Check

        ```quiz
        id: same
        kind: single
        prompt: Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?
        choices: ["0", "1", "2"]
        answer: "1"
        explanation: (5 + 2·1 − 3) + 1 = 5
        ```

        ```quiz
        id: rows
        kind: numeric
        prompt: How many rows has the output of a 7×7 input, kernel 3, stride 2, padding 1?
        answer: 4
        compute: {show: size, input: 7, kernel: 3, stride: 2, padding: 1}
        explanation: ⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4
        ```

        """

    /// A folder holding the lesson, for `--lessons`, and a data folder.
    static func folder() throws -> (lessons: String, data: String) {
        let (file, data) = try LessonEndToEndTests.folder(lesson)
        return (file.deletingLastPathComponent().path, data.path)
    }

    /// The `reviews` part of `stats --json`, decoded.
    static func stats(_ f: (lessons: String, data: String)) throws -> [String: Any] {
        let run = try runConvtutor(["stats", "--json", "--lessons", f.lessons, "--data-dir", f.data])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The sixteen bundled lessons and the fixture folder's one.
        #expect(json["lessonsTotal"] as? Int == 17)
        return try #require(json["reviews"] as? [String: Any])
    }

    @Test("answer one right and one wrong on the screen, quit; stats shows both after a restart")
    func screen() throws {
        let f = try Self.folder()
        let session = try TmuxSession([convtutorBinary.path, "quiz", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data])
        _ = try session.waitFor("question 1/2")
        try session.sendKeys("b")
        _ = try session.waitFor("✓ Right.")
        try session.sendKeys("Enter")
        _ = try session.waitFor("question 2/2")
        try session.sendText("5")
        try session.sendKeys("Enter")
        // The whole verdict: the answer saved and scheduled before the frame was drawn.
        let wrong = try session.waitFor { $0.contains("✗ Not quite.") && $0.contains("Next review: in a minute.") }
        #expect(wrong.contains("The answer: 4"))
        try session.sendKeys("q")
        _ = try session.waitFor("answered: 2 of 2")
        try session.sendKeys("Enter")
        #expect(try session.waitForExit() == 0)

        let plain = try runConvtutor(["stats", "--plain", "--lessons", f.lessons, "--data-dir", f.data])
        #expect(plain.stdout.contains("answers given: 2; streak: 1 day"))
        #expect(plain.stdout.contains("Quiz, end to end   50%  (1 of 2 right, 2 answers)"))
        let json = try Self.stats(f)
        #expect(json["totalReviews"] as? Int == 2)
        // Both are known now and neither is due yet: nothing to ask.
        let again = try runConvtutor(["quiz", "--plain", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data])
        #expect(again.stdout.contains("Nothing to ask right now"))
    }

    @Test("kill -9 right after an answer is shown: the answer is kept")
    func killed() throws {
        let f = try Self.folder()
        let session = try TmuxSession([convtutorBinary.path, "quiz", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data])
        _ = try session.waitFor("question 1/2")
        try session.sendKeys("b")
        // The verdict is drawn only after the answer was written.
        _ = try session.waitFor("✓ Right.")
        try session.signal(SIGKILL)
        _ = try session.waitForExit()
        let json = try Self.stats(f)
        #expect(json["totalReviews"] as? Int == 1)
    }

    @Test("quiz --plain through a pipe: refused answers get a hint, answers are graded and kept")
    func plain() throws {
        let f = try Self.folder()
        let run = try runConvtutor(["quiz", "--plain", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data],
                                   stdin: "z\nb\nfour\n4\n")
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("Question 1 of 2 (Quiz, end to end):"))
        #expect(out.contains("  b) 1"))
        #expect(out.contains("! 'z' is not a choice: choose a to c (or 1 to 3)"))
        #expect(out.contains("! 'four' is not a number: type a number, like 4 or -0.5 (or 'invalid' when no output exists)"))
        #expect(out.components(separatedBy: "\nRight.\n").count == 3)
        #expect(out.contains("Session done: answered 2 of 2; right 2, wrong 0, graded by you 0."))
        #expect(out.unicodeScalars.allSatisfy { $0 != "\u{1B}" })
        #expect(try Self.stats(f)["totalReviews"] as? Int == 2)
    }

    @Test("end of input ends the session; what was answered is kept")
    func endOfInput() throws {
        let f = try Self.folder()
        let run = try runConvtutor(["quiz", "--plain", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data], stdin: "a\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Not quite. You answered: a) 0"))
        #expect(run.stdout.contains("Session done: answered 1 of 2"))
        #expect(try Self.stats(f)["totalReviews"] as? Int == 1)
    }

    @Test("generated problems with a seed are the same each time; a bad option is refused")
    func generated() throws {
        let f = try Self.folder()
        let first = try runConvtutor(["quiz", "--plain", "--generated", "--count", "3", "--seed", "7", "--data-dir", f.data + "-a"], stdin: "")
        let second = try runConvtutor(["quiz", "--plain", "--generated", "--count", "3", "--seed", "7", "--data-dir", f.data + "-b"], stdin: "")
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("Question 1 of 3 (generated: "))
        let bad = try runConvtutor(["quiz", "--count", "0", "--data-dir", f.data])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--count: expected 1 to 500, got 0"))
        let missing = try runConvtutor(["quiz", "--lesson", "nope", "--data-dir", f.data])
        #expect(missing.stderr.contains("no lesson with id 'nope'"))
    }
}
