import ConvCore
import Foundation
import LessonKit
import Localization

/// Judges a run of the learner's file: each case's return value against the compute core's,
/// cell by cell, and the known mistakes the wrong ones match.
public enum Judge {
    /// The report of `output`, a run over `cases` of the exercise `spec`; `source` is the learner's
    /// file (some mistakes are recognised by how the code reads), `limits` the run's.
    public static func report(_ spec: ExerciseSpec, cases: [PracticeCase], output: RunOutput, source: String?,
                              limits: Harness.Limits) -> PracticeReport {
        var report = PracticeReport(cases: cases, results: cases.map { _ in .notRun }, stdout: output.stdout, stderr: output.stderr)
        var diagnoses: [(Diagnosis, case: Int)] = []
        // Each mistake once, as its first case shows it (a bias added 27 times there, 12 in another).
        func diagnose(_ d: Diagnosis?, _ k: Int) {
            if let d, !diagnoses.contains(where: { $0.0.key == d.key }) { diagnoses.append((d, k)) }
        }
        var lastStarted: Int?
        var finished = false
        for event in output.events {
            switch event {
            case .noNumpy(let python): report.problem = .noNumpy(python: python)
            case .loadError(let e):
                report.problem = .loadError(e)
                diagnose(Mistakes.raised(e, source: source), 0)
            case .missingFunction(let defined): report.problem = .missingFunction(spec.function, defined: defined)
            case .notCallable(let type): report.problem = .notCallable(spec.function, type: type)
            case .loaded: break
            case .started(let k): lastStarted = k
            case .raised(let k, let e) where cases.indices.contains(k):
                if case .size(nil) = cases[k].expected {
                    report.results[k] = .passed
                } else {
                    report.results[k] = .failed(.raised(e))
                    diagnose(Mistakes.raised(e, source: source), k)
                    if e.type == "MemoryError" { report.problem = .outOfMemory(megabytes: limits.memoryMB) }
                    // EFBIG: a write past the size limit, where the signal could not end the process.
                    if e.type == "OSError", e.message.hasPrefix("[Errno 27]") { report.problem = .outputTooLarge(megabytes: limits.outputMB) }
                }
            case .returned(let k, let value, let mutated) where cases.indices.contains(k):
                var found: [Diagnosis] = []
                let result = judge(cases[k], spec, value, diagnoses: &found)
                // Changing an argument is a mistake of its own, whatever came back.
                report.results[k] = mutated.isEmpty ? result : .failed(.mutated(mutated))
                for d in found { diagnose(d, k) }
            case .raised, .returned: break
            case .done: finished = true
            }
        }
        if report.problem == nil, !finished, let k = lastStarted, report.results.indices.contains(k), report.results[k] == .notRun {
            report.results[k] = .stopped
        }
        if report.problem == nil, !finished {
            report.problem = switch output.ending {
            case .timedOut(let seconds): .timedOut(case: lastStarted, seconds: seconds)
            // SIGXCPU: the CPU limit, a second above the time limit, came first.
            case .signalled(24): .timedOut(case: lastStarted, seconds: limits.seconds)
            // SIGXFSZ: more output than the file-size limit.
            case .signalled(25): .outputTooLarge(megabytes: limits.outputMB)
            default: .crashed(output.ending)
            }
        }
        report.diagnoses = diagnoses
        return report
    }

    /// One case's return value against the expected one; the mistakes it shows go to `diagnoses`.
    static func judge(_ c: PracticeCase, _ spec: ExerciseSpec, _ value: PyValue, diagnoses: inout [Diagnosis]) -> CaseResult {
        switch c.expected {
        case .size(let size):
            guard case .number(let got) = value else { return .failed(.wrongType(name: nil, expected: .integer, got: value)) }
            if got == Double(size ?? 0) { return .passed }
            if let d = Mistakes.size(c, got: got) { diagnoses.append(d) }
            return .failed(.wrongSize(expected: size, got: got))
        case .arrays(let results):
            guard results.count > 1 else { return compare(c, spec, results[0], value, diagnoses: &diagnoses) }
            guard case .tuple(let items) = value else {
                return .failed(.wrongType(name: nil, expected: .tuple(count: results.count), got: value))
            }
            guard items.count == results.count else { return .failed(.wrongCount(expected: results.count, got: items.count)) }
            for (result, item) in zip(results, items) {
                let r = compare(c, spec, result, item, diagnoses: &diagnoses)
                if r != .passed { return r }
            }
            return .passed
        }
    }

    /// An array the function returned against the right one: its type, its shape, then its
    /// first wrong cell.
    private static func compare(_ c: PracticeCase, _ spec: ExerciseSpec, _ expected: Expected.Result, _ value: PyValue,
                                diagnoses: inout [Diagnosis]) -> CaseResult {
        guard case .array(let got, _) = value else {
            return .failed(.wrongType(name: expected.name, expected: .array, got: value))
        }
        let right = expected.tensor
        guard got.shape == right.shape else {
            if let d = Mistakes.shape(c, expected.name, got: got, expected: right, target: spec.target, tolerance: spec.tolerance) {
                diagnoses.append(d)
            }
            return .failed(.wrongShape(name: expected.name, expected: right.shape, got: got.shape, rule: expected.rule))
        }
        guard let k = firstDifference(got, right, tolerance: spec.tolerance) else { return .passed }
        for (d, wrong) in Mistakes.candidates(c, expected.name, target: spec.target)
            where wrong.shape == got.shape && firstDifference(got, wrong, tolerance: spec.tolerance) == nil {
            diagnoses.append(d)
        }
        let index = right.index(ofOffset: k)
        return .failed(.wrongValue(name: expected.name, index: index, expected: right.data[k], got: got.data[k],
                                   trace: c.trace(spec.target, expected.name, at: index)))
    }

    /// The offset of the first value of `got` off `right` by more than `tolerance`, relative to
    /// the larger of 1 and the right value; a NaN is always off.
    static func firstDifference(_ got: Tensor, _ right: Tensor, tolerance: Double) -> Int? {
        got.data.indices.first { k in
            let (g, r) = (got.data[k], right.data[k])
            return !(abs(g - r) <= tolerance * max(1, abs(r)))
        }
    }
}
