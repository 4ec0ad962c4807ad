/// Reading an `exercise` block.
extension ExerciseSpec {
    static let keys = ["function", "matches", "cases", "modes", "random", "seed", "tolerance", "hints"]

    /// The spec of an `exercise` block, or `nil` when it has any problem (all reported).
    static func read(body: FencedBody, log: inout DiagnosticLog) -> ExerciseSpec? {
        guard let fields = body.fields(what: "an exercise block", log: &log) else { return nil }
        let before = log.diagnostics.count
        YAMLField.reportUnknown(fields, known: keys, in: "an exercise block", log: &log)
        let field = { (key: String) in fields.last { $0.key == key } }
        for key in ["function", "matches"] where field(key) == nil {
            log.report(body.fence, "exercise: missing '\(key)'")
        }
        let function = field("function").flatMap { f -> String? in
            guard let name = f.text(&log) else { return nil }
            guard isPythonName(name) else {
                log.report(f.position, "function: '\(name)' is not a Python function name (letters, digits and '_', not starting with a digit)")
                return nil
            }
            return name
        }
        let target = field("matches").flatMap { $0.oneOf(ExerciseTarget.self, &log) }
        guard let function, let target else { return nil }

        var spec = ExerciseSpec(line: body.fence.line, function: function, target: target)
        if let cases = field("cases") {
            spec.ranges = readRanges(cases, target: target, log: &log)
        }
        if let modes = field("modes") {
            if target != .conv1d {
                log.report(modes.position, "modes: only matches: conv1d takes modes")
            } else if let list = modes.textList(&log) {
                for mode in list where !Self.allModes.contains(mode) {
                    log.report(modes.position, "modes: '\(mode)' is not a mode of numpy.convolve (\(YAMLField.alternatives(Self.allModes)))")
                }
                if list.isEmpty { log.report(modes.position, "modes: give at least one mode") }
                spec.modes = list
            }
        }
        if let random = field("random")?.integer(in: 0...50, &log) { spec.random = random }
        if let seed = field("seed")?.integer(in: 0...Int(Int32.max), &log) { spec.seed = UInt64(seed) }
        if let f = field("tolerance"), let tolerance = f.number(&log) {
            if tolerance <= 0 || tolerance > 0.1 {
                log.report(f.position, "tolerance: must be above 0 and at most 0.1, got \(tolerance)")
            } else {
                spec.tolerance = tolerance
            }
        }
        if let hints = field("hints")?.textList(&log) { spec.hints = hints }
        return log.diagnostics.count == before ? spec : nil
    }

    /// The `cases` mapping: each key a parameter of the target, each value an integer or a
    /// `[low, high]` pair within the parameter's limits.
    private static func readRanges(_ cases: YAMLField, target: ExerciseTarget,
                                   log: inout DiagnosticLog) -> [CaseParameter: ClosedRange<Int>] {
        guard let fields = YAMLField.fields(of: cases.value, what: "cases", log: &log) else { return [:] }
        let allowed = target.parameters.map(\.rawValue)
        var ranges: [CaseParameter: ClosedRange<Int>] = [:]
        for f in fields {
            guard let parameter = CaseParameter(rawValue: f.key), target.parameters.contains(parameter) else {
                log.report(f.position, "cases: unknown parameter '\(f.key)' for matches: \(target.rawValue) (it takes \(YAMLField.alternatives(allowed)))")
                continue
            }
            let bounds: [Double]?
            switch f.value {
            case .sequence(let items, _):
                bounds = YAMLField.numbers(items, key: f.key, log: &log)
            default:
                bounds = f.number(&log).map { [$0] }
            }
            guard let bounds else { continue }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0 == $0.rounded() }) else {
                log.report(f.position, "\(f.key): expected an integer or [low, high], got \(f.value.quoted)")
                continue
            }
            let (low, high) = (Int(bounds[0]), Int(bounds[bounds.count - 1]))
            guard low <= high else {
                log.report(f.position, "\(f.key): low \(low) is above high \(high)")
                continue
            }
            guard parameter.limits.contains(low), parameter.limits.contains(high) else {
                log.report(f.position, "\(f.key): \(YAMLField.rangeRule(parameter.limits)), got \(low == high ? "\(low)" : "[\(low), \(high)]")")
                continue
            }
            ranges[parameter] = low...high
        }
        return ranges
    }

    /// A Python identifier in ASCII: a letter or `_`, then letters, digits and `_`.
    static func isPythonName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
