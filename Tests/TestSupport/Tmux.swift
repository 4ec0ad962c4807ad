import Foundation

/// A program running in a detached tmux session of a fixed size, driven as a user would: keys and
/// the mouse in, screen captured, signals sent, and — after it ends — its exit status and the
/// terminal mode it left behind.
///
/// Each session has its own tmux server on its own socket, so tests can run in parallel; the
/// server and its files go away in `kill()` and in deinit. Synchronise with `waitFor` and
/// `waitForExit`, which poll every 20 ms, never with fixed sleeps.
///
/// The program runs under a small shell script that records its pid, then, once it has ended,
/// its exit status (`128 + n` for signal `n`, as a shell reports it) and `stty -a` of the pane's
/// terminal, and keeps the pane open so that the screen can still be captured.
///
/// A class, so that deinit can clean up: a `~Copyable` struct could too, but Swift Testing's
/// `#expect(session.property)` does not accept noncopyable values.
public final class TmuxSession {
    /// The path of this session's tmux server socket.
    public let socket: String
    /// The directory holding the wrapper script, the socket and the files it writes.
    public let directory: URL
    /// The process id of this session's tmux server.
    public let serverPID: pid_t

    /// The environment every program starts with, before `environment` and `unsetting` apply.
    public static let defaultEnvironment = [
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        // The Swift crash backtracer otherwise waits for a key on a terminal.
        "SWIFT_BACKTRACE": "interactive=no",
    ]

