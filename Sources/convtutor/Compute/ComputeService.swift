/// Answers `compute --json` requests: one JSON object in, one JSON object out.
///
/// Pure: takes the bytes of one line and returns the line to write. Every failure becomes
/// `{"error": "<field>: <reason>"}` in English (the JSON form is an API); nothing here can trap
/// on bad input.
enum ComputeService {
    /// The answer to one request line, and whether it is an error.
    static func answer(_ line: [UInt8]) -> (json: String, failed: Bool) {
        var writer = JSONWriter()
        do {
            let request = try Request(try JSONParser.parse(line))
            writer.write(.object(try respond(request)))
            return (writer.text, false)
        } catch {
            writer.write(.object([("error", .string(String(describing: error)))]))
            return (writer.text, true)
        }
    }

    /// The members of the answer object: the operation named by `op` (or an alias), given a
    /// request with none but its fields.
    static func respond(_ request: Request) throws -> [(key: String, value: JSON)] {
        let name = try request.required("op", request.string("op"))
        guard let operation = ComputeOperation(name: name) else {
            let names = ComputeOperation.allCases.map(\.name).joined(separator: ", ")
            throw RequestError("op", "unknown operation \"\(name.prefix(40))\" (operations: \(names))")
        }
        let form = operation.form
        try request.checkKnown(["op"] + form.fields, op: operation.name)
        return try form.answer(request)
    }
}
