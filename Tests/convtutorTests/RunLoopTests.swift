import LessonKit
import Localization
import TermCanvas
import Testing
import Tutor
@testable import convtutor

/// The run loop draws the first frame, then reads what the first screen did not need, before any
/// key.
@Suite struct RunLoopTests {
    @Test("afterFirstFrame runs once, after the first frame and before the first key")
    func afterFirstFrame() {
        var backend = TestBackend(width: 80, height: 24, events: [.key(.character("2")), .key(.control("c"))])
        var calls = 0
        let summary = LessonSummary(file: "/l/05-padding.md", meta: LessonMeta(id: "padding", title: "Padding, read later", lang: "en",
                                                                               order: 5, summary: "Zeros."), stepCount: 3)
        let status = run(AppState(screen: .home(HomeState()), width: 80, height: 24, language: .en), on: &backend,
                         afterFirstFrame: {
                             calls += 1
                             return [.catalogueLoaded(LessonCatalogue(lessons: [summary]))]
                         })
        #expect(status == 130)
        // Home, home again with the catalogue (had it been read before the first frame, there would
        // be no second home), then the list that key "2" opened, showing it.
        #expect(backend.presents == 3)
        #expect(calls == 1)
        #expect(backend.screen.text.contains("Padding, read later"))
    }
}
