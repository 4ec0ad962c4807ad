import Localization
import QuizKit
import Testing

@Suite("Ratings")
struct RatingTests {
    @Test("automatic grading: wrong is Again, right is Good; the four grades are FSRS's 1 to 4")
    func automatic() {
        #expect(Rating(correct: false) == .again)
        #expect(Rating(correct: true) == .good)
        #expect(Rating.allCases.map(\.rawValue) == [1, 2, 3, 4])
    }
}
