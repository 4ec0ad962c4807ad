import Foundation
import GRDB
import LessonKit
import Testing
@testable import LessonIndex

/// The lesson index: what is parsed on each start, what it remembers, and that a damaged or busy
/// index never changes the answer.
@Suite struct LessonIndexTests {
    /// A folder of lesson files and an index beside them, removed at the end.
    final class Folder {
        let url: URL
        var index: URL { url.appendingPathComponent("index.sqlite") }
        /// Every path `summarise` was asked to parse, over all calls.
        var parsed: [String] = []
        /// Every path read.
        var read: [String] = []

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-index-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        /// Writes `text` to `name` and returns its URL.
        @discardableResult
        func write(_ name: String, _ text: String) throws -> URL {
            let file = url.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            return file
        }

        /// The summaries of `files` through the index (or none): a file's summary is its text as the
        /// title, its length as the step count, its words its questions; a text starting with "bad"
        /// does not parse.
        func summaries(_ files: [URL], index: URL?? = .none) -> [LessonSummary?] {
            LessonIndex.summaries(of: files.map(\.path), index: index ?? self.index, read: { path in
                self.read.append(path)
                return FileManager.default.contents(atPath: path)
            }, summarise: { contents in
                self.parsed += contents.map(\.file)
                return contents.map { c in
                    let text = String(decoding: c.data, as: UTF8.self)
                    return text.hasPrefix("bad") ? nil : LessonIndex.Entry(summary: Self.summary(text, file: c.file), questions: Self.questions(text))
                }
            })
        }

        static func questions(_ text: String) -> [String] {
            text.split(separator: " ").map { "q-\($0)" }
        }

        static func summary(_ text: String, file: String) -> LessonSummary {
            LessonSummary(file: file, meta: LessonMeta(id: text, title: text, lang: "en", order: text.count, summary: "about \(text)",
                                                       requires: ["a", "b"], kind: text.hasPrefix("ex") ? .exercise : .lesson),
                          stepCount: text.count, function: text.hasPrefix("ex") ? "f" : "")
        }

        /// Moves the file's modification time by `seconds`, keeping its bytes.
        func touch(_ file: URL, by seconds: TimeInterval) throws {
            let date = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as! Date
            try FileManager.default.setAttributes([.modificationDate: date.addingTimeInterval(seconds)], ofItemAtPath: file.path)
        }
    }

    @Test func theFirstStartParsesEveryFileAndTheNextNone() throws {
        let folder = try Folder()
        let files = [try folder.write("a.md", "alpha"), try folder.write("b.md", "exercise"), try folder.write("c.md", "gamma")]
        let first = folder.summaries(files)
        #expect(first == files.map { Folder.summary(String(decoding: try! Data(contentsOf: $0), as: UTF8.self), file: $0.path) })
        #expect(folder.parsed == files.map(\.path))
        folder.parsed = []
        folder.read = []
        let second = folder.summaries(files)
        #expect(second == first, "every field comes back from the index as it went in")
        #expect(folder.parsed.isEmpty)
        #expect(folder.read.isEmpty, "a file whose size and time match is not even read")
    }

