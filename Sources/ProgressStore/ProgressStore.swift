import Foundation
import GRDB

/// The learner's progress, kept in an SQLite database (`progress.sqlite` in the data folder).
///
/// The database runs in WAL mode with a busy timeout of `busyTimeout` seconds, so several
/// convtutor processes can use the same file at once: readers never wait, and writers take turns.
/// Every change is its own committed transaction, so killing the process at any moment loses at
/// most the change in flight. (WAL with `synchronous = NORMAL`: a power cut may lose the last few
/// changes too, but never leaves the file inconsistent.)
///
/// Opening checks the file first (`PRAGMA quick_check`) and refuses a damaged file or one written
/// by a newer convtutor, with a message that says what to do; it never deletes, moves or repairs
/// a file. The store reads no clock: every date is passed in.
///
/// Thread-safe (GRDB's `DatabasePool` serialises writes and pools readers).
public final class ProgressStore: Sendable {
    /// The file name of the database inside the data folder.
    public static let fileName = "progress.sqlite"
    /// How long a write waits for another process's write to finish before giving up, in seconds.
    public static let busyTimeout: TimeInterval = 5

    /// The database file.
    public let file: URL
    /// The connections: one writer, a few readers.
    let pool: DatabasePool

    private init(file: URL, pool: DatabasePool) {
        self.file = file
        self.pool = pool
    }

    /// Opens (creating if needed) the progress database `file`, checking it and bringing its
    /// schema up to date. The folder must exist: see `open(in:)` or `DataDirectory.create()`.
    ///
    /// - Throws: `ProgressError`: `.damaged` when the file is not a database or fails
    ///   `quick_check`; `.newerSchema` when a newer convtutor wrote it; `.permissionDenied`,
    ///   `.cannotOpen`, `.busy`, `.diskFull` as their names say. In the first two cases the file is
    ///   left exactly as it was.
    public static func open(at file: URL) throws(ProgressError) -> ProgressStore {
        let path = file.path
        if let denied = ProgressError.permissionProblem(path) { throw denied }
        if FileManager.default.fileExists(atPath: path) {
            try verify(path)
        }
        let store = ProgressStore(file: file, pool: try openPool(path))
        try store.migrate()
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
            // Readers first: SQLite checkpoints and removes the WAL only when the last connection
            // closes, and only a writer can, while `pool.close()` alone closes the writer first.
            pool.releaseMemory()
            try pool.close()
        } catch {
            throw ProgressError.from(error, path: file.path)
        }
    }

    /// The settings of every connection: wait up to `busyTimeout` for other writers.
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "convtutor.progress"
        return configuration
    }

    /// Opens the connection pool, which switches a new file to WAL mode.
    ///
    /// Two races with other processes opening or closing the same file are retried here, with
    /// growing pauses, for about `busyTimeout` seconds in all:
    /// - the switch to WAL needs an exclusive lock, and when several processes open a new file at
    ///   once SQLite may answer "busy" at once instead of waiting (to avoid a deadlock between two
    ///   connections that each hold a shared lock);
    /// - GRDB checks the size of the `-wal` file after seeing it exists, and the last process to
    ///   close the database may remove it in between ("no such file").
    private static func openPool(_ path: String) throws(ProgressError) -> DatabasePool {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch where attempt < 50 && lostRace(error) {
                usleep(UInt32(min(attempt, 10)) * 10_000)
            } catch {
                throw ProgressError.from(error, path: path)
            }
        }
    }

    /// Whether `error`, from opening the pool, is one of the races `openPool` retries.
    private static func lostRace(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.resultCode == .SQLITE_BUSY }
        if let error = error as? CocoaError { return error.code == .fileReadNoSuchFile || error.code == .fileNoSuchFile }
        return false
    }

    /// Checks an existing file before anything writes to it: it must be an SQLite database that
    /// passes `PRAGMA quick_check` and holds no migration this version does not know.
    ///
    /// Uses a plain connection that only reads, so a file that fails is left byte for byte as it
    /// was (opening the pool would already write to it, to switch it to WAL mode).
    private static func verify(_ path: String) throws(ProgressError) {
        let check: [String], unknown: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            (check, unknown) = try queue.read { db in
                (try String.fetchAll(db, sql: "PRAGMA quick_check"), try unknownMigrations(db))
            }
        } catch {
            throw ProgressError.from(error, path: path)
        }
        // After closing, so that the side files named are the ones really left beside the file.
        guard check == ["ok"] else {
            throw .damaged(path: path, sideFiles: ProgressError.sideFiles(of: path))
        }
        guard unknown.isEmpty else {
            throw .newerSchema(path: path, unknownMigrations: unknown)
        }
    }

    /// Runs `body` in a write transaction (its own, committed before returning), mapping errors.
    func write<T>(_ body: (Database) throws -> T) throws(ProgressError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw ProgressError.from(error, path: file.path)
        }
    }

    /// Runs `body` on a read-only snapshot, mapping errors.
    func read<T>(_ body: (Database) throws -> T) throws(ProgressError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ProgressError.from(error, path: file.path)
        }
    }
}
