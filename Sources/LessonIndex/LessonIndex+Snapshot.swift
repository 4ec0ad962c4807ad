import Foundation
import GRDB
import LessonKit

extension LessonIndex {
    /// The catalogue a start last listed under `key` (its folders and language), as it was saved;
    /// `nil` when there is none or it cannot be read.
    ///
    /// A list draws its first frame from this, without looking at a single lesson file, and checks
    /// the files (`summaries(of:index:read:summarise:)`) right after that frame, before the first
    /// key: a lesson added, changed or removed since appears a few milliseconds later, and no key
    /// ever acts on the old list.
    public static func snapshot(_ key: String, index: URL) -> [LessonSummary]? {
        guard FileManager.default.fileExists(atPath: index.path),
              let database = try? DatabaseQueue(path: index.path, configuration: configuration) else { return nil }
        defer { try? database.close() }
        let summaries = try? database.read { db -> [LessonSummary]? in
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == formatVersion else { return nil }
            // Decoded where SQLite holds it: a list of thousands is a megabyte, not worth a copy.
            let rows = try Row.fetchCursor(db, sql: "SELECT data FROM catalogue WHERE key = ?", arguments: [key])
            return try rows.next()?.dataNoCopy(atIndex: 0).flatMap(SnapshotCoding.decode)
        }
        return summaries.flatMap { $0 }
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
            try db.execute(sql: "INSERT OR REPLACE INTO catalogue (key, data) VALUES (?, ?)",
                           arguments: [key, SnapshotCoding.encode(summaries)])
        }
    }
}

/// Summaries as one blob: per summary its text fields as a 32-bit length and UTF-8 bytes, its
/// numbers (and the count of its required lessons, before their ids) as 64-bit integers, all
/// little-endian. Read back in one pass, with no parsing of text.
enum SnapshotCoding {
    static func encode(_ summaries: [LessonSummary]) -> Data {
        var data = Data()
        func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) } }
        func text(_ value: String) {
            withUnsafeBytes(of: UInt32(value.utf8.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: value.utf8)
        }
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

    /// The summaries in `data`; `nil` when it is not what `encode` writes.
    static func decode(_ data: Data) -> [LessonSummary]? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [LessonSummary]? in
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
            guard let count = int(), count >= 0, count <= bytes.count else { return nil }
            var summaries: [LessonSummary] = []
            summaries.reserveCapacity(count)
            for _ in 0..<count {
                guard let file = text(), let id = text(), let title = text(), let lang = text(), let summary = text(),
                      let kind = text().flatMap(LessonKind.init(rawValue:)), let function = text(),
                      let order = int(), let steps = int(), let requiresCount = int(), (0...bytes.count).contains(requiresCount)
                else { return nil }
                var requires: [String] = []
                for _ in 0..<requiresCount {
                    guard let id = text() else { return nil }
                    requires.append(id)
                }
                summaries.append(LessonSummary(
                    file: file,
                    meta: LessonMeta(id: id, title: title, lang: lang, order: order, summary: summary,
                                     requires: requires, kind: kind),
                    stepCount: steps, function: function))
            }
            return at == bytes.count ? summaries : nil
        }
    }
}
