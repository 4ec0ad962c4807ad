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
}
