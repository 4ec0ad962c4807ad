import ConvCore
import Testing
import TestSupport

/// One case of `he_init.json`.
struct HeCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let channels: Int, groups: Int
    let kernel: [Int]
    let fan_in: Int
    let std: Double, bound: Double
    var description: String { name }
}

/// He initialisation: the fan-in of a layer and the standard deviation and uniform bound it gives.
@Suite("He initialisation")
struct HeInitializationTests {
    @Test("fan_in = C/groups·KH·KW, std = √(2/fan_in), bound = √(6/fan_in)", arguments: goldenCases("he_init.json", as: HeCase.self))
    func golden(_ c: HeCase) throws {
        let fanIn = try HeInitialization.fanIn(channels: c.channels, groups: c.groups, kernel: Pair(c.kernel[0], c.kernel[1]))
        #expect(fanIn == c.fan_in)
        #expect(abs(try HeInitialization.std(fanIn: fanIn) - c.std) < 1e-15)
        #expect(abs(try HeInitialization.uniformBound(fanIn: fanIn) - c.bound) < 1e-15)
    }

    @Test("refusals: groups that do not divide, a fan-in of 0")
    func refusals() {
        #expect(throws: ConvError.groupsDoNotDivide(channels: 6, of: .channels, groups: 4)) {
            try HeInitialization.fanIn(channels: 6, groups: 4, kernel: Pair(3))
        }
        #expect(throws: ConvError.tooSmall(field: "fan_in", axis: nil, value: 0, minimum: 1)) { try HeInitialization.std(fanIn: 0) }
    }
}
