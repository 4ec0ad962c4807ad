/// How many terminal columns text takes: 2 for East Asian wide and fullwidth characters (CJK,
/// Hangul, fullwidth forms, most emoji), 0 for combining marks and zero-width formatting
/// characters, 1 otherwise — the same answers as glibc's `wcwidth` for the characters a lesson uses.
public enum TextWidth {
    /// The columns of one scalar.
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        return isWide(v) ? 2 : 1
    }

    /// The columns of one grapheme cluster: its widest scalar (a base character with combining
    /// marks takes the base's width; an emoji with a variation selector stays 2).
    public static func columns(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars { widest = max(widest, columns(scalar)) }
        return widest
    }

    /// The columns of a string.
    public static func columns(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most of every frame, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + columns($1) }
    }

    /// Unicode's East Asian Width W and F ranges (Unicode 15), merged.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
        0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
        0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
        0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
        0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        // Binary search over the sorted, disjoint ranges.
        var (lo, hi) = (0, wideRanges.count - 1)
        while lo <= hi {
            let mid = (lo + hi) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { hi = mid - 1 } else if v > range.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}

/// Untrusted text (from lesson files, typed values) made inert: control characters C0, DEL and
/// C1 — among them ESC, which starts CSI and OSC sequences — become visible symbols and are never
/// sent to the terminal. Tabs become a space.
public enum InertText {
    public static func sanitize(_ text: some StringProtocol) -> String {
        if !text.unicodeScalars.contains(where: isControl) { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀ … ␟, ESC is ␛
            case 0x7F: out.append("\u{2421}")                                      // ␡
            case 0x80..<0xA0: out.append("\u{FFFD}")                               // C1 controls
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0, DEL and C1 control characters.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
