import Foundation
import Testing
import TestSupport
@testable import convtutor

/// Lessons through the real binary: check, replay as text and as a recording, and the player in
/// tmux with progress that survives a restart.
@Suite("lessons, end to end", .serialized)
struct LessonEndToEndTests {
    static let lesson = """
        ---
        id: e2e-padding
        title: Padding, end to end
        lang: en
        order: 1
        summary: Zeros around the border keep the size.
        ---

        ## Why pad

        Without padding a `5×5` input shrinks to **3×3** under a 3×3 kernel.

        ## Watch it

        ```conv2d
        input: 5
        kernel: 3
        padding: 1
        start: 7
        ```

        ## Check

        ```quiz
        id: e2e-padding-same
        kind: single
        prompt: Which padding keeps a 5×5 input 5×5 with a 3×3 kernel?
        choices: ["0", "1", "2"]
        answer: "1"
        explanation: (5 + 2·1 − 3) + 1 = 5
        ```

        """

    /// A fresh folder holding the lesson file, and a data folder for progress.
    static func folder(_ text: String = lesson) throws -> (lesson: URL, data: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-lesson-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("01-padding.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, dir.appendingPathComponent("data"))
    }

    @Test("check passes a good lesson and reports a bad one at file:line:column, exit 1")
    func check() throws {
        let good = try Self.folder()
        let ok = try runConvtutor(["check", good.lesson.path])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        // Kernel 9 on a 5×5 input: the compute core refuses it, at the block's fence line.
        let bad = try Self.folder(Self.lesson.replacingOccurrences(of: "kernel: 3", with: "kernel: 9"))
        let run = try runConvtutor(["check", bad.lesson.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stdout == "\(bad.lesson.path):15:1: conv2d: kernel: effective kernel height 9 is larger than the padded input height 7\n")
    }

    @Test("replay --plain: every step, the animation's frames and result, the question")
    func plain() throws {
        let run = try runConvtutor(["replay", try Self.folder().lesson.path, "--plain"])
        #expect(run.status == 0)
        #expect(run.lines.contains("== Step 2/3: Watch it =="))
        #expect(run.lines.contains("frame 7/25: window on x rows 0 to 2, columns 0 to 2; out[0,0,1,1] = 1×1 + 2×2 + 3×3 + 6×4 + 7×5 + 8×6 + 11×7 + 12×8 + 13×9 = 411"))
        #expect(run.lines.contains("  b) 1"))
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test("replay --cast writes an asciicast v2 file, valid line by line, with a marker per step")
    func cast() throws {
        let (lesson, _) = try Self.folder()
        let cast = lesson.deletingLastPathComponent().appendingPathComponent("lesson.cast")
        let run = try runConvtutor(["replay", lesson.path, "--cast", cast.path, "--width", "90", "--height", "28"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        guard case .object(let header) = try JSONParser.parse(lines[0]) else { Issue.record("no header"); return }
        #expect(header.first { $0.key == "version" }?.value == .number(2))
        #expect(header.first { $0.key == "width" }?.value == .number(90))
        #expect(header.first { $0.key == "height" }?.value == .number(28))
        #expect(header.first { $0.key == "title" }?.value == .string("Padding, end to end"))
        var time = 0.0
        var markers: [String] = []
        var outputs: [String] = []
        for line in lines.dropFirst() {
            guard case .array(let event) = try JSONParser.parse(line), event.count == 3,
                  case .number(let t) = event[0], case .string(let kind) = event[1], case .string(let data) = event[2]
            else { Issue.record("not an event: \(line)"); continue }
            #expect(t >= time)
            time = t
            #expect(kind == "o" || kind == "m")
            if kind == "m" { markers.append(data) } else { outputs.append(data) }
        }
        #expect(markers == ["step 1/3: Why pad", "step 2/3: Watch it", "step 3/3: Check"])
        // One frame per text page, one for opening the animation, one per animation step from
        // its start (7) to its end (25): each sends only what changed, after a first full clear.
        #expect(outputs.count == 3 + 1 + (25 - 7))
        #expect(outputs.first?.hasPrefix("\u{1B}[H\u{1B}[2J") == true)
    }

    @Test("play a lesson from a path, step, animate, quit; reopening resumes where it stopped")
    func resume() throws {
        let (lesson, data) = try Self.folder()
        let arguments = [convtutorBinary.path, "learn", lesson.path, "--data-dir", data.path]
        do {
            let session = try TmuxSession(arguments)
            _ = try session.waitFor("step 1/3")
            try session.sendKeys("]")
            _ = try session.waitFor("press a to play it")
            try session.sendKeys("a")
            _ = try session.waitFor("out[0,0,1,1] = 1×1 + 2×2 + 3×3 + 6×4 + 7×5 + 8×6 + 11×7 + 12×8 + 13×9 = 411")
            try session.sendKeys("Right")
            _ = try session.waitFor("step 8/25")
            try session.sendKeys("Escape", "q")
            #expect(try session.waitForExit() == 0)
        }
        let again = try TmuxSession(arguments)
        let screen = try again.waitFor("step 2/3")
        #expect(screen.contains("Padding, end to end · Watch it"))
        try again.sendKeys("q")
        #expect(try again.waitForExit() == 0)
    }

    @Test("the bundled lessons and exercises pass check, through the binary")
    func bundledCheck() throws {
        let folder = packageRoot.appendingPathComponent("Lessons")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") } ?? []
        let run = try runConvtutor(["check", folder.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "")
        #expect(files.count > 27)
        #expect(run.stderr.contains("checked \(files.count) lesson files: no problems"))
    }

    @Test("check judges the layout at 80x24, or at --terminal; a size below 80x24 is refused")
    func terminalSize() throws {
        let wide = Self.lesson.replacingOccurrences(of: "## Check", with: "## Code\n\n```python\n\(String(repeating: "x", count: 90))\n```\n\n## Check")
        let (file, _) = try Self.folder(wide)
        let narrow = try runConvtutor(["check", file.path])
        #expect(narrow.status == 1)
        #expect(narrow.stdout.contains("too wide for an 80×24 terminal, code line of 90 columns (at most 72)"))
        let large = try runConvtutor(["check", file.path, "--terminal", "120x40"])
        #expect(large.status == 0, "\(large.stdout)")
        let small = try runConvtutor(["check", file.path, "--terminal", "60x20"])
        #expect(small.status != 0)
        #expect(small.stderr.contains("--terminal: expected WIDTHxHEIGHT of at least 80x24"))
    }

    @Test("a bundled lesson in Chinese at 80x24: Chinese title and labels, its animation plays, q leaves")
    func bundledChinese() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-zh-\(UUID().uuidString.prefix(8))")
        let session = try TmuxSession([convtutorBinary.path, "learn", "what-is-convolution", "--lang", "zh", "--data-dir", data.path],
                                      width: 80, height: 24)
        let first = try session.waitFor("第 1/11 步")
        #expect(first.contains("什么是卷积 · 连续卷积的定义"))
        #expect(first.contains("←/→ 切换步骤"))
        try session.sendKeys("]")
        let second = try session.waitFor { $0.contains("第 2/11 步") && $0.contains("▶ 动画：") }
        #expect(second.contains("▶ 动画：一维卷积（翻转并滑动）"))
        #expect(second.contains("（按 a 播放）"))
        try session.sendKeys("a")
        // The explorer opens on the lesson's animation, drawn by the compute core, in Chinese.
        // Both lines, as the frame may still be half drawn when its first line shows.
        let explorer = try session.waitFor { $0.contains("探索 · 一维卷积（翻转并滑动）") && $0.contains("空格 播放") }
        #expect(explorer.contains("第 1/7 步"))
        try session.sendKeys("Escape", "q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("learn opens the list; Enter opens a lesson, q goes back to the list, q on the list quits with 0")
    func navigation() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-nav-\(UUID().uuidString.prefix(8))")
        let session = try TmuxSession([convtutorBinary.path, "learn", "--data-dir", data.path], width: 80, height: 24)
        let list = try session.waitFor { $0.contains("Lessons") && $0.contains("▶  1  What is convolution?") }
        #expect(list.contains("2  Properties of convolution"))
        try session.sendKeys("Enter")
        _ = try session.waitFor("What is convolution? · The continuous definition")
        try session.sendKeys("]")
        _ = try session.waitFor("step 2/11")
        try session.sendKeys("q")
        // Back on the list, which shows where the lesson was left.
        _ = try session.waitFor { $0.contains("Lessons") && $0.contains("▶  1  What is convolution?") && $0.contains("step 2/11") }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("lessons lists every bundled lesson with its number, id, title and steps; --json says the same")
    func lessonsCommand() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-list-\(UUID().uuidString.prefix(8))")
        let run = try runConvtutor(["lessons", "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.count == 16)
        #expect(run.lines.first?.contains("1  what-is-convolution") == true)
        #expect(run.lines.last?.contains("17  interview-drill") == true)
        let json = try runConvtutor(["lessons", "--json", "--data-dir", data.path])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["number"] as? Int } == Array(1...12) + [14, 15, 16, 17])
        #expect(entries.first?["id"] as? String == "what-is-convolution")
        #expect(entries.allSatisfy { ($0["steps"] as? Int ?? 0) > 0 && $0["progress"] == nil })
        let zh = try runConvtutor(["lessons", "--lang", "zh", "--data-dir", data.path])
        #expect(zh.lines.first?.contains("什么是卷积") == true)
    }

    @Test("check reports every problem of a file in one run, sorted by line, exit 1")
    func checkEveryProblem() throws {
        // A front matter without its title, a kernel the core refuses, an answer not among the
        // choices: three problems, in three parts of the file.
        let text = Self.lesson.replacingOccurrences(of: "title: Padding, end to end\n", with: "")
            .replacingOccurrences(of: "kernel: 3", with: "kernel: 9")
            .replacingOccurrences(of: "answer: \"1\"", with: "answer: \"7\"")
        let (file, _) = try Self.folder(text)
        let run = try runConvtutor(["check", file.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file.path + ":") }
        #expect(lines.count >= 3, "\(run.stdout)")
        let numbers = lines.compactMap { Int($0.dropFirst(file.path.count + 1).prefix { $0.isNumber }) }
        #expect(numbers == numbers.sorted() && Set(numbers).count >= 3, "\(run.stdout)")
        #expect(run.stdout.contains("title"))
        #expect(run.stdout.contains("kernel"))
    }

    @Test("check warns about a zh lesson's rejected terms at file:line:column and exits 0; an error beside them exits 1")
    func checkChineseTerms() throws {
        let zh = Self.lesson.replacingOccurrences(of: "lang: en", with: "lang: zh")
            .replacingOccurrences(of: "## Why pad", with: "## 为什么填充\n\n步长为 1 时，批次里的每幅图都一样。")
        let (file, _) = try Self.folder(zh)
        let run = try runConvtutor(["check", file.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.lines == [
            "\(file.path):11:1: warning: '步长' for stride: the Chinese lessons write '步幅' (see the Chinese terms in Lessons/README.md)",
            "\(file.path):11:9: warning: '批次' for batch: the Chinese lessons write '批量' (see the Chinese terms in Lessons/README.md)",
        ])
        #expect(run.stderr.contains("checked 1 lesson file: no errors, 2 warnings"))
        let chinese = try runConvtutor(["check", file.path, "--lang", "zh"])
        #expect(chinese.status == 0 && chinese.stdout == run.stdout)
        #expect(chinese.stderr.contains("已检查 1 个课程文件：没有错误，有 2 条警告"))
        // The same words in an en lesson are no concern of the lint.
        let (english, _) = try Self.folder(zh.replacingOccurrences(of: "lang: zh", with: "lang: en"))
        #expect(try runConvtutor(["check", english.path]).stdout == "")
        // A kernel the core refuses makes it fail, warnings and all.
        let (bad, _) = try Self.folder(zh.replacingOccurrences(of: "kernel: 3", with: "kernel: 9"))
        let failed = try runConvtutor(["check", bad.path])
        #expect(failed.status == 1)
        #expect(failed.lines.count == 3 && failed.lines.filter { $0.contains(": warning: ") }.count == 2, "\(failed.stdout)")
    }

    @Test("--lessons DIR adds a folder of one's own: its lessons open by id")
    func ownFolder() throws {
        let (lesson, _) = try Self.folder()
        let run = try runConvtutor(["replay", "e2e-padding", "--plain", "--lessons", lesson.deletingLastPathComponent().path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "Padding, end to end")
        let missing = try runConvtutor(["replay", "no-such-lesson", "--plain", "--lessons", lesson.deletingLastPathComponent().path])
        #expect(missing.status != 0)
        // The bundled lessons first, then the folder's.
        #expect(missing.stderr.contains("no lesson with id 'no-such-lesson' in en; lessons: what-is-convolution, properties,"))
        #expect(missing.stderr.contains("factorised-kernels, interview-drill, e2e-padding"))
    }

    @Test("the list draws what the last start listed, then shows a lesson changed or removed since, before any key")
    func listCatchesUp() throws {
        let (lesson, data) = try Self.folder()
        let arguments = [convtutorBinary.path, "learn", "--lessons", lesson.deletingLastPathComponent().path, "--data-dir", data.path]
        /// The list as it settles: `settled` says when it is the one expected.
        func list(_ settled: @escaping (String) -> Bool) throws -> String {
            let session = try TmuxSession(arguments)
            defer { session.kill() }
            return try session.waitFor { $0.contains("q/Esc back") && settled($0) }
        }
        #expect(try list { $0.contains("Padding, end to end") }.contains("▶  1  Padding, end to end"))
        // A new title: the first frame still shows the old list (its snapshot), and the files,
        // checked before the first key, replace it.
        try Self.lesson.replacingOccurrences(of: "title: Padding, end to end", with: "title: Padding, renamed")
            .write(to: lesson, atomically: true, encoding: .utf8)
        let changed = try list { $0.contains("Padding, renamed") }
        #expect(!changed.contains("Padding, end to end"), "\(changed)")
        try FileManager.default.removeItem(at: lesson)
        let gone = try list { !$0.contains("Padding, renamed") }
        #expect(gone.contains("▶  1  What is convolution?"), "\(gone)")
        // Opening a lesson of the list parses it then: Enter on the first opens it.
        let session = try TmuxSession(arguments)
        defer { session.kill() }
        _ = try session.waitFor("q/Esc back")
        try session.sendKeys("Enter")
        _ = try session.waitFor("step 1/")
    }

    @Test("a lesson with errors is refused before the screen opens, with its diagnostics")
    func refused() throws {
        let bad = try Self.folder("---\nid: x\n---\n")
        let run = try runConvtutor(["learn", bad.lesson.path, "--data-dir", bad.data.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(bad.lesson.path):"))
    }
}
