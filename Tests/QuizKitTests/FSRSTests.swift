import Foundation
import Localization
import QuizKit
import Testing

// MARK: - The reference file

/// `Reference/fsrs_reference.json`, written by `Reference/make_fsrs_reference.py` with py-fsrs 6.3.2.
struct FSRSReference: Decodable {
    struct Parameters: Decodable {
        let weights: [Double]
        let desired_retention: Double
        let learning_steps: [Double]
        let relearning_steps: [Double]
        let maximum_interval: Int
    }

    struct Interval: Decodable {
        let stability: Double
        let days: Int
    }

    /// One review and the card right after it. Times are seconds since the Unix epoch.
    struct Review: Decodable {
        let time: Int
        let rating: Int
        let retrievability: Double
        let state: Int
        let step: Int?
        let stability: Double
        let difficulty: Double
        let due: Int
        let interval: Int
    }

    struct Sequence: Decodable, CustomTestStringConvertible {
        let name: String
        let start: Int
        let reviews: [Review]
        var testDescription: String { name }
    }

    let parameters: Parameters
    let intervals: [Interval]
    let sequences: [Sequence]

    /// The committed reference, or why it could not be read (the settings test reports it, so a
    /// missing file fails the suite instead of leaving the parameterised tests without cases).
    static let loaded: Result<FSRSReference, any Error> = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/fsrs_reference.json")
        return try JSONDecoder().decode(FSRSReference.self, from: Data(contentsOf: url))
    }

    static var shared: FSRSReference? { try? loaded.get() }
}

/// Whether `a` and `b` agree to `relative` of the larger magnitude (exactly, for zeros).
private func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b))
}

private func date(_ epochSeconds: Int) -> Date {
    Date(timeIntervalSince1970: TimeInterval(epochSeconds))
}

private let w = FSRSParameters.defaultWeights
private let day: TimeInterval = 86_400

// MARK: - Against py-fsrs

@Suite("FSRS-6 against py-fsrs 6.3.2")
struct FSRSReferenceTests {
    let scheduler = Scheduler()

    @Test("the reference was made with these default parameters and covers enough ground")
    func referenceSettings() throws {
        let reference = try FSRSReference.loaded.get()
        let p = FSRSParameters.default
        #expect(reference.parameters.weights == p.weights)
        #expect(reference.parameters.desired_retention == p.desiredRetention)
        #expect(reference.parameters.learning_steps == p.learningSteps)
        #expect(reference.parameters.relearning_steps == p.relearningSteps)
        #expect(reference.parameters.maximum_interval == p.maximumInterval)

        // At least 30 sequences, every rating, every state, and lapses from review.
        let reviews = reference.sequences.flatMap(\.reviews)
        #expect(reference.sequences.count >= 30)
        #expect(Set(reviews.map(\.rating)) == [1, 2, 3, 4])
        #expect(Set(reviews.map(\.state)) == [1, 2, 3])
        #expect(reviews.contains { $0.interval == p.maximumInterval * 86_400 })
        #expect(reviews.contains { $0.stability == 0.001 })
    }

    @Test("every review of every sequence: state, step, S, D, R and due",
          arguments: FSRSReference.shared?.sequences ?? [])
    func sequence(_ sequence: FSRSReference.Sequence) throws {
        var card = SchedulingCard(due: date(sequence.start))
        #expect(!sequence.reviews.isEmpty)
        for (k, expected) in sequence.reviews.enumerated() {
            let now = date(expected.time)
            let rating = try #require(Rating(rawValue: expected.rating))
            let r = scheduler.retrievability(of: card, at: now)
            #expect(close(r, expected.retrievability), "review \(k): R \(r), expected \(expected.retrievability)")

            card = scheduler.review(card, rating: rating, at: now)

            #expect(card.state.rawValue == expected.state, "review \(k): state")
            #expect(card.step == expected.step, "review \(k): step")
            let s = try #require(card.stability)
            let d = try #require(card.difficulty)
            #expect(close(s, expected.stability), "review \(k): S \(s), expected \(expected.stability)")
            #expect(close(d, expected.difficulty), "review \(k): D \(d), expected \(expected.difficulty)")
            #expect(card.due == date(expected.due), "review \(k): due \(card.due), expected \(date(expected.due))")
            #expect(card.due.timeIntervalSince(now) == TimeInterval(expected.interval), "review \(k): interval")
            #expect(card.lastReview == now)
            #expect(card.reps == k + 1)
            if close(s, expected.stability) == false || card.due != date(expected.due) {
                break  // one divergence makes the rest of the sequence noise
            }
        }
    }

    @Test("intervals round half to even like Python's round, within [1, maximum]",
          arguments: FSRSReference.shared?.intervals.map { ($0.stability, $0.days) } ?? [])
    func interval(stability: Double, days: Int) {
        #expect(scheduler.nextInterval(stability: stability) == days)
    }
}

// MARK: - Formulas checked by hand

@Suite("FSRS-6 formulas")
struct FSRSFormulaTests {
    let scheduler = Scheduler()

