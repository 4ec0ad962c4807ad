import ConvCore

/// Reading an animation block: a fenced block whose info string is one of `ConvOperation.animated`,
/// with the explorer's parameters as YAML keys.
///
/// Only syntax and types are checked here (with ranges and the explorer's drawing limits); whether
/// the parameters make a valid convolution is for the compute core, when the scene is built.
extension Animation {
    /// Every key an animation block may have.
    static let keys = [
        "input", "kernel", "stride", "padding", "padding_mode", "pad", "dilation", "output_padding", "channels", "filters", "groups",
        "bias", "convention", "mode", "view", "values", "seed", "start", "x", "w", "b", "dout", "a", "v",
        "ceil_mode", "count_include_pad", "divisor_override", "output_size",
    ]

    /// The message for sizes beyond what the explorer draws.
    static let tooLargeMessage = "grid too large to display (the explorer draws at most "
        + "\(LessonLimits.maxGridExtent)×\(LessonLimits.maxGridExtent) and \(LessonLimits.maxChannels) channels)"

    var isOneDimensional: Bool { kind.is1D }

    /// The animation a block describes; keys with problems are reported and left at their defaults.
    static func read(_ kind: ConvOperation, body: FencedBody, log: inout DiagnosticLog) -> Animation {
        let what = "a \(kind.rawValue) block"
        guard let fields = body.fields(what: what, log: &log) else { return Animation(kind: kind, line: body.fence.line) }
        YAMLField.reportUnknown(fields, known: keys, in: what, log: &log)
        return read(kind, fields: fields, line: body.fence.line, drawn: true, log: &log)
    }

    /// The animation keys among `fields` (others are skipped: the caller reports unknown keys).
    /// `drawn` applies the explorer's limits (12×12, 4 channels, parameters up to 12); otherwise
    /// only the compute core's (a computation that shows a size or a count draws nothing).
    static func read(_ kind: ConvOperation, fields: [YAMLField], line: Int, drawn: Bool,
                     log: inout DiagnosticLog) -> Animation {
        var a = Animation(kind: kind, line: line)
        a.drawn = drawn
        let window = drawn ? LessonLimits.maxWindowParameter : Limits.maxParameter
        // `values: random` takes its `seed`, which may come before or after it.
        var random = false
        var seed: Int?
        for field in fields {
            switch field.key {
            case "input": a.input = a.sizes(field, minimum: 1, log: &log)
            case "kernel": a.kernel = a.sizes(field, minimum: 1, log: &log)
            case "stride": a.stride = a.sizes(field, minimum: 1, maximum: window, log: &log)
            case "dilation": a.dilation = a.sizes(field, minimum: 1, maximum: window, log: &log)
            case "padding":
                switch field.value.scalar?.text {
                case "valid": a.padding = [0]
                case "same" where a.takesPaddingForms(field, log: &log): a.paddingLayout = .same
                case "same": break
                case let word? where field.value.scalar?.kind == .string:
                    log.report(field.position, "padding: expected an integer, [height, width], valid or same, got \"\(word)\"")
                default: a.padding = a.sizes(field, minimum: 0, maximum: window, log: &log)
                }
            case "padding_mode":
                if a.takesPaddingForms(field, log: &log) { a.paddingMode = field.oneOf(PaddingMode.self, &log) }
            case "pad":
                if a.takesPaddingForms(field, log: &log), let sides = a.sides(field, maximum: window, log: &log) {
                    a.paddingLayout = .sides(sides)
                }
            case "output_padding": a.outputPadding = a.sizes(field, minimum: 0, maximum: window, log: &log)
            case "channels": a.channels = a.channelCount(field, log: &log)
            case "filters": a.filters = a.channelCount(field, log: &log)
            case "groups": a.groups = field.integer(in: 1...(drawn ? LessonLimits.maxChannels : Limits.maxParameter), &log)
            case "bias": a.bias = field.bool(&log)
            case "convention": a.convention = field.oneOf(Convention.self, &log)
            case "mode":
                if a.isOneDimensional {
                    a.mode = field.oneOf(Conv1D.Mode.self, &log)
                } else {
                    log.report(field.position, "mode: only 1-D animations (conv1d, correlate1d) take a mode")
                }
            case "ceil_mode", "count_include_pad", "divisor_override", "output_size": a.readPoolingOption(field, &log)
            case "view": a.view = field.oneOf(Presentation.self, &log)
            case "values":
                switch field.oneOf(["ramp", "random"], &log) {
                case "ramp": a.values = .ramp
                case "random": random = true
                default: break
                }
            case "seed": seed = field.integer(in: 0...Int.max, &log)
            case "start": a.startStep = field.integer(in: 1...Int.max, &log)
            case "x", "w", "b", "dout", "a", "v":
                if let rows = a.explicitValues(field, log: &log), let tensor = Self.tensor(key: field.key) { a.explicit[tensor] = rows }
            default: break
            }
        }
        if random { a.values = .random(seed: UInt64(seed ?? 1)) }
        let same = fields.contains { $0.key == "padding" && $0.value.scalar?.text == "same" }
        if same, let pad = fields.last(where: { $0.key == "pad" }), case .sides? = a.paddingLayout {
            log.report(pad.position, "pad: give either pad or padding: same, not both")
        }
        if let field = fields.last(where: { $0.key == "dilation" }), kind.poolKind == .average || kind.isAdaptivePooling {
            log.report(field.position, "dilation: \(kind.rawValue) takes no dilation (PyTorch's \(kind.isAdaptivePooling ? "adaptive pooling" : "avg_pool2d") has none)")
        }
        if kind.isAdaptivePooling {
            for field in fields where ["kernel", "stride", "padding"].contains(field.key) {
                log.report(field.position, "\(field.key): adaptive pooling chooses its windows from 'output_size'; it takes no '\(field.key)'")
            }
        }
        return a
    }

