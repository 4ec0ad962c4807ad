import Foundation
import ProgressStore
import Testing

@Suite("DataDirectory: where progress lives")
struct DataDirectoryTests {
    let home = URL(fileURLWithPath: "/home/ada", isDirectory: true)
    let cwd = URL(fileURLWithPath: "/work/course", isDirectory: true)

    func resolve(_ explicit: String? = nil, _ environment: [String: String] = [:]) -> DataDirectory {
        DataDirectory.resolve(explicit: explicit, environment: environment, home: home, currentDirectory: cwd)
    }

    @Test("--data-dir wins over everything")
    func optionFirst() {
        let dir = resolve("/srv/data", ["CONVTUTOR_DATA_DIR": "/env/data", "XDG_DATA_HOME": "/xdg"])
        #expect(dir.url.path == "/srv/data")
        #expect(dir.source == .option)
    }

    @Test("CONVTUTOR_DATA_DIR comes next")
    func environmentSecond() {
        let dir = resolve(nil, ["CONVTUTOR_DATA_DIR": "/env/data", "XDG_DATA_HOME": "/xdg"])
        #expect(dir.url.path == "/env/data")
        #expect(dir.source == .environment)
    }

    @Test("then $XDG_DATA_HOME/convtutor")
    func xdgThird() {
        let dir = resolve(nil, ["XDG_DATA_HOME": "/xdg/share"])
        #expect(dir.url.path == "/xdg/share/convtutor")
        #expect(dir.source == .xdgDataHome)
    }

    @Test("then ~/.local/share/convtutor")
    func homeLast() {
        let dir = resolve(nil, ["HOME": "/elsewhere", "PATH": "/usr/bin"])
        #expect(dir.url.path == "/home/ada/.local/share/convtutor")
        #expect(dir.source == .home)
        #expect(dir.progressFile.path == "/home/ada/.local/share/convtutor/progress.sqlite")
    }

    @Test("empty values count as unset")
    func emptyIsUnset() {
        #expect(resolve("", ["CONVTUTOR_DATA_DIR": "/env"]).source == .environment)
        #expect(resolve(nil, ["CONVTUTOR_DATA_DIR": "", "XDG_DATA_HOME": "/xdg"]).source == .xdgDataHome)
        #expect(resolve(nil, ["XDG_DATA_HOME": ""]).source == .home)
    }

    @Test("a relative XDG_DATA_HOME is invalid and ignored, as the XDG specification says")
    func relativeXDGIgnored() {
        #expect(resolve(nil, ["XDG_DATA_HOME": "share"]).url.path == "/home/ada/.local/share/convtutor")
    }

    @Test("relative paths and ~/ in --data-dir and CONVTUTOR_DATA_DIR")
    func relativeAndTilde() {
        #expect(resolve("progress").url.path == "/work/course/progress")
        #expect(resolve("../shared/./p/").url.path == "/work/shared/p")
        #expect(resolve("~/tutor").url.path == "/home/ada/tutor")
        #expect(resolve("~").url.path == "/home/ada")
        #expect(resolve(nil, ["CONVTUTOR_DATA_DIR": "~/env"]).url.path == "/home/ada/env")
        #expect(resolve(nil, ["CONVTUTOR_DATA_DIR": "rel"]).url.path == "/work/course/rel")
    }

    @Test("create() makes missing folders with mode 0700 and accepts an existing one")
    func createsPrivateFolders() throws {
        let temp = try TemporaryFolder()
        let dir = DataDirectory(url: temp.file("a/b/convtutor"), source: .option)
        try dir.create()
        for path in ["a", "a/b", "a/b/convtutor"] {
            let mode = try FileManager.default.attributesOfItem(atPath: temp.file(path).path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o700, "mode of \(path)")
        }
        try dir.create()  // again: already there, fine
        // An existing folder keeps its own permissions.
        chmod(temp.url.path, 0o755)
        try DataDirectory(url: temp.url, source: .option).create()
        let mode = try FileManager.default.attributesOfItem(atPath: temp.url.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o755)
    }

    @Test("create() under a regular file fails with a clear message (for root too)")
    func fileInTheWay() throws {
        let temp = try TemporaryFolder()
        let file = temp.file("notes.txt")
        try Data("hello".utf8).write(to: file)
        let dir = DataDirectory(url: file.appendingPathComponent("sub"), source: .environment)
        let error = #expect(throws: ProgressError.self) { try dir.create() }
        #expect(error == .cannotCreateDirectory(
            path: file.path + "/sub", reason: "\(file.path) is a file, not a folder", source: .environment))
        let message = error?.description ?? ""
        #expect(message.hasPrefix("cannot create or write the data folder \(file.path)/sub (set by CONVTUTOR_DATA_DIR)"))
        #expect(message.contains("--data-dir"))
        // The data folder path itself being a file.
        let itself = #expect(throws: ProgressError.self) { try DataDirectory(url: file, source: .option).create() }
        #expect(itself == .cannotCreateDirectory(path: file.path, reason: "\(file.path) is a file, not a folder", source: .option))
    }

    @Test("create() in a folder without permission fails (skipped as root, where chmod stops nothing)",
          .enabled(if: !runningAsRoot))
    func noPermission() throws {
        let temp = try TemporaryFolder()
        let locked = temp.file("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        chmod(locked.path, 0o000)
        let error = #expect(throws: ProgressError.self) {
            try DataDirectory(url: locked.appendingPathComponent("convtutor"), source: .option).create()
        }
        #expect(error?.description.contains("Permission denied") == true)
        // An existing folder that cannot be written is refused too.
        chmod(locked.path, 0o500)
        let readOnly = #expect(throws: ProgressError.self) { try DataDirectory(url: locked, source: .option).create() }
        #expect(readOnly == .cannotCreateDirectory(path: locked.path, reason: "Permission denied", source: .option))
    }
}