    @Test("initial stability is w[G-1]", arguments: Rating.allCases)
    func initialStability(_ g: Rating) {
        #expect(scheduler.initialStability(g) == w[g.rawValue - 1])
    }

    @Test("initial difficulty is w4 - e^(w5·(G-1)) + 1, clamped to [1, 10]")
    func initialDifficulty() {
        // Again: e^0 = 1, so D0 = w4 exactly.
        #expect(scheduler.initialDifficulty(.again) == w[4])
        #expect(close(scheduler.initialDifficulty(.hard), w[4] - exp(w[5]) + 1, relative: 1e-14))
        #expect(close(scheduler.initialDifficulty(.good), 6.4133 - exp(2 * 0.8334) + 1, relative: 1e-14))
        // Easy: 7.4133 - e^2.5002 = -4.77 < 1, clamped to 1 (but not as a mean-reversion target).
        #expect(scheduler.initialDifficulty(.easy) == 1)
        #expect(close(scheduler.initialDifficulty(.easy, clamped: false), 7.4133 - exp(3 * 0.8334), relative: 1e-14))
    }

    @Test("forgetting curve: R(t, S) = (1 + F·t/S)^-w20 with F = 0.9^(-1/w20) - 1")
    func forgettingCurve() {
        let f = pow(0.9, -1 / 0.1542) - 1
        #expect(close(scheduler.factor, f, relative: 1e-14))
        #expect(scheduler.decay == -0.1542)
        for s in [0.5, 2.3065, 10, 365] {
            #expect(scheduler.forgettingCurve(elapsedDays: 0, stability: s) == 1)
            // R(S, S) = 0.9: that is what stability means.
            #expect(close(scheduler.forgettingCurve(elapsedDays: s, stability: s), 0.9, relative: 1e-14))
            #expect(close(scheduler.forgettingCurve(elapsedDays: 3 * s, stability: s),
                          pow(1 + 3 * f, -0.1542), relative: 1e-14))
        }
    }

    @Test("retrievability counts whole days since the last review, and is 0.9 after S days")
    func retrievability() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let card = SchedulingCard(state: .review, step: nil, stability: 10, difficulty: 5,
                                  due: t0 + 10 * day, lastReview: t0)
        #expect(scheduler.retrievability(of: SchedulingCard(due: t0), at: t0) == 0)
        #expect(scheduler.retrievability(of: card, at: t0) == 1)
        #expect(scheduler.retrievability(of: card, at: t0 + day - 1) == 1)
        #expect(scheduler.retrievability(of: card, at: t0 - 5 * day) == 1)
        #expect(close(scheduler.retrievability(of: card, at: t0 + 10 * day), 0.9, relative: 1e-14))
        #expect(scheduler.retrievability(of: card, at: t0 + 10.9 * day)
            == scheduler.retrievability(of: card, at: t0 + 10 * day))
        #expect(scheduler.retrievability(of: card, at: t0 + 11 * day) < 0.9)
    }

    @Test("with retention 0.9 the interval is S rounded; retention 0.8 gives a longer one")
    func intervals() {
        #expect(scheduler.nextInterval(stability: 46.3169) == 46)
        #expect(scheduler.nextInterval(stability: 0.2) == 1)
        #expect(scheduler.nextInterval(stability: 1e9) == 36500)
        var lax = Scheduler()
        lax.parameters.desiredRetention = 0.8
        // S/F · (0.8^(-1/w20) - 1)
        let f = pow(0.9, -1 / 0.1542) - 1
        let expected = Int((10 / f * (pow(0.8, -1 / 0.1542) - 1)).rounded())
        #expect(lax.nextInterval(stability: 10) == expected)
        #expect(expected > 20)
    }

    @Test("difficulty: linear damping towards 10, mean reversion towards D0(Easy), clamped")
    func nextDifficulty() {
        let d = 5.0
        let target = 7.4133 - exp(3 * 0.8334)
        for g in Rating.allCases {
            let deltaD = -w[6] * Double(g.rawValue - 3)
            let expected = w[7] * target + (1 - w[7]) * (d + (10 - d) * deltaD / 9)
            #expect(close(scheduler.nextDifficulty(d, rating: g), expected, relative: 1e-14))
        }
        // Good leaves D nearly still (only the tiny pull of w7); Again raises, Easy lowers it.
        #expect(scheduler.nextDifficulty(d, rating: .good) < d)
        #expect(scheduler.nextDifficulty(d, rating: .again) > d + 1)
        #expect(scheduler.nextDifficulty(10, rating: .again) <= 10)
        #expect(scheduler.nextDifficulty(1, rating: .easy) == 1)
    }

    @Test("short-term stability: S·e^(w17·(G-3+w18))·S^-w19, never shrinking unless Again")
    func shortTermStability() {
        let s = 0.5
        let good = s * exp(w[17] * w[18]) * pow(s, -w[19])
        #expect(close(scheduler.shortTermStability(s, rating: .good), good, relative: 1e-14))
        #expect(good > s)
        let again = s * exp(w[17] * (-2 + w[18])) * pow(s, -w[19])
        #expect(close(scheduler.shortTermStability(s, rating: .again), again, relative: 1e-14))
        // For Hard the raw increase is below 1, so S stays put.
        #expect(scheduler.shortTermStability(s, rating: .hard) == s)
        #expect(scheduler.shortTermStability(0.001, rating: .again) == 0.001)
    }

    @Test("recall and forget stability at hand-computed points")
    func longTermStability() {
        let (d, s, r) = (5.0, 10.0, 0.9)
        let growth = exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp(0.1 * w[10]) - 1)
        #expect(close(scheduler.recallStability(difficulty: d, stability: s, retrievability: r, rating: .good),
                      s * (1 + growth), relative: 1e-13))
        #expect(close(scheduler.recallStability(difficulty: d, stability: s, retrievability: r, rating: .hard),
                      s * (1 + growth * w[15]), relative: 1e-13))
        #expect(close(scheduler.recallStability(difficulty: d, stability: s, retrievability: r, rating: .easy),
                      s * (1 + growth * w[16]), relative: 1e-13))
        // Recall at R = 1 teaches nothing: e^0 - 1 = 0.
        #expect(scheduler.recallStability(difficulty: d, stability: s, retrievability: 1, rating: .good) == s)
        let forget = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(0.1 * w[14])
        #expect(close(scheduler.forgetStability(difficulty: d, stability: s, retrievability: r),
                      min(forget, s / exp(w[17] * w[18])), relative: 1e-13))
        #expect(forget < s)
    }
}

