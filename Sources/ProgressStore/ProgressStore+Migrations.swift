import Foundation
import GRDB

extension ProgressStore {
    /// The history of the schema, as named GRDB migrations applied in order.
    ///
    /// To change the schema, append a migration with a new name; never edit or reorder a
    /// registered one, because files in the wild already have it. A file that has a migration
    /// missing here was written by a newer convtutor and is refused (`.newerSchema`).
    ///
    /// Dates are stored as REAL seconds since 1970-01-01 UTC (in `DATETIME` columns too, whose
    /// numeric affinity keeps them numbers): a date reads back within a microsecond of the one
    /// written (a `Double` near 1.7e9 has a step of 2.4e-7 s). Booleans are 0 and 1.
    ///
    /// Tables, columns and indexes are named in snake_case. v2 created three columns in camelCase
    /// (named so in its comments below); v3 renamed them.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-lesson-progress") { db in
            // One row per lesson the learner has opened: the step to resume at (from 0), the
            // lesson's step count when it was saved, and the first completion, which restarting
            // keeps.
            try db.execute(sql: """
                CREATE TABLE lesson_progress (
                    lesson_id TEXT NOT NULL PRIMARY KEY,
                    step INTEGER NOT NULL CHECK (step >= 0),
                    step_count INTEGER NOT NULL CHECK (step_count >= 0),
                    completed_at REAL,
                    updated_at REAL NOT NULL
                )
                """)
        }
        migrator.registerMigration("v2-cards-and-reviews") { db in
            // One row per quiz card the learner has met: a lesson's question
            // ("lesson:padding/pad-same-k7") or a generated problem family ("gen:output-size").
            // `topic` groups cards for accuracy by topic (a lesson id or a problem family);
            // `contentHash` is the hash of the card's text when it was registered, and `changed`
            // says that text changed since the last review (the history is kept). The rest is the
            // FSRS scheduling state: `state` 1 learning, 2 review, 3 relearning; `step` the
            // learning step (NULL in review); `stability` in days and `difficulty` (NULL before
            // the first review); the next `due` date and the `lastReview`; `reps` and `lapses`.
            try db.execute(sql: """
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
                )
                """)
            // The quiz asks for the cards due first.
            try db.execute(sql: "CREATE INDEX card_due ON card (due)")
            // Every answer ever given, never updated or deleted: `rating` is FSRS's 1 again,
            // 2 hard, 3 good, 4 easy; `correct` is NULL for a self-graded answer; `duration` the
            // seconds spent answering; `answer` what the learner typed or chose, as text.
            try db.execute(sql: """
                CREATE TABLE review (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    cardId TEXT NOT NULL REFERENCES card (id),
                    time DATETIME NOT NULL,
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    correct BOOLEAN NULL CHECK (correct IN (0, 1)),
                    duration REAL NOT NULL CHECK (duration >= 0),
                    answer TEXT NOT NULL
                )
                """)
            // A card's history in order, and the log by date (statistics, streaks).
            try db.execute(sql: "CREATE INDEX review_cardId_time ON review (cardId, time)")
            try db.execute(sql: "CREATE INDEX review_time ON review (time)")
        }
        migrator.registerMigration("v3-snake-case-columns") { db in
            // One naming style, snake_case, in every table: v1's `lesson_progress` had it, while v2
            // named three columns in camelCase. `card.contentHash` becomes `content_hash`,
            // `card.lastReview` becomes `last_review` and `review.cardId` becomes `card_id`.
            // Renaming moves no data, so every row and value stays as it was; SQLite (3.25 and
            // later) also rewrites the indexes that use a renamed column.
            try db.execute(sql: "ALTER TABLE card RENAME COLUMN contentHash TO content_hash")
            try db.execute(sql: "ALTER TABLE card RENAME COLUMN lastReview TO last_review")
            try db.execute(sql: "ALTER TABLE review RENAME COLUMN cardId TO card_id")
            // SQLite cannot rename an index, so the one named after `cardId` is made again.
            try db.execute(sql: "DROP INDEX review_cardId_time")
            try db.execute(sql: "CREATE INDEX review_card_id_time ON review (card_id, time)")
        }
        migrator.registerMigration("v4-practice-attempts") { db in
            // Every check of a practice exercise, never updated or deleted: the exercise's id, when,
            // whether every case passed, and how many cases passed of how many.
            try db.execute(sql: """
                CREATE TABLE practice_attempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    exercise_id TEXT NOT NULL,
                    time DATETIME NOT NULL,
                    passed BOOLEAN NOT NULL CHECK (passed IN (0, 1)),
                    cases_passed INTEGER NOT NULL CHECK (cases_passed >= 0),
                    cases_total INTEGER NOT NULL CHECK (cases_total >= cases_passed)
                )
                """)
            // An exercise's attempts in order: its status and its first pass.
            try db.execute(sql: "CREATE INDEX practice_attempt_exercise_time ON practice_attempt (exercise_id, time)")
        }
        migrator.registerMigration("v5-review-totals") { db in
            // Totals kept beside the log, so that statistics cost the number of topics, not of
            // reviews: each card's reviews, graded reviews (`correct` not NULL) and correct ones,
            // and per topic the same summed over its cards plus how many cards it has. Triggers
            // keep them, in the transaction of every review added and every card added or moved to
            // another topic: one place for the rule, and never out of step with the log.
            try db.execute(sql: """
                ALTER TABLE card ADD COLUMN review_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE card ADD COLUMN graded_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE card ADD COLUMN correct_count INTEGER NOT NULL DEFAULT 0;
                UPDATE card SET (review_count, graded_count, correct_count) = (
                    SELECT count(*), count(correct), coalesce(sum(correct), 0) FROM review WHERE card_id = card.id);
                CREATE TABLE topic_totals (
                    topic TEXT NOT NULL PRIMARY KEY,
                    card_count INTEGER NOT NULL CHECK (card_count > 0),
                    review_count INTEGER NOT NULL CHECK (review_count >= 0),
                    graded_count INTEGER NOT NULL CHECK (graded_count >= 0),
                    correct_count INTEGER NOT NULL CHECK (correct_count >= 0)
                ) WITHOUT ROWID;
                INSERT INTO topic_totals (topic, card_count, review_count, graded_count, correct_count)
                    SELECT topic, count(*), sum(review_count), sum(graded_count), sum(correct_count) FROM card GROUP BY topic;
                CREATE TRIGGER review_counts AFTER INSERT ON review BEGIN
                    UPDATE card SET review_count = review_count + 1, graded_count = graded_count + (NEW.correct IS NOT NULL),
                        correct_count = correct_count + coalesce(NEW.correct, 0)
                    WHERE id = NEW.card_id;
                    UPDATE topic_totals SET review_count = review_count + 1,
                        graded_count = graded_count + (NEW.correct IS NOT NULL),
                        correct_count = correct_count + coalesce(NEW.correct, 0)
                    WHERE topic = (SELECT topic FROM card WHERE id = NEW.card_id);
                END;
                CREATE TRIGGER card_counts AFTER INSERT ON card BEGIN
                    INSERT INTO topic_totals (topic, card_count, review_count, graded_count, correct_count)
                        VALUES (NEW.topic, 1, NEW.review_count, NEW.graded_count, NEW.correct_count)
                        ON CONFLICT (topic) DO UPDATE SET card_count = card_count + 1,
                            review_count = review_count + excluded.review_count,
                            graded_count = graded_count + excluded.graded_count,
                            correct_count = correct_count + excluded.correct_count;
                END;
                CREATE TRIGGER card_topic_counts AFTER UPDATE OF topic ON card WHEN OLD.topic IS NOT NEW.topic BEGIN
                    DELETE FROM topic_totals WHERE topic = OLD.topic AND card_count = 1;
                    UPDATE topic_totals SET card_count = card_count - 1, review_count = review_count - OLD.review_count,
                        graded_count = graded_count - OLD.graded_count, correct_count = correct_count - OLD.correct_count
                    WHERE topic = OLD.topic;
                    INSERT INTO topic_totals (topic, card_count, review_count, graded_count, correct_count)
                        VALUES (NEW.topic, 1, NEW.review_count, NEW.graded_count, NEW.correct_count)
                        ON CONFLICT (topic) DO UPDATE SET card_count = card_count + 1,
                            review_count = review_count + excluded.review_count,
                            graded_count = graded_count + excluded.graded_count,
                            correct_count = correct_count + excluded.correct_count;
                END;
                """)
        }
        return migrator
    }()

    /// The migration names recorded in `db` that `migrator` does not know, sorted.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        let known = Set(migrator.migrations)
        return try migrator.appliedIdentifiers(db).subtracting(known).sorted()
    }

    /// The migrations `migrator` knows that `db` does not have yet, in order.
    static func missingMigrations(_ db: Database) throws -> [String] {
        let applied = try migrator.appliedIdentifiers(db)
        return migrator.migrations.filter { !applied.contains($0) }
    }

    /// Applies the migrations the file does not have yet.
    ///
    /// Two processes opening a new file at once may both decide to apply the same migration (GRDB's
    /// migrator reads which are applied before it takes the write lock); the second one's
    /// transaction then fails (the table exists, or the column to rename does not) and rolls back,
    /// or SQLite answers "busy" without waiting. Trying again sees the first one's work and has
    /// nothing left to do.
    func migrate() throws(ProgressError) {
        for attempt in 1... {
            do {
                let unknown = try queue.read(Self.unknownMigrations)
                guard unknown.isEmpty else {
                    throw ProgressError.newerSchema(path: file.path, unknownMigrations: unknown)
                }
                try Self.migrator.migrate(queue)
                return
            } catch let error as DatabaseError
                where attempt < 50 && [.SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_BUSY].contains(error.resultCode)
            {
                // "table already exists", "no such column", a duplicate migration name or busy: lost
                // the race. Several openers may lose it in turn: wait a little longer each time.
                usleep(UInt32(min(attempt, 10)) * 2_000)
                continue
            } catch {
                throw noted(error)
            }
        }
    }
}
