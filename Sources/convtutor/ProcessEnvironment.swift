import Foundation

/// The process's environment, read once, from the C library's `environ`: Foundation builds the
/// whole dictionary anew each time `ProcessInfo` is asked, and setting `ProcessInfo` up at all
/// costs more than a frame's drawing at the start.
let processEnvironment: [String: String] = {
    var values: [String: String] = [:]
    guard var entry = Optional(environ) else { return values }
    while let pointer = entry.pointee {
        let pair = String(cString: pointer)
        if let equals = pair.firstIndex(of: "=") {
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        entry += 1
    }
    return values
}()
