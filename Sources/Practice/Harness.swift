import ConvCore
import Foundation
import Localization

/// The Python program the learner's file runs under, and the files it reads and writes.
///
/// The runner starts `python3 harness.py CASES RESULTS` with the learner's standard output and
/// errors sent to files of their own. The harness leads its own process group (so a timeout
/// kills whatever the learner's code started), limits memory, file size and CPU time, imports
/// the learner's file, and calls the function once per case with fresh arrays, writing one JSON
/// line per event to RESULTS: a file the learner's prints never reach.
public enum Harness {
    /// The harness's source.
    public static let script = #"""
    import json, os, resource, signal, sys, traceback

    try:
        os.setsid()
    except OSError:
        pass  # already a process group's leader, as the runner may start it
    cases_path, results_path = sys.argv[1], sys.argv[2]
    with open(cases_path, encoding="utf-8") as f:
        job = json.load(f)
    results = open(results_path, "w", encoding="utf-8", buffering=1)

    def emit(event, **fields):
        fields["event"] = event
        results.write(json.dumps(fields) + "\n")

    try:
        import numpy as np
    except ImportError:
        emit("no-numpy", python=sys.version.split()[0])
        sys.exit(3)

    # Python ignores SIGXFSZ, and the process that started this one may block it: the default,
    # unblocked, ends the process when it writes past the size limit.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGXFSZ])
    megabyte = 1 << 20
    resource.setrlimit(resource.RLIMIT_AS, (job["memory_mb"] * megabyte, job["memory_mb"] * megabyte))
    resource.setrlimit(resource.RLIMIT_FSIZE, (job["output_mb"] * megabyte, job["output_mb"] * megabyte))
    resource.setrlimit(resource.RLIMIT_CPU, (job["cpu_seconds"], job["cpu_seconds"] + 1))
    learner = os.path.realpath(job["module"])

    def number(v):
        v = float(v)
        if v != v: return "nan"
        if v in (float("inf"), float("-inf")): return "inf" if v > 0 else "-inf"
        return v

    def encode(v):
        if isinstance(v, np.ndarray):
            if v.dtype.kind not in "biuf":
                return {"other": "numpy.ndarray of " + str(v.dtype)}
            return {"array": {"shape": list(v.shape), "dtype": str(v.dtype),
                              "data": [number(x) for x in v.astype(np.float64).ravel().tolist()]}}
        if isinstance(v, (bool, np.bool_)):
            return {"other": "bool"}
        if isinstance(v, (int, float, np.integer, np.floating)):
            return {"number": number(v)}
        if isinstance(v, str):
            return {"text": v[:200]}
        if isinstance(v, tuple):
            return {"tuple": [encode(x) for x in v[:8]]}
        if isinstance(v, list):
            try:
                shape = list(np.asarray(v, dtype=np.float64).shape)
            except Exception:
                shape = None
            return {"list": {"shape": shape}}
        if v is None:
            return {"none": True}
        return {"other": type(v).__name__}

    def decode(a):
        if "array" in a:
            return np.array(a["array"]["data"], dtype=np.float64).reshape(a["array"]["shape"])
        if "number" in a:
            v = a["number"]
            return int(v) if float(v).is_integer() else v
        return a["text"]

    def error(e):
        frames = [{"line": f.lineno, "function": f.name, "text": (f.line or "")[:200]}
                  for f in traceback.extract_tb(e.__traceback__) if os.path.realpath(f.filename) == learner][-5:]
        line = frames[-1]["line"] if frames else None
        if isinstance(e, SyntaxError) and e.filename and os.path.realpath(e.filename) == learner:
            line = e.lineno
            frames = [{"line": e.lineno, "function": "<module>", "text": (e.text or "").strip()[:200]}]
        message = e.msg if isinstance(e, SyntaxError) else str(e)
        return {"type": type(e).__name__, "message": message[:500], "line": line, "frames": frames}

    try:
        import importlib.util
        spec = importlib.util.spec_from_file_location("learner", learner)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except BaseException as e:
        emit("load-error", error=error(e))
        sys.exit(0)

    function = getattr(module, job["function"], None)
    if function is None:
        emit("missing-function", names=sorted(n for n in dir(module) if callable(getattr(module, n)) and not n.startswith("_"))[:20])
        sys.exit(0)
    if not callable(function):
        emit("not-callable", type=type(function).__name__)
        sys.exit(0)
    emit("loaded")

    for k, case in enumerate(job["cases"]):
        args = [decode(a) for a in case["args"]]
        kept = [a.copy() if isinstance(a, np.ndarray) else None for a in args]
        emit("start", case=k)
        try:
            value = function(*args)
        except BaseException as e:
            emit("raised", case=k, error=error(e))
            continue
        mutated = [name for name, a, old in zip(case["names"], args, kept)
                   if old is not None and not (a.shape == old.shape and np.array_equal(a, old, equal_nan=True))]
        emit("result", case=k, value=encode(value), mutated=mutated)
    emit("done")
    """#

    /// Limits of one run.
    public struct Limits: Equatable, Sendable {
        /// Seconds of wall-clock time for the whole run.
        public var seconds: Double
        /// Address space for the learner's process, in MiB.
        public var memoryMB: Int
        /// The largest file the process may write (its output included), in MiB.
        public var outputMB: Int

        public init(seconds: Double = 10, memoryMB: Int = 1024, outputMB: Int = 8) {
            self.seconds = seconds
            self.memoryMB = memoryMB
            self.outputMB = outputMB
        }
    }

    /// The job file for `cases`: the learner's file, the function, the limits, and each case's
    /// arguments with their names.
    public static func job(module: String, function: String, cases: [PracticeCase], limits: Limits) -> Data {
        let encoded: [[String: Any]] = cases.map { c in
            ["args": c.arguments.map { encode($0.value) }, "names": c.arguments.map(\.name)]
        }
        let job: [String: Any] = [
            "module": module, "function": function, "cases": encoded, "memory_mb": limits.memoryMB,
            "output_mb": limits.outputMB, "cpu_seconds": Int(limits.seconds.rounded(.up)) + 1,
        ]
        // Every value is a string, number, array or dictionary: serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: job, options: [.sortedKeys])) ?? Data()
    }

    /// An argument as the harness's `decode` reads it.
    private static func encode(_ value: PyValue) -> [String: Any] {
        switch value {
        case .array(let t, _): ["array": ["shape": t.shape, "data": t.data]]
        case .number(let v): ["number": v]
        case .text(let s): ["text": s]
        default: ["text": ""]
        }
    }
}
