import Foundation
import LessonKit
import Localization
import QuizKit
import Testing
@testable import Tutor

/// The lists hold summaries; a lesson is parsed when opened (`.loadLesson`, answered by the
/// runner), and catalogues read after the first frame replace the empty ones.
@Suite struct LessonLoadingTests {
    static let summary = LessonSummary(LessonFixtures.padding, file: "/lessons/en/05-padding.md")

    static func list(_ language: Language = .en, positions: [String: LessonPosition] = [:]) -> AppState {
        var state = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: [summary], positions: positions)
        return state
    }

    @Test("Enter on a lesson not parsed yet asks for it; the answer opens it where the learner stopped")
    func opensWhenLoaded() {
        var state = Self.list(positions: ["padding": LessonPosition(step: 1, stepCount: 3, updatedAt: Date(timeIntervalSince1970: 0))])
        #expect(update(&state, .key(.enter)) == [.loadLesson(id: "padding")])
        guard case .lessons = state.screen else { Issue.record("the list stays until the lesson is read"); return }
        #expect(update(&state, .lessonLoaded(LessonFixtures.padding)) == [])
        guard case .player(let player) = state.screen else { Issue.record("expected the player"); return }
        #expect(player.lesson == LessonFixtures.padding)
        #expect(player.step == 1)
        // Back to the list and in again: parsed once, opened at once.
        _ = update(&state, .key(.character("q")))
        #expect(update(&state, .key(.enter)) == [])
        guard case .player = state.screen else { Issue.record("expected the player again"); return }
    }

    @Test("a lesson read after its list was left does not open")
    func loadedTooLate() {
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        state.catalogue = LessonCatalogue(lessons: [Self.summary])
        _ = update(&state, .key(.character("2")))
        #expect(update(&state, .key(.enter)) == [.loadLesson(id: "padding")])
        _ = update(&state, .key(.character("q")))
        _ = update(&state, .lessonLoaded(LessonFixtures.padding))
        guard case .home = state.screen else { Issue.record("expected home, not the player"); return }
    }

    @Test("a lesson that cannot be read is named on the hint line, with the command that shows why", arguments: Language.allCases)
    func failure(_ language: Language) {
        var state = Self.list(language)
        _ = update(&state, .key(.enter))
        _ = update(&state, .lessonFailed(id: "padding"))
        let bottom = view(state).text.split(separator: "\n", omittingEmptySubsequences: false)[23]
        let expected = language.catalogue.lesson(.cannotOpen(title: "Padding", file: "/lessons/en/05-padding.md"))
        #expect(bottom.trimmingCharacters(in: .whitespaces) == expected)
        _ = update(&state, .key(.down))
        #expect(!view(state).text.contains(expected), "the next key clears it")
    }

    @Test("a long path is shown whole, on the rows above the hint line", arguments: Language.allCases)
    func failureWithALongPath(_ language: Language) {
        let file = "/home/learner/courses/deep-learning/convolution/lessons-from-the-study-group/autumn-term/05-padding.md"
        var state = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: [LessonSummary(LessonFixtures.padding, file: file)])
        _ = update(&state, .key(.enter))
        _ = update(&state, .lessonFailed(id: "padding"))
        let rows = view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = language.catalogue.lesson(.cannotOpen(title: "Padding", file: file))
        #expect(expected.count > 80)
        let notice = rows[21...23].joined()
        #expect(notice.filter { !$0.isWhitespace } == expected.filter { !$0.isWhitespace })
        #expect(rows[23].contains("05-padding.md") || rows[23].contains("查看问题"), "the notice ends on the last row")
        #expect(rows[21...23].allSatisfy { $0.hasPrefix(" ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                "three rows, each a space in from the edge")
    }

    @Test("catalogues read after the first frame replace the empty ones")
    func loadedLater() {
        var state = AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en)
        let catalogue = LessonCatalogue(lessons: [Self.summary])
        let practice = PracticeCatalogue(exercises: [], files: [], statuses: ["x": .new])
        _ = update(&state, .catalogueLoaded(catalogue))
        _ = update(&state, .practiceLoaded(practice))
        #expect(state.catalogue == catalogue)
        #expect(state.practice == practice)
    }

    @Test("a list of thousands shows the window around the selection, and its end")
    func thousands() {
        var state = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: .en)
        state.catalogue = LessonCatalogue(lessons: (1...3000).map { k in
            LessonSummary(file: "/l/\(k).md", meta: LessonMeta(id: "l\(k)", title: "Lesson \(k)", lang: "en", order: k, summary: "About \(k)"),
                          stepCount: k % 12 + 1)
        })
        let top = view(state).text
        #expect(top.contains("▶    1  Lesson 1"))
        #expect(top.contains("▼"))
        _ = update(&state, .key(.end))
        let end = view(state).text
        #expect(end.contains("▶ 3000  Lesson 3000"))
        #expect(end.contains("Lesson 2993"))
        #expect(end.contains("▲"))
        #expect(end.contains("12 steps"), "the widest detail sets the column")
    }

    @Test("the first lessons with the columns of all draw the same first frame as all of them", arguments: Language.allCases)
    func firstLessonsOnly(_ language: Language) {
        let lessons = (1...3000).map { k in
            LessonSummary(file: "/l/\(k).md", meta: LessonMeta(id: "l\(k)", title: "Lesson \(k)", lang: "en", order: k, summary: "About \(k)"),
                          stepCount: k == 3000 ? 123 : k % 9 + 1)
        }
        let positions = ["l2": LessonPosition(step: 1, stepCount: 3, updatedAt: Date(timeIntervalSince1970: 0))]
        var all = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: language)
        all.catalogue = LessonCatalogue(lessons: lessons, positions: positions)
        var first = all
        first.catalogue = LessonCatalogue(first: Array(lessons.prefix(20)), columns: all.catalogue.columns, positions: positions)
        // The last lesson's 123 steps and 4-digit number set columns the first twenty do not reach.
        #expect(view(first).text == view(all).text)
        var firstAlone = all
        firstAlone.catalogue = LessonCatalogue(lessons: Array(lessons.prefix(20)), positions: positions)
        #expect(view(firstAlone).text != view(all).text, "without the columns of all, the first frame would differ")
    }
}
