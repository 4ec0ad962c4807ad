import ConvCore

/// Reading a `compute` block, or the `compute` key of a question: what to compute (`of`), which
/// part to show, the animation keys, and the author's `expect`.
extension Computation {
    /// The keys that are not animation keys.
    static let ownKeys = ["of", "show", "cell", "tensor", "expect", "tolerance", "layers", "f", "g", "h", "alpha", "beta", "shift"]
        + Technique.ownKeys

    /// Every key a compute block may have: its own and the animation keys that compute something
    /// (`view` and `start` only change how an animation is played).
    static let keys = ownKeys + Animation.keys.filter { $0 != "view" && $0 != "start" }

    /// The values `of` may take.
    static let subjects = ConvOperation.animated.map(\.rawValue) + ["receptive-field", "gradient-check"]
        + Property.allCases.map(\.rawValue)
        + Technique.Name.allCases.map(\.rawValue)

    /// The keys only the blocks that take them may have: `answer` to "only … takes 'key'".
    static func owners(of key: String) -> String {
        var owners = ["layers": ["of: receptive-field"]][key] ?? []
        if ["f", "g", "h", "alpha", "beta", "shift"].contains(key) { owners.append("a property (of: linearity, …)") }
        owners += Technique.Name.allCases.filter { $0.keys.contains(key) }.map { "of: \($0.rawValue)" }
        return owners.joined(separator: " or ")
    }

    /// The computation of a `compute` block, or `nil` when it has any problem (all reported).
    static func read(body: FencedBody, log: inout DiagnosticLog) -> Computation? {
        guard let fields = body.fields(what: "a compute block", log: &log) else { return nil }
        return read(fields, line: body.fence.line, at: body.fence, what: "a compute block", expecting: true, log: &log)
    }

    /// The computation of a question's `compute` mapping (which takes no `expect`: the question's
    /// answer is what is compared).
    static func read(question field: YAMLField, log: inout DiagnosticLog) -> Computation? {
        guard let fields = YAMLField.fields(of: field.value, what: "compute", log: &log) else { return nil }
        return read(fields, line: field.position.line, at: field.position, what: "a question's compute", expecting: false, log: &log)
    }

    private static func read(_ fields: [YAMLField], line: Int, at place: SourcePosition, what: String, expecting: Bool,
                             log: inout DiagnosticLog) -> Computation? {
        let before = log.diagnostics.count
        YAMLField.reportUnknown(fields, known: expecting ? keys : keys.filter { $0 != "expect" && $0 != "tolerance" }, in: what, log: &log)
        let field = { (key: String) in fields.last { $0.key == key } }

        let of = field("of").map { $0.oneOf(subjects, &log) } ?? ConvOperation.conv2d.rawValue
        guard let of else { return nil }
        let technique = Technique.Name(rawValue: of)
        let shows = technique?.shows ?? Show.animationShows
        let show = field("show").map { $0.oneOf(shows.map(\.rawValue), &log).flatMap(Show.init) } ?? shows[0]
        guard let show else { return nil }
        if let technique {
            let read = Technique.read(technique, show: show, fields, line: line, at: place, log: &log)
            reportForeign(fields, allowed: ["of", "show", "expect", "tolerance"] + technique.keys, owner: "of: \(of)", log: &log)
            var c = read.map { Computation(line: line, subject: .technique($0), show: show, parameters: Animation(kind: .conv2d, line: line)) }
            c?.readExpectation(field("expect"), field("tolerance"), log: &log)
            return log.diagnostics.count == before ? c : nil
        }
        let subject: Subject = ConvOperation(rawValue: of).map(Subject.animation)
            ?? Property(rawValue: of).map(Subject.property) ?? (of == "gradient-check" ? .gradientCheck : .receptiveField)

        var c = Computation(line: line, subject: subject, show: show, parameters: Animation(kind: .conv2d, line: line))
        let animationFields = fields.filter { Animation.keys.contains($0.key) }
        switch subject {
        case .technique:
            break
        case .animation(let kind):
            c.parameters = Animation.read(kind, fields: animationFields, line: line, drawn: show == .output || show == .cell, log: &log)
            c.readCell(field("cell"), field("tensor"), kind: kind, at: place, log: &log)
            if show == .parameters || show == .macs, kind != .conv2d, kind != .convTranspose2d, let showField = field("show") {
                log.report(showField.position, "show: \(show.rawValue) is counted for conv2d and conv-transpose2d, not \(kind.rawValue)")
            }
            if show == .window, !kind.isAdaptivePooling, let showField = field("show") {
                log.report(showField.position, "show: window is adaptive pooling's (adaptive-maxpool2d, adaptive-avgpool2d and their backward), not \(kind.rawValue)")
            }
            for f in fields where ownKeys.contains(f.key) && !Animation.keys.contains(f.key)
                && !["of", "show", "cell", "tensor", "expect", "tolerance"].contains(f.key) {
                log.report(f.position, "\(f.key): only \(owners(of: f.key)) takes '\(f.key)'")
            }
        case .gradientCheck:
            // The check of one cell of a conv2d-backward animation with these parameters.
            c.show = .cell
            c.parameters = Animation.read(.conv2dBackward, fields: animationFields, line: line, drawn: true, log: &log)
            c.readCell(field("cell"), field("tensor"), kind: .conv2dBackward, at: place, log: &log)
            reportForeign(fields, allowed: ["of", "cell", "tensor", "expect", "tolerance"] + Animation.keys, owner: "of: gradient-check", log: &log)
        case .receptiveField:
            c.layers = readLayers(field("layers"), at: place, log: &log)
            reportForeign(fields, allowed: ["of", "layers", "expect", "tolerance"], owner: "of: receptive-field", log: &log)
        case .property(let property):
            c.readProperty(property, fields, at: place, log: &log)
            reportForeign(fields, allowed: ["of", "expect", "tolerance", "alpha", "beta", "shift"] + property.arrays,
                          owner: "of: \(property.rawValue)", log: &log)
        }
        c.readExpectation(field("expect"), field("tolerance"), log: &log)
        return log.diagnostics.count == before ? c : nil
    }

