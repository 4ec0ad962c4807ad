import Foundation
import LessonKit

/// Finding and reading lesson files: the bundled lessons wherever the binary runs from, the
/// learner's own folders, the learner's language.
enum LessonLibrary {
    /// The largest lesson file read; LessonKit refuses larger ones with a diagnostic anyway.
    static let maxFileSize = 1 << 20

    /// The folders holding the bundled lessons (`Lessons/` with `en/` and `zh/` inside), first
    /// match wins:
    /// 1. `$CONVTUTOR_LESSONS`;
    /// 2. `<binary folder>/../share/convtutor/Lessons` (an installed layout);
    /// 3. `<binary folder>/Lessons` (the binary copied next to a `Lessons` folder);
    /// 4. the nearest folder above the binary holding both `Package.swift` and `Lessons/` (a
    ///    development build, e.g. `.build/release/convtutor`).
    static func bundledFolder(environment: [String: String] = processEnvironment) -> URL? {
        let fm = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let path = environment["CONVTUTOR_LESSONS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let folder = executable.deletingLastPathComponent()
        for candidate in [folder.appendingPathComponent("../share/convtutor/Lessons").standardized,
                          folder.appendingPathComponent("Lessons")] where isFolder(candidate) {
            return candidate
        }
        var up = folder
        while up.path != "/" {
            let lessons = up.appendingPathComponent("Lessons")
            if fm.fileExists(atPath: up.appendingPathComponent("Package.swift").path) && isFolder(lessons) { return lessons }
            up.deleteLastPathComponent()
        }
        return nil
    }

    /// The running binary, links resolved: `/proc/self/exe` (argv[0] is a bare name when the
    /// binary was found on `PATH`), else argv[0] against the working folder.
    private static var executable: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path) {
            return URL(fileURLWithPath: target).resolvingSymlinksInPath()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    /// The paths of the `.md` lesson and exercise files of a folder for a language:
    /// `folder/<lang>/*.md` and `folder/<lang>/practice/*.md`, and `folder/*.md` for a flat folder
    /// of one's own. Authors' guides (`README.md`) are not lessons. Paths, not URLs: a catalogue
    /// of thousands is listed at every start, and building URLs costs more than listing.
    static func files(in folder: URL, language: String) -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        let own = folder.path + "/" + language
        for dir in [own, own + "/practice", folder.path] {
            let names = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
                found.append(dir + "/" + name)
            }
        }
        return found
    }

    /// Every `.md` file under the paths given (files as they are, folders searched recursively),
    /// without `README.md`.
    static func files(under paths: [String]) -> [URL] {
        var found: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(url)  // reported as unreadable by the caller
                continue
            }
            guard isDirectory.boolValue else {
                found.append(url)
                continue
            }
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
            while let next = walker?.nextObject() as? URL {
                if next.pathExtension == "md" && next.lastPathComponent != "README.md" { found.append(next) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Reads and parses `urls`, parsing on every core at once; the results come back in the
    /// order of `urls`. `forCheck` reads a body whose front matter is wrong too (under a stand-in
    /// named after the file), so that `check` finds every problem in one run.
    static func loadAll(_ urls: [URL], forCheck: Bool = false) -> [(lesson: Lesson?, diagnostics: [Diagnostic])] {
        let contents = urls.map(read)
        let readable = contents.compactMap { c -> (Data, String)? in
            if case .success(let data) = c.bytes { (data, c.file) } else { nil }
        }
        let standIns = forCheck ? readable.map { standIn(for: URL(fileURLWithPath: $0.1)) } : nil
        // The parses come back in the order of the readable files.
        var parsed = LessonParser.parseAll(readable, standIns: standIns).makeIterator()
        return contents.map { c in
            switch c.bytes {
            case .failure(let problem): (nil, [problem])
            case .success: parsed.next() ?? (nil, [])
            }
        }
    }

    /// The front matter a file's body is checked under when its own is wrong: the file's name
    /// without its number (`05-padding.md` is `padding`), the language of its folder (`zh/`).
    static func standIn(for url: URL) -> LessonMeta {
        let name = url.deletingPathExtension().lastPathComponent
        let id = name.drop { $0.isNumber || $0 == "-" }
        let folder = url.deletingLastPathComponent().lastPathComponent
        return LessonMeta(id: id.isEmpty ? name : String(id), title: name, lang: folder == "zh" ? "zh" : "en", order: 0, summary: "")
    }

    /// Reads and parses one file. Unreadable or oversized files give a diagnostic, never a crash;
    /// bytes that are not UTF-8 are decoded with replacement characters.
    static func load(_ url: URL) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let r = read(url)
        switch r.bytes {
        case .failure(let problem): return (nil, [problem])
        case .success(let data): return LessonParser.parse(data: data, file: r.file)
        }
    }

    /// A file's bytes, or `nil` when it cannot be read or is too large (`load` says why).
    static func bytes(of url: URL) -> Data? {
        try? read(url).bytes.get()
    }

    /// The bytes of the file at `path`, as `bytes(of:)`.
    static func bytes(atPath path: String) -> Data? {
        bytes(of: URL(fileURLWithPath: path))
    }

    /// A file's text as the lints read it, bytes that are not UTF-8 replaced; `nil` when it cannot be
    /// read (`loadAll` reports why).
    static func text(of url: URL) -> String? {
        bytes(of: url).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A file's bytes, or the problem that keeps it from being read.
    private static func read(_ url: URL) -> (file: String, bytes: Result<Data, Diagnostic>) {
        let name = url.path
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return (name, .failure(Diagnostic(file: name, line: 1, column: 1, message: "cannot read the file")))
        }
        defer { try? handle.close() }
        // Read one byte past the limit, to tell an oversized file without reading all of it.
        let data = (try? handle.read(upToCount: maxFileSize + 1)) ?? Data()
        guard data.count <= maxFileSize else {
            return (name, .failure(Diagnostic(file: name, line: 1, column: 1,
                                              message: "the file is larger than \(maxFileSize / 1024) KiB; lessons must be smaller")))
        }
        return (name, .success(data))
    }
}
