import ConvCore
import Foundation
import Localization

/// What the learner answered.
public enum Response: Equatable, Sendable {
    case choice(Int)
    case choices(Set<Int>)
    case number(NumericAnswer)
    case cells(Set<GridCell>)
    /// An open question: what the learner wrote (maybe nothing) and the grade they gave.
    case selfGraded(answer: String, Rating)
}

/// A graded answer: right or wrong (nothing for a self-graded one), the FSRS rating it earns, the
/// right answer and the given one as text (the review log keeps the given one).
public struct Verdict: Equatable, Sendable {
    public var correct: Bool?
    public var rating: Rating
    public var expected: String
    public var given: String

    public init(correct: Bool?, rating: Rating, expected: String, given: String) {
        self.correct = correct
        self.rating = rating
        self.expected = expected
        self.given = given
    }
}

extension Question {
    /// How many choices (or lines) a choice question offers.
    public var optionCount: Int {
        switch kind {
        case .single(let choices, _), .multiple(let choices, _): choices.count
        case .spotTheMistake(let lines, _, _): lines.count
        default: 0
        }
    }

    /// The right answer as the learner would write it: `b) 4×4`, `a) …, c) …`, `-4`, `invalid`,
    /// the model answer, or the cells as `(row, col)` pairs.
    public var expectedText: String {
        switch kind {
        case .single(let choices, let k): return Self.label(k) + " " + (choices.indices.contains(k) ? choices[k] : "")
        case .multiple(let choices, let answers):
            return answers.sorted().map { Self.label($0) + " " + choices[$0] }.joined(separator: "; ")
        case .numeric(let answer, let tolerance):
            let tail = tolerance > 0 ? " (± \(Text.number(tolerance)))" : ""
            return Self.text(answer) + tail
        case .open(let model): return model
        case .spotTheMistake(let lines, let k, _): return Self.label(k) + " " + (lines.indices.contains(k) ? lines[k] : "")
        case .selectCells(_, let cells): return Self.text(cells)
        }
    }

    /// `a)`, `b)`, …: the label of choice `k`.
    public static func label(_ k: Int) -> String {
        k < 26 ? "\(Character(Unicode.Scalar(UInt8(97 + k))))" + ")" : "\(k + 1))"
    }

    static func text(_ answer: NumericAnswer) -> String {
        switch answer {
        case .number(let v): Text.number(v)
        case .invalid: "invalid"
        }
    }

    static func text(_ cells: Set<GridCell>) -> String {
        cells.sorted().map { "(\($0.row), \($0.col))" }.joined(separator: " ")
    }

    // MARK: Reading typed answers

