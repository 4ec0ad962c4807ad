import Foundation

/// Where convtutor keeps the learner's data: the folder, and which setting chose it.
///
/// The folder is the first of, in order:
/// 1. the `--data-dir` option;
/// 2. `$CONVTUTOR_DATA_DIR`;
/// 3. `$XDG_DATA_HOME/convtutor` (the XDG Base Directory specification; a relative
///    `XDG_DATA_HOME` is invalid there and ignored);
/// 4. `~/.local/share/convtutor`.
///
/// An empty value counts as unset. `--data-dir` and `CONVTUTOR_DATA_DIR` may be relative (to the
/// current directory) and may start with `~/`, which stands for the home directory.
/// `resolve` only computes the URL; `create()` makes the folder.
public struct DataDirectory: Sendable, Equatable {
    /// The setting that chose the folder, named in error messages.
    public enum Source: String, Sendable, Equatable, CustomStringConvertible {
        case option = "--data-dir"
        case environment = "CONVTUTOR_DATA_DIR"
        case xdgDataHome = "XDG_DATA_HOME"
        case home = "the default ~/.local/share"

        public var description: String { rawValue }
    }

    /// The environment variable that overrides the data folder.
    public static let environmentVariable = "CONVTUTOR_DATA_DIR"

    /// The folder, as an absolute file URL.
    public let url: URL
    /// The setting that chose it.
    public let source: Source

    public init(url: URL, source: Source) {
        self.url = url
        self.source = source
    }

    /// The progress database inside this folder.
    public var progressFile: URL { url.appendingPathComponent(ProgressStore.fileName) }

    /// The data folder for an explicit `--data-dir` value (or `nil`), an environment and a home
    /// directory; `currentDirectory` anchors relative paths. Pure: reads no environment or files.
    public static func resolve(
        explicit: String?, environment: [String: String], home: URL, currentDirectory: URL
    ) -> DataDirectory {
        if let path = nonEmpty(explicit) {
            return DataDirectory(url: absolute(path, home: home, base: currentDirectory), source: .option)
        }
        if let path = nonEmpty(environment[environmentVariable]) {
            return DataDirectory(url: absolute(path, home: home, base: currentDirectory), source: .environment)
        }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            let url = URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("convtutor", isDirectory: true)
            return DataDirectory(url: url.standardizedFileURL, source: .xdgDataHome)
        }
        let url = home.appendingPathComponent(".local/share/convtutor", isDirectory: true)
        return DataDirectory(url: url.standardizedFileURL, source: .home)
    }

    /// `value` unless it is `nil` or empty.
    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// `path` made absolute: a leading `~` or `~/` is the home directory, anything else relative
    /// is taken from `base`.
    private static func absolute(_ path: String, home: URL, base: URL) -> URL {
        let url: URL
        if path == "~" {
            url = home
        } else if path.hasPrefix("~/") {
            url = home.appendingPathComponent(String(path.dropFirst(2)), isDirectory: true)
        } else {
            url = URL(fileURLWithPath: path, isDirectory: true, relativeTo: base)
        }
        return url.absoluteURL.standardizedFileURL
    }
}
