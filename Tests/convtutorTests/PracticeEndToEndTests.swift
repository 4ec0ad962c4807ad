import Foundation
import Testing
import TestSupport

/// Practice through the real binary and a real python3: a file saved wrong, then right, on the
/// screen in tmux; `practice check` on every exercise's solution, on files with one known mistake
/// each, and on files that misbehave; `practice init` and `practice list`.
@Suite("practice, end to end", .serialized)
struct PracticeEndToEndTests {
    /// A fresh folder for the learner's files and one for progress.
    static func folders() throws -> (files: URL, data: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-practice-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return (root.appendingPathComponent("files"), root.appendingPathComponent("data"))
    }

    /// The `python solution` block of an exercise file.
    static func solution(_ path: String) throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Lessons/\(path)"), encoding: .utf8)
        let start = try #require(text.range(of: "```python solution\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// A conv_forward that adds the bias inside the window sum.
    static let biasInside = """
        import numpy as np


        def conv_forward(x, W, b, stride=1, padding=0):
            N, C, H, Wd = x.shape
            F, _, KH, KW = W.shape
            oh, ow = (H + 2 * padding - KH) // stride + 1, (Wd + 2 * padding - KW) // stride + 1
            xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
            out = np.zeros((N, F, oh, ow))
            for n, f, i, j in np.ndindex(N, F, oh, ow):
                for c, p, q in np.ndindex(C, KH, KW):
                    out[n, f, i, j] += xp[n, c, i * stride + p, j * stride + q] * W[f, c, p, q] + b[f]
            return out

        """

