import Foundation
import LessonKit
import Localization
import ProgressStore
import QuizKit
import Tutor

/// The tutor at the edge: the clock, the progress database and the scheduler. It carries out the
/// tutor's effects (progress, answers, choosing questions, stats) and answers with messages.
final class QuizRunner {
    let store: ProgressStore
    /// The lessons of the learner's language, in order; parsed only when a quiz asks their
    /// questions or one is opened. Set after the first frame when that screen does not show them.
    var lessons: [LessonSummary]
    /// The practice exercises of the learner's language, in order.
    var exercises: [LessonSummary]
    /// The lesson index the summaries came from, where the quiz finds each lesson's question ids.
    let index: URL?
    let language: Language
    let options: QuizOptions
    /// The practice exercises' files and checks, when the practice screens can open.
    var practice: PracticeWork?
    let scheduler = Scheduler()
    /// The learner's calendar, for due days and streaks; read when first needed (loading it takes
    /// longer than drawing a frame).
    lazy var calendar = Calendar.current
    /// When each question went on screen, for the time an answer took.
    private var shownAt: [CardID: Date] = [:]
    /// The first failure to save, reported when the screen has closed.
    private(set) var failure: String?

    init(store: ProgressStore, lessons: [LessonSummary] = [], exercises: [LessonSummary] = [], index: URL? = nil, language: Language,
         options: QuizOptions = QuizOptions(),
         practice: PracticeWork? = nil) {
        self.store = store
        self.lessons = lessons
        self.exercises = exercises
        self.index = index
        self.language = language
        self.options = options
        self.practice = practice
    }

    /// Seconds until background work (a practice check, a watched file) should be looked at.
    var interval: Double? { practice?.interval }

    /// What background work has to say since the last look.
    func collect() -> [Msg] {
        practice?.collect(store: store) ?? []
    }