    /// Starts `arguments` (the program, then its arguments) in a `width`×`height` pane.
    ///
    /// The program sees only `PATH`, `HOME`, `defaultEnvironment` and `environment`, minus the
    /// names in `unsetting` (e.g. `["TERM"]`), so the developer's own settings cannot leak in.
    public init(
        _ arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:],
        unsetting: Set<String> = []
    ) throws {
        precondition(!arguments.isEmpty, "TmuxSession needs a program to run")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("convtutor-tmux-\(UUID().uuidString.prefix(8))")
        let socket = directory.appendingPathComponent("socket").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let inherited = ProcessInfo.processInfo.environment
        var variables = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/"]
        variables.merge(Self.defaultEnvironment) { $1 }
        variables.merge(environment) { $1 }
        unsetting.forEach { variables[$0] = nil }
        let script = directory.appendingPathComponent("run.sh")

        let serverPID: pid_t
        do {
            try Self.wrapper(arguments, environment: variables, directory: directory)
                .write(to: script, atomically: true, encoding: .utf8)
            try Self.tmux(
                socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main",
                "/bin/sh \(Self.quote(script.path))")
            serverPID = pid_t(try Self.tmux(socket, "display-message", "-p", "#{pid}")
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        } catch {
            _ = try? Self.tmux(socket, "kill-server")
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        self.directory = directory
        self.socket = socket
        self.serverPID = serverPID
    }

    deinit {
        kill()
    }

    // MARK: Keys, mouse and screen

    /// Sends keys by tmux name: `"q"`, `"Enter"`, `"Escape"`, `"C-c"`, `"Up"`, `"F1"`, `"BTab"`.
    public func sendKeys(_ keys: String...) throws {
        try Self.tmux(socket, ["send-keys", "-t", "main"] + keys)
    }

    /// Types `text` literally, character by character.
    public func sendText(_ text: String) throws {
        try Self.tmux(socket, "send-keys", "-t", "main", "-l", "--", text)
    }

    /// Clicks the primary button over column `x` of row `y` (from 0), as a terminal reports it to
    /// the program in the pane: a press, then a release.
    public func click(x: Int, y: Int) throws {
        let sgr = try mouseIsSGR()
        try sendBytes(Self.mouseReport(button: 0, x: x, y: y, pressed: true, sgr: sgr)
                      + Self.mouseReport(button: 0, x: x, y: y, pressed: false, sgr: sgr))
    }

    /// Turns the mouse wheel one notch up (away from the user) or down, over column `x` of row `y`.
    public func wheel(up: Bool, x: Int, y: Int) throws {
        try sendBytes(Self.mouseReport(button: up ? 64 : 65, x: x, y: y, pressed: true, sgr: try mouseIsSGR()))
    }

    /// True when the program asked for the mouse's SGR encoding (mode 1006), as ncurses does for
    /// an entry like xterm-256color; tmux-256color's entry gets the X10 one.
    private func mouseIsSGR() throws -> Bool {
        try Self.tmux(socket, "display-message", "-p", "-t", "main", "#{mouse_sgr_flag}")
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// One mouse report of xterm's protocol, as a terminal sends it and tmux passes it on while its
    /// own mouse option is off: SGR `ESC [ < b ; x+1 ; y+1 M` (`m` for a release), or X10
    /// `ESC [ M` and the bytes 32 + b (3 for any release), 33 + x, 33 + y.
    static func mouseReport(button: Int, x: Int, y: Int, pressed: Bool, sgr: Bool) -> [UInt8] {
        if sgr { return Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(pressed ? "M" : "m")".utf8) }
        precondition(x < 223 && y < 223, "X10 mouse reports reach column and row 223")
        return [0x1B, 0x5B, 0x4D, UInt8(32 + (pressed ? button : 3)), UInt8(33 + x), UInt8(33 + y)]
    }

    /// Writes `bytes` to the program as if typed, unchanged.
    private func sendBytes(_ bytes: [UInt8]) throws {
        try Self.tmux(socket, ["send-keys", "-t", "main", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// The visible screen as text, one line per row, trailing spaces removed; with `escapes`,
    /// including the escape sequences for colours and attributes; with `scrollback`, preceded by
    /// the lines that scrolled off the top.
    public func capture(escapes: Bool = false, scrollback: Bool = false) throws -> String {
        let options = (escapes ? ["-e"] : []) + (scrollback ? ["-S", "-"] : [])
        return try Self.tmux(socket, ["capture-pane", "-p", "-t", "main"] + options)
    }

    /// Seconds a wait gives the program before failing: generous, as the whole suite runs at
    /// once on a machine of two cores and a debug build; a passing wait returns as soon as it can.
    public static let patience: Double = 30

    /// Polls the screen until `predicate` holds and returns that screen; throws after `timeout`
    /// seconds, with the last screen in the error.
    @discardableResult
    public func waitFor(timeout: Double = TmuxSession.patience, _ predicate: (String) -> Bool) throws -> String {
        var screen = ""
        let found = try poll(timeout: timeout) {
            screen = try capture()
            return predicate(screen)
        }
        guard found else { throw TmuxError.timeout("the expected screen", screen: screen) }
        return screen
    }

    /// Polls the screen until it contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = TmuxSession.patience) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Resizes the window, as a user dragging the terminal's corner would; the program gets SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try Self.tmux(socket, "resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)")
    }

    // MARK: The program

    /// The program's process id, once it has started.
    public func programPID(timeout: Double = TmuxSession.patience) throws -> pid_t {
        guard let pid = try waitForFile("pid", timeout: timeout) else {
            throw TmuxError.timeout("the program to start", screen: (try? capture()) ?? "")
        }
        return pid
    }

    /// Sends `signal` (e.g. `SIGTERM`) to the program itself, not to the wrapper shell.
    public func signal(_ signal: Int32) throws {
        let pid = try programPID()
        guard Foundation.kill(pid, signal) == 0 else { throw TmuxError.signalFailed(pid, signal, errno) }
    }

    /// Waits for the program to end and returns its exit status as a shell reports it: the code it
    /// exited with, or 128 + the signal that ended it (130 for SIGINT, 143 for SIGTERM).
    public func waitForExit(timeout: Double = TmuxSession.patience) throws -> Int32 {
        guard let status = try waitForFile("exit", timeout: timeout) else {
            throw TmuxError.timeout("the program to exit", screen: (try? capture()) ?? "")
        }
        return status
    }

    /// The terminal's `stty -a` settings right after the program ended, as single words: `"icanon"`
    /// and `"echo"` when a program restored cooked mode, `"-icanon"` and `"-echo"` when it did not.
    public func terminalSettings(timeout: Double = TmuxSession.patience) throws -> Set<String> {
        _ = try waitForExit(timeout: timeout)
        let text = try String(contentsOf: directory.appendingPathComponent("stty"), encoding: .utf8)
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    /// What tmux knows of the pane's terminal modes now.
    public func paneModes() throws -> PaneModes {
        let values = try Self.tmux(socket, "display-message", "-p", "-t", "main",
                                   "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}")
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard values.count == 4 else { throw TmuxError.commandFailed(["display-message"], "unexpected answer") }
        return PaneModes(alternateScreen: values[0], cursorVisible: values[1], applicationCursorKeys: values[2],
                         mouseReporting: values[3])
    }

    // MARK: Cleanup

    /// Stops the tmux server (and with it the program, by SIGHUP) and deletes the session's files.
    /// Returns once the server has exited; safe to call more than once.
    public func kill() {
        _ = try? Self.tmux(socket, "kill-server")
        if !poll(timeout: 5, { !Self.isRunning(serverPID) }) {
            // The server did not obey (or never got) kill-server: still leave none behind.
            Foundation.kill(serverPID, SIGKILL)
            _ = poll(timeout: 5) { !Self.isRunning(serverPID) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// True while the tmux server of this session is running.
    public var serverIsRunning: Bool { Self.isRunning(serverPID) }

    /// True while process `pid` runs. One that has exited but was not reaped (tmux's server is
    /// adopted by PID 1, which may never reap it) counts as gone.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0, Foundation.kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    // MARK: Helpers

    /// Polls for the number that the wrapper script writes to `name` in `directory`.
    private func waitForFile(_ name: String, timeout: Double) throws -> Int32? {
        let file = directory.appendingPathComponent(name)
        var number: Int32?
        _ = poll(timeout: timeout) {
            let text = try? String(contentsOf: file, encoding: .utf8)
            number = text.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return number != nil
        }
        return number
    }

    /// Calls `condition` every 20 ms until it is true (returns true) or `timeout` seconds pass
    /// (returns false).
    private func poll(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() > deadline { return false }
            usleep(20_000)
        }
    }

    /// The shell script the pane runs: the program under `env -i`, with SIGINT and SIGQUIT caught
    /// in the wrapper so that Ctrl-C from the pane ends only the program.
    private static func wrapper(_ arguments: [String], environment: [String: String], directory: URL) -> String {
        let dir = quote(directory.path)
        let assignments = environment.sorted { $0.key < $1.key }.map { quote("\($0.key)=\($0.value)") }
        let command = (["env", "-i"] + assignments + arguments.map(quote)).joined(separator: " ")
        return """
            trap : INT QUIT
            sh -c 'echo $$ > "$0/pid.tmp" && mv "$0/pid.tmp" "$0/pid" && exec "$@"' \(dir) \(command)
            status=$?
            stty -a > \(dir)/stty.tmp 2>&1; mv \(dir)/stty.tmp \(dir)/stty
            echo "$status" > \(dir)/exit.tmp; mv \(dir)/exit.tmp \(dir)/exit
            exec sleep 600

            """
    }

    /// `text` as one single-quoted shell word.
    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    @discardableResult
    private static func tmux(_ socket: String, _ arguments: String...) throws -> String {
        try tmux(socket, arguments)
    }

    /// Runs one tmux command against the server at `socket` and returns its standard output.
    @discardableResult
    private static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // tests started inside tmux must not talk to that tmux
        let scratch = URL(fileURLWithPath: socket).deletingLastPathComponent()
        let run = try spawn([tmuxPath, "-S", socket] + arguments, environment: environment, scratch: scratch)
        guard run.status == 0 else { throw TmuxError.commandFailed(arguments, run.errors) }
        return run.output
    }

    /// Runs a program to completion and returns its exit status and outputs, which go through
    /// files in `scratch`.
    ///
    /// posix_spawn and waitpid rather than Foundation's `Process`, whose `waitUntilExit` was seen to
    /// hang on an already-exited tmux client when tests ran in parallel; files rather than pipes,
    /// which a tmux server started at the same time by another test could inherit, delaying EOF.
    private static func spawn(_ arguments: [String], environment: [String: String], scratch: URL) throws
        -> (status: Int32, output: String, errors: String)
    {
        let stem = scratch.appendingPathComponent("command-\(UUID().uuidString.prefix(8))").path
        let (outputPath, errorsPath) = (stem + ".out", stem + ".err")
        defer {
            unlink(outputPath)
            unlink(errorsPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Tests run on threads that block most signals, and a child inherits that mask: a tmux
        // server that cannot receive SIGCHLD never finishes kill-server. Start from a clean slate.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError.spawnFailed(arguments[0], spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TmuxError.spawnFailed(arguments[0], errno) }
        }
        // A normal exit keeps its code; a death by signal n reads as 128 + n, as in a shell.
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (code, read(outputPath), read(errorsPath))
    }

    /// `$TMUX_BINARY`, else /usr/bin/tmux.
    private static var tmuxPath: String {
        ProcessInfo.processInfo.environment["TMUX_BINARY"] ?? "/usr/bin/tmux"
    }
}

/// Terminal modes of a tmux pane, as the programs in it left them.
public struct PaneModes: Equatable, Sendable {
    /// The program's alternate screen is shown (it has not left full-screen mode).
    public var alternateScreen: Bool
    /// The cursor is visible (`cnorm`, not `civis`).
    public var cursorVisible: Bool
    /// Cursor keys send application sequences (`smkx` without `rmkx`).
    public var applicationCursorKeys: Bool
    /// The program asked for mouse reports (clicks at least: mode 1000 or more).
    public var mouseReporting: Bool

    public init(alternateScreen: Bool, cursorVisible: Bool, applicationCursorKeys: Bool, mouseReporting: Bool = false) {
        self.alternateScreen = alternateScreen
        self.cursorVisible = cursorVisible
        self.applicationCursorKeys = applicationCursorKeys
        self.mouseReporting = mouseReporting
    }
}

/// Why a tmux session could not be driven.
public enum TmuxError: Error, CustomStringConvertible {
    case commandFailed([String], String)
    case timeout(String, screen: String)
    case signalFailed(pid_t, Int32, Int32)
    case spawnFailed(String, Int32)

    public var description: String {
        switch self {
        case .commandFailed(let arguments, let message):
            "tmux \(arguments.joined(separator: " ")) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .timeout(let what, let screen):
            "timed out waiting for \(what); the screen was:\n\(screen)"
        case .signalFailed(let pid, let signal, let error):
            "kill(\(pid), \(signal)) failed: \(String(cString: strerror(error)))"
        case .spawnFailed(let program, let error):
            "cannot run \(program): \(String(cString: strerror(error)))"
        }
    }
}
