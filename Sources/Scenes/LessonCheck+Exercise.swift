import LessonKit
import Practice

extension LessonCheck {
    /// Diagnostics for an exercise whose cases cannot be drawn: no case within its ranges, or
    /// fewer random ones than it asks for (ranges where the kernel outgrows the padded input).
    public static func exercise(of lesson: Lesson, file: String) -> [Diagnostic] {
        guard let spec = lesson.exercise?.spec else { return [] }
        let cases = CaseDraw.cases(spec)
        let random = cases.filter { $0.label == .random }.count
        var diagnostics: [Diagnostic] = []
        if cases.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: spec.line, column: 1,
                                          message: "exercise: no case lies within the ranges of 'cases'; widen them"))
        } else if random < spec.random {
            diagnostics.append(Diagnostic(file: file, line: spec.line, column: 1,
                message: "exercise: only \(random) of \(spec.random) random cases could be drawn within the ranges of 'cases' (the kernel must fit in the padded input)"))
        }
        return diagnostics
    }
}