    /// Carries out one effect now and returns the messages that answer it.
    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .saveProgress, .markCompleted:
            do {
                return try store.perform(effect).map { [.positionSaved(lesson: $0.lesson, $0.1)] } ?? []
            } catch {
                fail(error.description)
                return []
            }
        case .questionShown(let id):
            let now = Date()
            shownAt[id] = now
            do {
                return [.questionInfo(id: id, try info(id, at: now))]
            } catch {
                fail(error.description)
                return []
            }
        case .recordAnswer(let answer):
            do {
                return [.reviewScheduled(id: answer.card, .due(try record(answer, at: Date())))]
            } catch {
                fail(error.description)
                return [.reviewScheduled(id: answer.card, .failed(error.description))]
            }
        case .loadLesson(let id):
            guard let summary = lessons.first(where: { $0.meta.id == id }),
                  let lesson = LessonLibrary.load(URL(fileURLWithPath: summary.file)).lesson else { return [.lessonFailed(id: id)] }
            return [.lessonLoaded(lesson)]
        case .startQuiz:
            do {
                return [.quizReady(try plan(at: Date()))]
            } catch {
                // An empty session says there is nothing to ask; the reason follows on exit.
                fail(error.description)
                return [.quizReady([])]
            }
        case .loadStats:
            do {
                return [.statsReady(try stats(at: Date()))]
            } catch {
                fail(error.description)
                return []
            }
        case .openExercise, .checkExercise, .closeExercise:
            return practice?.perform(effect) ?? []
        case .scheduleTick, .quit:
            return []
        }
    }

    /// Remembers the first problem, reported once the screen has closed.
    func fail(_ problem: String) {
        if failure == nil { failure = problem }
    }

    // MARK: Answers

    /// Keeps an answer and reschedules its card, in one transaction; returns when the card comes
    /// back.
    func record(_ answer: QuizAnswer, at now: Date) throws(ProgressError) -> ReviewInterval {
        let stored = try store.register(id: answer.card.rawValue, topic: answer.topic.rawValue, contentHash: answer.contentHash, now: now)
        var next = stored
        next.schedule = scheduler.review(stored.schedule, rating: answer.verdict.rating, at: now)
        let duration = shownAt[answer.card].map { now.timeIntervalSince($0) } ?? 0
        let review = ReviewRecord(cardID: stored.id, time: now, rating: answer.verdict.rating.rawValue,
                                  correct: answer.verdict.correct, duration: max(0, duration), answer: answer.verdict.given)
        _ = try store.record(review, updating: next)
        return ReviewInterval(from: now, to: next.schedule.due, calendar: calendar)
    }

    /// What the store says of a card: new or not, and when each grade would bring it back.
    func info(_ id: CardID, at now: Date) throws(ProgressError) -> QuestionInfo {
        let stored = try store.card(id.rawValue)
        let schedule = stored?.schedule ?? SchedulingCard(due: now)
        let intervals = Rating.allCases.map { rating in
            ReviewInterval(from: now, to: scheduler.review(schedule, rating: rating, at: now).due, calendar: calendar)
        }
        return QuestionInfo(isNew: stored?.schedule.reps ?? 0 == 0, intervals: intervals, topic: name(of: id.topic))
    }

    // MARK: Choosing the questions

    /// The session's questions: due cards, new questions of finished lessons, generated problems.
    func plan(at now: Date) throws(ProgressError) -> [Question] {
        // A session of one lesson, or of generated problems only, reviews only its own due cards.
        let topics = options.lesson.map { [Topic.lesson($0).rawValue] }
            ?? (options.generated ? ProblemFamily.allCases.map { Topic.family($0).rawValue } : nil)
        let (due, dueQuestions) = try askableDue(at: now, topics: topics)
        let finished = Set(try store.allPositions().filter { $0.value.completed }.keys)
        let seed = options.seed ?? UInt64(now.timeIntervalSince1970 * 1000)
        let (lessonQuestions, known) = try askable(due: due, dueQuestions: dueQuestions, finished: finished)
        let plan = QuizPlan(due: due, known: known,
                            lessonQuestions: lessonQuestions,
                            finishedLessons: finished, families: ProblemFamily.allCases, lesson: options.lesson,
                            onlyGenerated: options.generated, count: options.count)
        return plan.questions { family, k in
            ProblemGenerator.question(family, seed: seed &+ UInt64(k) &* 7919, language: language)
        }
    }

    /// The due cards the session can ask, the longest overdue first, at most a session's worth;
    /// and the question cards of their lessons (of every lesson met on the way), by lesson id.
    ///
    /// A card whose question is no longer in the learner's lessons (the lesson removed, the
    /// question taken out of it, the lesson in a folder not read this time) is passed over, not
    /// given a place: the store is asked again for twice as many until a session's worth can be
    /// asked or no card is left, so the cost grows with such cards, not with the review log.
    private func askableDue(at now: Date, topics: [String]?) throws(ProgressError) -> ([CardID], [String: Set<CardID>]) {
        let byID = Dictionary(lessons.map { ($0.meta.id, $0) }) { first, _ in first }
        var questions: [String: Set<CardID>] = [:]
        var limit = options.count
        while true {
            let cards = try store.dueCards(at: now, limit: limit, topics: topics)
            let due = cards.compactMap { CardID(rawValue: $0.id) }
            // The question ids of the lessons met for the first time, from the index.
            var seen = Set(questions.keys)
            let unread = due.compactMap { card -> LessonSummary? in
                guard case .lesson(let lessonID, _) = card, seen.insert(lessonID).inserted else { return nil }
                return byID[lessonID]
            }
            for (lesson, cards) in zip(unread, questionCards(of: unread)) { questions[lesson.meta.id] = Set(cards) }
            let askable = due.filter { card in
                guard case .lesson(let lessonID, _) = card else { return true }
                return questions[lessonID]?.contains(card) == true
            }
            if askable.count >= options.count || cards.count < limit { return (Array(askable.prefix(options.count)), questions) }
            limit *= 2
        }
    }

    /// Each lesson's question cards, from the lesson index (or the lesson parsed, without one).
    private func questionCards(of lessons: [LessonSummary]) -> [[CardID]] {
        zip(lessons, LessonOptions.questions(of: lessons, index: index)).map { lesson, ids in
            ids.map { CardID.lesson(lesson.meta.id, question: $0) }
        }
    }

    /// The questions the plan can ask from, in lesson order, and which of them the learner has met.
    ///
    /// Only lessons that can give a question are parsed: those of due cards (their questions as
    /// they are now), and the finished ones (or the one asked for) that hold a question the
    /// learner has not met, in order, until they hold a session's worth. Which questions a lesson
    /// holds is in the lesson index, so the store is asked about them a chunk at a time without
    /// parsing anything; the plan takes new questions in lesson order, so the lessons after those
    /// would never be reached. A learner who finished and answered thousands of lessons waits for a few.
    /// (The due cards' lessons do not count towards that session's worth: they may come later in
    /// the order than lessons not looked at yet.) `dueQuestions` holds the question cards of the
    /// due cards' lessons, as `askableDue` read them from the index.
    private func askable(due: [CardID], dueQuestions: [String: Set<CardID>], finished: Set<String>)
        throws(ProgressError) -> ([Question], Set<CardID>) {
        guard !options.generated else { return ([], []) }
        let dueLessons = Set(due.compactMap { if case .lesson(let lessonID, _) = $0 { lessonID } else { nil } })
        func met(_ ids: [CardID]) throws(ProgressError) -> Set<CardID> {
            Set(try store.knownCards(among: ids.map(\.rawValue)).compactMap(CardID.init(rawValue:)))
        }
        let dueSummaries = lessons.filter { dueLessons.contains($0.meta.id) }
        let rest = lessons.filter { lesson in
            !dueLessons.contains(lesson.meta.id)
                && (options.lesson.map { $0 == lesson.meta.id } ?? finished.contains(lesson.meta.id))
        }
        var known = try met(Array(dueQuestions.values.joined()))
        var withNew: [LessonSummary] = []
        var fresh = 0
        // Fifty lessons at a time, until a session's worth of new questions.
        for start in stride(from: 0, to: rest.count, by: 50) where fresh < options.count {
            let chunk = Array(rest[start..<min(start + 50, rest.count)])
            let chunkCards = questionCards(of: chunk)
            let answered = try met(chunkCards.flatMap { $0 })
            known.formUnion(answered)
            for (lesson, cards) in zip(chunk, chunkCards) where fresh < options.count {
                let new = cards.filter { !answered.contains($0) }.count
                if new > 0 {
                    withNew.append(lesson)
                    fresh += new
                }
            }
        }
        let order = Dictionary(lessons.enumerated().map { ($1.meta.id, $0) }) { first, _ in first }
        let parsed = LessonOptions.parse((dueSummaries + withNew).sorted { order[$0.meta.id, default: 0] < order[$1.meta.id, default: 0] })
        return (parsed.flatMap { lesson in lesson.quizzes.map { Question($0, lesson: lesson.meta.id) } }, known)
    }

    // MARK: Stats

    func stats(at now: Date) throws(ProgressError) -> StatsSummary {
        let completed = try store.allPositions().filter { $0.value.completed }.keys
        let ids = Set(lessons.map(\.meta.id))
        let reviews = try store.statistics(now: now, calendar: calendar)
        var names: [String: String] = [:]
        for topic in reviews.topics { names[topic.topic] = name(of: Topic(rawValue: topic.topic)) }
        let records = try store.practiceRecords()
        let practice = exercises.compactMap { e in
            records[e.meta.id].map { ExerciseRecord(id: e.meta.id, title: e.meta.title, attempts: $0.attempts, passed: $0.lastPassed,
                                                    firstPass: $0.firstPass) }
        }
        return StatsSummary(lessonsCompleted: completed.filter(ids.contains).count, lessonsTotal: lessons.count,
                            reviews: reviews, topicNames: names, exercises: practice, exercisesTotal: exercises.count)
    }

    /// A topic as the learner reads it: the lesson's title, or the family's name.
    func name(of topic: Topic) -> String {
        switch topic {
        case .lesson(let id): lessons.first { $0.meta.id == id }?.meta.title ?? id
        case .family(let family): language.catalogue.family(family)
        }
    }
}

/// What a quiz session asks: `--lesson`, `--count`, `--generated`, `--seed`.
struct QuizOptions {
    var lesson: String?
    var count = 20
    var generated = false
    var seed: UInt64?
}
