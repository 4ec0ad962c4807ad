import Localization

/// The card a question is scheduled under: one per lesson question, one per generated-problem
/// family (each review of a family draws a new problem).
public enum CardID: Hashable, Sendable, Comparable {
    /// A lesson's quiz block: the lesson's id and the block's `id`.
    case lesson(String, question: String)
    /// A family of generated problems.
    case generated(ProblemFamily)

    /// The form the progress database stores: `lesson:<lesson id>/<quiz id>` or `gen:<family>`.
    public var rawValue: String {
        switch self {
        case .lesson(let lesson, let question): "lesson:\(lesson)/\(question)"
        case .generated(let family): "gen:\(family.rawValue)"
        }
    }

    /// Reads the stored form back; `nil` for a card this version does not know (a family since
    /// removed, a malformed id).
    public init?(rawValue: String) {
        if rawValue.hasPrefix("gen:"), let family = ProblemFamily(rawValue: String(rawValue.dropFirst("gen:".count))) {
            self = .generated(family)
        } else if rawValue.hasPrefix("lesson:"), let slash = rawValue.firstIndex(of: "/") {
            let lesson = rawValue[rawValue.index(rawValue.startIndex, offsetBy: "lesson:".count)..<slash]
            let question = rawValue[rawValue.index(after: slash)...]
            guard !lesson.isEmpty, !question.isEmpty else { return nil }
            self = .lesson(String(lesson), question: String(question))
        } else {
            return nil
        }
    }

    /// What accuracy is summed by: the lesson, or the family.
    public var topic: Topic {
        switch self {
        case .lesson(let lesson, _): .lesson(lesson)
        case .generated(let family): .family(family)
        }
    }

    public static func < (a: CardID, b: CardID) -> Bool { a.rawValue < b.rawValue }
}

/// What a card's answers count towards in the statistics: a lesson, or a problem family.
public enum Topic: Hashable, Sendable {
    case lesson(String)
    case family(ProblemFamily)

    /// The form the progress database stores: the lesson's id, or `gen:<family>`.
    public var rawValue: String {
        switch self {
        case .lesson(let id): id
        case .family(let family): "gen:\(family.rawValue)"
        }
    }

    /// Reads the stored form back: `gen:<family>` is a family, anything else a lesson's id.
    public init(rawValue: String) {
        if rawValue.hasPrefix("gen:"), let family = ProblemFamily(rawValue: String(rawValue.dropFirst("gen:".count))) {
            self = .family(family)
        } else {
            self = .lesson(rawValue)
        }
    }
}
