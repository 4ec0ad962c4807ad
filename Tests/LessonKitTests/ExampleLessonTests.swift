import Foundation
import LessonKit
import Testing
import TestSupport

/// The example lesson of the authors' guide parses cleanly, and says what the guide says it does.
@Suite("Example lesson")
struct ExampleLessonTests {
    static let url = packageRoot.appendingPathComponent("Lessons/example/01-example.md")

    @Test("Lessons/example/01-example.md parses with no diagnostics")
    func parses() throws {
        let data = try Data(contentsOf: Self.url)
        let clock = ContinuousClock()
        var result: (lesson: Lesson?, diagnostics: [Diagnostic])!
        let elapsed = clock.measure { result = LessonParser.parse(data: data, file: "Lessons/example/01-example.md") }
        print("parse example lesson: \(elapsed)")
        #expect(result.diagnostics == [])
        let lesson = try #require(result.lesson)
        #expect(lesson.meta.id == "example")
        #expect(lesson.steps.count == 3)
        #expect(lesson.steps.flatMap(\.animations).map(\.kind) == [.conv2d])
        #expect(lesson.quizzes.map(\.kind) == [.single, .numeric])
        let blocks = lesson.steps.flatMap(\.blocks)
        #expect(blocks.contains { if case .math = $0 { true } else { false } })
        #expect(blocks.filter { if case .compute = $0 { true } else { false } }.count == 3)
        #expect(lesson.quizzes.map { $0.compute != nil } == [true, true])
    }

    @Test("the example's numbers: the animation's values and the quiz answers")
    func numbers() throws {
        let lesson = try #require(LessonParser.parse(data: Data(contentsOf: Self.url), file: "example.md").lesson)
        let animation = try #require(lesson.steps[0].animations.first)
        #expect(animation.explicit[.x] == [[1, 2, 0, 1], [0, 1, 3, 2], [2, 0, 1, 1], [1, 3, 0, 2]])
        #expect(animation.explicit[.w] == [[1, 0, -1], [0, 2, 0], [-1, 0, 1]])
        // y[1,0] by hand: the window over rows 1–3 and columns 0–2.
        let x: [[Double]] = try #require(animation.explicit[.x]), w: [[Double]] = try #require(animation.explicit[.w])
        var y10 = 0.0
        for m in 0..<3 {
            for n in 0..<3 { y10 += x[1 + m][n] * w[m][n] }
        }
        #expect(lesson.quizzes[1].answer == [String(Int(y10))])
        #expect(lesson.quizzes[0].answer == ["4×4"])
    }
}
