import Foundation
import GRDB
import LessonKit

/// The lesson index: the summary of every lesson file read before, kept in an SQLite file in the
/// data folder (`lesson-index.sqlite`), so that a start reads one row per file instead of parsing it.
///
/// Each row is keyed by the file's path and remembers its size, modification time (nanoseconds)
/// and content hash (64-bit FNV-1a of its bytes). A file whose size and time match its row is not
/// read at all; one whose size or time differ is read and hashed, and parsed only when the hash
/// differs too (a `touch` or a checkout costs a read, not a parse). Files that do not parse are
/// remembered as such until they change. Every change is written in one transaction, so two
/// processes building at once each see a whole index and the last writer's rows win, both correct.
///
/// The index is a cache and never the reason convtutor fails: a file that is damaged, not a
/// database, or of another format version is deleted and built again; when even that fails the
/// lessons are parsed as if there were no index.
public enum LessonIndex {
    /// The file name of the index inside the data folder.
    public static let fileName = "lesson-index.sqlite"
    /// The format of the rows. Raise it whenever a summary would be made differently from the same
    /// bytes (a new field, a parser change that moves a title or a step count): an index of another
    /// version is rebuilt.
    static let formatVersion = 8

    /// One file's bytes to summarise: the path it was read from and what it holds.
    public typealias Contents = (data: Data, file: String)

    /// What the index keeps of a file that parses: its summary, and the ids of its questions (kept
    /// apart: only the quiz asks for them, see `questions(ofFiles:index:)`).
    public struct Entry: Sendable {
        public var summary: LessonSummary
        public var questions: [String]

        public init(summary: LessonSummary, questions: [String]) {
            self.summary = summary
            self.questions = questions
        }
    }

    /// The summaries of `files`, in order; `nil` for a file that cannot be read or has errors.
    ///
    /// - Parameters:
    ///   - index: the index file, or `nil` to use none.
    ///   - read: a file's bytes, or `nil` when it cannot be read (it is then not remembered).
    ///   - summarise: the entries of changed files' bytes, in order (`nil` for errors); called at
    ///     most once, with every file that needs parsing, so that it can parse them on every core.
    public static func summaries(of files: [String], index: URL?, read: (String) -> Data?,
                                 summarise: ([Contents]) -> [Entry?]) -> [LessonSummary?] {
        let stamps = files.map(Stamp.init(ofPath:))
        guard let index, let database = open(index) else {
            return build(files, stamps: stamps, rows: [:], read: read, summarise: summarise).summaries
        }
        defer { try? database.close() }
        do {
            let folders = Set(files.map(folder(of:)))
            let rows = try database.read { db in try Row.all(db, in: folders, capacity: files.count) }
            let built = build(files, stamps: stamps, rows: rows, read: read, summarise: summarise)
            let gone = zip(files, stamps).filter { $1 == nil && rows[$0] != nil }.map(\.0)
            if !built.changed.isEmpty || !gone.isEmpty {
                // A failure to write leaves the index as it was: the summaries are right anyway.
                try? database.write { db in
                    for row in built.changed { try row.save(db) }
                    // Rows of files gone: those just looked for, and any other of their folders whose
                    // file is no more.
                    let listed = Set(files)
                    let unlisted = rows.keys.filter { !listed.contains($0) && Stamp(ofPath: $0) == nil }
                    try Row.delete(db, paths: gone + unlisted)
                    try forgetFoldersGone(db)
                }
            }
            return built.summaries
        } catch {
            // Damaged after opening: rebuilt at the next start. Either way, parsed from the files now.
            if isDamage(error) { discard(index) }
            return build(files, stamps: stamps, rows: [:], read: read, summarise: summarise).summaries
        }
    }

