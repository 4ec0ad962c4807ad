import ConvCore
import LessonKit
import Practice
import Testing

/// The cases an exercise is checked on: reproducible, within the exercise's ranges, answered by
/// the compute core.
@Suite("Drawing cases")
struct CaseDrawTests {
    @Test("the same spec draws the same cases; each target gets its fixed cases and its random ones", arguments: ExerciseTarget.allCases)
    func reproducible(_ target: ExerciseTarget) {
        let spec = ExerciseSpec(line: 1, function: "f", target: target, random: 5, seed: 7)
        let cases = CaseDraw.cases(spec)
        #expect(cases == CaseDraw.cases(spec))
        #expect(cases.filter { $0.label == .random }.count == 5)
        #expect(cases.contains { $0.label != .random })
    }
}
