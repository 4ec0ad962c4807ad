import Foundation
import Testing
import TestSupport

/// The mouse through the real binary in tmux: clicks and the wheel sent as a terminal reports them
/// (tmux passes them on while its own mouse option is off), in the encoding ncurses asked for —
/// SGR under TERM=xterm-256color, X10 under tmux-256color — synchronised by polling the screen.
@Suite("the mouse, end to end in tmux", .serialized)
struct MouseEndToEndTests {
    /// Where `text` first stands on `screen`: its column and row, from 0 (a text and the lines
    /// before it on its row of one-column characters).
    static func position(of text: String, in screen: String) throws -> (x: Int, y: Int) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        for (y, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        throw TmuxError.timeout("'\(text)' on the screen", screen: screen)
    }

    @Test("a click on an input cell opens the explorer's cursor there; a click on the kernel moves it",
          arguments: ["xterm-256color", "tmux-256color"])
    func explorer(_ term: String) throws {
        let session = try TmuxSession([convtutorBinary.path, "explore"], environment: ["TERM": term])
        let screen = try session.waitFor("step 1/9")
        #expect(try session.paneModes().mouseReporting)
        // The ramp input: 13 is x[0,0,2,2].
        let thirteen = try Self.position(of: "13", in: screen)
        try session.click(x: thirteen.x + 1, y: thirteen.y)
        let cursor = try session.waitFor { $0.contains("x[0,0,2,2] feeds 9 cells") }
        // The kernel's 5, in the row above its 9.
        let nine = try Self.position(of: "7 8 9]", in: cursor)
        try session.click(x: nine.x + 2, y: nine.y - 1)
        try session.waitFor { $0.contains("w[0,0,1,1] feeds 9 cells") }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(!(try session.paneModes().mouseReporting))
    }

    @Test("a click on a choice answers it")
    func choice() throws {
        let f = try QuizEndToEndTests.folder()
        let session = try TmuxSession([convtutorBinary.path, "quiz", "--lesson", "e2e-quiz", "--lessons", f.lessons, "--data-dir", f.data])
        let screen = try session.waitFor("question 1/2")
        let b = try Self.position(of: "b) 1", in: screen)
        try session.click(x: b.x + 3, y: b.y)
        try session.waitFor { $0.contains("✓ Right.") && $0.contains("Next review:") }
        try session.sendKeys("q")
        _ = try session.waitFor("answered: 1 of 2")
        try session.sendKeys("Enter")
        #expect(try session.waitForExit() == 0)
    }

    @Test("the wheel scrolls a long step three lines a notch, and back")
    func wheel() throws {
        let paragraphs = (1...60).map { "Line \($0)." }.joined(separator: "\n\n")
        let (lesson, data) = try LessonEndToEndTests.folder("""
            ---
            id: e2e-long
            title: A long step
            lang: en
            order: 1
            summary: More lines than the screen.
            ---

            ## Many lines

            \(paragraphs)

            """)
        let session = try TmuxSession([convtutorBinary.path, "learn", lesson.path, "--data-dir", data.path])
        let first = try session.waitFor("1–21 of")
        #expect(first.contains("Line 1."))
        try session.wheel(up: false, x: 40, y: 10)
        try session.wheel(up: false, x: 40, y: 10)
        let down = try session.waitFor("7–27 of")
        #expect(!down.contains("Line 3.") && down.contains("Line 14."))
        try session.wheel(up: true, x: 40, y: 10)
        try session.waitFor("4–24 of")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("--no-mouse, or a terminal without a mouse, leaves the mouse to the terminal", arguments: [
        (["--no-mouse"], "xterm-256color"), ([String](), "vt100"),
    ])
    func off(_ arguments: [String], _ term: String) throws {
        let session = try TmuxSession([convtutorBinary.path, "explore"] + arguments, environment: ["TERM": term])
        _ = try session.waitFor("step 1/9")
        #expect(!(try session.paneModes().mouseReporting))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