    /// Summaries from `rows` where they are still right, from `summarise` where not, and the rows
    /// that changed.
    private static func build(_ files: [String], stamps: [Stamp?], rows: [String: Row], read: (String) -> Data?,
                              summarise: ([Contents]) -> [Entry?]) -> (summaries: [LessonSummary?], changed: [Row]) {
        var summaries = [LessonSummary?](repeating: nil, count: files.count)
        var changed: [Row] = []
        var toParse: [(k: Int, stamp: Stamp, hash: Int64, contents: Contents)] = []
        for (k, path) in files.enumerated() {
            guard let stamp = stamps[k] else { continue }  // gone or unreadable: nothing to list
            let row = rows[path]
            if let row, row.stamp == stamp {
                summaries[k] = row.summary
                continue
            }
            guard let data = read(path) else { continue }
            let hash = fnv1a(data)
            if var row, row.hash == hash {
                // The same bytes with a new time (a touch, a checkout): only the stamp moves.
                row.stamp = stamp
                summaries[k] = row.summary
                changed.append(row)
                continue
            }
            toParse.append((k, stamp, hash, (data, path)))
        }
        guard !toParse.isEmpty else { return (summaries, changed) }
        for (item, entry) in zip(toParse, summarise(toParse.map(\.contents))) {
            summaries[item.k] = entry?.summary
            changed.append(Row(path: item.contents.file, stamp: item.stamp, hash: item.hash, summary: entry?.summary,
                               questions: entry?.questions ?? []))
        }
        return (summaries, changed)
    }

    /// The index at `url`, opened and of this format version; a file that cannot be used is
    /// deleted and created again once. `nil` when there is still none to use.
    static func open(_ url: URL) -> DatabaseQueue? {
        for attempt in 0..<2 {
            do {
                let database = try DatabaseQueue(path: url.path, configuration: configuration)
                do {
                    try prepare(database)
                    return database
                } catch {
                    try? database.close()
                    throw error
                }
            } catch where attempt == 0 && isDamage(error) {
                discard(url)
            } catch {
                // Busy beyond the timeout, no folder to put it in, another process part-way through
                // creating it: go without, this once.
                return nil
            }
        }
        return nil
    }

    /// Whether `error` says the file is damaged or not a database: the only reason to delete it.
    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// Waits for another process's write for up to 5 seconds. Commits keep SQLite's default
    /// durability: the index is written only when a lesson changed, and a file a power cut left
    /// half-written would be rebuilt, but one silently wrong would show a wrong title.
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "convtutor.lesson-index"
        // Read through a memory map: a saved list of thousands is a megabyte of pages, which would
        // otherwise be read a system call each.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 67108864") }
        return configuration
    }

    /// Creates the table in a new file, and starts again in a file of another format version.
    /// Reads only the header when the file is already right.
    private static func prepare(_ database: DatabaseQueue) throws {
        let version = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        guard version != formatVersion else { return }
        try database.write { db in
            // Again inside the write lock: another process may have just done it.
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") != formatVersion else { return }
            try db.execute(sql: """
                DROP TABLE IF EXISTS lesson_file;
                CREATE TABLE lesson_file (
                    path TEXT NOT NULL PRIMARY KEY,
                    folder TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    hash INTEGER NOT NULL,
                    parsed INTEGER NOT NULL,
                    id TEXT NOT NULL, title TEXT NOT NULL, lang TEXT NOT NULL, ord INTEGER NOT NULL,
                    summary TEXT NOT NULL, requires TEXT NOT NULL, kind TEXT NOT NULL,
                    steps INTEGER NOT NULL, function TEXT NOT NULL, questions TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX lesson_file_folder ON lesson_file (folder);
                DROP TABLE IF EXISTS catalogue;
                CREATE TABLE catalogue (key TEXT NOT NULL PRIMARY KEY, head BLOB NOT NULL, data BLOB NOT NULL);
                PRAGMA user_version = \(formatVersion);
                """)
        }
    }

    /// Deletes the rows, and the saved lists, of folders that no longer exist (a `--lessons` folder
    /// removed, an old install): the index keeps only what can be listed again. A few folders are
    /// looked at, and only when something was written anyway.
    private static func forgetFoldersGone(_ db: Database) throws {
        func exists(_ folder: String) -> Bool {
            var st = stat()
            return stat(folder, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
        }
        for folder in try String.fetchAll(db, sql: "SELECT DISTINCT folder FROM lesson_file") where !exists(folder) {
            try db.execute(sql: "DELETE FROM lesson_file WHERE folder = ?", arguments: [folder])
        }
        for key in try String.fetchAll(db, sql: "SELECT key FROM catalogue") {
            if !folders(ofSnapshot: key).allSatisfy(exists) {
                try db.execute(sql: "DELETE FROM catalogue WHERE key = ?", arguments: [key])
            }
        }
    }

    /// Deletes the index file and the journal beside it.
    private static func discard(_ url: URL) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    /// A list kept as one text, one item a line (`requires`, question ids).
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The question ids of each of `files` the index knows (as the last `summaries` call saw it),
    /// by path: for the quiz, which asks the store which of them are new before parsing anything.
    /// A file the index has no row for, or no index, is left out: the caller parses it.
    public static func questions(ofFiles files: [String], index: URL) -> [String: [String]] {
        guard FileManager.default.fileExists(atPath: index.path),
              let database = try? DatabaseQueue(path: index.path, configuration: configuration) else { return [:] }
        defer { try? database.close() }
        var found: [String: [String]] = [:]
        // SQLite before 3.32 allows at most 999 parameters in a statement.
        for start in stride(from: 0, to: files.count, by: 500) {
            let chunk = Array(files[start..<min(start + 500, files.count)])
            let marks = repeatElement("?", count: chunk.count).joined(separator: ", ")
            let rows = try? database.read { db in
                try GRDB.Row.fetchAll(db, sql: "SELECT path, questions FROM lesson_file WHERE parsed = 1 AND path IN (\(marks))",
                                      arguments: StatementArguments(chunk))
            }
            for row in rows ?? [] { found[row[0]] = lines(row[1]) }
        }
        return found
    }

    /// The folder of the file at `path`: what precedes its last `/`.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The 64-bit FNV-1a hash of `data`: stable across runs and machines (unlike `Hasher`).
    static func fnv1a(_ data: Data) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}