    /// `expect` and the `tolerance` it is compared with (a number ≥ 0, only beside `expect`).
    private mutating func readExpectation(_ expectField: YAMLField?, _ toleranceField: YAMLField?, log: inout DiagnosticLog) {
        if let e = expectField { expect = Self.readExpectation(e, log: &log) }
        guard let toleranceField else { return }
        guard expectField != nil else {
            log.report(toleranceField.position, "tolerance: only a block with 'expect' takes 'tolerance'")
            return
        }
        guard let value = toleranceField.number(&log) else { return }
        guard value >= 0 else {
            log.report(toleranceField.position, "tolerance: must be at least 0, got \(Text.number(value))")
            return
        }
        tolerance = value
    }

    /// Reports keys that `owner` does not take (unknown keys are reported already).
    private static func reportForeign(_ fields: [YAMLField], allowed: [String], owner: String, log: inout DiagnosticLog) {
        for f in fields where keys.contains(f.key) && !allowed.contains(f.key) {
            log.report(f.position, "\(f.key): \(owner) does not take '\(f.key)'")
        }
    }

    /// `cell` and `tensor`, required and allowed only for `show: cell`; `cell` (an output cell)
    /// for `show: window` too.
    private mutating func readCell(_ cellField: YAMLField?, _ tensorField: YAMLField?, kind: ConvOperation,
                                   at place: SourcePosition, log: inout DiagnosticLog) {
        guard show == .cell || show == .window else {
            for f in [cellField, tensorField].compactMap({ $0 }) {
                log.report(f.position, "\(f.key): only show: cell\(f.key == "cell" ? " and show: window take" : " takes") '\(f.key)'")
            }
            return
        }
        guard let cellField else {
            let owner = subject == .gradientCheck ? "of: gradient-check" : "show: \(show.rawValue)"
            log.report(place, "compute: \(owner) needs 'cell' (e.g. cell: [0, 1])")
            return
        }
        // A window belongs to an output cell, `i` or `[i, j]`; a cell may also name its image or channel.
        let window = show == .window
        if window, let tensorField { log.report(tensorField.position, "tensor: only show: cell takes 'tensor'") }
        let items: [YAMLValue]
        switch cellField.value {
        case .scalar: items = [cellField.value]
        case .sequence(let values, _) where (1...(window ? 2 : 4)).contains(values.count): items = values
        default: items = []
        }
        let indices = items.compactMap { item -> Int? in
            guard case .scalar(let s) = item, case .int(let v) = s.kind, v >= 0 else { return nil }
            return v
        }
        guard !items.isEmpty, indices.count == items.count else {
            let expected = window ? "show: window expects an output cell i or [i, j]" : "expected an index i, [i, j] or [c, i, j]"
            log.report(cellField.position, "cell: \(expected) of integers ≥ 0, got \(cellField.value.quoted)")
            return
        }
        cell = indices
        guard !window else { return }
        let tensors: [TensorName] = switch kind {
        case .conv2dBackward: [.dx, .dw, .db]
        case .maxpool2dBackward, .avgpool2dBackward, .adaptiveMaxpool2dBackward, .adaptiveAvgpool2dBackward: [.dx]
        default: [.out]
        }
        if let tensorField {
            tensor = tensorField.oneOf(tensors.map(\.rawValue), &log).flatMap(TensorName.init(rawValue:))
        } else {
            tensor = tensors[0]
        }
    }

