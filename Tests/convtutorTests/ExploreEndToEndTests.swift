import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux), driven by keys and signals, synchronised by polling
/// the screen — never by fixed sleeps.
@Suite("explore, end to end in tmux", .serialized)
struct ExploreEndToEndTests {
    static func explore(_ arguments: [String] = [], width: Int = 80, height: Int = 24,
                        environment: [String: String] = [:], unsetting: Set<String> = []) throws -> TmuxSession {
        try TmuxSession([convtutorBinary.path, "explore"] + arguments, width: width, height: height,
                        environment: environment, unsetting: unsetting)
    }

    @Test("step three times: the window, the output cell and the arithmetic line follow")
    func stepping() throws {
        let session = try Self.explore(["--stride", "2", "--padding", "1"])
        _ = try session.waitFor("step 1/9")
        try session.sendKeys("Right", "Right", "Right")
        // Wait for the whole frame: the header comes first, the arithmetic line last.
        let screen = try session.waitFor { $0.contains("step 4/9") && $0.contains("= 441") }
        #expect(screen.contains("out[0,0,1,0] = 0×1 + 6×2 + 7×3 + 0×4 + 11×5 + 12×6 + 0×7 + 16×8 + 17×9 = 441"))
        // The window on x (bracketed) and the output cell being computed.
        #expect(screen.contains(" [ ·  6  7] 8  9 10  ·"))
        // The output fills in as the kernel slides: row 0 is done, 441 is being computed, 681 and
        // 453 are not yet.
        #expect(screen.contains("128 241 184"))
        #expect(screen.contains("[441]"))
        #expect(!screen.contains("681"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("changing the stride changes the output size and its formula")
    func stride() throws {
        let session = try Self.explore()
        _ = try session.waitFor("output size: ⌊(5 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 3")
        // e opens the parameter bar: mode, input, kernel, then the stride's height.
        try session.sendKeys("e", "Down", "Down", "Down", "Down", "Down", "Right")
        let screen = try session.waitFor("output height: ⌊(5 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 2")
        #expect(screen.contains("stride [2]×1"))
        #expect(screen.contains("step 1/6"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("switching to backward and stepping shows the gradients' arithmetic")
    func backward() throws {
        let session = try Self.explore(["--input", "4x4", "--kernel", "2"])
        _ = try session.waitFor("step 1/9")
        try session.sendKeys("m")
        let screen = try session.waitFor("db[0] = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 = 45")
        #expect(screen.contains("mode conv2d-backward   view cell by cell"))
        try session.sendKeys("Right")
        _ = try session.waitFor("dw[0,0,0,0] = 1×1 + 2×2 + 3×3 + 4×5 + 5×6 + 6×7 + 7×9 + 8×10 + 9×11 = 348")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("too small a terminal asks to be enlarged, and the explorer comes back")
    func resize() throws {
        let session = try Self.explore()
        _ = try session.waitFor("step 1/9")
        try session.resize(width: 50, height: 15)
        _ = try session.waitFor("Please enlarge the terminal")
        #expect(try session.capture().contains("this one is 50×15"))
        try session.resize(width: 120, height: 40)
        let screen = try session.waitFor("step 1/9")
        #expect(!screen.contains("enlarge"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("space plays the animation to the end, by itself")
    func playing() throws {
        let session = try Self.explore(["--input", "3x3", "--kernel", "2"])
        _ = try session.waitFor("step 1/4")
        try session.sendKeys("+", "+", "+", " ")
        _ = try session.waitFor("step 4/4 · paused")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP each leave the terminal restored, the mouse off", arguments: [
        ("C-c", Int32(0), Int32(130)), ("", SIGTERM, Int32(143)), ("", SIGHUP, Int32(129)),
    ])
    func restored(_ key: String, _ signal: Int32, _ status: Int32) throws {
        let session = try Self.explore()
        _ = try session.waitFor("step 1/9")
        let before = try session.paneModes()
        #expect(before.alternateScreen && before.mouseReporting)
        if key.isEmpty { try session.signal(signal) } else { try session.sendKeys(key) }
        #expect(try session.waitForExit() == status)
        let settings = try session.terminalSettings()
        #expect(settings.contains("icanon") && settings.contains("echo"), "\(settings.sorted())")
        let modes = try session.paneModes()
        #expect(!modes.alternateScreen)
        #expect(modes.cursorVisible)
        #expect(!modes.mouseReporting)
    }

    @Test("a Swift trap leaves the terminal restored, and its message readable")
    func trap() throws {
        let probe = convtutorBinary.deletingLastPathComponent().appendingPathComponent("terminal-probe")
        let session = try TmuxSession([probe.path])
        _ = try session.waitFor("probe ready")
        let before = try session.paneModes()
        #expect(before.alternateScreen && before.mouseReporting)
        try session.sendKeys("t")
        // SIGILL (4) on x86-64, SIGTRAP (5) on arm64: the shell reports 128 + n.
        #expect([132, 133].contains(try session.waitForExit()))
        let settings = try session.terminalSettings()
        #expect(settings.contains("icanon") && settings.contains("echo"), "\(settings.sorted())")
        let modes = try session.paneModes()
        #expect(!modes.alternateScreen && modes.cursorVisible && !modes.mouseReporting)
        // The runtime's message comes after the restore, on the normal screen (with a backtrace
        // that may scroll it up).
        #expect(try session.capture(scrollback: true).contains("Fatal error: Index out of range"))
    }

    @Test("a CJK string takes two columns a character, and what follows lines up")
    func cjk() throws {
        let session = try TmuxSession([convtutorBinary.path])
        let screen = try session.waitFor("Explore")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("卷积") })
        // tmux's capture gives each wide character once; it occupies two columns on screen.
        #expect(line.hasPrefix("  convtutor — convolution (卷积) in deep learning, computed and explained"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("256 colours tint the grids as a heat map; --no-color and NO_COLOR leave no colour at all, 8 colours no tint", arguments: [
        ("256", [String](), [String: String](), true, true),
        ("--no-color", ["--no-color"], [:], false, false),
        ("NO_COLOR", [], ["NO_COLOR": "1"], false, false),
        ("8 colours", [], ["TERM": "xterm"], true, false),
    ])
    func colours(_ kind: String, _ arguments: [String], _ environment: [String: String], _ coloured: Bool, _ tinted: Bool) throws {
        let session = try Self.explore(["--mode", "maxpool2d", "--input", "4x4", "--kernel", "2x2", "--stride", "2"] + arguments,
                                       environment: environment)
        _ = try session.waitFor("step 1/4")
        let screen = try session.capture(escapes: true)
        // The input grid's cyan title, and the tints' 256-colour backgrounds.
        #expect(screen.contains("\u{1B}[36m") == coloured)
        #expect(screen.contains("\u{1B}[48;5;") == tinted)
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("a bad option is refused before the screen opens")
    func badOption() throws {
        let run = try runConvtutor(["explore", "--input", "3", "--kernel", "3", "--dilation", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("kernel: effective kernel height 5 is larger than the padded input height 3"))
        let big = try runConvtutor(["explore", "--input", "40"])
        #expect(big.status != 0)
        #expect(big.stderr.contains("--input: the explorer draws sizes from 1 to 12, got 40"))
    }

    @Test("no terminal, no TERM, TERM=dumb or an unknown TERM: one line and status 2, no garbage", arguments: [
        ("none", [String: String](), Set<String>()),
        ("unset", [:], Set(["TERM"])),
        ("dumb", ["TERM": "dumb"], Set<String>()),
        ("unknown", ["TERM": "no-such-terminal"], Set<String>()),
    ])
    func unusableTerminal(_ kind: String, _ environment: [String: String], _ unsetting: Set<String>) throws {
        if kind == "none" {
            let run = try runConvtutor(["explore"])
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("convtutor: ") && run.stderr.contains("--plain"))
            #expect(run.stderr.filter { $0 == "\n" }.count == 1)
            return
        }
        let session = try Self.explore(environment: environment, unsetting: unsetting)
        #expect(try session.waitForExit() == 2)
        let screen = try session.capture()
        #expect(screen.contains("convtutor: "))
        #expect(!screen.contains("step 1/9"))
        #expect(!screen.contains("\u{1B}"))
    }
}
