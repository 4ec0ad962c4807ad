import ConvCore
import LessonKit
import Localization
import Practice
import TermCanvas
import Testing
@testable import Tutor

/// The practice screens as values: the list, an exercise's page with its report, hints, the
/// solution after asking twice, the explorer on the wrong cell, and the way back.
@Suite("Practice screens")
struct PracticeScreenTests {
    static func exercise(_ lang: String = "en") throws -> Lesson {
        try BundledLessonsTests.parse("\(lang)/practice/03-conv-forward.md")
    }

    /// The home screen with the exercise in the practice catalogue.
    static func home(_ language: Language = .en, width: Int = 80, height: Int = 24) throws -> AppState {
        var state = AppState(screen: .home(HomeState()), width: width, height: height, language: language)
        let lesson = try exercise(language.rawValue)
        state.practice = PracticeCatalogue(exercises: [lesson], files: ["/home/learner/convtutor-practice/conv-forward.py"])
        return state
    }

    /// A report of a file that adds the bias inside the window sum, from a run the harness could
    /// have written.
    static func biasReport(_ lesson: Lesson) throws -> PracticeReport {
        let spec = try #require(lesson.exercise?.spec)
        let cases = CaseDraw.cases(spec)
        let events: [HarnessEvent] = cases.indices.flatMap { k -> [HarnessEvent] in
            guard case .arrays(let results) = cases[k].expected, let b = cases[k].tensor("b") else { return [] }
            var out = results[0].tensor
            let s = cases[k].settings
            for offset in out.data.indices { out.data[offset] += Double(s.c * s.kernel.h * s.kernel.w - 1) * b.data[out.index(ofOffset: offset)[1]] }
            return [.started(case: k), .returned(case: k, .array(out), mutated: [])]
        }
        let output = RunOutput(events: [.loaded] + events + [.done], stdout: CapturedText(text: "debug 1\n", totalBytes: 8), ending: .exited(0))
        return Judge.report(spec, cases: cases, output: output, source: nil, limits: Harness.Limits())
    }