    /// True for the operations that take `padding: same`, `padding_mode` and `pad` (conv2d and
    /// its backward pass, as PyTorch's `conv2d`); otherwise reports `field`.
    private func takesPaddingForms(_ field: YAMLField, log: inout DiagnosticLog) -> Bool {
        guard kind == .conv2d || kind == .conv2dBackward else {
            let what = field.key == "padding" ? "padding: same" : "'\(field.key)'"
            log.report(field.position, "\(field.key): only conv2d and conv2d-backward take \(what), not \(kind.rawValue)")
            return false
        }
        return true
    }

    /// `pad: [left, right, top, bottom]`, four integers from 0 to `maximum`, as `F.pad` takes them.
    private func sides(_ field: YAMLField, maximum: Int, log: inout DiagnosticLog) -> PaddingSides? {
        let expected = "pad: expected [left, right, top, bottom], four integers from 0 to \(maximum), got \(field.value.quoted)"
        guard case .sequence(let items, _) = field.value, items.count == 4 else {
            log.report(field.position, expected)
            return nil
        }
        let values = items.compactMap { item -> Int? in
            guard case .scalar(let s) = item, case .int(let v) = s.kind, (0...maximum).contains(v) else { return nil }
            return v
        }
        guard values.count == 4 else {
            log.report(field.position, expected)
            return nil
        }
        return PaddingSides(values)
    }

    /// `ceil_mode` (max and average pooling), `count_include_pad` and `divisor_override` (average
    /// pooling), `output_size` (adaptive pooling), each refused for the operations without it.
    private mutating func readPoolingOption(_ field: YAMLField, _ log: inout DiagnosticLog) {
        let takers: [ConvOperation] = switch field.key {
        case "ceil_mode": [.maxpool2d, .avgpool2d, .maxpool2dBackward, .avgpool2dBackward]
        case "output_size": [.adaptiveMaxpool2d, .adaptiveAvgpool2d, .adaptiveMaxpool2dBackward, .adaptiveAvgpool2dBackward]
        default: [.avgpool2d, .avgpool2dBackward]
        }
        guard takers.contains(kind) else {
            log.report(field.position, "\(field.key): only \(takers.map(\.rawValue).joined(separator: ", ")) blocks take '\(field.key)'")
            return
        }
        switch field.key {
        case "ceil_mode": ceilMode = field.bool(&log)
        case "count_include_pad": countIncludePad = field.bool(&log)
        case "output_size": outputSize = sizes(field, minimum: 1, log: &log)
        default:
            // PyTorch takes any divisor but 0.
            guard let divisor = field.integer(in: -Limits.maxParameter...Limits.maxParameter, &log) else { return }
            guard divisor != 0 else {
                log.report(field.position, "divisor_override: must not be 0")
                return
            }
            divisorOverride = divisor
        }
    }

    /// The tensor an explicit-values key names: `dout` is `dOut`.
    static func tensor(key: String) -> TensorName? {
        key == "dout" ? .dOut : TensorName(rawValue: key)
    }

