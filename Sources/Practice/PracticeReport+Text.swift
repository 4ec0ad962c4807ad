import ConvCore
import LessonKit
import Localization

extension PracticeReport {
    /// The report as lines of text in `t`'s language: what stopped the run, the summary, the known
    /// mistakes, the first failing case in full (its arguments, what is wrong, the right
    /// arithmetic), one line for each other case, then the learner's own output.
    public func lines(_ target: ExerciseTarget, _ t: any Catalogue) -> [String] {
        var lines: [String] = []
        if let problem { lines.append("✗ " + Self.text(problem, cases: cases, target: target, t)) }
        if case .loadError(let e)? = problem {
            lines += e.frames.map { "    " + t.practice(.frame(line: $0.line, function: $0.function, text: $0.text)) }
        }
        let reachedCases = problem.map(\.stopsBeforeCases) != true
        if reachedCases {
            lines.append((passed ? "✓ " : "✗ ") + (passed ? t.practice(.allPassed(cases.count)) : t.practice(.somePassed(passedCount, of: cases.count))))
        }
        for (d, _) in diagnoses { lines.append("! " + t.practice(.mistake(d))) }
        let first = firstFailure
        // The first line of the first failure's explanation, which later failures may repeat.
        let firstLine: String? = first.flatMap { k in
            guard case .failed(let failure) = results[k] else { return nil }
            return Self.explain(failure, cases[k], target: target, t).first
        }
        for (k, c) in cases.enumerated() where reachedCases {
            let heading = t.practice(.caseHeading(k + 1, of: cases.count, label: c.label))
            switch results[k] {
            case .passed:
                lines.append("  ✓ " + heading)
            case .notRun:
                lines.append("  · " + heading + t.colon + t.practice(.notRun))
            case .stopped:
                lines.append("  ✗ " + heading + t.colon + t.practice(.stoppedHere))
            case .failed(let failure):
                lines.append("  ✗ " + heading + t.colon + Self.settings(c, target, t))
                let explained = Self.explain(failure, c, target: target, t)
                if k == first {
                    lines += explained.map { "      " + $0 }
                } else if let first, explained.first == firstLine {
                    // A stub raising everywhere says so once.
                    lines.append("      " + t.practice(.sameAs(first + 1)))
                } else {
                    lines.append("      " + (explained.first ?? ""))
                }
            }
        }
        for (heading, output) in [(PracticePhrase.printedOut, stdout), (.printedErrors, stderr)] where !output.isEmpty {
            // Forty lines of 200 characters at most: a print in a loop must not bury the report.
            lines += ["", t.practice(heading)] + output.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40)
                .map { "  " + ($0.count > 200 ? $0.prefix(200) + "…" : $0) }
            if output.omittedBytes > 0 { lines.append("  " + t.practice(.omitted(bytes: output.omittedBytes))) }
        }
        return lines
    }

    /// What a case passes to the function: the shapes of its arrays and its numbers.
    public static func settings(_ c: PracticeCase, _ target: ExerciseTarget, _ t: any Catalogue) -> String {
        let s = c.settings
        let shape = { (name: String) in c.tensor(name)?.shape ?? [] }
        return switch target {
        case .conv1d: t.practice(.conv1dSettings(f: s.lengthF, g: s.lengthG, mode: s.mode.rawValue))
        case .outputSize: t.practice(.sizeSettings(h: s.input.h, k: s.kernel.h, s: s.stride, p: s.padding, d: s.dilation))
        case .conv2d: t.practice(.convSettings(x: shape("x"), w: shape("W"), stride: s.stride, padding: s.padding))
        case .conv2dBackward:
            t.practice(.backwardSettings(dout: shape("dout"), x: shape("x"), w: shape("W"), stride: s.stride, padding: s.padding))
        case .convTranspose2d: t.practice(.transposedSettings(x: shape("x"), w: shape("W"), stride: s.stride, padding: s.padding))
        case .maxpool2d: t.practice(.poolSettings(x: shape("x"), size: s.kernel.h, stride: s.stride))
        case .maxpool2dBackward: t.practice(.poolBackwardSettings(dout: shape("dout"), x: shape("x"), size: s.kernel.h, stride: s.stride))
        }
    }

    /// A failure in lines: what is wrong first, then why (the rule, the arithmetic, the frames).
    public static func explain(_ failure: CaseFailure, _ c: PracticeCase, target: ExerciseTarget, _ t: any Catalogue) -> [String] {
        switch failure {
        case .raised(let e):
            return [t.practice(.raised(type: e.type, message: e.message, line: e.line))]
                + e.frames.map { "  " + t.practice(.frame(line: $0.line, function: $0.function, text: $0.text)) }
        case .wrongType(let name, let expected, let got):
            if case .list = got { return [t.practice(.listReturned(name: name))] }
            return switch expected {
            case .array: [t.practice(.expectedArray(name: name, got: got.typeName))]
            case .tuple(let count): [t.practice(.expectedTuple(count: count, got: got.typeName))]
            case .integer: [t.practice(.expectedInteger(got: got.typeName))]
            }
        case .wrongCount(let expected, let got):
            return [t.practice(.wrongCount(expected: expected, got: got))]
        case .wrongShape(let name, let expected, let got, let rule):
            return [t.practice(.wrongShape(name: name, expected: expected, got: got)),
                    t.practice(.shapeRule(rule, detail: ruleDetail(rule, c)))]
        case .wrongValue(let name, let index, let expected, let got, let trace):
            return [t.practice(.wrongValue(name: name, index: index, expected: expected, got: got))]
                + (trace.map { [t.practice(.rightArithmetic(t.equation($0)))] } ?? [])
        case .wrongSize(let expected, let got):
            return [t.practice(.wrongSize(expected: expected, got: got))]
        case .mutated(let names):
            return [t.practice(.mutated(names))]
        }
    }

    /// The rule's formula with the case's numbers: `outH = ⌊(7 + 2·1 − 3)/2⌋ + 1 = 4`.
    static func ruleDetail(_ rule: ShapeRule, _ c: PracticeCase) -> String {
        let s = c.settings
        switch rule {
        case .convolution:
            return "outH = ⌊(\(s.input.h) + 2·\(s.padding) − \(s.kernel.h))/\(s.stride)⌋ + 1 = \((s.input.h + 2 * s.padding - s.kernel.h) / s.stride + 1), "
                + "outW = ⌊(\(s.input.w) + 2·\(s.padding) − \(s.kernel.w))/\(s.stride)⌋ + 1 = \((s.input.w + 2 * s.padding - s.kernel.w) / s.stride + 1)"
        case .pooling:
            return "outH = ⌊(\(s.input.h) − \(s.kernel.h))/\(s.stride)⌋ + 1 = \((s.input.h - s.kernel.h) / s.stride + 1), "
                + "outW = ⌊(\(s.input.w) − \(s.kernel.w))/\(s.stride)⌋ + 1 = \((s.input.w - s.kernel.w) / s.stride + 1)"
        case .transposed:
            return "outH = (\(s.input.h) − 1)·\(s.stride) − 2·\(s.padding) + \(s.kernel.h) = \((s.input.h - 1) * s.stride - 2 * s.padding + s.kernel.h), "
                + "outW = (\(s.input.w) − 1)·\(s.stride) − 2·\(s.padding) + \(s.kernel.w) = \((s.input.w - 1) * s.stride - 2 * s.padding + s.kernel.w)"
        case .gradient(let tensor):
            return c.tensor(tensor).map { "(" + $0.shape.map(String.init).joined(separator: ", ") + ")" } ?? ""
        case .perFilter:
            return "(\(s.f),)"
        case .conv1d(let mode):
            return Conv1D.lengthFormula(s.lengthF, s.lengthG, mode: mode)
        }
    }

    /// What stopped the run, as one line.
    public static func text(_ problem: RunProblem, cases: [PracticeCase], target: ExerciseTarget, _ t: any Catalogue) -> String {
        switch problem {
        case .noPython: t.practice(.noPython)
        case .noNumpy(let python): t.practice(.noNumpy(python: python))
        case .loadError(let e): t.practice(.loadError(type: e.type, message: e.message, line: e.line))
        case .missingFunction(let name, let defined): t.practice(.missingFunction(name, defined: defined))
        case .notCallable(let name, let type): t.practice(.notCallable(name, type: type))
        case .timedOut(let k, let seconds):
            t.practice(.timedOut(case: k.map { $0 + 1 }, seconds: seconds,
                                 settings: k.flatMap { cases.indices.contains($0) ? settings(cases[$0], target, t) : nil }))
        case .outputTooLarge(let mb): t.practice(.outputTooLarge(megabytes: mb))
        case .outOfMemory(let mb): t.practice(.outOfMemory(megabytes: mb))
        case .crashed(.exited(let status)): t.practice(.crashed(t.practice(.exitStatus(Int(status)))))
        case .crashed(.signalled(let signal)): t.practice(.crashed(t.practice(.signal(Int(signal)))))
        case .crashed(.timedOut(let seconds)): t.practice(.timedOut(case: nil, seconds: seconds, settings: nil))
        }
    }
}

extension RunProblem {
    /// The run never reached the cases: no case result is worth a summary line.
    var stopsBeforeCases: Bool {
        switch self {
        case .noPython, .noNumpy, .loadError, .missingFunction, .notCallable: true
        case .timedOut, .outputTooLarge, .outOfMemory, .crashed: false
        }
    }
}