    func send(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    func exercise(_ state: AppState) -> ExerciseState? {
        if case .exercise(let e) = state.screen { return e }
        return nil
    }

    @Test("home → Practice lists the exercises; Enter opens one and asks for its file; q goes back, twice to home")
    func navigation() throws {
        var state = try Self.home()
        #expect(send(&state, .character("4")) == [])
        #expect(view(state).text.contains("▶  3  The forward pass of a convolution layer"))
        #expect(view(state).text.contains("conv_forward   new"))
        #expect(send(&state, .enter) == [.openExercise(id: "conv-forward")])
        #expect(view(state).text.contains("Your file: /home/learner/convtutor-practice/conv-forward.py"))
        #expect(send(&state, .character("q")) == [.closeExercise])
        guard case .lessons(let list) = state.screen, list.kind == .exercises else { Issue.record("not the list"); return }
        _ = send(&state, .character("q"))
        guard case .home = state.screen else { Issue.record("not home"); return }
    }

    @Test("a new starter is not checked; a file that was there is checked at once; each save checks again")
    func checks() throws {
        var state = try Self.home()
        _ = send(&state, .character("4"), .enter)
        #expect(update(&state, .exerciseOpened(id: "conv-forward", starterWritten: true, problem: nil)) == [])
        let page = try #require(exercise(state)).page(width: 76, Language.en.catalogue).map(\.plainText)
        #expect(page.contains("The starter was written there: open it in your editor."))
        #expect(page.contains("Not checked yet: save your file, or press c."))
        #expect(update(&state, .exerciseFileChanged(id: "conv-forward")) == [.checkExercise(id: "conv-forward")])
        #expect(view(state).text.contains("Checking…"))
        // A save while a check runs waits for it: the runner tells again after.
        #expect(update(&state, .exerciseFileChanged(id: "conv-forward")) == [])
        let report = try Self.biasReport(Self.exercise())
        _ = update(&state, .exerciseChecked(id: "conv-forward", report, status: .failing(attempts: 1)))
        let frame = view(state).text
        #expect(frame.contains("failing (1 try)"))
        #expect(frame.contains("✗ 0 of \(report.cases.count) cases pass."))
        #expect(frame.contains("! The bias is added inside the window sum"))
        #expect(send(&state, .character("c")) == [.checkExercise(id: "conv-forward")])

        var existing = try Self.home()
        _ = send(&existing, .character("4"), .enter)
        #expect(update(&existing, .exerciseOpened(id: "conv-forward", starterWritten: false, problem: nil)) == [.checkExercise(id: "conv-forward")])
        // A report for another exercise changes only its status.
        _ = update(&existing, .exerciseChecked(id: "other", report, status: .passed(attempts: 2)))
        #expect(existing.practice.status(of: "other") == .passed(attempts: 2))
        #expect(exercise(existing)?.report == nil)
    }

    @Test("h shows the hints one by one, then says there are no more; s asks, s again shows the solution, another key hides it")
    func hintsAndSolution() throws {
        var state = try Self.home(width: 80, height: 40)
        _ = send(&state, .character("4"), .enter)
        let hints = try #require(Self.exercise().exercise?.spec.hints)
        for k in 1...hints.count {
            _ = send(&state, .character("h"))
            #expect(view(state).text.contains("Hint \(k) of \(hints.count):"))
        }
        _ = send(&state, .character("h"))
        #expect(view(state).text.contains("No more hints."))
        _ = send(&state, .character("s"))
        #expect(view(state).text.contains("Show the reference solution? Press s again"))
        _ = send(&state, .character("h"))
        #expect(exercise(state)?.solution == .hidden)
        _ = send(&state, .character("s"), .character("s"))
        #expect(view(state).text.contains("A reference solution:"))
        #expect(view(state).text.contains("out[n, f, i, j] = np.sum(window * W[f]) + b[f]"))
    }

    @Test("a opens the explorer on a wrong cell that fits, with the learner's value; Esc returns to the page")
    func explore() throws {
        var state = try Self.home()
        _ = send(&state, .character("4"), .enter)
        #expect(exercise(state)?.keyContext == .exercise(explore: false))
        let report = try Self.biasReport(Self.exercise())
        _ = update(&state, .exerciseChecked(id: "conv-forward", report, status: .failing(attempts: 1)))
        _ = send(&state, .character("a"))
        let explorer = try #require(exercise(state)?.animation)
        guard case .failed(.wrongValue(let name, let index, _, let got, _)) = report.results[0] else {
            Issue.record("the first case is not a wrong value")
            return
        }
        #expect(explorer.currentStep?.trace?.index == [0] + index.dropFirst())
        #expect(explorer.remark == "your \(Text.cell(name, index)) = \(Text.number(got))")
        #expect(explorer.clipping(width: 80, height: 24, Language.en.catalogue).hiddenGrids == 0)
        #expect(view(state).text.contains("your \(Text.cell(name, index))"))
        _ = send(&state, .escape)
        #expect(exercise(state)?.animation == nil)
        #expect(exercise(state) != nil)
    }

    @Test("the exercise page at 80×24 and 120×40, in both languages: the report scrolled into view", arguments: Language.allCases)
    func frames(_ language: Language) throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = try Self.home(language, width: width, height: height)
            _ = send(&state, .character("4"))
            FrameSnapshotTests.check(state, "practice-list")
            _ = send(&state, .enter)
            _ = update(&state, .exerciseChecked(id: "conv-forward", try Self.biasReport(Self.exercise(language.rawValue)),
                                                status: .failing(attempts: 1)))
            FrameSnapshotTests.check(state, "practice-report")
            let page = try #require(exercise(state)).page(width: ExerciseState.textWidth(state.viewport), language.catalogue)
            #expect(page.allSatisfy { $0.columns <= ExerciseState.textWidth(state.viewport) })
        }
    }
}
