/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours each cost 1 (`quizz`→`quiz` 1, `conv-2d`→`conv2d` 1, `mtah`→`math` 1).
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let (s, t) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        // Three rows suffice: the swap looks two rows back.
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d = min(d, previous2[j - 2] + 1)
                }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The candidate nearest to `word` if it is at most `within` edits away (the first on ties).
    static func nearest(to word: String, among candidates: [String], within: Int) -> String? {
        // Words far longer than any candidate cannot be near: skip the quadratic work.
        guard word.unicodeScalars.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= within, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}
