import Foundation
import ProgressStore
import QuizKit
import Testing

@Suite("Lesson positions: saving, reading, resuming")
struct LessonProgressTests {
    @Test("a new store is empty and creates progress.sqlite")
    func emptyStore() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(in: DataDirectory(url: temp.file("data"), source: .option))
        #expect(store.file.path == temp.file("data/progress.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: store.file.path))
        #expect(try store.position(of: "conv-1d") == nil)
        #expect(try store.allPositions().isEmpty)
    }

    @Test("positions round-trip, in this store and after reopening")
    func roundTrip() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.setPosition(lessonID: "conv-1d", step: 3, stepCount: 9, at: day(1))
            try store.setPosition(lessonID: "conv-2d", step: 0, stepCount: 12, at: day(2))
            try store.setPosition(lessonID: "it's \"quoted\"; 中文 -- ok", step: 1, stepCount: 2, at: day(3))
            #expect(try store.position(of: "conv-1d") == LessonPosition(step: 3, stepCount: 9, updatedAt: day(1)))
            try store.close()
        }
        let store = try ProgressStore.open(at: temp.database)
        let all = try store.allPositions()
        #expect(all == [
            "conv-1d": LessonPosition(step: 3, stepCount: 9, updatedAt: day(1)),
            "conv-2d": LessonPosition(step: 0, stepCount: 12, updatedAt: day(2)),
            "it's \"quoted\"; 中文 -- ok": LessonPosition(step: 1, stepCount: 2, updatedAt: day(3)),
        ])
        #expect(all["conv-1d"]?.completed == false)
        #expect(all["conv-1d"]?.step == 3)
        #expect(all["conv-1d"]?.stepCount == 9)
    }

    @Test("setPosition replaces the step, step count and date, and keeps the completion")
    func upsertKeepsCompletion() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        try store.setPosition(lessonID: "pool", step: 4, stepCount: 5, at: day(10))
        try store.markCompleted(lessonID: "pool", at: day(11))
        try store.setPosition(lessonID: "pool", step: 2, stepCount: 6, at: day(12))
        #expect(try store.position(of: "pool")
            == LessonPosition(step: 2, stepCount: 6, completedAt: day(11), updatedAt: day(12)))
    }

    @Test("markCompleted keeps the step and the first completion date")
    func completion() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        try store.setPosition(lessonID: "stride", step: 7, stepCount: 8, at: day(0))
        try store.markCompleted(lessonID: "stride", at: day(60))
        try store.markCompleted(lessonID: "stride", at: day(3600))
        let position = try #require(try store.position(of: "stride"))
        #expect(position.completed)
        #expect(position.step == 7)
        #expect(position.completedAt == day(60))
        #expect(position.updatedAt == day(3600))
    }

    @Test("markCompleted on a lesson never opened records it at step 0 with an unknown step count")
    func completionWithoutPosition() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        try store.markCompleted(lessonID: "padding", at: day(5))
        #expect(try store.position(of: "padding")
            == LessonPosition(step: 0, stepCount: 0, completedAt: day(5), updatedAt: day(5)))
    }

    @Test("restart goes back to step 0 and keeps the completion; a lesson never opened stays so")
    func restart() throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        try store.setPosition(lessonID: "dilation", step: 5, stepCount: 6, at: day(0))
        try store.markCompleted(lessonID: "dilation", at: day(1))
        try store.restart(lessonID: "dilation", at: day(2))
        #expect(try store.position(of: "dilation")
            == LessonPosition(step: 0, stepCount: 6, completedAt: day(1), updatedAt: day(2)))
        try store.restart(lessonID: "never-opened", at: day(3))
        #expect(try store.position(of: "never-opened") == nil)
    }

    @Test("steps outside the lesson are refused", arguments: [(-1, 5), (5, 5), (9, 5), (0, 0)])
    func invalidPosition(step: Int, stepCount: Int) throws {
        let temp = try TemporaryFolder()
        let store = try ProgressStore.open(at: temp.database)
        let error = #expect(throws: ProgressError.self) {
            try store.setPosition(lessonID: "x", step: step, stepCount: stepCount, at: day())
        }
        #expect(error == .invalidPosition(lessonID: "x", step: step, stepCount: stepCount))
        #expect(try store.position(of: "x") == nil)
    }

    @Test("a learner's week: open, step, quit, resume, finish, restart, lesson edited")
    func resumeSemantics() throws {
        let temp = try TemporaryFolder()
        let data = DataDirectory(url: temp.url, source: .home)
        let lesson = "conv-2d"

        // Monday: first visit starts at step 0; the learner steps to 3 and quits.
        do {
            let store = try ProgressStore.open(in: data)
            let start = try store.position(of: lesson)?.resumeStep(currentStepCount: 10) ?? 0
            #expect(start == 0)
            for step in 1...3 { try store.setPosition(lessonID: lesson, step: step, stepCount: 10, at: day(Double(step))) }
        }
        // Tuesday: resumes at 3, steps back to 2 (the position is where they are, not the furthest),
        // then goes to the end and finishes.
        do {
            let store = try ProgressStore.open(in: data)
            let position = try #require(try store.position(of: lesson))
            #expect(position.resumeStep(currentStepCount: 10) == 3)
            #expect(!position.completed)
            try store.setPosition(lessonID: lesson, step: 2, stepCount: 10, at: day(86_400))
            #expect(try store.position(of: lesson)?.step == 2)
            try store.setPosition(lessonID: lesson, step: 9, stepCount: 10, at: day(86_500))
            try store.markCompleted(lessonID: lesson, at: day(86_500))
        }
        // Wednesday: the lesson shows as completed, at its last step; the learner restarts it.
        do {
            let store = try ProgressStore.open(in: data)
            #expect(try store.allPositions()[lesson]
                == LessonPosition(step: 9, stepCount: 10, completedAt: day(86_500), updatedAt: day(86_500)))
            try store.restart(lessonID: lesson, at: day(172_800))
            #expect(try store.position(of: lesson)?.step == 0)
            #expect(try store.position(of: lesson)?.completed == true)
            try store.setPosition(lessonID: lesson, step: 8, stepCount: 10, at: day(172_900))
        }
        // Thursday: the author cut the lesson to 6 steps; resuming lands on its last step.
        let store = try ProgressStore.open(in: data)
        let position = try #require(try store.position(of: lesson))
        #expect(position.resumeStep(currentStepCount: 6) == 5)
        #expect(position.resumeStep(currentStepCount: 10) == 8)
    }
}
