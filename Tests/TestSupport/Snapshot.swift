import Foundation

/// Compares `text` with the stored snapshot `name` in `__Snapshots__/` beside the test file.
///
/// A missing snapshot, or any snapshot when `SNAPSHOT_RECORD=1` is set, is written and reported as
/// a failure, so that snapshots are only ever (re-)recorded on purpose and looked at. Returns a
/// message describing the first difference, or `nil` when they agree.
public func snapshotMismatch(_ text: String, named name: String, file: StaticString = #filePath) -> String? {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = folder.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: url, atomically: false, encoding: .utf8)
        return "recorded snapshot \(name) at \(url.path): look at it, then run the tests again"
    }
    guard stored != text else { return nil }
    let (a, b) = (stored.components(separatedBy: "\n"), text.components(separatedBy: "\n"))
    for k in 0..<max(a.count, b.count) where (k < a.count ? a[k] : nil) != (k < b.count ? b[k] : nil) {
        return "snapshot \(name) differs at line \(k + 1):\n  stored: \(k < a.count ? a[k] : "(none)")\n  now:    \(k < b.count ? b[k] : "(none)")\n(set SNAPSHOT_RECORD=1 to re-record on purpose)"
    }
    return "snapshot \(name) differs"
}
