import Foundation
import GRDB
import Synchronization

/// The learner's progress, kept in an SQLite database (`progress.sqlite` in the data folder).
///
/// The database runs in WAL mode with a busy timeout of `busyTimeout` seconds, so several
/// convtutor processes can use the same file at once: a process reading never waits for another
/// one writing, and writers take turns. Every change is its own committed transaction, so killing
/// the process at any moment loses at most the change in flight. (WAL with `synchronous = NORMAL`:
/// a power cut may lose the last few changes too, but never leaves the file inconsistent.)
///
/// Opening costs the same for a file of a hundred reviews as for one of a million: it reads the
/// file's header, schema and migration log, and writes nothing unless a migration is missing. It
/// refuses a file that is not a database, whose schema or log is damaged, or that a newer
/// convtutor wrote. The whole file is checked (`PRAGMA quick_check`) only before a migration,
/// which rewrites much of it. Damage met later, by any read or write, is the same `.damaged`
/// error, and from then on the store writes nothing more to the file. convtutor never deletes,
/// moves or repairs a file: what was damaged is left as it was found. The store reads no clock:
/// every date is passed in.
///
/// Thread-safe (GRDB's `DatabaseQueue` serialises this process's use of its one connection).
public final class ProgressStore: Sendable {
    /// The file name of the database inside the data folder.
    public static let fileName = "progress.sqlite"
    /// How long a write waits for another process's write to finish before giving up, in seconds.
    public static let busyTimeout: TimeInterval = 5

    /// The database file.
    public let file: URL
    /// The connection. One is enough for one learner's screens, and unlike GRDB's `DatabasePool`
    /// it needs no write to open an existing file (the pool makes sure a `-wal` file exists by
    /// creating and dropping a table).
    let queue: DatabaseQueue
    /// Whether a read or write has met damage: every later write is refused before it starts.
    private let damageSeen = Atomic<Bool>(false)

    private init(file: URL, queue: DatabaseQueue) {
        self.file = file
        self.queue = queue
    }

    /// Opens (creating if needed) the progress database `file`, checking it and bringing its
    /// schema up to date. The folder must exist: see `open(in:)` or `DataDirectory.create()`.
    ///
    /// - Throws: `ProgressError`: `.damaged` when the file is not a database, its schema or
    ///   migration log cannot be read, or it fails `quick_check` before a migration; `.newerSchema`
    ///   when a newer convtutor wrote it; `.permissionDenied`, `.cannotOpen`, `.busy`, `.diskFull`
    ///   as their names say. In the first two cases the file is left exactly as it was.
    public static func open(at file: URL) throws(ProgressError) -> ProgressStore {
        let path = file.path
        if let denied = ProgressError.permissionProblem(path) { throw denied }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw ProgressError.from(error, path: path)
        }
        let store = ProgressStore(file: file, queue: queue)
        do {
            try store.prepare()
        } catch {
            try? queue.close()
            // After closing, so that the side files named are the ones really left beside the file.
            if case .damaged = error { throw .damaged(path: path, sideFiles: ProgressError.sideFiles(of: path)) }
            throw error
        }
        return store
    }

    /// Creates the data folder `directory` if needed (mode 0700) and opens `progress.sqlite` in it.
    public static func open(in directory: DataDirectory) throws(ProgressError) -> ProgressStore {
        try directory.create()
        return try open(at: directory.progressFile)
    }

    /// Closes the database now (it also closes when the store is released). Any later use throws.
    ///
    /// When no other process has the file open, this also moves everything from the `-wal` file
    /// into the database file and removes the `-wal` and `-shm` files.
    public func close() throws(ProgressError) {
        do {
            try queue.close()
        } catch {
            throw ProgressError.from(error, path: file.path)
        }
    }

    /// The settings of the connection: wait up to `busyTimeout` for other writers, and in WAL mode
    /// sync only at checkpoints (SQLite's advice for WAL; a setting of the connection, not the file).
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "convtutor.progress"
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    /// Checks the file as far as opening can afford and brings it up to date, writing only when
    /// something is missing: WAL mode (a new file) or a migration.
    ///
    /// Reading the migration log reads the file's header and schema first, so a file that is not a
    /// database, or whose first pages are damaged, fails here with `.damaged` before anything is
    /// written.
    private func prepare() throws(ProgressError) {
        let (unknown, missing, journalMode) = try readWhileOpenersRace { db in
            (try Self.unknownMigrations(db), try Self.missingMigrations(db),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        guard unknown.isEmpty else { throw .newerSchema(path: file.path, unknownMigrations: unknown) }
        if !missing.isEmpty {
            // A migration rewrites much of the file: check all of it first, once per upgrade.
            let check = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard check == ["ok"] else { throw .damaged(path: file.path, sideFiles: []) }
        }
        if journalMode != "wal" { try switchToWAL() }
        if !missing.isEmpty { try migrate() }
    }

    /// `read`, tried again for up to a second while another process opening the same new file is
    /// part-way through creating it: this connection may still hold the schema from before its
    /// tables existed and answer "no such table" for one that does, or meet its lock ("busy").
    private func readWhileOpenersRace<T>(_ body: (Database) throws -> T) throws(ProgressError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try queue.read(body)
            } catch let error as DatabaseError where attempt < 50 && [.SQLITE_ERROR, .SQLITE_BUSY].contains(error.resultCode) {
                usleep(UInt32(min(attempt, 10)) * 2_000)
            } catch {
                throw noted(error)
            }
        }
    }

    /// Switches the file to WAL mode, which the file then keeps.
    ///
    /// The switch needs an exclusive lock, and when several processes open a new file at once
    /// SQLite may answer "busy" at once instead of waiting (to avoid a deadlock between two
    /// connections that each hold a shared lock): tried again, with growing pauses, for about
    /// `busyTimeout` seconds in all.
    private func switchToWAL() throws(ProgressError) {
        var attempt = 0
        while true {
            attempt += 1
            do {
                let mode = try queue.inDatabase { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                guard mode == "wal" else {
                    throw ProgressError.database(path: file.path, message: "cannot switch to WAL mode (still \(mode ?? "?"))")
                }
                return
            } catch let error as DatabaseError where attempt < 50 && error.resultCode == .SQLITE_BUSY {
                usleep(UInt32(min(attempt, 10)) * 10_000)
            } catch {
                throw noted(error)
            }
        }
    }

    /// Runs `body` in a write transaction (its own, committed before returning), mapping errors;
    /// refused without touching the file once damage has been seen.
    func write<T>(_ body: (Database) throws -> T) throws(ProgressError) -> T {
        guard !damageSeen.load(ordering: .relaxed) else {
            throw .damaged(path: file.path, sideFiles: ProgressError.sideFiles(of: file.path))
        }
        do {
            return try queue.write(body)
        } catch {
            throw noted(error)
        }
    }

    /// Runs `body` on a read-only snapshot, mapping errors.
    func read<T>(_ body: (Database) throws -> T) throws(ProgressError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw noted(error)
        }
    }

    /// The `ProgressError` for `error`, remembering damage so that nothing more is written.
    func noted(_ error: any Error) -> ProgressError {
        let error = ProgressError.from(error, path: file.path)
        if case .damaged = error { damageSeen.store(true, ordering: .relaxed) }
        return error
    }
}
