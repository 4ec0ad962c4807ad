import ConvCore
import LessonKit
import Localization
import Practice
import Testing

/// Judging a run from what the harness wrote: each case's value against the compute core's,
/// what stopped a run, and known mistakes recognised by their results.
@Suite("Judging a run")
struct JudgeTests {
    static let spec = ExerciseSpec(line: 1, function: "conv_forward", target: .conv2d, random: 2, seed: 5)
    static let cases = CaseDraw.cases(spec)
    static let limits = Harness.Limits(seconds: 10)

    /// The expected arrays of case `k`.
    static func right(_ k: Int) -> [Tensor] {
        guard case .arrays(let results) = cases[k].expected else { return [] }
        return results.map(\.tensor)
    }

    /// A finished run returning `value(k)` for each case.
    static func run(_ value: (Int) -> PyValue, mutated: [String] = []) -> RunOutput {
        RunOutput(events: [.loaded] + cases.indices.flatMap { k in [HarnessEvent.started(case: k), .returned(case: k, value(k), mutated: mutated)] } + [.done],
                  ending: .exited(0))
    }

    static func report(_ output: RunOutput, source: String? = nil) -> PracticeReport {
        Judge.report(spec, cases: cases, output: output, source: source, limits: limits)
    }

    @Test("the right arrays pass every case; an integer dtype is accepted")
    func passes() {
        let report = Self.report(Self.run { .array(Self.right($0)[0], dtype: $0 == 0 ? "int64" : "float64") })
        #expect(report.passed)
        #expect(report.passedCount == Self.cases.count)
        #expect(report.diagnoses.isEmpty)
        #expect(report.lines(.conv2d, Language.en.catalogue).first == "✓ All \(Self.cases.count) cases pass.")
    }

    @Test("a value off by more than the tolerance is the first wrong cell, with its arithmetic; within it passes")
    func wrongValue() throws {
        let k = 2
        var off = Self.right(k)[0]
        off.data[5] += 1e-3
        var close = Self.right(k)[0]
        close.data[5] *= 1 + 1e-9
        let report = Self.report(Self.run { $0 == k ? .array(off) : .array(Self.right($0)[0]) })
        guard case .failed(.wrongValue(let name, let index, let expected, let got, let trace)) = report.results[k] else {
            Issue.record("not a wrong value: \(report.results[k])")
            return
        }
        #expect(name == "out" && index == off.index(ofOffset: 5) && got == off.data[5] && expected == Self.right(k)[0].data[5])
        let arithmetic = try #require(trace)
        #expect(arithmetic.index == index && arithmetic.value == expected)
        #expect(Self.report(Self.run { $0 == k ? .array(close) : .array(Self.right($0)[0]) }).passed)
    }

    @Test("a bias added inside the window sum is named, with how many times it was added")
    func biasInWindow() {
        let report = Self.report(Self.run { k in
            let c = Self.cases[k]
            var out = Self.right(k)[0]
            let taps = c.settings.c * c.settings.kernel.h * c.settings.kernel.w
            let b = c.tensor("b")!
            for offset in out.data.indices { out.data[offset] += Double(taps - 1) * b.data[out.index(ofOffset: offset)[1]] }
            return .array(out)
        })
        let first = Self.cases[0].settings
        #expect(report.diagnoses.map(\.0) == [.biasInWindow(times: first.c * first.kernel.h * first.kernel.w)])
        #expect(report.diagnoses.first?.case == 0)
    }