// MARK: - The cycle of a card

@Suite("FSRS-6 card cycle")
struct FSRSCycleTests {
    let scheduler = Scheduler()
    let t0 = Date(timeIntervalSince1970: 1_704_067_200)

    @Test("a new card: learning at step 0 with no memory; its first review sets S0 and D0")
    func firstReview() {
        let card = SchedulingCard(due: t0)
        #expect(card.state == .learning && card.step == 0 && card.stability == nil && card.lastReview == nil)
        let again = scheduler.review(card, rating: .again, at: t0)
        #expect(again.state == .learning && again.step == 0 && again.due == t0 + 60)
        let hard = scheduler.review(card, rating: .hard, at: t0)
        #expect(hard.step == 0 && hard.due == t0 + 330)  // half-way between 1 and 10 minutes
        let good = scheduler.review(card, rating: .good, at: t0)
        #expect(good.step == 1 && good.due == t0 + 600)
        #expect(good.stability == w[2] && good.difficulty == scheduler.initialDifficulty(.good))
        let easy = scheduler.review(card, rating: .easy, at: t0)
        #expect(easy.state == .review && easy.step == nil && easy.due == t0 + 8 * day)  // S0 = 8.2956
        #expect(card.reps == 0 && good.reps == 1)
    }

    @Test("a lapse in review goes to relearning and counts; Hard there waits 15 minutes")
    func lapse() {
        var card = SchedulingCard(due: t0)
        card = scheduler.review(card, rating: .easy, at: t0)
        card = scheduler.review(card, rating: .again, at: card.due)
        #expect(card.state == .relearning && card.step == 0 && card.lapses == 1)
        let now = card.due
        card = scheduler.review(card, rating: .hard, at: now)
        #expect(card.due == now + 900 && card.lapses == 1)
        card = scheduler.review(card, rating: .good, at: card.due)
        #expect(card.state == .review && card.step == nil)
    }

    @Test("reviews 23:59:59 and 24:00:00 after the last differ: short-term versus long-term S")
    func sameDayBoundary() {
        var card = SchedulingCard(due: t0)
        card = scheduler.review(card, rating: .easy, at: t0)
        let s = card.stability!
        let early = scheduler.review(card, rating: .good, at: t0 + day - 1)
        #expect(early.stability == scheduler.shortTermStability(s, rating: .good))
        let late = scheduler.review(card, rating: .good, at: t0 + day)
        let r = scheduler.forgettingCurve(elapsedDays: 1, stability: s)
        #expect(late.stability == scheduler.nextStability(difficulty: 1, stability: s, retrievability: r, rating: .good))
        #expect(late.stability != early.stability)
    }

    @Test("without relearning steps a lapse stays in review, due after I(S) days")
    func noRelearningSteps() {
        var parameters = FSRSParameters.default
        parameters.relearningSteps = []
        let plain = Scheduler(parameters: parameters)
        var card = plain.review(SchedulingCard(due: t0), rating: .easy, at: t0)
        card = plain.review(card, rating: .again, at: card.due)
        #expect(card.state == .review && card.step == nil && card.lapses == 1)
        #expect(card.due == card.lastReview! + Double(plain.nextInterval(stability: card.stability!)) * day)
    }

    @Test("the default parameters are within py-fsrs's bounds; a wrong count or value is named")
    func parameterProblems() {
        #expect(FSRSParameters.default.problems.isEmpty)
        var p = FSRSParameters.default
        p.weights[20] = 0.9
        #expect(p.problems == ["w20 = 0.9 is outside [0.1, 0.8]"])
        p.weights.removeLast()
        #expect(p.problems == ["expected 21 weights, got 20"])
    }
}
