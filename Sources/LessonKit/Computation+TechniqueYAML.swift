import ConvCore

/// Reading the keys of a technique (`of: fft-convolution`, `of: winograd`, …). Keys that an
/// animation block also has (`a`, `v`, `mode`, `input`, `kernel`, `channels`, `groups`, `x`, `w`)
/// are read as it reads them; every problem is reported at its key.
extension Computation.Technique {
    /// The keys the techniques add to a compute block's.
    static let ownKeys = ["length", "variant", "d", "precision", "gamma", "mean", "var", "eps", "dt", "at", "fan_in"]

    /// The spellings of `variant`.
    static let variants = ["F(2,3)": Winograd.Variant.f23, "F(2x2,3x3)": .f2x2_3x3, "F(2×2,3×3)": .f2x2_3x3]

    /// The technique `name` shown as `show`, from `fields`; nil when any key has a problem.
    static func read(_ name: Name, show: Computation.Show, _ fields: [YAMLField], line: Int, at place: SourcePosition,
                     log: inout DiagnosticLog) -> Self? {
        let before = log.diagnostics.count
        let field = { (key: String) in fields.last { $0.key == key } }
        var reader = Reader(name: name, place: place, line: line)
        let oneD = name == .fftConvolution || name == .circularConvolution
        // `w` as a list of filters, and `b` as one number, are read below; the rest as an animation reads them.
        let shared = fields.filter { f in
            Animation.keys.contains(f.key) && name.keys.contains(f.key) && !(name == .batchNormFold && (f.key == "w" || f.key == "b"))
        }
        let a = Animation.read(oneD ? .conv1d : .conv2d, fields: shared, line: line, drawn: false, log: &log)
        let list = { (key: TensorName) in a.explicit[key]?.first }
        let pair = { (sizes: [Int]?) in sizes.map { Pair($0[0], $0.count > 1 ? $0[1] : $0[0]) } }
        func only(_ key: String, _ shows: String) {
            if let f = field(key) { log.report(f.position, "\(key): only show: \(shows) takes '\(key)'") }
        }

        let technique: Self?
        switch name {
        case .fftConvolution:
            if show == .cost {
                only("mode", "output")
                if let arrays = [list(.a), list(.v)] as? [[Double]] {
                    reader.exclusive(["input", "kernel"], with: "'a' and 'v'", fields, &log)
                    technique = .fftConvolution(a: arrays[0], v: arrays[1], lengths: arrays.map(\.count), mode: .full)
                } else if let m = a.input?.first, let n = a.kernel?.first {
                    technique = .fftConvolution(a: nil, v: nil, lengths: [m, n], mode: .full)
                } else {
                    log.report(place, "compute: of: fft-convolution, show: cost needs 'a' and 'v', or their lengths 'input' and 'kernel'")
                    technique = nil
                }
            } else {
                only("input", "cost")
                only("kernel", "cost")
                let (av, vv) = (reader.required("a", list(.a), fields, &log), reader.required("v", list(.v), fields, &log))
                technique = av.flatMap { av in vv.map { .fftConvolution(a: av, v: $0, lengths: [av.count, $0.count], mode: a.mode ?? .full) } }
            }
        case .circularConvolution:
            let (av, vv) = (reader.required("a", list(.a), fields, &log), reader.required("v", list(.v), fields, &log))
            let length = field("length")?.integer(in: 1...Limits.maxParameter, &log)
            technique = av.flatMap { av in vv.map { .circularConvolution(a: av, v: $0, length: length) } }
        case .winograd:
            let grid = Animation(kind: .conv2d, line: line)
            let d = reader.required("d", field("d").flatMap { grid.explicitValues($0, log: &log) }, fields, &log)
            let g = reader.required("g", field("g").flatMap { grid.explicitValues($0, log: &log) }, fields, &log)
            var variant = g.map { $0.count > 1 ? Winograd.Variant.f2x2_3x3 : .f23 }
            if let f = field("variant") { variant = f.oneOf(Array(variants.keys).sorted(), &log).flatMap { variants[$0] } }
            let precision = field("precision").map { $0.oneOf(Winograd.Precision.self, &log) } ?? .float32
            if show != .error { only("precision", "error") }
            technique = d.flatMap { d in g.flatMap { g in variant.flatMap { v in precision.map { .winograd(v, d: d, g: g, precision: $0) } } } }
        case .batchNormFold:
            let w = reader.required("w", field("w").flatMap { reader.filters($0, &log) }, fields, &log)
            let stats = ["gamma", "beta", "mean", "var"].map { key in reader.required(key, field(key).flatMap { reader.numbers($0, &log) }, fields, &log) }
            let b = field("b").flatMap { reader.numbers($0, &log) }
            let eps = field("eps").map { $0.number(&log) } ?? 1e-5
            let x = a.explicit[.x]
            if show == .check, x == nil { log.report(place, "compute: of: batchnorm-fold, show: check needs 'x', the input to check the fold on") }
            if show != .check { only("x", "check") }
            if let w, let s = stats as? [[Double]], let eps {
                technique = .batchNormFold(w: w, b: b, statistics: .init(gamma: s[0], beta: s[1], mean: s[2], variance: s[3], epsilon: eps), x: x)
            } else {
                technique = nil
            }
        case .separable:
            let w = a.explicit[.w]
            if show != .cost { only("input", "cost") }
            if w != nil { reader.exclusive(["kernel"], with: "'w'", fields, &log) }
            if show != .cost, w == nil {
                log.report(place, "compute: of: separable needs 'w', the kernel's rows")
                technique = nil
            } else if let kernel = w.map({ Pair($0.count, $0[0].count) }) ?? pair(a.kernel) {
                technique = .separable(w: w, kernel: kernel, input: pair(a.input))
            } else {
                log.report(place, "compute: of: separable, show: cost needs 'w', or the kernel's size 'kernel'")
                technique = nil
            }
        case .continuousConvolution:
            let f = reader.required("f", field("f").flatMap { reader.function($0, &log) }, fields, &log)
            let g = reader.required("g", field("g").flatMap { reader.function($0, &log) }, fields, &log)
            let dt = reader.required("dt", field("dt").flatMap { $0.number(&log) }, fields, &log)
            let at = reader.required("at", field("at").flatMap { reader.numbers($0, &log) }, fields, &log)
            technique = f.flatMap { f in g.flatMap { g in dt.flatMap { dt in at.map { .continuousConvolution(f: f, g: g, dt: dt, at: $0) } } } }
        case .heInit:
            let fanIn = field("fan_in")?.integer(in: 1...Limits.maxParameter, &log)
            if fanIn != nil { reader.exclusive(["channels", "groups", "kernel"], with: "'fan_in'", fields, &log) }
            if field("fan_in") == nil, a.channels == nil {
                log.report(place, "compute: of: he-init needs 'fan_in', or the layer's 'channels' (and 'kernel', 'groups')")
            }
            technique = .heInit(fanIn: fanIn, channels: a.channels ?? 1, groups: a.groups ?? 1, kernel: pair(a.kernel) ?? Pair(3))
        case .tensorflowSame:
            let input = reader.required("input", pair(a.input), fields, &log)
            technique = input.map { .tensorflowSame(input: $0, kernel: pair(a.kernel) ?? Pair(3), stride: pair(a.stride) ?? Pair(1),
                                                    dilation: pair(a.dilation) ?? Pair(1)) }
        }
        return log.diagnostics.count == before ? technique : nil
    }

