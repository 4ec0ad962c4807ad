import Foundation
import ProgressStore
import Testing

@Suite("Opening a file that is damaged, newer, missing or not ours")
struct OpenFailureTests {
    /// The message the brief asks for, word for word.
    func damagedMessage(_ path: String) -> String {
        "\(path) is damaged: move it aside (for example to \(path).broken) and convtutor starts a fresh one; "
            + "the lesson positions and answers in it are lost"
    }

    @Test("garbage bytes: the damaged message, and the file is left byte for byte")
    func garbage() throws {
        let temp = try TemporaryFolder()
        var random = SystemRandomNumberGenerator()
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) })
        try garbage.write(to: temp.database)
        for _ in 0..<2 {  // and again: still refused, still untouched
            let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
            #expect(error == .damaged(path: temp.database.path, sideFiles: []))
            #expect(error?.description == damagedMessage(temp.database.path))
            #expect(try Data(contentsOf: temp.database) == garbage)
        }
    }

    @Test("text that is not a database (a file put there by mistake)")
    func textFile() throws {
        let temp = try TemporaryFolder()
        let text = Data(String(repeating: "These are my notes about convolution.\n", count: 200).utf8)
        try text.write(to: temp.database)
        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
        #expect(error?.description.hasPrefix(damagedMessage(temp.database.path)) == true)
        #expect(try Data(contentsOf: temp.database) == text)
    }

    @Test("a real progress file with its first table pages overwritten is refused at open and left as it was")
    func damagedPage() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            for k in 0..<300 {
                try store.setPosition(lessonID: "lesson-\(k)-" + String(repeating: "x", count: 40),
                                      step: k % 7, stepCount: 7, at: day(Double(k)))
            }
            try store.close()
        }
        #expect(!FileManager.default.fileExists(atPath: temp.database.path + "-wal"), "closing checkpoints the WAL")
        var bytes = try Data(contentsOf: temp.database)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        try #require(bytes.count >= 4 * pageSize, "\(bytes.count) bytes, pages of \(pageSize)")
        // Overwrite pages 2 and 3 (the first table pages) with a pattern no b-tree page starts with.
        for k in pageSize..<(3 * pageSize) { bytes[k] = UInt8(truncatingIfNeeded: k &* 37 | 0x81) }
        try bytes.write(to: temp.database)

        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
        guard case .damaged(let path, let sideFiles) = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(path == temp.database.path)
        // The message asks to move only side files that are really there.
        for file in sideFiles { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }
        #expect(error?.description.hasPrefix(damagedMessage(temp.database.path)) == true)
        #expect(try Data(contentsOf: temp.database) == bytes)
    }

    @Test("damage deep in the review log, unread at open: the first read meeting it is .damaged, then writes are refused")
    func damageMetLater() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            let card = try store.register(id: "gen:output-size", topic: "gen:output-size", contentHash: "h", now: day())
            for k in 0..<2_000 {
                try store.record(ReviewRecord(cardID: card.id, time: day(Double(k)), rating: 3, correct: true, duration: 1,
                                              answer: String(repeating: "7", count: 100)), updating: card)
            }
            try store.close()
        }
        var bytes = try Data(contentsOf: temp.database)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        try #require(bytes.count >= 40 * pageSize, "\(bytes.count) bytes, pages of \(pageSize)")
        // The last pages were written last: the review log and its indexes.
        for k in (bytes.count - 3 * pageSize)..<bytes.count { bytes[k] = UInt8(truncatingIfNeeded: k &* 37 | 0x81) }
        try bytes.write(to: temp.database)

        let store = try ProgressStore.open(at: temp.database)
        let error = #expect(throws: ProgressError.self) { try store.reviews(since: .distantPast) }
        guard case .damaged(let path, _) = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(path == temp.database.path)
        // A write that would not even touch the damaged pages is refused too.
        let refused = #expect(throws: ProgressError.self) {
            try store.setPosition(lessonID: "a", step: 0, stepCount: 2, at: day())
        }
        if case .damaged = refused {} else { Issue.record("expected .damaged, got \(String(describing: refused))") }
        try store.close()
        #expect(try Data(contentsOf: temp.database) == bytes)
    }

    @Test("opening and reading an up-to-date file writes nothing: the file is unchanged, no -wal is left")
    func openWritesNothing() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.setPosition(lessonID: "a", step: 1, stepCount: 2, at: day())
            try store.close()
        }
        let path = temp.database.path
        let before = try Data(contentsOf: temp.database)
        // Back-dated, so that any write, even of the same bytes, shows as a new modification time.
        let old = Date(timeIntervalSince1970: 1_600_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)

        let store = try ProgressStore.open(at: temp.database)
        #expect(try store.position(of: "a")?.step == 1)
        _ = try store.statistics(now: day(), calendar: Calendar(identifier: .gregorian))
        let walWhileOpen = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(walWhileOpen == 0, "nothing went to the WAL")
        try store.close()

        #expect(try Data(contentsOf: temp.database) == before)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(modified == old)
        for side in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + side), "\(side)") }
    }

    @Test("an empty file (say, made by touch) becomes a fresh database")
    func emptyFile() throws {
        let temp = try TemporaryFolder()
        try Data().write(to: temp.database)
        let store = try ProgressStore.open(at: temp.database)
        try store.setPosition(lessonID: "a", step: 1, stepCount: 2, at: day())
        #expect(try store.position(of: "a")?.step == 1)
    }

    @Test("a file from a newer convtutor is refused and left unchanged", .enabled(if: pythonAvailable))
    func newerSchema() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.setPosition(lessonID: "a", step: 1, stepCount: 2, at: day())
            try store.close()
        }
        // What a later version would have done: applied a migration this one does not know.
        let result = try runPython("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
            db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-future-things')")
            db.commit()
            db.close()
            """, [temp.database.path])
        #expect(result.status == 0, "\(result.errors)")
        let before = try Data(contentsOf: temp.database)

        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
        #expect(error == .newerSchema(path: temp.database.path, unknownMigrations: ["v99-future-things"]))
        let message = error?.description ?? ""
        #expect(message.hasPrefix("\(temp.database.path) was written by a newer convtutor"))
        #expect(message.contains("update convtutor"))
        #expect(try Data(contentsOf: temp.database) == before)
    }

    @Test("a folder that does not exist, because a file is in its way (fails for root too)")
    func folderUnderAFile() throws {
        let temp = try TemporaryFolder()
        let file = temp.file("plain.txt")
        try Data("not a folder".utf8).write(to: file)
        let database = file.appendingPathComponent("sub/progress.sqlite")

        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: database) }
        #expect(error == .cannotOpen(path: database.path, reason: "its folder \(file.path)/sub does not exist"))
        #expect(error?.description.hasPrefix("cannot open the progress file \(database.path)") == true)

        let viaFolder = #expect(throws: ProgressError.self) {
            try ProgressStore.open(in: DataDirectory(url: file.appendingPathComponent("sub"), source: .option))
        }
        guard case .cannotCreateDirectory(let path, _, .option) = viaFolder else {
            Issue.record("expected .cannotCreateDirectory, got \(String(describing: viaFolder))")
            return
        }
        #expect(path == file.path + "/sub")
    }

    @Test("progress.sqlite is a folder")
    func databaseIsAFolder() throws {
        let temp = try TemporaryFolder()
        try FileManager.default.createDirectory(at: temp.database, withIntermediateDirectories: false)
        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
        #expect(error == .cannotOpen(path: temp.database.path, reason: "it is a folder, not a file"))
    }

    @Test("an unwritable folder or file: permission denied (as root, chmod stops nothing: the store works)")
    func permissions() throws {
        let temp = try TemporaryFolder()
        let locked = temp.file("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        let database = locked.appendingPathComponent("progress.sqlite")
        chmod(locked.path, 0o000)
        if runningAsRoot {
            // Root may write anyway, and the store must not refuse what it can do.
            let store = try ProgressStore.open(at: database)
            try store.setPosition(lessonID: "a", step: 0, stepCount: 1, at: day())
            #expect(try store.position(of: "a")?.step == 0)
            return
        }
        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: database) }
        #expect(error == .permissionDenied(path: database.path))
        #expect(error?.description.hasPrefix("cannot write the progress file \(database.path): permission denied") == true)

        // A read-only file in a writable folder.
        chmod(locked.path, 0o700)
        do {
            let store = try ProgressStore.open(at: database)
            try store.setPosition(lessonID: "a", step: 0, stepCount: 1, at: day())
            try store.close()
        }
        chmod(database.path, 0o400)
        let readOnly = #expect(throws: ProgressError.self) { try ProgressStore.open(at: database) }
        #expect(readOnly == .permissionDenied(path: database.path))
    }

    @Test("every message names its file and says what to do")
    func messages() {
        let path = "/home/ada/.local/share/convtutor/progress.sqlite"
        let cases: [(ProgressError, [String])] = [
            (.cannotCreateDirectory(path: "/x/y", reason: "Permission denied", source: .xdgDataHome),
             ["/x/y", "XDG_DATA_HOME", "Permission denied", "--data-dir"]),
            (.cannotOpen(path: path, reason: "its folder /x does not exist"), [path, "/x does not exist", "--data-dir"]),
            (.damaged(path: path, sideFiles: [path + "-wal"]),
             [damagedMessage(path), "Move \(path)-wal aside with it"]),
            (.permissionDenied(path: path), [path, "permission denied", "chmod u+rw"]),
            (.newerSchema(path: path, unknownMigrations: ["v2-cards"]), [path, "newer convtutor", "v2-cards", "update"]),
            (.busy(path: path), [path, "5 seconds", "close other convtutor"]),
            (.diskFull(path: path), [path, "disk is full"]),
            (.invalidPosition(lessonID: "l", step: 3, stepCount: 3), ["step 3", "lesson l", "3 steps"]),
            (.database(path: path, message: "disk I/O error"), [path, "disk I/O error"]),
        ]
        for (error, parts) in cases {
            for part in parts {
                #expect(error.description.contains(part), "\(error) should mention \(part)")
            }
        }
    }
}
