import Foundation
import GRDB
import LessonKit

/// A list as a start last saved it: its lessons (all of them, or the first ones asked for), and,
/// of all of them, the highest `order` and the step counts, which set the list's columns.
public struct Snapshot: Equatable, Sendable {
    public var lessons: [LessonSummary]
    public var widestOrder: Int
    public var stepCounts: Set<Int>
}

extension LessonIndex {
    /// How many lessons of a saved list are kept apart, with the columns of all, for a first frame:
    /// more than the tallest terminal shows (two rows a lesson).
    public static let snapshotHead = 256

    /// The list a start last saved under `key` (its folders and language), or its `first` lessons;
    /// `nil` when there is none or it cannot be read.
    ///
    /// A list draws its first frame from the first lessons of this, without looking at a single
    /// lesson file, and checks the files (`summaries(of:index:read:summarise:)`) right after that
    /// frame, before the first key: a lesson added, changed or removed since appears a few
    /// milliseconds later, and no key ever acts on the old list. Reading only the first lessons
    /// keeps that frame as quick for thousands as for ten.
    public static func snapshot(_ key: String, index: URL, first: Int = .max) -> Snapshot? {
        guard FileManager.default.fileExists(atPath: index.path),
              let database = try? DatabaseQueue(path: index.path, configuration: configuration) else { return nil }
        defer { try? database.close() }
        let snapshot = try? database.read { db -> Snapshot? in
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == formatVersion else { return nil }
            // The head alone when it holds what is asked: a list of thousands is a megabyte. Decoded
            // where SQLite holds it, not copied.
            let column = first <= snapshotHead ? "head" : "data"
            let rows = try Row.fetchCursor(db, sql: "SELECT \(column) FROM catalogue WHERE key = ?", arguments: [key])
            return try rows.next()?.dataNoCopy(atIndex: 0).flatMap { SnapshotCoding.decode($0, first: first) }
        }
        return snapshot.flatMap { $0 }
    }

    /// The key of the list of `folders` (in the order they are read) in `language`: separated by
    /// the unit separator, a character no one puts in a folder's name (and, unlike NUL, one SQLite's
    /// text keeps).
    public static func snapshotKey(language: String, folders: [String]) -> String {
        ([language] + folders).joined(separator: "\u{1F}")
    }

    /// The folders of the list saved under `key`.
    static func folders(ofSnapshot key: String) -> [String] {
        key.split(separator: "\u{1F}", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    /// Saves `summaries` as the catalogue of `key`, for the next start's first frame; a failure
    /// only means that start checks the files first.
    public static func saveSnapshot(_ summaries: [LessonSummary], key: String, index: URL) {
        guard let database = open(index) else { return }
        defer { try? database.close() }
        try? database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO catalogue (key, head, data) VALUES (?, ?, ?)",
                           arguments: [key, SnapshotCoding.encode(Array(summaries.prefix(snapshotHead)), columnsOf: summaries),
                                       SnapshotCoding.encode(summaries)])
        }
    }
}

/// A snapshot as one blob: the highest order and the step counts, then per summary its text fields
/// as a 32-bit length and UTF-8 bytes, its numbers (and the count of its required lessons, before
/// their ids) as 64-bit integers, all little-endian. Read back in one pass, with no parsing of
/// text, and only as far as the lessons asked for.
enum SnapshotCoding {
    /// `summaries`, with the columns (highest order, step counts) of `all` (by default, of them).
    static func encode(_ summaries: [LessonSummary], columnsOf all: [LessonSummary]? = nil) -> Data {
        var data = Data()
        func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) } }
        func text(_ value: String) {
            withUnsafeBytes(of: UInt32(value.utf8.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: value.utf8)
        }
        // First what sets the columns, then the lessons.
        let all = all ?? summaries
        int(all.map(\.meta.order).max() ?? 0)
        let stepCounts = Set(all.map(\.stepCount)).sorted()
        int(stepCounts.count)
        stepCounts.forEach(int)
        int(summaries.count)
        for s in summaries {
            for field in [s.file, s.meta.id, s.meta.title, s.meta.lang, s.meta.summary, s.meta.kind.rawValue, s.function] {
                text(field)
            }
            int(s.meta.order)
            int(s.stepCount)
            int(s.meta.requires.count)
            s.meta.requires.forEach(text)
        }
        return data
    }

    /// The snapshot in `data`, with its `first` lessons at most; `nil` when it is not what
    /// `encode` writes (as far as it is read).
    static func decode(_ data: Data, first: Int = .max) -> Snapshot? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Snapshot? in
            var at = 0
            func int() -> Int? {
                guard at + 8 <= bytes.count else { return nil }
                defer { at += 8 }
                return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self)))
            }
            func text() -> String? {
                guard at + 4 <= bytes.count else { return nil }
                let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                guard at + 4 + count <= bytes.count else { return nil }
                defer { at += 4 + count }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(at + 4)..<(at + 4 + count)]), as: UTF8.self)
            }
            /// A count that the bytes left could hold.
            func length() -> Int? { int().flatMap { (0...bytes.count).contains($0) ? $0 : nil } }
            guard let widestOrder = int(), let stepCountCount = length() else { return nil }
            var stepCounts = Set<Int>()
            for _ in 0..<stepCountCount {
                guard let steps = int() else { return nil }
                stepCounts.insert(steps)
            }
            guard let count = length() else { return nil }
            var summaries: [LessonSummary] = []
            summaries.reserveCapacity(min(count, first))
            for _ in 0..<min(count, first) {
                guard let file = text(), let id = text(), let title = text(), let lang = text(), let summary = text(),
                      let kind = text().flatMap(LessonKind.init(rawValue:)), let function = text(),
                      let order = int(), let steps = int(), let requiresCount = length()
                else { return nil }
                var requires: [String] = []
                for _ in 0..<requiresCount {
                    guard let id = text() else { return nil }
                    requires.append(id)
                }
                summaries.append(LessonSummary(
                    file: file,
                    meta: LessonMeta(id: id, title: title, lang: lang, order: order, summary: summary, requires: requires, kind: kind),
                    stepCount: steps, function: function))
            }
            // All of it read: nothing may be left over.
            guard first < count || at == bytes.count else { return nil }
            return Snapshot(lessons: summaries, widestOrder: widestOrder, stepCounts: stepCounts)
        }
    }
}
