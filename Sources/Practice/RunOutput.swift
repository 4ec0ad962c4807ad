import ConvCore
import Foundation
import Localization

/// What one run of the harness left behind: its events, the learner's own output, and how the
/// process ended. The runner fills it in; judging it is pure.
public struct RunOutput: Equatable, Sendable {
    public var events: [HarnessEvent]
    /// The learner's standard output and errors (the first part of each, if long).
    public var stdout: CapturedText
    public var stderr: CapturedText
    public var ending: Ending

    public init(events: [HarnessEvent], stdout: CapturedText = CapturedText(), stderr: CapturedText = CapturedText(), ending: Ending) {
        self.events = events
        self.stdout = stdout
        self.stderr = stderr
        self.ending = ending
    }

    /// How the process ended.
    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        /// Killed by a signal: `SIGXFSZ` when it wrote more than the output limit, `SIGXCPU` when
        /// it used up its CPU time, `SIGKILL` for memory on some systems.
        case signalled(Int32)
        /// Still running after the time limit, and killed.
        case timedOut(seconds: Double)
    }

    /// The events of the lines written to the results file (a line that is not an event is
    /// skipped: the file may end in the middle of a line when the process was killed).
    public static func events(fromLines text: String) -> [HarnessEvent] {
        text.split(separator: "\n").compactMap { HarnessEvent(line: String($0)) }
    }
}

/// The start of a long text, and how long it was.
public struct CapturedText: Equatable, Sendable {
    public var text: String
    /// The whole text's size in bytes.
    public var totalBytes: Int

    public init(text: String = "", totalBytes: Int = 0) {
        self.text = text
        self.totalBytes = totalBytes
    }

    public var isEmpty: Bool { totalBytes == 0 }
    /// Bytes not kept.
    public var omittedBytes: Int { max(0, totalBytes - text.utf8.count) }
}

/// One line the harness wrote.
public enum HarnessEvent: Equatable, Sendable {
    case noNumpy(python: String)
    case loadError(PythonError)
    /// The file defines no such function; the callables it does define.
    case missingFunction(defined: [String])
    case notCallable(type: String)
    case loaded
    case started(case: Int)
    case raised(case: Int, PythonError)
    case returned(case: Int, PyValue, mutated: [String])
    case done

    /// The event of a JSON line, or `nil` when the line is not one.
    init?(line: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let event = object["event"] as? String else { return nil }
        let k = object["case"] as? Int
        switch event {
        case "no-numpy": self = .noNumpy(python: object["python"] as? String ?? "")
        case "load-error": self = .loadError(PythonError(object["error"]))
        case "missing-function": self = .missingFunction(defined: object["names"] as? [String] ?? [])
        case "not-callable": self = .notCallable(type: object["type"] as? String ?? "")
        case "loaded": self = .loaded
        case "start": guard let k else { return nil }; self = .started(case: k)
        case "raised": guard let k else { return nil }; self = .raised(case: k, PythonError(object["error"]))
        case "result":
            guard let k else { return nil }
            self = .returned(case: k, Self.value(object["value"]), mutated: object["mutated"] as? [String] ?? [])
        case "done": self = .done
        default: return nil
        }
    }

    /// A returned value as the harness's `encode` wrote it.
    static func value(_ any: Any?) -> PyValue {
        guard let v = any as? [String: Any] else { return .other(typeName: "?") }
        if let a = v["array"] as? [String: Any] {
            let shape = a["shape"] as? [Int] ?? []
            let data = (a["data"] as? [Any] ?? []).map(number)
            guard shape.reduce(1, *) == data.count else { return .other(typeName: "numpy.ndarray") }
            return .array(Tensor(shape: shape, data: data), dtype: a["dtype"] as? String ?? "?")
        }
        if let n = v["number"] { return .number(number(n)) }
        if let s = v["text"] as? String { return .text(s) }
        if let items = v["tuple"] as? [Any] { return .tuple(items.map(value)) }
        if let l = v["list"] as? [String: Any] { return .list(shape: l["shape"] as? [Int]) }
        if v["none"] != nil { return .none }
        return .other(typeName: v["other"] as? String ?? "?")
    }

    /// A number as JSON carries it, non-finite ones as text.
    private static func number(_ any: Any) -> Double {
        switch any {
        case let d as Double: d
        case let i as Int: Double(i)
        case "inf" as String: .infinity
        case "-inf" as String: -.infinity
        default: .nan
        }
    }
}

/// A Python exception: its type, message, and the line of the learner's file it came from.
public struct PythonError: Equatable, Sendable {
    public var type: String
    public var message: String
    /// The line in the learner's file (the innermost frame there), if any.
    public var line: Int?
    /// The learner's frames, innermost last: line, function and source text.
    public var frames: [Frame]

    public struct Frame: Equatable, Sendable {
        public var line: Int
        public var function: String
        public var text: String

        public init(line: Int, function: String, text: String) {
            self.line = line
            self.function = function
            self.text = text
        }
    }

    public init(type: String, message: String, line: Int? = nil, frames: [Frame] = []) {
        self.type = type
        self.message = message
        self.line = line
        self.frames = frames
    }

    init(_ any: Any?) {
        let e = any as? [String: Any] ?? [:]
        type = e["type"] as? String ?? "Exception"
        message = e["message"] as? String ?? ""
        line = e["line"] as? Int
        frames = (e["frames"] as? [[String: Any]] ?? []).compactMap { f in
            guard let line = f["line"] as? Int else { return nil }
            return Frame(line: line, function: f["function"] as? String ?? "", text: f["text"] as? String ?? "")
        }
    }
}