    @Test("on the screen: opening writes the starter; a wrong save shows the failing cell and the mistake, the fix passes")
    func screen() throws {
        let (files, data) = try Self.folders()
        let session = try TmuxSession([convtutorBinary.path, "practice", "--dir", files.path, "--data-dir", data.path, "--lang", "en"],
                                      width: 120, height: 50)
        _ = try session.waitFor { $0.contains("Practice") && $0.contains("The forward pass of a convolution layer") }
        // The list's third exercise.
        try session.sendKeys("Down", "Down", "Enter")
        _ = try session.waitFor("The starter was written there")
        let file = files.appendingPathComponent("conv-forward.py")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("raise NotImplementedError"))
        try Self.biasInside.write(to: file, atomically: false, encoding: .utf8)
        let failing = try session.waitFor { $0.contains("cases pass.") && $0.contains("first wrong cell: out[0,0,0,0] is") }
        #expect(failing.contains("! The bias is added inside the window sum"))
        #expect(failing.contains("failing (1 try)"))
        try Self.solution("en/practice/03-conv-forward.md").write(to: file, atomically: false, encoding: .utf8)
        _ = try session.waitFor { $0.contains("✓ All") && $0.contains("✓ passed (2 tries)") }
        try session.sendKeys("q", "q")
        #expect(try session.waitForExit() == 0)
        let list = try runConvtutor(["practice", "list", "--json", "--dir", files.path, "--data-dir", data.path])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(entries.first { $0["id"] as? String == "conv-forward" })
        #expect(entry["status"] as? String == "passed" && entry["attempts"] as? Int == 2)
    }

    @Test("practice init writes every starter and a README, and never overwrites a file")
    func initFiles() throws {
        let (files, data) = try Self.folders()
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try "mine\n".write(to: files.appendingPathComponent("conv-forward.py"), atomically: false, encoding: .utf8)
        let run = try runConvtutor(["practice", "init", "--dir", files.path, "--data-dir", data.path, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Wrote 10 starter files and a README to \(files.path)."))
        #expect(run.stdout.contains("Kept 1 file that already existed."))
        #expect(try String(contentsOf: files.appendingPathComponent("conv-forward.py"), encoding: .utf8) == "mine\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: files.path).sorted()
        #expect(names.count == 12 && names.contains("README.md") && names.contains("conv-transpose.py"))
    }

    @Test("cannot run: an unknown exercise, a missing file, no python3: exit 2 with what to do")
    func cannotRun() throws {
        let (files, data) = try Self.folders()
        let unknown = try runConvtutor(["practice", "check", "conv-sideways", "x.py", "--data-dir", data.path, "--lang", "en"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no exercise 'conv-sideways'; exercises: convolve-1d, output-size,"))
        let missing = try runConvtutor(["practice", "check", "conv-forward", files.appendingPathComponent("none.py").path, "--data-dir", data.path])
        #expect(missing.status == 2 && missing.stderr.contains("no file "))
        let file = packageRoot.appendingPathComponent("Tests/PracticeTests/Files/bad/raises.py").path
        let noPython = try runConvtutor(["practice", "check", "conv-forward", file, "--data-dir", data.path, "--lang", "en"],
                                        environment: ["CONVTUTOR_PYTHON": "/nonexistent/python3"])
        #expect(noPython.status == 2)
        #expect(noPython.stdout.contains("python3 was not found: install Python 3"))
    }
}

/// `practice check` through the binary and python3 on every exercise's solution, on files with one
/// known mistake each, and on files that misbehave: run side by side.
@Suite("practice check, end to end")
struct PracticeCheckEndToEndTests {
    /// Every exercise file, in both languages.
    static let exercises: [String] = ["en", "zh"].flatMap { lang in
        ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Lessons/\(lang)/practice").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "\(lang)/practice/\($0)" }
    }

    /// `Files/<exercise>/<diagnosis>.py`: one known mistake each.
    static let mistakes: [String] = {
        let root = packageRoot.appendingPathComponent("Tests/PracticeTests/Files")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != "bad" }.sorted()
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted().map { "\(folder)/\($0)" }
        }
    }()

    static func check(_ id: String, _ file: String, _ extra: [String] = []) throws -> (status: Int32, json: [String: Any]) {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-check-\(UUID().uuidString.prefix(8))")
        let run = try runConvtutor(["practice", "check", id, file, "--json", "--data-dir", data.path] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        return (run.status, json)
    }

    @Test("stats --json dates an exercise's first pass in ISO 8601")
    func firstPassInStats() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-first-pass-\(UUID().uuidString.prefix(8))")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("solution-\(UUID().uuidString.prefix(8)).py")
        try PracticeEndToEndTests.solution("en/practice/01-convolve-1d.md").write(to: file, atomically: false, encoding: .utf8)
        let checked = try runConvtutor(["practice", "check", "convolve-1d", file.path, "--data-dir", data.path])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let run = try runConvtutor(["stats", "--json", "--data-dir", data.path, "--lang", "en"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let exercise = try #require((json["exercises"] as? [[String: Any]])?.first, "\(run.stdout)")
        let firstPass = try #require(exercise["firstPass"] as? String, "\(run.stdout)")
        let date = try #require(ISO8601DateFormatter().date(from: firstPass))
        #expect(abs(date.timeIntervalSinceNow) < 600)
    }

    @Test("every exercise's solution passes every case, in both languages", arguments: exercises)
    func solution(_ path: String) throws {
        #expect(Self.exercises.count == 22)
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Lessons/\(path)"), encoding: .utf8)
        let id = try #require(text.split(separator: "\n").first { $0.hasPrefix("id: ") }).dropFirst(4)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("solution-\(UUID().uuidString.prefix(8)).py")
        try PracticeEndToEndTests.solution(path).write(to: file, atomically: false, encoding: .utf8)
        let (status, json) = try Self.check(String(id), file.path, ["--lang", String(path.prefix(2))])
        #expect(status == 0, "\(json)")
        #expect(json["passed"] as? Bool == true && (json["cases_total"] as? Int ?? 0) >= 6)
    }

    @Test("each fix-it starter, the guide's code, fails with the first of its bugs named",
          arguments: [("04-conv-forward-fix", "shadowed-weights"), ("06-conv-stride-forward-fix", "wrong-size-formula"),
                      ("08-conv-backward-fix", "unpack-three")])
    func fixIt(_ name: String, _ diagnosis: String) throws {
        for lang in ["en", "zh"] {
            let text = try String(contentsOf: packageRoot.appendingPathComponent("Lessons/\(lang)/practice/\(name).md"), encoding: .utf8)
            let start = try #require(text.range(of: "```python starter\n"))
            let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString.prefix(8)).py")
            try String(text[start.upperBound..<end.lowerBound]).write(to: file, atomically: false, encoding: .utf8)
            let (status, json) = try Self.check(String(name.dropFirst(3)), file.path, ["--lang", lang])
            #expect(status == 1)
            let found = (json["diagnosis"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(found.first == diagnosis, "\(lang) \(name): \(found)")
        }
    }

    @Test("a file with one known mistake fails and is diagnosed by name", arguments: mistakes)
    func mistake(_ path: String) throws {
        #expect(Self.mistakes.count >= 21)
        let id = String(path.split(separator: "/")[0])
        let expected = String(path.split(separator: "/")[1].dropLast(3))
        let (status, json) = try Self.check(id, packageRoot.appendingPathComponent("Tests/PracticeTests/Files/\(path)").path)
        #expect(status == 1)
        let found = (json["diagnosis"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(found.contains(expected), "\(found)")
    }

    @Test("files that misbehave are reported clearly and never hang", arguments: [
        ("raises.py", "raised RuntimeError at line"), ("loops.py", "stopped after 3 s, in case 1"),
        ("prints.py", "stopped: it wrote more than 8 MB"), ("wrong-shape.py", "has the shape"),
        ("returns-list.py", "is a Python list: return a NumPy array"), ("mutates.py", "changed x in place"),
        ("imports-nothing.py", "raised NameError"), ("syntax-error.py", "your file could not be loaded: SyntaxError at line"),
        ("no-function.py", "your file defines no function conv_forward (it defines"),
    ])
    func misbehaving(_ name: String, _ message: String) throws {
        let file = packageRoot.appendingPathComponent("Tests/PracticeTests/Files/bad/\(name)").path
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("convtutor-bad-\(UUID().uuidString.prefix(8))")
        let start = Date()
        // Three seconds for the endless loop; the others get the default, however busy the machine.
        let timeout = name == "loops.py" ? ["--timeout", "3"] : []
        let run = try runConvtutor(["practice", "check", "conv-forward", file, "--data-dir", data.path, "--lang", "en"] + timeout)
        #expect(run.status == 1)
        #expect(run.stdout.contains(message), "\(run.stdout)")
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
