import Foundation
import ProgressStore
import QuizKit
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

/// python3 printing the names in the schema of the database `argv[1]`: each table as
/// `table: column, column, ...` (`PRAGMA table_info`), then the SQL of each index made by a
/// statement (SQLite's own indexes for primary keys have none), both by name.
let pythonSchemaNames = """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    for (table,) in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        print(table + ": " + ", ".join(columns))
    for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"):
        print(sql)
    db.close()
    """

/// python3 printing every row of the database `argv[1]` as `table (value, ...)` with Python's
/// `repr`, which tells 1 from 1.0 and NULL (None) from text, in the order the rows were inserted;
/// the migration log last.
let pythonRows = """
    import sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    for table in ["lesson_progress", "card", "review", "sqlite_sequence", "grdb_migrations"]:
        for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            print(table, repr(row))
    db.close()
    """

/// The SQL of migration "v1-lesson-progress", word for word.
let v1Schema = """
    CREATE TABLE lesson_progress (
        lesson_id TEXT NOT NULL PRIMARY KEY,
        step INTEGER NOT NULL CHECK (step >= 0),
        step_count INTEGER NOT NULL CHECK (step_count >= 0),
        completed_at REAL,
        updated_at REAL NOT NULL
    );
    """

/// The SQL of migration "v2-cards-and-reviews", word for word: the camelCase names that
/// "v3-snake-case-columns" renames.
let v2Schema = """
    CREATE TABLE card (
        id TEXT NOT NULL PRIMARY KEY,
        topic TEXT NOT NULL,
        contentHash TEXT NOT NULL,
        state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
        step INTEGER NULL CHECK (step >= 0),
        stability REAL NULL,
        difficulty REAL NULL,
        due DATETIME NOT NULL,
        lastReview DATETIME NULL,
        reps INTEGER NOT NULL CHECK (reps >= 0),
        lapses INTEGER NOT NULL CHECK (lapses >= 0),
        changed BOOLEAN NOT NULL DEFAULT 0 CHECK (changed IN (0, 1))
    );
    CREATE INDEX card_due ON card (due);
    CREATE TABLE review (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cardId TEXT NOT NULL REFERENCES card (id),
        time DATETIME NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        correct BOOLEAN NULL CHECK (correct IN (0, 1)),
        duration REAL NOT NULL CHECK (duration >= 0),
        answer TEXT NOT NULL
    );
    CREATE INDEX review_cardId_time ON review (cardId, time);
    CREATE INDEX review_time ON review (time);
    """

/// Python that opens `db` on the file named by its first argument and gives it the migration log
/// and table of a file convtutor wrote before cards existed (migration v1), in WAL mode.
let v1SchemaScript = """
    import random, sqlite3, sys
    db = sqlite3.connect(sys.argv[1])
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    db.execute("INSERT INTO grdb_migrations VALUES ('v1-lesson-progress')")
    db.executescript('''\(v1Schema)''')
    """

/// The same for a file written before v3 (migrations v1 and v2).
let v2SchemaScript = v1SchemaScript + "\n" + """
    db.execute("INSERT INTO grdb_migrations VALUES ('v2-cards-and-reviews')")
    db.executescript('''\(v2Schema)''')
    """

@Suite("Migrations: v1 files grow the review schedule, v2 files take snake_case names, newer ones are refused")
struct MigrationTests {
    /// The schema's names today, as `pythonSchemaNames` prints them: snake_case throughout.
    let currentSchema = [
        "card: id, topic, content_hash, state, step, stability, difficulty, due, last_review, reps, lapses, changed, "
            + "review_count, graded_count, correct_count",
        "grdb_migrations: identifier",
        "lesson_progress: lesson_id, step, step_count, completed_at, updated_at",
        "practice_attempt: id, exercise_id, time, passed, cases_passed, cases_total",
        "review: id, card_id, time, rating, correct, duration, answer",
        "sqlite_sequence: name, seq",
        "topic_totals: topic, card_count, review_count, graded_count, correct_count",
        "CREATE INDEX card_due ON card (due)",
        "CREATE INDEX practice_attempt_exercise_time ON practice_attempt (exercise_id, time)",
        "CREATE INDEX review_card_id_time ON review (card_id, time)",
        "CREATE INDEX review_time ON review (time)",
    ]

