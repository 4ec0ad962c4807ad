import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
///
/// Each test makes its own, so tests running in parallel never share a database. Removal first
/// gives the owner back every permission inside, so folders a test made unreadable go too.
final class TemporaryFolder: Sendable {
    /// The folder.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("convtutor-progress-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `name` inside the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The progress database inside the folder.
    var database: URL { file("progress.sqlite") }

    deinit {
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let name as String in walker { chmod(url.appendingPathComponent(name).path, 0o700) }
        }
        chmod(url.path, 0o700)
        try? FileManager.default.removeItem(at: url)
    }
}

/// A date `seconds` after a fixed moment (2023-11-14), so that tests never read the clock.
func day(_ seconds: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_700_000_000 + seconds)
}

/// Whether the tests run as root, for whom file permissions do not apply (as in CI containers).
let runningAsRoot = getuid() == 0
