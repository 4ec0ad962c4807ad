import Localization

/// Which questions a quiz session asks, in order: cards that are due first (most overdue first),
/// then new questions from the lessons the learner has finished, then generated problems.
/// Pure: the runner reads the cards and the clock and passes what they say.
public struct QuizPlan: Sendable {
    /// Cards that are due, most overdue first.
    public var due: [CardID]
    /// Cards the learner has met already (due or not). Only lesson questions are looked up in it,
    /// so other cards may be left out.
    public var known: Set<CardID>
    /// Every question of every lesson, in lesson order.
    public var lessonQuestions: [Question]
    /// Lessons the learner has finished: their questions become new cards.
    public var finishedLessons: Set<String>
    /// Generated-problem families, in the order to offer them.
    public var families: [ProblemFamily]
    /// Only this lesson's questions (finished or not), when set.
    public var lesson: String?
    /// Only generated problems, when set.
    public var onlyGenerated: Bool
    /// How many questions at most.
    public var count: Int

    public init(due: [CardID], known: Set<CardID>, lessonQuestions: [Question], finishedLessons: Set<String>,
                families: [ProblemFamily], lesson: String? = nil, onlyGenerated: Bool = false, count: Int) {
        self.due = due
        self.known = known
        self.lessonQuestions = lessonQuestions
        self.finishedLessons = finishedLessons
        self.families = families
        self.lesson = lesson
        self.onlyGenerated = onlyGenerated
        self.count = count
    }

    /// The session's questions; `generate(family, k)` makes the k-th generated problem of a
    /// family (a new seed each time).
    public func questions(generate: (ProblemFamily, Int) -> Question?) -> [Question] {
        var out: [Question] = []
        var taken = Set<CardID>()
        var generatedCount = 0
        // A question is asked once; a family (one card) may come round again with a new problem.
        func add(_ q: Question?, again: Bool = false) {
            guard let q, out.count < count, again || !taken.contains(q.id) else { return }
            out.append(q)
            taken.insert(q.id)
        }
        func nextGenerated(_ family: ProblemFamily) -> Question? {
            defer { generatedCount += 1 }
            return generate(family, generatedCount)
        }
        let byID = Dictionary(lessonQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let inScope = { (q: Question) in
            !onlyGenerated && (lesson == nil || q.topic == .lesson(lesson ?? ""))
        }
        // 1. Due cards: a lesson's question as it is now; a family with a fresh problem.
        for id in due {
            switch id {
            case .lesson:
                if let q = byID[id], inScope(q) { add(q) }
            case .generated(let family):
                if families.contains(family), lesson == nil { add(nextGenerated(family)) }
            }
        }
        // 2. New questions of finished lessons (or of the one lesson asked for).
        for q in lessonQuestions where inScope(q) && !known.contains(q.id) {
            guard case .lesson(let lessonID, _) = q.id else { continue }
            if lesson != nil || finishedLessons.contains(lessonID) { add(q) }
        }
        // 3. Generated problems, round the families, to fill the session.
        guard lesson == nil, !families.isEmpty else { return out }
        // Families not asked yet first, then round all of them again; bounded, so a generator
        // that makes nothing cannot hang the session.
        let fresh = families.filter { !taken.contains(.generated($0)) }
        var last: ProblemFamily? = out.lazy.compactMap { q -> ProblemFamily? in
            if case .generated(let f) = q.id, families.contains(f) { return f }
            return nil
        }.last
        var k = 0
        while out.count < count, k < fresh.count + count * families.count {
            // After the fresh ones, the family after the last one asked: never the same twice running.
            let family = k < fresh.count ? fresh[k]
                : families[((last.flatMap { families.firstIndex(of: $0) } ?? -1) + 1) % families.count]
            add(nextGenerated(family), again: k >= fresh.count)
            last = family
            k += 1
        }
        return out
    }
}