    @Test("a wrong shape names the rule with the case's numbers; a known one is diagnosed (padding ignored)")
    func wrongShape() throws {
        let k = try #require(Self.cases.firstIndex { $0.settings.padding > 0 && $0.settings.stride == 1 })
        let c = Self.cases[k]
        let layer = try Conv2D(x: c.tensor("x")!, w: c.tensor("W")!, b: c.tensor("b")!, options: Conv2DOptions())
        let report = Self.report(Self.run { $0 == k ? .array(layer.forward()) : .array(Self.right($0)[0]) })
        guard case .failed(.wrongShape(_, let expected, let got, .convolution)) = report.results[k] else {
            Issue.record("not a wrong shape: \(report.results[k])")
            return
        }
        #expect(expected == Self.right(k)[0].shape && got == layer.forward().shape)
        #expect(report.diagnoses.map(\.0) == [.paddingIgnored])
        let lines = report.lines(.conv2d, Language.en.catalogue)
        let s = c.settings
        #expect(lines.contains("      out is (N, F, outH, outW), outH = ⌊(H + 2P − KH)/S⌋ + 1: outH = ⌊(\(s.input.h) + 2·\(s.padding) − \(s.kernel.h))/1⌋ + 1 = \(s.input.h + 2 * s.padding - s.kernel.h + 1), outW = ⌊(\(s.input.w) + 2·\(s.padding) − \(s.kernel.w))/1⌋ + 1 = \(s.input.w + 2 * s.padding - s.kernel.w + 1)"))
    }