    @Test func onlyAChangedFileIsParsedAgain() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        let b = try folder.write("b.md", "beta")
        _ = folder.summaries([a, b])
        folder.parsed = []
        try folder.write("b.md", "beta, longer")
        let again = folder.summaries([a, b])
        #expect(folder.parsed == [b.path])
        #expect(again[1]?.meta.title == "beta, longer")
        #expect(again[0]?.meta.title == "alpha")
    }

    @Test func aChangeOfTheSameSizeIsSeenByItsTime() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        _ = folder.summaries([a])
        folder.parsed = []
        try folder.write("a.md", "omega")
        try folder.touch(a, by: 5)
        #expect(folder.summaries([a])[0]?.meta.title == "omega")
        #expect(folder.parsed == [a.path])
    }

    @Test func aTouchedFileIsReadAndHashedButNotParsed() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        let first = folder.summaries([a])
        try folder.touch(a, by: 60)
        folder.parsed = []
        folder.read = []
        #expect(folder.summaries([a]) == first)
        #expect(folder.read == [a.path])
        #expect(folder.parsed.isEmpty, "the same bytes need no parse")
        folder.read = []
        _ = folder.summaries([a])
        #expect(folder.read.isEmpty, "the new time was written: the next start reads nothing")
    }

    @Test func aFileWithErrorsIsRememberedUntilItChanges() throws {
        let folder = try Folder()
        let bad = try folder.write("bad.md", "bad lesson")
        #expect(folder.summaries([bad]) == [nil])
        folder.parsed = []
        #expect(folder.summaries([bad]) == [nil])
        #expect(folder.parsed.isEmpty)
        try folder.write("bad.md", "fixed lesson")
        #expect(folder.summaries([bad])[0]?.meta.title == "fixed lesson")
    }

    @Test func aMissingFileHasNoSummaryAndItsRowGoes() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        let b = try folder.write("b.md", "beta")
        _ = folder.summaries([a, b])
        try FileManager.default.removeItem(at: b)
        try folder.write("a.md", "alpha two")
        #expect(folder.summaries([a, b]) == [Folder.summary("alpha two", file: a.path), nil])
        // Written back, the file reappears: its old row is gone, so it is parsed again.
        try folder.write("b.md", "beta")
        folder.parsed = []
        _ = folder.summaries([a, b])
        #expect(folder.parsed == [b.path])
    }

    @Test(arguments: ["not a database at all, just text", String(repeating: "\u{0}", count: 8192)])
    func aDamagedIndexIsRebuilt(garbage: String) throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        try Data(garbage.utf8).write(to: folder.index)
        #expect(folder.summaries([a]) == [Folder.summary("alpha", file: a.path)])
        folder.parsed = []
        #expect(folder.summaries([a]) == [Folder.summary("alpha", file: a.path)])
        #expect(folder.parsed.isEmpty, "the rebuilt index is used at the next start")
    }

    @Test func anIndexOfAnotherFormatIsRebuilt() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        _ = folder.summaries([a])
        // An index written by another version of convtutor.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.commit()",
                            folder.index.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        folder.parsed = []
        #expect(folder.summaries([a]) == [Folder.summary("alpha", file: a.path)])
        #expect(folder.parsed == [a.path])
    }

    @Test func anIndexThatCannotBeWrittenChangesNothing() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        let missing = folder.url.appendingPathComponent("no-such-folder/index.sqlite")
        #expect(folder.summaries([a], index: .some(missing)) == [Folder.summary("alpha", file: a.path)])
        #expect(folder.summaries([a], index: .some(nil)) == [Folder.summary("alpha", file: a.path)])
    }

    @Test func buildersAtOnceEachGetEverySummaryAndLeaveAWholeIndex() async throws {
        let folder = try Folder()
        let files = try (0..<200).map { try folder.write("l\($0).md", "lesson \($0)") }
        let expected = files.enumerated().map { k, f in Folder.summary("lesson \(k)", file: f.path) } as [LessonSummary?]
        let index = folder.index
        // Separate connections, as two processes would have: each builds the whole index at once.
        let results = await withTaskGroup(of: [LessonSummary?].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    LessonIndex.summaries(of: files.map(\.path), index: index, read: { FileManager.default.contents(atPath: $0) },
                                          summarise: { contents in
                        contents.map { c in
                            let text = String(decoding: c.data, as: UTF8.self)
                            return LessonIndex.Entry(summary: Folder.summary(text, file: c.file), questions: Folder.questions(text))
                        }
                    })
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        for result in results { #expect(result == expected) }
        folder.parsed = []
        #expect(folder.summaries(files) == expected)
        #expect(folder.parsed.isEmpty)
    }

    @Test func theHashIsFNV1a() {
        // Published FNV-1a 64 values: the empty string and "a".
        #expect(UInt64(bitPattern: LessonIndex.fnv1a(Data())) == 0xcbf2_9ce4_8422_2325)
        #expect(UInt64(bitPattern: LessonIndex.fnv1a(Data("a".utf8))) == 0xaf63_dc4c_8601_ec8c)
        #expect(UInt64(bitPattern: LessonIndex.fnv1a(Data("foobar".utf8))) == 0x85944171f73967e8)
    }

    @Test func aSnapshotComesBackAsSaved() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        _ = folder.summaries([a])
        let summaries = [Folder.summary("alpha", file: a.path), Folder.summary("exercise 中文", file: "/x/中文.md"),
                         LessonSummary(file: "/y.md", meta: LessonMeta(id: "y", title: "", lang: "zh", order: -3, summary: ""),
                                       stepCount: 0)]
        #expect(LessonIndex.snapshot("en", index: folder.index) == nil)
        LessonIndex.saveSnapshot(summaries, key: "en", index: folder.index)
        let saved = try #require(LessonIndex.snapshot("en", index: folder.index))
        #expect(saved.lessons == summaries)
        #expect(saved.widestOrder == 11 && saved.stepCounts == [0, 5, 11], "the order and step counts of every lesson")
        // The first lessons only, with the columns of all.
        let first = try #require(LessonIndex.snapshot("en", index: folder.index, first: 1))
        #expect(first.lessons == Array(summaries.prefix(1)))
        #expect(first.widestOrder == saved.widestOrder && first.stepCounts == saved.stepCounts)
        #expect(LessonIndex.snapshot("zh", index: folder.index) == nil, "each key keeps its own list")
        LessonIndex.saveSnapshot([], key: "en", index: folder.index)
        #expect(LessonIndex.snapshot("en", index: folder.index)?.lessons == [])
    }

    @Test func theHeadOfALongListHasTheColumnsOfAll() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha")
        _ = folder.summaries([a])
        let summaries = (1...300).map { k in
            LessonSummary(file: "/l/\(k).md", meta: LessonMeta(id: "l\(k)", title: "L\(k)", lang: "en", order: k, summary: ""),
                          stepCount: k == 300 ? 99 : 1)
        }
        LessonIndex.saveSnapshot(summaries, key: "en", index: folder.index)
        let head = try #require(LessonIndex.snapshot("en", index: folder.index, first: 10))
        #expect(head.lessons == Array(summaries.prefix(10)))
        #expect(head.widestOrder == 300 && head.stepCounts == [1, 99])
        #expect(LessonIndex.snapshot("en", index: folder.index, first: 280)?.lessons == Array(summaries.prefix(280)), "past the head: from the whole")
        #expect(LessonIndex.snapshot("en", index: folder.index)?.lessons == summaries)
    }

    @Test func aSnapshotCutShortIsNone() {
        let data = SnapshotCoding.encode([Folder.summary("alpha", file: "/a.md"), Folder.summary("beta", file: "/b.md")])
        #expect(SnapshotCoding.decode(data)?.lessons.count == 2)
        for cut in [1, 9, data.count / 2, data.count - 1] {
            #expect(SnapshotCoding.decode(data.prefix(cut)) == nil)
        }
        #expect(SnapshotCoding.decode(data + Data([0])) == nil, "bytes left over")
    }

    @Test func noIndexMeansNoSnapshot() throws {
        let folder = try Folder()
        #expect(LessonIndex.snapshot("en", index: folder.index) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.index.path), "looking does not create the index")
    }
}

