import Foundation
import Testing
import TestSupport

/// The tmux harness itself, on trivial shell programs: what the end-to-end tests of the tutor rely on.
@Suite("tmux harness")
struct TmuxHarnessTests {
    @Test("waitFor finds printed text and capture shows it, wide characters included")
    func waitAndCapture() throws {
        let tmux = try TmuxSession(["sh", "-c", "printf 'hello\\n卷积|'; read x"], width: 30, height: 5)
        let screen = try tmux.waitFor("hello")
        #expect(screen.hasPrefix("hello\n卷积|\n"))
        #expect(try tmux.capture().split(separator: "\n").first == "hello")
    }

    @Test("waitFor takes a predicate, and throws with the last screen when time runs out")
    func waitTimeout() throws {
        let tmux = try TmuxSession(["sh", "-c", "printf ready; read x"], width: 30, height: 5)
        try tmux.waitFor { $0.hasPrefix("ready") }
        #expect(throws: TmuxError.self) { try tmux.waitFor("never printed", timeout: 0.2) }
    }

    @Test("the exit status and the terminal mode a program left behind")
    func exitStatusAndSettings() throws {
        let careless = try TmuxSession(["sh", "-c", "stty -echo -icanon; read x; exit 3"])
        try careless.sendKeys("Enter")
        #expect(try careless.waitForExit() == 3)
        let left = try careless.terminalSettings()
        #expect(left.contains("-echo") && left.contains("-icanon"))

        let tidy = try TmuxSession(["sh", "-c", "read x"])
        try tidy.sendText("done")
        try tidy.sendKeys("Enter")
        #expect(try tidy.waitForExit() == 0)
        #expect(try tidy.terminalSettings().isSuperset(of: ["echo", "icanon"]))
    }

    @Test("signals reach the program, not its wrapper: 128 + the signal, as a shell reports it")
    func signals() throws {
        let terminated = try TmuxSession(["sleep", "30"])
        try terminated.signal(SIGTERM)
        #expect(try terminated.waitForExit() == 143)

        let interrupted = try TmuxSession(["sleep", "30"])
        _ = try interrupted.programPID()
        try interrupted.sendKeys("C-c")
        #expect(try interrupted.waitForExit() == 130)
    }

    @Test("resize changes the size the program's terminal reports")
    func resize() throws {
        let tmux = try TmuxSession(["sh", "-c", "stty size; read x; stty size; read x"], width: 40, height: 10)
        try tmux.waitFor("10 40")
        try tmux.resize(width: 50, height: 12)
        try tmux.sendKeys("Enter")
        try tmux.waitFor("12 50")
    }

    @Test("the program's environment: defaults, additions and removals only")
    func environment() throws {
        let script = #"printf '%s|%s|%s|%s|' "${TERM-unset}" "$LANG" "$SWIFT_BACKTRACE" "${FOO-}"; read x"#
        let tmux = try TmuxSession(["sh", "-c", script], environment: ["FOO": "bar"], unsetting: ["TERM"])
        try tmux.waitFor("unset|C.UTF-8|interactive=no|bar|")
    }

    @Test("pane modes: the alternate screen and the cursor")
    func paneModes() throws {
        let script = #"printf '\033[?1049h\033[?25lfull'; read x; printf '\033[?25h\033[?1049lmain'; read x"#
        let tmux = try TmuxSession(["sh", "-c", script])
        try tmux.waitFor("full")
        let full = PaneModes(alternateScreen: true, cursorVisible: false, applicationCursorKeys: false)
        #expect(try tmux.paneModes() == full)
        try tmux.sendKeys("Enter")
        try tmux.waitFor("main")
        let main = PaneModes(alternateScreen: false, cursorVisible: true, applicationCursorKeys: false)
        #expect(try tmux.paneModes() == main)
    }

    @Test("a click and a notch of the wheel reach the program as a terminal sends them, in the encoding it asked for",
          arguments: [
              ("1000;1006", "1b5b3c303b353b334d" + "1b5b3c303b353b336d" + "1b5b3c36353b31303b344d"),
              ("1000", "1b5b4d202523" + "1b5b4d232523" + "1b5b4d612a24"),
          ])
    func mouse(_ modes: String, _ expected: String) throws {
        // The bytes as they come, in hexadecimal, once there are as many as expected.
        let script = #"printf '\033[?"# + modes + #"hready'; stty raw -echo; head -c "# + "\(expected.count / 2)"
            + #" | od -An -tx1 | tr -d ' \n'; printf '|'; read x"#
        let tmux = try TmuxSession(["sh", "-c", script])
        try tmux.waitFor("ready")
        #expect(try tmux.paneModes().mouseReporting)
        try tmux.click(x: 4, y: 2)
        try tmux.wheel(up: false, x: 9, y: 3)
        try tmux.waitFor(expected + "|")
    }

    @Test("sessions run side by side; kill stops the server and removes its files")
    func cleanup() throws {
        let one = try TmuxSession(["sh", "-c", "printf one; read x"])
        let two = try TmuxSession(["sh", "-c", "printf two; read x"])
        try one.waitFor("one")
        try two.waitFor("two")
        #expect(one.socket != two.socket)
        #expect(try !one.capture().contains("two"))

        one.kill()
        #expect(!one.serverIsRunning)
        #expect(!FileManager.default.fileExists(atPath: one.directory.path))
        #expect(throws: TmuxError.self) { try one.capture() }
        #expect(two.serverIsRunning)
    }

    @Test("a session dropped without kill cleans up in deinit")
    func deinitCleansUp() throws {
        let (directory, server) = try {
            let tmux = try TmuxSession(["sh", "-c", "printf up; read x"])
            try tmux.waitFor("up")
            return (tmux.directory, tmux.serverPID)
        }()
        #expect(!TmuxSession.isRunning(server))
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