/// A file's size and modification time, as `stat` gives them.
struct Stamp: Equatable {
    var size: Int64
    /// Nanoseconds since 1970.
    var mtime: Int64

    /// The stamp of the file at `path`; `nil` when there is no regular file there.
    init?(ofPath path: String) {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    init(size: Int64, mtime: Int64) {
        self.size = size
        self.mtime = mtime
    }
}

/// One row of the index: a file's stamp and hash, and its summary and question ids when it parsed.
private struct Row {
    var path: String
    var stamp: Stamp
    var hash: Int64
    var summary: LessonSummary?
    /// The question ids, when the file was just parsed; `nil` for a row read back, whose ids stay
    /// in the index unread (the lists never need them).
    var questions: [String]?

    private static let columns = "path, size, mtime, hash, parsed, id, title, lang, ord, summary, requires, kind, steps, function, folder"

    /// Every row of files in `folders`, by path: only what this start lists is read, however many
    /// other folders the index knows.
    static func all(_ db: Database, in folders: Set<String>, capacity: Int) throws -> [String: Row] {
        var rows: [String: Row] = [:]
        rows.reserveCapacity(capacity)
        for folder in folders {
            let cursor = try GRDB.Row.fetchCursor(db, sql: "SELECT \(columns) FROM lesson_file WHERE folder = ?", arguments: [folder])
            try add(cursor, to: &rows)
        }
        return rows
    }

    private static func add(_ cursor: RowCursor, to rows: inout [String: Row]) throws {
        while let r = try cursor.next() {
            let path: String = r[0]
            let summary: LessonSummary? = (r[4] as Int) == 0 ? nil : LessonSummary(
                file: path,
                meta: LessonMeta(id: r[5], title: r[6], lang: r[7], order: r[8], summary: r[9],
                                 requires: LessonIndex.lines(r[10]), kind: LessonKind(rawValue: r[11]) ?? .lesson),
                stepCount: r[12], function: r[13])
            rows[path] = Row(path: path, stamp: Stamp(size: r[1], mtime: r[2]), hash: r[3], summary: summary, questions: nil)
        }
    }

    /// Writes the row, replacing the file's old one; for a row read back, only its new stamp.
    func save(_ db: Database) throws {
        guard let questions else {
            try db.execute(sql: "UPDATE lesson_file SET size = ?, mtime = ? WHERE path = ?", arguments: [stamp.size, stamp.mtime, path])
            return
        }
        let meta = summary?.meta
        try db.execute(
            sql: "INSERT OR REPLACE INTO lesson_file (\(Self.columns), questions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [path, stamp.size, stamp.mtime, hash, summary == nil ? 0 : 1, meta?.id ?? "", meta?.title ?? "",
                        meta?.lang ?? "", meta?.order ?? 0, meta?.summary ?? "", meta?.requires.joined(separator: "\n") ?? "",
                        meta?.kind.rawValue ?? "", summary?.stepCount ?? 0, summary?.function ?? "",
                        LessonIndex.folder(of: path), questions.joined(separator: "\n")])
    }

    /// Deletes the rows of `paths`.
    static func delete(_ db: Database, paths: [String]) throws {
        for path in paths {
            try db.execute(sql: "DELETE FROM lesson_file WHERE path = ?", arguments: [path])
        }
    }
}
