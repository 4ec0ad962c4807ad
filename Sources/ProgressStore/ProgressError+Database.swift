import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProgressError {
    /// The `ProgressError` for `error`, thrown while using the database at `path`.
    ///
    /// SQLite's result codes say what went wrong; for "cannot open" the file system is asked why,
    /// so that a missing folder and a permission problem get different advice.
    static func from(_ error: any Error, path: String) -> ProgressError {
        if let error = error as? ProgressError { return error }
        guard let error = error as? DatabaseError else {
            return .database(path: path, message: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .damaged(path: path, sideFiles: sideFiles(of: path))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return .permissionDenied(path: path)
        case .SQLITE_CANTOPEN:
            return cannotOpen(path, sqliteMessage: error.message ?? "unable to open database file")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_FULL:
            return .diskFull(path: path)
        default:
            return .database(path: path, message: error.message ?? error.description)
        }
    }

    /// The `-wal` and `-shm` files that exist beside `path`.
    static func sideFiles(of path: String) -> [String] {
        ["-wal", "-shm"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The error for `path` when it cannot be opened, found by looking at the file and its folder.
    static func cannotOpen(_ path: String, sqliteMessage: String) -> ProgressError {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return .cannotOpen(path: path, reason: "its folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .cannotOpen(path: path, reason: "it is a folder, not a file")
        }
        if let denied = permissionProblem(path) { return denied }
        return .cannotOpen(path: path, reason: sqliteMessage)
    }

    /// `.permissionDenied` when this user cannot read and write `path` (if it exists) or create
    /// files in its folder (where SQLite keeps the `-wal` and `-shm` files); `nil` otherwise.
    ///
    /// Uses `access(2)`, so it never fires for root, who may write anything.
    static func permissionProblem(_ path: String) -> ProgressError? {
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path) {
            if access(path, R_OK | W_OK) != 0, errno == EACCES || errno == EROFS { return .permissionDenied(path: path) }
        } else if access(folder, W_OK | X_OK) != 0, errno == EACCES || errno == EROFS {
            return .permissionDenied(path: path)
        }
        return nil
    }
}
