import Foundation
import ProgressStore
import Testing

/// python3 printing everything in the database `argv[1]` as SQL (`iterdump`: schema and rows,
/// GRDB's migration log included), one statement a line.
let pythonDump = """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    for line in db.iterdump():
        print(line.replace("\\n", " "))
    db.close()
    """

@Suite("Migrations: v1 files grow the review schedule, v2 files take snake_case names, newer ones are refused")
struct MigrationTests {
    /// A progress file as convtutor wrote it before cards existed: GRDB's migration log holding
    /// only "v1-lesson-progress", the v1 table word for word, two lessons, WAL mode.
    let v1File = """
        import sqlite3, sys
        db = sqlite3.connect(sys.argv[1])
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        db.execute("INSERT INTO grdb_migrations VALUES ('v1-lesson-progress')")
        db.execute('''
            CREATE TABLE lesson_progress (
                lesson_id TEXT NOT NULL PRIMARY KEY,
                step INTEGER NOT NULL CHECK (step >= 0),
                step_count INTEGER NOT NULL CHECK (step_count >= 0),
                completed_at REAL,
                updated_at REAL NOT NULL
            )''')
        db.execute("INSERT INTO lesson_progress VALUES ('conv-1d', 4, 9, 1700000060.0, 1700000100.0)")
        db.execute("INSERT INTO lesson_progress VALUES ('padding', 2, 7, NULL, 1700000200.0)")
        db.commit()
        db.close()
        """

    @Test("a v1 file (lesson progress only) is migrated to the current schema and keeps its lessons",
          .enabled(if: pythonAvailable))
    func v1ToCurrent() throws {
        let temp = try TemporaryFolder()
        let made = try runPython(v1File, [temp.database.path])
        try #require(made.status == 0, "\(made.errors)")

        let store = try ProgressStore.open(at: temp.database)
        #expect(try store.allPositions() == [
            "conv-1d": LessonPosition(step: 4, stepCount: 9, completedAt: day(60), updatedAt: day(100)),
            "padding": LessonPosition(step: 2, stepCount: 7, updatedAt: day(200)),
        ])
        #expect(try store.cards().isEmpty)
        // The new tables work, and lessons still do.
        let card = try store.register(id: "lesson:padding/pad-same-k7", topic: "padding", contentHash: "h", now: day(300))
        try store.record(
            ReviewRecord(cardID: card.id, time: day(301), rating: 3, correct: true, duration: 2, answer: "1"),
            updating: card)
        try store.setPosition(lessonID: "padding", step: 3, stepCount: 7, at: day(302))
        try store.close()

        let dump = try runPython(pythonDump, [temp.database.path]).lines
        #expect(dump.contains(#"INSERT INTO "grdb_migrations" VALUES('v1-lesson-progress');"#))
        #expect(dump.contains(#"INSERT INTO "grdb_migrations" VALUES('v2-cards-and-reviews');"#))
        #expect(dump.contains(#"INSERT INTO "grdb_migrations" VALUES('v3-snake-case-columns');"#))
        #expect(dump.contains(#"INSERT INTO "lesson_progress" VALUES('conv-1d',4,9,1700000060.0,1700000100.0);"#))
        for name in ["CREATE TABLE card", "CREATE TABLE review", "CREATE INDEX card_due",
                     "CREATE INDEX review_card_id_time", "CREATE INDEX review_time"] {
            #expect(dump.contains { $0.hasPrefix(name) }, "\(name)")
        }
        let reopened = try ProgressStore.open(at: temp.database)
        #expect(try reopened.position(of: "padding")?.step == 3)
        #expect(try reopened.reviews(of: card.id).count == 1)
    }

    @Test("opening a current file again changes nothing: schema, migration log and rows are the same",
          .enabled(if: pythonAvailable))
    func migratingTwice() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.setPosition(lessonID: "conv-2d", step: 1, stepCount: 5, at: day(1))
            let card = try store.register(id: "gen:output-size", topic: "gen:output-size", contentHash: "a", now: day(2))
            try store.record(
                ReviewRecord(cardID: card.id, time: day(3), rating: 1, correct: false, duration: 9, answer: "5"),
                updating: card)
            try store.close()
        }
        let before = try runPython(pythonDump, [temp.database.path])
        try #require(before.status == 0, "\(before.errors)")
        #expect(before.lines.filter { $0.contains("grdb_migrations\" VALUES") }.count == 3)
        for _ in 0..<2 {
            try ProgressStore.open(at: temp.database).close()
            #expect(try runPython(pythonDump, [temp.database.path]).lines == before.lines)
        }
    }

    @Test("a v3 file with a migration from a newer convtutor is refused and left unchanged",
          .enabled(if: pythonAvailable))
    func newerThanV3() throws {
        let temp = try TemporaryFolder()
        do {
            let store = try ProgressStore.open(at: temp.database)
            try store.register(id: "gen:params", topic: "gen:params", contentHash: "a", now: day())
            try store.close()
        }
        let result = try runPython("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("ALTER TABLE card ADD COLUMN bury INTEGER")
            db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v4-buried-cards')")
            db.commit()
            db.close()
            """, [temp.database.path])
        try #require(result.status == 0, "\(result.errors)")
        let before = try Data(contentsOf: temp.database)

        let error = #expect(throws: ProgressError.self) { try ProgressStore.open(at: temp.database) }
        #expect(error == .newerSchema(path: temp.database.path, unknownMigrations: ["v4-buried-cards"]))
        #expect(error?.description.contains("v4-buried-cards") == true)
        #expect(error?.description.contains("update convtutor") == true)
        #expect(try Data(contentsOf: temp.database) == before)
    }
}
