import Foundation
import LessonKit
import Practice

/// Runs a learner's Python file on an exercise's cases: `python3` in a process of its own, under
/// the harness, with a time limit, and judges what comes back.
enum PracticeRunner {
    /// Checks `file` against `exercise`: the cases drawn, the run, the report.
    static func check(_ exercise: Exercise, file: URL, limits: Harness.Limits,
                      environment: [String: String] = processEnvironment) -> PracticeReport {
        let cases = CaseDraw.cases(exercise.spec)
        guard let python = findPython(environment) else { return .notRun(cases, .noPython) }
        let source = try? String(contentsOf: file, encoding: .utf8)
        let output = run(python: python, module: file.path, function: exercise.spec.function, cases: cases, limits: limits,
                         environment: environment)
        return Judge.report(exercise.spec, cases: cases, output: output, source: source, limits: limits)
    }

    /// `$CONVTUTOR_PYTHON`, or the first `python3` on the PATH.
    static func findPython(_ environment: [String: String]) -> URL? {
        if let path = environment["CONVTUTOR_PYTHON"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// One run of the harness in a fresh private folder, which is removed afterwards.
    static func run(python: URL, module: String, function: String, cases: [PracticeCase], limits: Harness.Limits,
                    environment: [String: String]) -> RunOutput {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("convtutor-practice-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let (harness, job, results) = (folder.appendingPathComponent("harness.py"), folder.appendingPathComponent("cases.json"),
                                           folder.appendingPathComponent("results.jsonl"))
            try Harness.script.write(to: harness, atomically: false, encoding: .utf8)
            try Harness.job(module: module, function: function, cases: cases, limits: limits).write(to: job)
            let (stdoutURL, stderrURL) = (folder.appendingPathComponent("stdout"), folder.appendingPathComponent("stderr"))
            _ = fm.createFile(atPath: stdoutURL.path, contents: nil)
            _ = fm.createFile(atPath: stderrURL.path, contents: nil)
            let process = Process()
            process.executableURL = python
            process.arguments = ["-B", harness.path, job.path, results.path]
            process.currentDirectoryURL = URL(fileURLWithPath: module).deletingLastPathComponent()
            var env = environment
            // One thread for NumPy's BLAS: less memory reserved, and nothing left running.
            for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { env[key] = "1" }
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONIOENCODING"] = "utf-8"
            process.environment = env
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
            process.standardError = try FileHandle(forWritingTo: stderrURL)
            let ended = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in ended.signal() }
            try process.run()
            let pid = process.processIdentifier
            let ending: RunOutput.Ending
            if ended.wait(timeout: .now() + limits.seconds) == .timedOut {
                // The harness made itself a process group: end it and whatever it started.
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                ended.wait()
                ending = .timedOut(seconds: limits.seconds)
            } else if process.terminationReason == .uncaughtSignal {
                ending = .signalled(process.terminationStatus)
            } else {
                ending = .exited(process.terminationStatus)
            }
            let text = (try? String(contentsOf: results, encoding: .utf8)) ?? ""
            return RunOutput(events: RunOutput.events(fromLines: text), stdout: captured(stdoutURL), stderr: captured(stderrURL),
                             ending: ending)
        } catch {
            return RunOutput(events: [], ending: .exited(-1))
        }
    }

    /// The first 16 KiB of a file (cut at a character), and its size.
    static func captured(_ url: URL, keep: Int = 16 << 10) -> CapturedText {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return CapturedText() }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.seek(toOffset: 0)
        let head = (try? handle.read(upToCount: keep)) ?? Data()
        return CapturedText(text: String(decoding: head, as: UTF8.self), totalBytes: size)
    }
}
