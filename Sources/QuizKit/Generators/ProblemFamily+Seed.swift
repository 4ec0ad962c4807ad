import Localization

extension ProblemFamily {
    /// A salt mixed into the seed, so that the same seed gives unrelated draws in two families:
    /// FNV-1a of the raw value (fixed, unlike `hashValue`).
    var salt: UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in rawValue.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100000001b3
        }
        return hash
    }
}
