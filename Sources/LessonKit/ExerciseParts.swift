/// The blocks of an exercise file as the builder meets them, put together into an `Exercise` once
/// the file is read, with every missing, doubled or misplaced part reported.
struct ExerciseParts {
    enum Role: String {
        case spec = "exercise", starter = "python starter", solution = "python solution"
    }

    enum Part {
        case spec(ExerciseSpec)
        case code(String)
    }

    /// Each role's fence, and its content when it could be read.
    private var found: [Role: (fence: SourcePosition, part: Part?)] = [:]

    /// Keeps a part; a second block of the same role is reported and dropped.
    mutating func add(_ role: Role, at fence: SourcePosition, _ part: Part?, log: inout DiagnosticLog) {
        if let first = found[role] {
            log.report(fence, "a second '\(role.rawValue)' block (the first is at line \(first.fence.line)): an exercise has one")
            return
        }
        found[role] = (fence, part)
    }

    /// The exercise of a file of `kind`: for an exercise, all three parts (a missing one reported
    /// at `start`) with the spec's function defined in the starter and the solution; for a
    /// lesson, `nil`, with any exercise block reported.
    func exercise(kind: LessonKind, start: SourcePosition, log: inout DiagnosticLog) -> Exercise? {
        guard kind == .exercise else {
            for (role, (fence, _)) in found {
                log.report(fence, "'\(role.rawValue)' block in a lesson: an exercise file says kind: exercise in its front matter")
            }
            return nil
        }
        for role in [Role.spec, .starter, .solution] where found[role] == nil {
            log.report(start, "an exercise needs a '\(role.rawValue)' block")
        }
        guard case .spec(let spec)? = found[.spec]?.part, case .code(let starter)? = found[.starter]?.part,
              case .code(let solution)? = found[.solution]?.part else { return nil }
        for role in [Role.starter, .solution] {
            guard let (fence, part) = found[role], case .code(let code)? = part else { continue }
            if !Self.defines(spec.function, in: code) {
                log.report(fence, "the \(role == .starter ? "starter" : "solution") does not define '\(spec.function)' (a line 'def \(spec.function)(')")
            }
        }
        return Exercise(spec: spec, starter: starter, solution: solution)
    }

    /// True when a line of `code` starts with `def name(` at any indentation.
    static func defines(_ name: String, in code: String) -> Bool {
        code.split(separator: "\n").contains { line in
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix("def ") else { return false }
            return text.dropFirst(4).drop { $0 == " " }.hasPrefix(name + "(")
        }
    }
}