extension LessonIndexTests {
    @Test func aFolderRemovedIsForgottenAtTheNextWrite() throws {
        let kept = try Folder()
        let removed = try Folder()
        let a = try kept.write("a.md", "alpha")
        let b = try removed.write("b.md", "beta")
        _ = kept.summaries([a, b])
        let gone = LessonIndex.snapshotKey(language: "en", folders: [kept.url.path, removed.url.path])
        let stays = LessonIndex.snapshotKey(language: "en", folders: [kept.url.path])
        LessonIndex.saveSnapshot([], key: gone, index: kept.index)
        LessonIndex.saveSnapshot([], key: stays, index: kept.index)
        try FileManager.default.removeItem(at: removed.url)
        // Nothing written, nothing forgotten yet; a change elsewhere writes, and forgets.
        try kept.write("a.md", "alpha two")
        _ = kept.summaries([a])
        #expect(LessonIndex.snapshot(gone, index: kept.index) == nil)
        #expect(LessonIndex.snapshot(stays, index: kept.index)?.lessons == [])
        let rows = try DatabaseQueue(path: kept.index.path).read { db in
            try String.fetchAll(db, sql: "SELECT path FROM lesson_file ORDER BY path")
        }
        #expect(rows == [a.path])
    }

    @Test func questionIdsComeBackByPathAndSurviveATouch() throws {
        let folder = try Folder()
        let a = try folder.write("a.md", "alpha beta")
        let bad = try folder.write("bad.md", "bad one")
        _ = folder.summaries([a, bad])
        let missing = folder.url.appendingPathComponent("missing.md").path
        #expect(LessonIndex.questions(ofFiles: [a.path, bad.path, missing], index: folder.index) == [a.path: ["q-alpha", "q-beta"]])
        // A touch moves only the stamp: the ids stay.
        try folder.touch(a, by: 30)
        _ = folder.summaries([a, bad])
        #expect(LessonIndex.questions(ofFiles: [a.path], index: folder.index) == [a.path: ["q-alpha", "q-beta"]])
        try folder.write("a.md", "gamma")
        _ = folder.summaries([a])
        #expect(LessonIndex.questions(ofFiles: [a.path], index: folder.index) == [a.path: ["q-gamma"]])
        #expect(LessonIndex.questions(ofFiles: [a.path], index: folder.url.appendingPathComponent("none.sqlite")).isEmpty)
    }
}
