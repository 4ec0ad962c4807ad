import ConvCore
import LessonKit
import Localization

/// The checks of a lesson that need the compute core: every animation block must make a scene
/// the explorer can draw, exactly as the player will build it, and every computed number must be
/// what the core computes. Diagnostics are in English, like those of the lesson parser.
public enum LessonCheck {
    /// The words of values inside diagnostics.
    private static let english = Language.en.catalogue

    /// Diagnostics for animations whose parameters the compute core or the explorer refuses.
    public static func animations(of lesson: Lesson, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for animation in step.animations {
                let config = ExplorerConfig(animation: animation)
                if let problem = drawable(config) {
                    diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1, message: problem))
                    continue
                }
                do {
                    let scene = try Scene.build(config)
                    if let start = animation.startStep, !(1...max(1, scene.steps.count)).contains(start) {
                        diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1,
                            message: "start: step \(start) does not exist; this animation has \(scene.steps.count) steps"))
                    }
                } catch {
                    diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1,
                                                  message: "\(animation.kind.rawValue): \(english.error(error))"))
                }
            }
        }
        return diagnostics
    }

    /// Why the explorer cannot draw `config`, if it cannot: sizes beyond its grids.
    public static func drawable(_ c: ExplorerConfig) -> String? {
        guard c.tooLargeToDraw != nil else { return nil }
        return "grid too large to display: the explorer draws at most \(LessonLimits.maxGridExtent)×\(LessonLimits.maxGridExtent) and \(LessonLimits.maxChannels) channels"
    }

    /// Diagnostics for compute blocks the core refuses or whose `expect` differs from the core's
    /// answer, and for questions whose answer differs from their `compute`.
    public static func computations(of lesson: Lesson, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: 1, message: message))
        }
        for step in lesson.steps {
            for c in step.computations {
                if let problem = drawable(c) {
                    report(c.line, problem)
                    continue
                }
                let value = c.evaluate(english).value
                if case .invalid(let failure) = value, c.expect != .invalid {
                    report(c.line, "compute: \(failure.text(english))")
                } else if let expect = c.expect, !value.matches(expect, tolerance: c.tolerance) {
                    report(c.line, "expect: the compute core gives \(value.text(english)), not \(text(expect))")
                }
            }
        }
        for q in lesson.quizzes {
            guard let c = q.compute else { continue }
            if let problem = drawable(c) {
                report(c.line, problem)
                continue
            }
            let value = c.evaluate(english).value
            if case .invalid(let failure) = value {
                report(c.line, "compute: \(failure.text(english))")
                continue
            }
            switch q.kind {
            case .numeric:
                guard let computed = value.scalar else {
                    report(c.line, "compute: gives \(value.text(english)), not one number for a numeric answer")
                    continue
                }
                let given = Double(q.answer.first ?? "") ?? .nan
                if !(abs(given - computed) <= (q.tolerance ?? 0) || ComputedValue.close(given, computed)) {
                    report(q.line, "answer: the compute core gives \(value.text(english)), not \(q.answer.first ?? "")")
                }
            default:
                let answer = normalized(q.answer.first ?? "")
                if !answer.contains(normalized(value.text(english))) {
                    report(q.line, "answer: '\(q.answer.first ?? "")' does not contain \(value.text(english)), what the compute core gives")
                }
            }
        }
        return diagnostics
    }

    /// Why a computation that shows cells cannot be drawn, if it cannot.
    static func drawable(_ c: Computation) -> String? {
        guard case .animation = c.subject, c.show == .output || c.show == .cell else { return nil }
        return drawable(ExplorerConfig(animation: c.parameters))
    }

    /// `x` and `×`, `−` and `-` written alike, for finding a value in an answer's text.
    private static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "x", with: "×")
            .replacingOccurrences(of: " ", with: "")
    }

    /// An expectation as the author wrote it.
    private static func text(_ e: Computation.Expectation) -> String {
        switch e {
        case .invalid: "invalid"
        case .numbers(let rows) where rows.count == 1 && rows[0].count == 1: Text.number(rows[0][0])
        case .numbers(let rows) where rows.count == 1: ComputedValue.listText(rows[0])
        case .numbers(let rows): ComputedValue.grid(rows).text(english)
        }
    }
}
