import ConvCore

/// A request field that cannot be used, with a message that names it.
struct RequestError: Error, Equatable, CustomStringConvertible {
    var message: String

    init(_ field: String, _ reason: String) {
        message = "\(field): \(reason)"
    }

    /// A message that names its field already, e.g. a `ConvError` in the learner's language.
    init(message: String) {
        self.message = message
    }

    var description: String { message }

    /// `pad` beside `padding: "same"`: two ways of saying where the padding goes.
    static let padWithSame = RequestError("pad", "give either pad or padding \"same\", not both")
}

/// The fields of one JSON request, read with the types the compute core needs.
///
/// Every accessor names the field in its error; `checkKnown` refuses misspelt fields, since a
/// silently ignored `"strdie": 2` would give a wrong answer that looks right.
struct Request {
    let fields: [(key: String, value: JSON)]

    init(_ json: JSON) throws(RequestError) {
        guard case .object(let fields) = json else {
            throw RequestError("request", "expected a JSON object, got \(json.kind)")
        }
        self.fields = fields
    }

    func value(_ name: String) -> JSON? {
        fields.first { $0.key == name }.map(\.value)
    }

    /// Refuses any field not in `known`.
    func checkKnown(_ known: [String], op: String) throws(RequestError) {
        for (key, _) in fields where !known.contains(key) {
            throw RequestError(key, "unknown field for \(op) (fields: \(known.filter { $0 != "op" }.joined(separator: ", ")))")
        }
    }

    func string(_ name: String) throws(RequestError) -> String? {
        switch value(name) {
        case nil: return nil
        case .string(let s)?: return s
        case let other?: throw RequestError(name, "expected a string, got \(other.kind)")
        }
    }

    func bool(_ name: String) throws(RequestError) -> Bool? {
        switch value(name) {
        case nil: return nil
        case .bool(let b)?: return b
        case let other?: throw RequestError(name, "expected true or false, got \(other.kind)")
        }
    }

    /// An integer field; `nil` when absent.
    func int(_ name: String) throws(RequestError) -> Int? {
        guard let json = value(name) else { return nil }
        return try Self.integer(json, name)
    }

    /// An integer or an `[h, w]` pair of integers; `nil` when absent.
    func pair(_ name: String) throws(RequestError) -> Pair? {
        switch value(name) {
        case nil:
            return nil
        case .number(let d)?:
            return Pair(try Self.integer(.number(d), name))
        case .array(let items)? where items.count == 2:
            return Pair(try Self.integer(items[0], "\(name)[0]"), try Self.integer(items[1], "\(name)[1]"))
        case let other?:
            throw RequestError(name, "expected an integer or an [h, w] pair of integers, got \(Self.describe(other))")
        }
    }

    /// A list of integers of exactly `count` elements (a cell index).
    func index(_ name: String, count: Int) throws(RequestError) -> [Int]? {
        switch value(name) {
        case nil:
            return nil
        case .array(let items)? where items.count == count:
            var index: [Int] = []
            for (k, item) in items.enumerated() { index.append(try Self.integer(item, "\(name)[\(k)]")) }
            return index
        case let other?:
            throw RequestError(name, "expected a list of \(count) integers, got \(Self.describe(other))")
        }
    }

    /// A required tensor of one of the `ranks`; `nil` when absent or `null`.
    func tensor(_ name: String, ranks: [Int]) throws(RequestError) -> Tensor? {
        guard let json = value(name), json != .null else { return nil }
        let tensor = try Self.tensor(json, name)
        guard ranks.contains(tensor.rank) else {
            let wanted = ranks.map { "\($0)-D" }.joined(separator: " or ")
            throw RequestError(name, "expected a \(wanted) nested array, got \(tensor.rank)-D (shape \(tensor.shape))")
        }
        return tensor
    }

    func required<T>(_ name: String, _ value: T?) throws(RequestError) -> T {
        guard let value else { throw RequestError(name, "required field is missing") }
        return value
    }

    // MARK: Conversions

    /// A JSON number that is an integer; huge values stay huge (clamped) so the compute core can
    /// report them against its limits.
    static func integer(_ json: JSON, _ name: String) throws(RequestError) -> Int {
        guard case .number(let d) = json else { throw RequestError(name, "expected an integer, got \(describe(json))") }
        guard d == d.rounded() else { throw RequestError(name, "expected an integer, got \(d)") }
        guard abs(d) < 1e15 else { throw RequestError(name, "\(d) is far too large") }
        return Int(d)
    }

    /// A rectangular nested array of numbers as a tensor; ragged arrays and non-numbers are
    /// refused with the path of the first bad element (`x[1][0]`).
    static func tensor(_ json: JSON, _ name: String) throws(RequestError) -> Tensor {
        // The shape is read along the first elements, then every element is checked against it.
        var shape: [Int] = []
        var probe = json
        while case .array(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        guard !shape.isEmpty else { throw RequestError(name, "expected a nested array of numbers, got \(describe(json))") }
        guard !shape.contains(0) else { throw RequestError(name, "every axis must have at least one element (shape \(shape))") }
        var data: [Double] = []
        data.reserveCapacity(shape.reduce(1, *))
        try flatten(json, shape[...], path: name, into: &data)
        return Tensor(shape: shape, data: data)
    }

    private static func flatten(
        _ json: JSON, _ shape: ArraySlice<Int>, path: String, into data: inout [Double]
    ) throws(RequestError) {
        guard let extent = shape.first else {
            guard case .number(let d) = json else { throw RequestError(path, "expected a number, got \(describe(json))") }
            data.append(d)
            return
        }
        guard case .array(let items) = json else {
            throw RequestError(path, "expected an array of \(extent), got \(describe(json)) (ragged array)")
        }
        guard items.count == extent else {
            throw RequestError(path, "has \(items.count) elements where \(extent) were expected (ragged array)")
        }
        for (k, item) in items.enumerated() {
            try flatten(item, shape.dropFirst(), path: "\(path)[\(k)]", into: &data)
        }
    }

    static func describe(_ json: JSON) -> String {
        switch json {
        case .number(let d): "\(d)"
        case .string(let s): "the string \"\(s.prefix(40))\""
        default: json.kind
        }
    }
}

extension JSON {
    /// A tensor as nested arrays, outermost axis first.
    init(_ tensor: Tensor) {
        func nest(_ axis: Int, _ offset: Int) -> JSON {
            if axis == tensor.rank { return .number(tensor.data[offset]) }
            let stride = tensor.shape[(axis + 1)...].reduce(1, *)
            return .array((0..<tensor.shape[axis]).map { nest(axis + 1, offset + $0 * stride) })
        }
        self = nest(0, 0)
    }

    init(_ ints: [Int]) {
        self = .array(ints.map { .number(Double($0)) })
    }
}
