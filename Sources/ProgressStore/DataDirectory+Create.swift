import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DataDirectory {
    /// Creates the folder and any missing parents with mode 0700 (owner only, as the XDG
    /// specification asks), or checks that an existing one is a folder this user can write.
    ///
    /// Existing folders keep their permissions. Safe when two processes create the same folder at
    /// once.
    ///
    /// - Throws: `ProgressError.cannotCreateDirectory` naming the folder and the reason, for
    ///   example a file in the way or a parent without write permission.
    public func create() throws(ProgressError) {
        let path = url.path
        var prefix = ""
        for component in url.pathComponents where component != "/" {
            prefix += "/" + component
            // Existing parents are skipped before mkdir, which on a read-only file system may
            // report EROFS rather than EEXIST for them.
            if isDirectory(prefix) { continue }
            if mkdir(prefix, 0o700) == 0 { continue }
            let code = errno
            // EEXIST: another process made it just now, or a file is in the way.
            guard code == EEXIST else { throw failure(prefix, code) }
            guard isDirectory(prefix) else {
                throw ProgressError.cannotCreateDirectory(
                    path: path, reason: "\(prefix) is a file, not a folder", source: source)
            }
        }
        guard access(path, W_OK | X_OK) == 0 else { throw failure(path, errno) }
    }

    /// Whether `path` exists and is a folder (following symbolic links).
    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The error for a failed `mkdir`/`access` on `prefix` with `code`.
    private func failure(_ prefix: String, _ code: Int32) -> ProgressError {
        let reason = String(cString: strerror(code))
        return .cannotCreateDirectory(
            path: url.path, reason: prefix == url.path ? reason : "\(prefix): \(reason)", source: source)
    }
}