    /// Reads typed text as an answer, or refuses it (empty, letters in a number, a choice out of
    /// range): a refused answer is not graded. Open questions take any text; their grade is read
    /// by `readRating`.
    public func read(_ text: String) -> Result<Response, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .single, .spotTheMistake:
            return readChoice(trimmed).map(Response.choice)
        case .multiple:
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
            // `ac` picks a) and c): letters may be run together.
            let parts = words.count == 1 && words[0].allSatisfy({ $0.isLetter }) ? words[0].map(String.init) : words
            guard !parts.isEmpty else { return .failure(.chooseSeveral(choiceRange)) }
            var picked = Set<Int>()
            for part in parts {
                switch readChoice(part) {
                case .success(let k): picked.insert(k)
                case .failure(let refusal): return .failure(refusal)
                }
            }
            return .success(.choices(picked))
        case .numeric:
            return Self.readNumber(trimmed).map(Response.number)
        case .open:
            return .failure(.grade)
        case .selectCells:
            return Self.readCells(trimmed).map(Response.cells)
        }
    }

    /// The grade of a self-graded answer: `1`–`4` or the words again, hard, good, easy.
    public static func readRating(_ text: String) -> Result<Rating, Refusal> {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let names: [String: Rating] = ["again": .again, "hard": .hard, "good": .good, "easy": .easy]
        if let k = Int(word), let rating = Rating(rawValue: k) { return .success(rating) }
        if let rating = names[word] { return .success(rating) }
        return .failure(.grade)
    }

    /// `a`–`z` or `1`–`n`.
    public var choiceRange: ChoiceRange {
        let n = optionCount
        return n <= 26 ? .letters(last: Character(Unicode.Scalar(UInt8(96 + max(1, n)))), count: n) : .numbers(count: n)
    }

    private func readChoice(_ text: String) -> Result<Int, Refusal> {
        let n = optionCount
        let word = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " )."))
        if let k = Int(word), (1...n).contains(k) { return .success(k - 1) }
        if word.count == 1, let c = word.unicodeScalars.first, c.value >= 97, c.value < 97 + UInt32(min(n, 26)) {
            return .success(Int(c.value) - 97)
        }
        if word.isEmpty { return .failure(.choose(choiceRange)) }
        return .failure(.notAChoice(text, choiceRange))
    }

    /// A number (`4`, `-0.5`, `1e-3`, with `−` as minus and `,` or `_` between thousands) or
    /// `invalid`.
    static func readNumber(_ text: String) -> Result<NumericAnswer, Refusal> {
        guard !text.isEmpty else { return .failure(.number) }
        if text.lowercased() == "invalid" { return .success(.invalid) }
        let normal = text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "_", with: "")
            .replacingOccurrences(of: ",", with: "")
        guard let v = Double(normal), v.isFinite else { return .failure(.notANumber(text)) }
        return .success(.number(v))
    }

    /// Cells as `row,col` pairs separated by spaces or semicolons: `0,0 0,1 1,0`.
    static func readCells(_ text: String) -> Result<Set<GridCell>, Refusal> {
        // `(0, 1)` as the right answer is written reads too: no space inside a pair.
        let compact = text.replacingOccurrences(of: #",\s+"#, with: ",", options: .regularExpression)
            .replacingOccurrences(of: ")(", with: ") (")
        let pairs = compact.split(whereSeparator: { $0 == " " || $0 == ";" })
        guard !pairs.isEmpty else { return .failure(.cells) }
        var cells = Set<GridCell>()
        for pair in pairs {
            let parts = pair.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
            guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]), r >= 0, c >= 0 else {
                return .failure(.notACell(String(pair)))
            }
            cells.insert(GridCell(row: r, col: c))
        }
        return .success(cells)
    }

    // MARK: Grading

    /// Grades a response: right or wrong for every kind but open questions, whose learner's grade
    /// is taken as given. Wrong earns Again, right earns Good.
    public func grade(_ response: Response) -> Verdict {
        let expected = expectedText
        func automatic(_ correct: Bool, _ given: String) -> Verdict {
            Verdict(correct: correct, rating: Rating(correct: correct), expected: expected, given: given)
        }
        switch (kind, response) {
        case (.single(let choices, let k), .choice(let given)):
            return automatic(given == k, Self.label(given) + " " + (choices.indices.contains(given) ? choices[given] : ""))
        case (.spotTheMistake(let lines, let k, _), .choice(let given)):
            return automatic(given == k, Self.label(given) + " " + (lines.indices.contains(given) ? lines[given] : ""))
        case (.multiple(let choices, let answers), .choices(let given)):
            return automatic(given == answers, given.sorted().map { Self.label($0) + " " + (choices.indices.contains($0) ? choices[$0] : "") }.joined(separator: "; "))
        case (.numeric(let answer, let tolerance), .number(let given)):
            let correct: Bool
            switch (answer, given) {
            case (.number(let a), .number(let g)): correct = abs(a - g) <= tolerance || abs(a - g) <= 1e-9 * max(1, abs(a))
            case (.invalid, .invalid): correct = true
            default: correct = false
            }
            return automatic(correct, Self.text(given))
        case (.selectCells(_, let answer), .cells(let given)):
            return automatic(given == answer, Self.text(given))
        case (.open, .selfGraded(let answer, let rating)):
            return Verdict(correct: nil, rating: rating, expected: expected, given: answer)
        default:
            // A response of another kind than the question's: wrong, never a crash.
            return automatic(false, "\(response)")
        }
    }
}