    /// Readers of a technique's values, reporting at the key.
    private struct Reader {
        let name: Name
        let place: SourcePosition
        let line: Int

        /// `value`, or a report that the block needs `key` when the key is absent.
        func required<T>(_ key: String, _ value: T?, _ fields: [YAMLField], _ log: inout DiagnosticLog) -> T? {
            if value == nil, !fields.contains(where: { $0.key == key }) {
                log.report(place, "compute: of: \(name.rawValue) needs '\(key)'")
            }
            return value
        }

        /// Reports each of `keys` given along with `other`, which replaces them.
        func exclusive(_ keys: [String], with other: String, _ fields: [YAMLField], _ log: inout DiagnosticLog) {
            for f in fields where keys.contains(f.key) {
                log.report(f.position, "\(f.key): give either \(other) or '\(f.key)', not both")
            }
        }

        /// A number, or a list of 1 to 12 numbers.
        func numbers(_ field: YAMLField, _ log: inout DiagnosticLog) -> [Double]? {
            switch field.value {
            case .scalar: return field.number(&log).map { [$0] }
            case .sequence(let items, _) where (1...LessonLimits.maxGridExtent).contains(items.count):
                return YAMLField.numbers(items, key: field.key, log: &log)
            default:
                log.report(field.position, "\(field.key): expected a number or a list of 1 to \(LessonLimits.maxGridExtent) numbers, got \(field.value.quoted)")
                return nil
            }
        }

        /// One kernel's rows, or a list of kernels (each rows), one per filter.
        func filters(_ field: YAMLField, _ log: inout DiagnosticLog) -> [[[Double]]]? {
            let grid = Animation(kind: .conv2d, line: line)
            guard case .sequence(let items, _) = field.value, isStack(field.value) else {
                return grid.explicitValues(field, log: &log).map { [$0] }
            }
            guard items.count <= LessonLimits.maxGridExtent else {
                log.report(field.position, "w: at most \(LessonLimits.maxGridExtent) filters, got \(items.count)")
                return nil
            }
            var kernels: [[[Double]]] = []
            for item in items {
                guard let rows = grid.explicitValues(YAMLField(key: field.key, position: item.position, value: item), log: &log) else { return nil }
                kernels.append(rows)
            }
            return kernels
        }

        /// True for a list of kernels: a list whose items are lists of lists.
        private func isStack(_ value: YAMLValue) -> Bool {
            guard case .sequence(let items, _) = value, case .sequence(let rows, _)? = items.first,
                  case .sequence? = rows.first else { return false }
            return true
        }

        /// `box(1)`, `triangle(0.5)` or `gaussian(0, 1)`.
        func function(_ field: YAMLField, _ log: inout DiagnosticLog) -> ContinuousFunction? {
            guard let text = field.value.scalar?.text, let function = ContinuousFunction(parsing: text) else {
                log.report(field.position, "\(field.key): expected box(width), triangle(half-width) or gaussian(mean, sd), got \(field.value.quoted)")
                return nil
            }
            return function
        }
    }
}