    /// `input: 5` or `input: [4, 6]` as `[5]` or `[4, 6]`; 1-D animations take one length.
    private func sizes(_ field: YAMLField, minimum: Int, maximum: Int? = nil, log: inout DiagnosticLog) -> [Int]? {
        let oneD = isOneDimensional && (field.key == "input" || field.key == "kernel")
        let expected = oneD ? "an integer (a length)" : "an integer or [height, width]"
        var nodes: [YAMLValue]
        switch field.value {
        case .scalar: nodes = [field.value]
        case .sequence(let items, _) where (1...(oneD ? 1 : 2)).contains(items.count): nodes = items
        default:
            log.report(field.position, "\(field.key): expected \(expected), got \(field.value.quoted)")
            return nil
        }
        var values: [Int] = []
        for node in nodes {
            guard case .scalar(let s) = node, case .int(let v) = s.kind else {
                log.report(field.position, "\(field.key): expected \(expected), got \(field.value.quoted)")
                return nil
            }
            values.append(v)
        }
        if let bad = values.first(where: { $0 < minimum }) {
            let rule = maximum.map { YAMLField.rangeRule(minimum...$0) } ?? "must be at least \(minimum)"
            log.report(field.position, "\(field.key): \(rule), got \(bad)")
            return nil
        }
        if let maximum, let bad = values.first(where: { $0 > maximum }) {
            log.report(field.position, "\(field.key): \(YAMLField.rangeRule(minimum...maximum)), got \(bad)")
            return nil
        }
        if maximum == nil, drawn, values.contains(where: { $0 > LessonLimits.maxGridExtent }) {
            log.report(field.position, "\(field.key): \(Self.tooLargeMessage)")
            return nil
        }
        if maximum == nil, let bad = values.first(where: { $0 > Limits.maxParameter }) {
            log.report(field.position, "\(field.key): must be at most \(Limits.maxParameter), got \(bad)")
            return nil
        }
        return values
    }

    private func channelCount(_ field: YAMLField, log: inout DiagnosticLog) -> Int? {
        guard drawn else { return field.integer(in: 1...Limits.maxParameter, &log) }
        guard let v = field.integer(in: 1...Int.max, &log) else { return nil }
        guard v <= LessonLimits.maxChannels else {
            log.report(field.position, "\(field.key): \(Self.tooLargeMessage)")
            return nil
        }
        return v
    }

    /// Explicit numbers: rows (`[[1, 2], [3, 4]]`) for the 2-D tensors `x`, `w`, `dout`; a flat
    /// list for `a`, `v`, `b`, and for a one-row `x`, `w`, `dout`.
    func explicitValues(_ field: YAMLField, log: inout DiagnosticLog) -> [[Double]]? {
        let key = field.key
        let flatOnly = ["a", "v", "b"].contains(key)
        if isOneDimensional, ["x", "w", "b", "dout"].contains(key) {
            log.report(field.position, "\(key): 1-D animations take their values as 'a' and 'v'")
            return nil
        }
        if !isOneDimensional, key == "a" || key == "v" {
            log.report(field.position, "\(key): only 1-D animations (conv1d, correlate1d) take '\(key)'; use 'x' and 'w'")
            return nil
        }
        guard case .sequence(let items, _) = field.value, !items.isEmpty else {
            let example = flatOnly ? "[1, 2, 3]" : "[[1, 2], [3, 4]]"
            log.report(field.position, "\(key): expected a list of numbers, e.g. \(example), got \(field.value.quoted)")
            return nil
        }
        let limit = LessonLimits.maxExplicitValues
        let rowsGiven = items.contains { if case .sequence = $0 { true } else { false } }
        if !rowsGiven {
            guard items.count <= limit else {
                log.report(field.position, "\(key): too many values (\(items.count); an explicit tensor holds at most \(limit))")
                return nil
            }
            guard let row = YAMLField.numbers(items, key: key, log: &log) else { return nil }
            guard row.count <= LessonLimits.maxGridExtent else {
                log.report(field.position, "\(key): \(Self.tooLargeMessage)")
                return nil
            }
            return [row]
        }
        if flatOnly {
            log.report(field.position, "\(key): expected a flat list of numbers, e.g. [1, 2, 3], not rows")
            return nil
        }
        // Count before reading, so that a huge list costs nothing.
        var total = 0
        for item in items {
            guard case .sequence(let row, _) = item else {
                log.report(item.position, "\(key): expected rows of numbers ([[1, 2], [3, 4]]), got \(item.quoted) among the rows")
                return nil
            }
            total += row.count
        }
        guard total <= limit else {
            log.report(field.position, "\(key): too many values (\(total); an explicit tensor holds at most \(limit))")
            return nil
        }
        var rows: [[Double]] = []
        for (k, item) in items.enumerated() {
            guard case .sequence(let cells, let position) = item else { return nil }
            guard !cells.isEmpty else {
                log.report(position, "\(key): row \(k + 1) is empty")
                return nil
            }
            guard let row = YAMLField.numbers(cells, key: key, log: &log) else { return nil }
            if let first = rows.first, first.count != row.count {
                let numbers = row.count == 1 ? "1 number" : "\(row.count) numbers"
                log.report(position, "\(key): row \(k + 1) has \(numbers), row 1 has \(first.count); every row must have the same length")
                return nil
            }
            rows.append(row)
        }
        guard rows.count <= LessonLimits.maxGridExtent, rows[0].count <= LessonLimits.maxGridExtent else {
            log.report(field.position, "\(key): \(Self.tooLargeMessage)")
            return nil
        }
        return rows
    }
}