    /// A progress file as convtutor wrote it before cards existed: GRDB's migration log holding
    /// only "v1-lesson-progress", the v1 table word for word, two lessons, WAL mode.
    let v1File = v1SchemaScript + "\n" + """
        db.execute("INSERT INTO lesson_progress VALUES ('conv-1d', 4, 9, 1700000060.0, 1700000100.0)")
        db.execute("INSERT INTO lesson_progress VALUES ('padding', 2, 7, NULL, 1700000200.0)")
        db.commit()
        db.close()
        """

    /// A progress file as convtutor wrote it with cards and reviews, before v3: GRDB's migration log
    /// holding "v1-lesson-progress" and "v2-cards-and-reviews", their tables and indexes word for
    /// word, WAL mode; two lessons (one never completed), three cards (in review with no step; in
    /// relearning and changed; never reviewed, with no stability, difficulty or last review) and
    /// four reviews (one self-graded, with no `correct`).
    let v2File = v2SchemaScript + "\n" + """
        db.execute("INSERT INTO lesson_progress VALUES ('conv-1d', 4, 9, 1700000060.0, 1700000100.0)")
        db.execute("INSERT INTO lesson_progress VALUES ('padding', 2, 7, NULL, 1700000200.5)")
        # id, topic, contentHash, state, step, stability, difficulty, due, lastReview, reps, lapses, changed
        db.executemany("INSERT INTO card VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            ("lesson:padding/pad-same-k7", "padding", "3f2a", 2, None, 12.5, 5.25, 1701080300.5, 1700000300.5, 2, 0, 0),
            ("lesson:stride/s2", "卷积 stride", "c9", 3, 0, 0.75, 8.5, 1700001200.25, 1700000600.25, 2, 1, 1),
            ("gen:output-size", "gen:output-size", "h-out", 1, 0, None, None, 1700000000.0, None, 0, 0, 0),
        ])
        db.executemany(
            "INSERT INTO review (cardId, time, rating, correct, duration, answer) VALUES (?, ?, ?, ?, ?, ?)", [
            ("lesson:padding/pad-same-k7", 1700000100.0, 3, 1, 4.5, "1"),
            ("lesson:stride/s2", 1700000200.0, 3, None, 0.0, "self-graded"),
            ("lesson:padding/pad-same-k7", 1700000300.5, 4, 1, 2.25, "1"),
            ("lesson:stride/s2", 1700000600.25, 1, 0, 12.75, "卷积 'conv'"),
        ])
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
        #expect(dump.contains(#"INSERT INTO "grdb_migrations" VALUES('v4-practice-attempts');"#))
        #expect(dump.contains(#"INSERT INTO "grdb_migrations" VALUES('v5-review-totals');"#))
        #expect(dump.contains(#"INSERT INTO "lesson_progress" VALUES('conv-1d',4,9,1700000060.0,1700000100.0);"#))
        #expect(try runPython(pythonSchemaNames, [temp.database.path]).lines == currentSchema)
        let reopened = try ProgressStore.open(at: temp.database)
        #expect(try reopened.position(of: "padding")?.step == 3)
        #expect(try reopened.reviews(of: card.id).count == 1)
    }

    @Test("a v2 file takes snake_case names and keeps every row and value; it then opens and works as v3",
          .enabled(if: pythonAvailable))
    func v2ToV3() throws {
        let temp = try TemporaryFolder()
        let made = try runPython(v2File, [temp.database.path])
        try #require(made.status == 0, "\(made.errors)")
        let before = try runPython(pythonRows, [temp.database.path])
        try #require(before.status == 0 && before.lines.count == 12, "\(before.lines) \(before.errors)")

        let padding = CardRecord(
            id: "lesson:padding/pad-same-k7", topic: "padding", contentHash: "3f2a",
            schedule: SchedulingCard(state: .review, step: nil, stability: 12.5, difficulty: 5.25,
                                     due: day(1_080_300.5), lastReview: day(300.5), reps: 2, lapses: 0))
        let stride = CardRecord(
            id: "lesson:stride/s2", topic: "卷积 stride", contentHash: "c9",
            schedule: SchedulingCard(state: .relearning, step: 0, stability: 0.75, difficulty: 8.5,
                                     due: day(1_200.25), lastReview: day(600.25), reps: 2, lapses: 1),
            changed: true)
        let output = CardRecord(
            id: "gen:output-size", topic: "gen:output-size", contentHash: "h-out",
            schedule: SchedulingCard(state: .learning, step: 0, stability: nil, difficulty: nil,
                                     due: day(0), lastReview: nil, reps: 0, lapses: 0))
        let reviews = [
            ReviewRecord(cardID: padding.id, time: day(100), rating: 3, correct: true, duration: 4.5, answer: "1",
                         id: 1),
            ReviewRecord(cardID: stride.id, time: day(200), rating: 3, correct: nil, duration: 0, answer: "self-graded",
                         id: 2),
            ReviewRecord(cardID: padding.id, time: day(300.5), rating: 4, correct: true, duration: 2.25, answer: "1",
                         id: 3),
            ReviewRecord(cardID: stride.id, time: day(600.25), rating: 1, correct: false, duration: 12.75,
                         answer: "卷积 'conv'", id: 4),
        ]

        // Every value reads back unchanged through the store, under the new names.
        let store = try ProgressStore.open(at: temp.database)
        #expect(try store.allPositions() == [
            "conv-1d": LessonPosition(step: 4, stepCount: 9, completedAt: day(60), updatedAt: day(100)),
            "padding": LessonPosition(step: 2, stepCount: 7, updatedAt: day(200.5)),
        ])
        #expect(try store.cards() == [output, padding, stride])
        for card in [output, padding, stride] { #expect(try store.card(card.id) == card) }
        #expect(try store.reviews(since: .distantPast) == reviews)
        #expect(try store.reviews(of: padding.id) == [reviews[0], reviews[2]])
        #expect(try store.reviews(of: stride.id) == [reviews[1], reviews[3]])
        #expect(try store.reviews(of: output.id).isEmpty)
        #expect(try store.statistics(now: day(700), calendar: try calendar("UTC")).topics == [
            ReviewStatistics.Topic(topic: "gen:output-size", reviews: 0, graded: 0, correct: 0),
            ReviewStatistics.Topic(topic: "padding", reviews: 2, graded: 2, correct: 2),
            ReviewStatistics.Topic(topic: "卷积 stride", reviews: 2, graded: 1, correct: 0),
        ])
        try store.close()

        // In the file: the same rows with the same values and types, one more migration logged, and
        // the renamed columns and index.
        let after = try runPython(pythonRows, [temp.database.path])
        // Cards gain their review totals (v5's backfill: reviews, graded, correct).
        let totals = ["lesson:padding/pad-same-k7": ", 2, 2, 2)", "lesson:stride/s2": ", 2, 1, 0)", "gen:output-size": ", 0, 0, 0)"]
        let expected = before.lines.map { line in
            guard line.hasPrefix("card ("), let id = totals.keys.first(where: { line.contains("'\($0)'") }) else { return line }
            return String(line.dropLast()) + totals[id, default: ""]
        } + [#"grdb_migrations ('v3-snake-case-columns',)"#, #"grdb_migrations ('v4-practice-attempts',)"#,
             #"grdb_migrations ('v5-review-totals',)"#]
        #expect(after.lines == expected, "\(after.errors)")
        #expect(try runPython(pythonSchemaNames, [temp.database.path]).lines == currentSchema)
        // The fixture had v2's schema word for word if, migrated, it matches a new file's exactly.
        func schemaSQL(_ file: URL) throws -> [String] {
            try runPython(pythonDump, [file.path]).lines.filter { $0.hasPrefix("CREATE") }
        }
        let fresh = try TemporaryFolder()
        try ProgressStore.open(at: fresh.database).close()
        #expect(try schemaSQL(temp.database) == schemaSQL(fresh.database))

        // The file, now at v3, opens again and is written through the new names; review ids go on.
        let reopened = try ProgressStore.open(at: temp.database)
        let edited = try reopened.register(id: padding.id, topic: padding.topic, contentHash: "3f2b", now: day(800))
        #expect(edited.contentHash == "3f2b" && edited.changed)
        var answered = output
        (answered.schedule.state, answered.schedule.lastReview, answered.schedule.reps) = (.review, day(900), 1)
        let review = ReviewRecord(cardID: output.id, time: day(900), rating: 3, correct: true, duration: 1, answer: "5")
        #expect(try reopened.record(review, updating: answered) == 5)
        #expect(try reopened.card(output.id) == answered)
        #expect(try reopened.reviews(of: output.id).map(\.answer) == ["5"])
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
        #expect(before.lines.filter { $0.contains("grdb_migrations\" VALUES") }.count == 5)
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
