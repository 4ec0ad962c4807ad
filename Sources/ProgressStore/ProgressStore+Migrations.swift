import GRDB

extension ProgressStore {
    /// The history of the schema, as named GRDB migrations applied in order.
    ///
    /// To change the schema, append a migration with a new name (for example
    /// `"v2-cards-and-reviews"` for the quiz's cards and review log); never edit or reorder a
    /// registered one, because files in the wild already have it. A file that has a migration
    /// missing here was written by a newer convtutor and is refused (`.newerSchema`).
    ///
    /// Dates are stored as REAL seconds since 1970-01-01 UTC.
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
        return migrator
    }()

    /// The migration names recorded in `db` that `migrator` does not know, sorted.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        let known = Set(migrator.migrations)
        return try migrator.appliedIdentifiers(db).subtracting(known).sorted()
    }

    /// Applies the migrations the file does not have yet.
    ///
    /// Two processes opening a new file at once may both decide to apply the same migration (GRDB's
    /// migrator reads which are applied before it takes the write lock); the second one's
    /// transaction then fails (the table exists) and rolls back, or SQLite answers "busy" without
    /// waiting. Trying again sees the first one's work and has nothing left to do.
    func migrate() throws(ProgressError) {
        for attempt in 1... {
            do {
                let unknown = try pool.read(Self.unknownMigrations)
                guard unknown.isEmpty else {
                    throw ProgressError.newerSchema(path: file.path, unknownMigrations: unknown)
                }
                try Self.migrator.migrate(pool)
                return
            } catch let error as DatabaseError
                where attempt < 5 && [.SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_BUSY].contains(error.resultCode)
            {
                continue  // "table already exists", a duplicate migration name or busy: lost the race
            } catch {
                throw ProgressError.from(error, path: file.path)
            }
        }
    }
}
