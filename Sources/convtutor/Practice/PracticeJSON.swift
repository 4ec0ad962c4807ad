import Foundation
import LessonKit
import Localization
import Practice

/// `practice check --json`: the report as one object for scripts.
///
///     {"id": "conv-forward", "passed": false, "problem": null,
///      "cases": [{"passed": false, "label": "padded", "shape": [1, 1, 4, 4], "expected_shape": [1, 1, 6, 6],
///                 "first_wrong": null, "error": null, "message": "out has the shape …"}],
///      "diagnosis": [{"id": "padding-ignored", "message": "The padding is not used: …"}]}
enum PracticeJSON {
    static func encode(_ report: PracticeReport, id: String, target: ExerciseTarget, _ t: any Catalogue) -> Data {
        let cases: [[String: Any]] = zip(report.cases, report.results).map { c, result in
            var entry: [String: Any] = ["passed": result == .passed, "label": c.label.rawValue, "run": result != .notRun,
                                        "settings": PracticeReport.settings(c, target, t)]
            let expected: [Int]? = switch c.expected {
            case .arrays(let results): results.first?.tensor.shape
            case .size: nil
            }
            entry["expected_shape"] = orNull(expected)
            entry["shape"] = NSNull()
            entry["first_wrong"] = NSNull()
            if case .failed(let failure) = result {
                entry["message"] = PracticeReport.explain(failure, c, target: target, t).joined(separator: "\n")
                switch failure {
                case .wrongShape(let name, let expectedShape, let got, _):
                    (entry["name"], entry["shape"], entry["expected_shape"]) = (name, got, expectedShape)
                case .wrongValue(let name, let index, let expectedValue, let got, _):
                    entry["shape"] = orNull(c.expected.shape(of: name))
                    entry["expected_shape"] = orNull(c.expected.shape(of: name))
                    entry["first_wrong"] = ["name": name, "index": index, "expected": number(expectedValue), "got": number(got)]
                case .wrongSize(let expectedSize, let got):
                    entry["first_wrong"] = ["expected": orNull(expectedSize), "got": number(got)]
                case .raised(let e):
                    entry["error"] = ["type": e.type, "message": e.message, "line": orNull(e.line)]
                default:
                    break
                }
            } else if result == .passed {
                entry["shape"] = orNull(expected)
            }
            return entry
        }
        let object: [String: Any] = [
            "id": id, "passed": report.passed, "cases": cases,
            "cases_passed": report.passedCount, "cases_total": report.cases.count,
            "problem": orNull(report.problem.map { PracticeReport.text($0, cases: report.cases, target: target, t) }),
            "diagnosis": report.diagnoses.map { ["id": $0.0.key, "message": t.practice(.mistake($0.0)), "case": $0.case + 1] },
            "stdout": report.stdout.text, "stderr": report.stderr.text,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// The value, or JSON's null.
    private static func orNull<T>(_ value: T?) -> Any {
        value.map { $0 as Any } ?? NSNull()
    }

    /// A value JSON can carry: non-finite numbers as text.
    private static func number(_ v: Double) -> Any {
        v.isFinite ? v : (v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf"))
    }
}
