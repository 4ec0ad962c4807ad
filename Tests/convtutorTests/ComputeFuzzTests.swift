import ConvCore
import Testing
@testable import convtutor

/// `compute --json` never traps: seeded random mutations of valid requests (operations named
/// both ways, `conv-transpose2d-backward` and `conv2d_backward`) must each answer a well-formed
/// JSON object holding either results or one error.
@Suite("compute --json under mutation")
struct ComputeFuzzTests {
    static let seeds: [String] = [
        #"{"op":"conv2d","x":[[[[1,2,3],[4,5,6],[7,8,9]]]],"w":[[[[1,0],[0,-1]]]],"b":[0.5],"stride":[1,2],"padding":1,"dilation":1,"groups":1}"#,
        #"{"op":"conv2d_backward","x":[[[[1,2],[3,4]]]],"w":[[[[1]]]],"dout":[[[[1,1],[1,1]]]]}"#,
        #"{"op":"conv-transpose2d-backward","x":[[[[1,2],[3,4]]]],"w":[[[[1,2],[3,4]]]],"stride":2,"output_padding":1,"dout":[[[[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1]]]]}"#,
        #"{"op":"maxpool2d_backward","x":[[[[1,2],[3,4]]]],"kernel":2,"stride":1,"padding":1,"dout":[[[[1,1,1],[1,1,1],[1,1,1]]]]}"#,
        #"{"op":"avgpool2d","x":[[[1,2],[3,4]]],"kernel":[1,2]}"#,
        #"{"op":"correlate1d","a":[1,2,3],"v":[0,1,0.5,2],"mode":"same"}"#,
        #"{"op":"output-size","input":[7,9],"kernel":[3,2],"stride":2,"padding":[1,0],"transposed":true,"output_padding":1}"#,
        #"{"op":"conv2d-trace","x":[[[[1,2],[3,4]]]],"w":[[[[1,2],[3,4]]]],"padding":1,"cell":[0,0,2,2]}"#,
    ]

    /// Replacements that stress the edges: zero, negatives, huge, fractional, wrong types.
    static let replacements = ["0", "-1", "16777217", "1e308", "-1e308", "0.5", "null", "true", "\"x\"", "[]", "[[]]", "{}", "[1,2,3]", "99999999999999999999"]

    @Test("5000 mutations, every answer well formed")
    func mutations() throws {
        var random = SeededRandom(seed: 2026)
        var errors = 0
        for round in 0..<5000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<random.int(in: 1...3) {
                let at = random.int(in: 0...(bytes.count - 1))
                switch random.int(in: 0...3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(UInt8(random.int(in: 0...255)), at: at)
                case 2:
                    // Replace the number starting at or after `at` with an edge value.
                    if let start = bytes[at...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                        var end = start
                        while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2E { end += 1 }
                        let edge = Self.replacements[random.int(in: 0...(Self.replacements.count - 1))]
                        bytes.replaceSubrange(start..<end, with: Array(edge.utf8))
                    }
                default: bytes.swapAt(at, random.int(in: 0...(bytes.count - 1)))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            let (text, failed) = ComputeService.answer(bytes)
            guard case .object(let members) = try JSONParser.parse(text), !members.isEmpty else {
                Issue.record("not an object: \(text)")
                continue
            }
            let keys = members.map(\.key)
            if failed {
                errors += 1
                #expect(keys == ["error"], "\(text)")
                if case .string(let message) = members[0].value {
                    // Every message names what it is about before a colon.
                    #expect(message.contains(": "), "\(message)")
                }
            } else {
                #expect(!keys.contains("error"), "\(text)")
            }
        }
        // The mutations must actually reach the error paths, and leave some requests valid.
        #expect(errors > 2500 && errors < 5000)
    }
}