    /// `layers: [{kernel: 3, stride: 2}, …]`.
    private static func readLayers(_ field: YAMLField?, at place: SourcePosition, log: inout DiagnosticLog) -> [ReceptiveField.Layer] {
        guard let field else {
            log.report(place, "compute: of: receptive-field needs 'layers', e.g. layers: [{kernel: 3}, {kernel: 3, stride: 2}]")
            return []
        }
        guard case .sequence(let items, _) = field.value, !items.isEmpty, items.count <= LessonLimits.maxListItems else {
            log.report(field.position, "layers: expected a list of layers such as {kernel: 3, stride: 2}, got \(field.value.quoted)")
            return []
        }
        var layers: [ReceptiveField.Layer] = []
        for item in items {
            guard let entries = YAMLField.fields(of: item, what: "a layer", log: &log) else { continue }
            YAMLField.reportUnknown(entries, known: ["kernel", "stride", "dilation"], in: "a layer", log: &log)
            var values: [String: Int] = [:]
            for entry in entries where ["kernel", "stride", "dilation"].contains(entry.key) {
                values[entry.key] = entry.integer(in: 1...Limits.maxParameter, &log)
            }
            guard entries.contains(where: { $0.key == "kernel" }) else {
                log.report(item.position, "layers: every layer needs a 'kernel'")
                continue
            }
            if let kernel = values["kernel"] {
                layers.append(ReceptiveField.Layer(kernel: kernel, stride: values["stride"] ?? 1, dilation: values["dilation"] ?? 1))
            }
        }
        return layers
    }

    /// The arrays and numbers of a property.
    private mutating func readProperty(_ property: Property, _ fields: [YAMLField], at place: SourcePosition,
                                       log: inout DiagnosticLog) {
        let field = { (key: String) in fields.last { $0.key == key } }
        for name in property.arrays {
            guard let f = field(name) else {
                log.report(place, "compute: of: \(property.rawValue) needs '\(name)', a list of numbers")
                continue
            }
            if let values = Self.numberList(f, log: &log) { arrays[name] = values }
        }
        let scalars: [String] = switch property {
        case .linearity, .scaling: ["alpha", "beta"]
        case .shift: ["shift"]
        default: []
        }
        for name in scalars where field(name) == nil {
            log.report(place, "compute: of: \(property.rawValue) needs '\(name)'")
        }
        alpha = field("alpha")?.number(&log)
        beta = field("beta")?.number(&log)
        shift = field("shift")?.integer(in: 0...LessonLimits.maxGridExtent, &log)
        let sameLength = property == .linearity ? ("f", "g") : property == .distributivity ? ("g", "h") : nil
        if let (p, q) = sameLength, let a = arrays[p], let b = arrays[q], a.count != b.count {
            log.report(field(q)!.position, "\(q): must have as many numbers as \(p) (\(a.count)), got \(b.count)")
        }
    }

    /// A flat list of at most 12 finite numbers.
    private static func numberList(_ field: YAMLField, log: inout DiagnosticLog) -> [Double]? {
        guard case .sequence(let items, _) = field.value, (1...LessonLimits.maxGridExtent).contains(items.count) else {
            log.report(field.position, "\(field.key): expected a list of 1 to \(LessonLimits.maxGridExtent) numbers, got \(field.value.quoted)")
            return nil
        }
        return YAMLField.numbers(items, key: field.key, log: &log)
    }

    /// `expect: 4`, `[4, 4]`, `[[1, 2], [3, 4]]` or `invalid`.
    private static func readExpectation(_ field: YAMLField, log: inout DiagnosticLog) -> Expectation? {
        let problem = "expect: expected a number, a list, rows of numbers or 'invalid', got \(field.value.quoted)"
        func number(_ node: YAMLValue) -> Double? {
            guard let s = node.scalar, let v = s.number, v.isFinite else { return nil }
            return v
        }
        switch field.value {
        case .scalar(let s) where s.text == "invalid" && s.kind == .string:
            return .invalid
        case .scalar:
            if let v = number(field.value) { return .numbers([[v]]) }
        case .sequence(let items, _) where !items.isEmpty && items.count <= LessonLimits.maxExplicitValues:
            let rows: [[YAMLValue]] = items.allSatisfy({ $0.scalar != nil }) ? [items]
                : items.compactMap { if case .sequence(let row, _) = $0 { row } else { nil } }
            let numbers = rows.map { $0.compactMap(number) }
            if rows.count == (items.allSatisfy({ $0.scalar != nil }) ? 1 : items.count),
               zip(rows, numbers).allSatisfy({ $0.count == $1.count && !$0.isEmpty }),
               Set(rows.map(\.count)).count == 1 {
                return .numbers(numbers)
            }
        default:
            break
        }
        log.report(field.position, problem)
        return nil
    }
}