    @Test("a list, None, or a tuple where an array belongs is the wrong type; a changed argument fails the case")
    func wrongTypes() {
        let list = Self.report(Self.run { _ in .list(shape: [1, 1]) })
        #expect(list.results.allSatisfy { $0 == .failed(.wrongType(name: "out", expected: .array, got: .list(shape: [1, 1]))) })
        #expect(list.lines(.conv2d, Language.en.catalogue).contains {
            $0.contains("out is a Python list: return a NumPy array")
        })
        let none = Self.report(Self.run { _ in .none })
        #expect(none.results[0] == .failed(.wrongType(name: "out", expected: .array, got: .none)))
        let mutated = Self.report(Self.run({ .array(Self.right($0)[0]) }, mutated: ["x"]))
        #expect(mutated.results.allSatisfy { $0 == .failed(.mutated(["x"])) })
        #expect(!mutated.passed)
    }

    @Test("an exception names its line; a 3-name unpack and a shadowed W are recognised")
    func raised() {
        let unpack = PythonError(type: "ValueError", message: "too many values to unpack (expected 3)", line: 4,
                                 frames: [.init(line: 4, function: "conv_forward", text: "N, C, H = x.shape")])
        let report = Self.report(RunOutput(events: [.loaded, .started(case: 0), .raised(case: 0, unpack)], ending: .exited(0)))
        #expect(report.results[0] == .failed(.raised(unpack)))
        #expect(report.diagnoses.map(\.0) == [.unpackThree])
        let lines = report.lines(.conv2d, Language.en.catalogue)
        #expect(lines.contains("      raised ValueError at line 4 of your file: too many values to unpack (expected 3)"))
        #expect(lines.contains("        line 4, in conv_forward: N, C, H = x.shape"))
        let shadow = "def conv_forward(x, W, b, stride=1, padding=0):\n    N, C, H, W = x.shape\n    F, _, HH, WW = W.shape\n"
        let attribute = PythonError(type: "AttributeError", message: "'int' object has no attribute 'shape'", line: 3)
        let shadowed = Self.report(RunOutput(events: [.loaded, .started(case: 0), .raised(case: 0, attribute)], ending: .exited(0)), source: shadow)
        #expect(shadowed.diagnoses.map(\.0) == [.shadowedWeights])
    }

    @Test("what stops a run: a time-out names its case, a signal for output or CPU, a file that does not load, no numpy")
    func problems() {
        let timedOut = Self.report(RunOutput(events: [.loaded, .started(case: 0), .returned(case: 0, .array(Self.right(0)[0]), mutated: []),
                                                      .started(case: 1)], ending: .timedOut(seconds: 10)))
        #expect(timedOut.problem == .timedOut(case: 1, seconds: 10))
        #expect(timedOut.results[0] == .passed && timedOut.results[1] == .stopped && timedOut.results[2] == .notRun)
        #expect(timedOut.lines(.conv2d, Language.en.catalogue).first?.hasPrefix("✗ stopped after 10 s, in case 2 (x (") == true)
        #expect(Self.report(RunOutput(events: [.loaded, .started(case: 0)], ending: .signalled(25))).problem == .outputTooLarge(megabytes: 8))
        #expect(Self.report(RunOutput(events: [.loaded, .started(case: 0)], ending: .signalled(24))).problem == .timedOut(case: 0, seconds: 10))
        let syntax = PythonError(type: "SyntaxError", message: "invalid syntax", line: 7)
        let load = Self.report(RunOutput(events: [.loadError(syntax)], ending: .exited(0)))
        #expect(load.problem == .loadError(syntax))
        #expect(load.lines(.conv2d, Language.en.catalogue).first == "✗ your file could not be loaded: SyntaxError at line 7: invalid syntax")
        let missing = Self.report(RunOutput(events: [.missingFunction(defined: ["conv"])], ending: .exited(0)))
        #expect(missing.lines(.conv2d, Language.en.catalogue).first == "✗ your file defines no function conv_forward (it defines conv)")
        let numpy = Self.report(RunOutput(events: [.noNumpy(python: "3.11.2")], ending: .exited(3)))
        #expect(numpy.lines(.conv2d, Language.zh.catalogue).first?.contains("python3-numpy") == true)
        #expect(!numpy.passed)
    }

    @Test("an output size: 0 or an exception where no output exists; a size returned there is named")
    func outputSize() throws {
        let spec = ExerciseSpec(line: 1, function: "conv_output_size", target: .outputSize, random: 0)
        let cases = CaseDraw.cases(spec)
        let invalid = try #require(cases.firstIndex { $0.expected == .size(nil) })
        let valid = try #require(cases.firstIndex { if case .size(let n?) = $0.expected { n > 1 } else { false } })
        guard case .size(let n?) = cases[valid].expected else { return }
        let events: [HarnessEvent] = [.loaded, .started(case: invalid), .raised(case: invalid, PythonError(type: "ValueError", message: "")),
                                      .started(case: valid), .returned(case: valid, .number(Double(n)), mutated: []), .done]
        let report = Judge.report(spec, cases: cases, output: RunOutput(events: events, ending: .exited(0)), source: nil, limits: Self.limits)
        #expect(report.results[invalid] == .passed && report.results[valid] == .passed)
        let wrong = Judge.report(spec, cases: cases, output: RunOutput(events: [.loaded, .started(case: invalid),
                                                                             .returned(case: invalid, .number(-1), mutated: []), .done],
                                                                    ending: .exited(0)), source: nil, limits: Self.limits)
        #expect(wrong.results[invalid] == .failed(.wrongSize(expected: nil, got: -1)))
        #expect(wrong.diagnoses.map(\.0) == [.invalidNotDetected])
    }

    @Test("the harness's lines: each event read, a line cut off by a kill skipped")
    func events() {
        let text = """
            {"event": "loaded"}
            {"event": "start", "case": 0}
            {"event": "result", "case": 0, "value": {"array": {"shape": [1, 2], "dtype": "float64", "data": [1.5, "nan"]}}, "mutated": ["x"]}
            {"event": "result", "case": 1, "value": {"tuple": [{"number": 3}, {"none": true}, {"list": {"shape": null}}]}, "mutated": []}
            {"event": "raised", "case": 2, "error": {"type": "KeyError", "message": "'a'", "line": null, "frames": []}}
            {"event": "start", "ca
            """
        let events = RunOutput.events(fromLines: text)
        #expect(events.count == 5)
        #expect(events[0] == .loaded && events[1] == .started(case: 0))
        guard case .returned(0, .array(let t, "float64"), ["x"]) = events[2] else {
            Issue.record("\(events[2])")
            return
        }
        #expect(t.shape == [1, 2] && t.data[0] == 1.5 && t.data[1].isNaN)
        #expect(events[3] == .returned(case: 1, .tuple([.number(3), .none, .list(shape: nil)]), mutated: []))
        #expect(events[4] == .raised(case: 2, PythonError(type: "KeyError", message: "'a'")))
    }
}
