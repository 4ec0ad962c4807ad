import ConvCore
import Localization

/// The verdict on one run of the learner's file: each case passed or how it failed, what stopped
/// the run if something did, the known mistakes its results show, and the learner's own output.
public struct PracticeReport: Equatable, Sendable {
    public var cases: [PracticeCase]
    /// One result per case, in order.
    public var results: [CaseResult]
    /// What kept the file from running to the end, if anything did.
    public var problem: RunProblem?
    /// Known mistakes the results match, each with the first case (0-based) that shows it.
    public var diagnoses: [(Diagnosis, case: Int)]
    public var stdout: CapturedText
    public var stderr: CapturedText

    public init(cases: [PracticeCase], results: [CaseResult], problem: RunProblem? = nil, diagnoses: [(Diagnosis, case: Int)] = [],
                stdout: CapturedText = CapturedText(), stderr: CapturedText = CapturedText()) {
        self.cases = cases
        self.results = results
        self.problem = problem
        self.diagnoses = diagnoses
        self.stdout = stdout
        self.stderr = stderr
    }

    public static func == (a: PracticeReport, b: PracticeReport) -> Bool {
        a.cases == b.cases && a.results == b.results && a.problem == b.problem && a.stdout == b.stdout && a.stderr == b.stderr
            && a.diagnoses.map(\.0) == b.diagnoses.map(\.0) && a.diagnoses.map(\.case) == b.diagnoses.map(\.case)
    }

    /// Every case ran and passed.
    public var passed: Bool { problem == nil && !results.isEmpty && results.allSatisfy { $0 == .passed } }
    public var passedCount: Int { results.filter { $0 == .passed }.count }
    /// The first case that did not pass.
    public var firstFailure: Int? { results.firstIndex { $0 != .passed } }

    /// A report of a run that could not start (no Python): no case ran.
    public static func notRun(_ cases: [PracticeCase], _ problem: RunProblem) -> PracticeReport {
        PracticeReport(cases: cases, results: cases.map { _ in .notRun }, problem: problem)
    }
}

/// How one case came out.
public enum CaseResult: Equatable, Sendable {
    case passed
    case failed(CaseFailure)
    /// The run stopped before this case (a timeout, a crash, a file that did not load).
    case notRun
    /// The run stopped during this case: a time-out, too much output, a crash.
    case stopped
}

/// Why a case failed.
public enum CaseFailure: Equatable, Sendable {
    /// The function raised an exception.
    case raised(PythonError)
    /// It returned the wrong kind of value: `name` is the array expected there (`nil` for the
    /// whole return value), `expected` what it should be.
    case wrongType(name: String?, expected: ExpectedKind, got: PyValue)
    /// It returned a tuple of the wrong length.
    case wrongCount(expected: Int, got: Int)
    case wrongShape(name: String, expected: [Int], got: [Int], rule: ShapeRule)
    /// The first cell (row-major) that differs by more than the tolerance, with the trace of its
    /// right value.
    case wrongValue(name: String, index: [Int], expected: Double, got: Double, trace: Trace?)
    /// An output size: the right one (`nil`: none exists, so 0 or an exception), and what came back.
    case wrongSize(expected: Int?, got: Double)
    /// It changed arguments it was given: their names.
    case mutated([String])

    /// What a value should have been.
    public enum ExpectedKind: Equatable, Sendable {
        case array
        case tuple(count: Int)
        case integer
    }
}

/// Something that kept the file from being judged case by case.
public enum RunProblem: Equatable, Sendable {
    /// No `python3` on the PATH.
    case noPython
    /// Python runs, but numpy cannot be imported.
    case noNumpy(python: String)
    /// The file itself raised (a syntax error, an import, code at the top level).
    case loadError(PythonError)
    /// No function of that name; the ones the file defines.
    case missingFunction(String, defined: [String])
    case notCallable(String, type: String)
    /// Still running after `seconds`, in case `case` (0-based) if one had started.
    case timedOut(case: Int?, seconds: Double)
    /// It wrote more than `megabytes` (prints, files).
    case outputTooLarge(megabytes: Int)
    /// It used more than `megabytes` of memory.
    case outOfMemory(megabytes: Int)
    /// The process ended some other way before finishing: its exit status or signal.
    case crashed(RunOutput.Ending)
}
