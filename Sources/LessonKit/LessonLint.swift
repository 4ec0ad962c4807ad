import ConvCore

/// Checks across files: an `en` lesson and its `zh` twin must have the same shape.
public enum LessonLint {
    /// Problems of a `zh` lesson against its `en` twin, reported in `zhFile`: a different id, step
    /// count, set or order of quiz ids; a quiz in another step, of another kind, with another
    /// number of choices, other answer positions, or (numeric) another answer.
    public static func compareTranslations(_ en: Lesson, enFile: String, _ zh: Lesson, zhFile: String) -> [Diagnostic] {
        var log = DiagnosticLog(file: zhFile)
        guard en.meta.id == zh.meta.id else {
            log.report(line: 1, column: 1, "id '\(zh.meta.id)' differs from the id '\(en.meta.id)' of the en lesson (\(enFile))")
            return log.sorted
        }
        if en.steps.count != zh.steps.count {
            let line = zh.steps.count > en.steps.count ? zh.steps[en.steps.count].line : (zh.steps.last?.line ?? 1)
            log.report(line: line, column: 1,
                       "this lesson has \(count(zh.steps.count, "step")), its en twin (\(enFile)) has \(en.steps.count)")
        }

        let enQuizzes = located(en)
        let zhQuizzes = located(zh)
        let enIDs = Set(enQuizzes.map(\.item.id))
        let zhIDs = Set(zhQuizzes.map(\.item.id))
        for quiz in enQuizzes where !zhIDs.contains(quiz.item.id) {
            let step = zh.steps.indices.contains(quiz.step) ? zh.steps[quiz.step] : zh.steps.last
            log.report(line: step?.line ?? 1, column: 1,
                       "quiz '\(quiz.item.id)' of the en lesson (\(enFile):\(quiz.item.line)) is missing here")
        }
        for quiz in zhQuizzes where !enIDs.contains(quiz.item.id) {
            log.report(line: quiz.item.line, column: 1, "quiz '\(quiz.item.id)' is not in the en lesson (\(enFile))")
        }

        // The quizzes both have, in order.
        let enCommon = enQuizzes.filter { zhIDs.contains($0.item.id) }
        let zhCommon = zhQuizzes.filter { enIDs.contains($0.item.id) }
        if let k = zhCommon.indices.first(where: { $0 < enCommon.count && enCommon[$0].item.id != zhCommon[$0].item.id }) {
            log.report(line: zhCommon[k].item.line, column: 1,
                       "quiz '\(zhCommon[k].item.id)' is out of order: the en lesson (\(enFile)) has "
                       + "\(enCommon.map(\.item.id).joined(separator: ", ")); this one has \(zhCommon.map(\.item.id).joined(separator: ", "))")
        }

        let enByID = Dictionary(enQuizzes.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        for quiz in zhCommon {
            guard let twin = enByID[quiz.item.id] else { continue }
            let (a, b) = (twin.item, quiz.item)
            let there = "in the en lesson (\(enFile):\(a.line))"
            let say = { (message: String) in log.report(line: b.line, column: 1, "quiz '\(b.id)' \(message)") }
            if quiz.step != twin.step {
                say("is in step \(quiz.step + 1) here but in step \(twin.step + 1) \(there)")
            }
            if a.kind != b.kind {
                say("is \(b.kind.rawValue) here but \(a.kind.rawValue) \(there)")
                continue
            }
            switch b.kind {
            case .numeric:
                if a.answer != b.answer || (a.tolerance ?? 0) != (b.tolerance ?? 0) {
                    say("has answer \(numeric(b)) here but \(numeric(a)) \(there)")
                }
            case .single, .multiple, .spotTheMistake:
                if a.choices.count != b.choices.count {
                    say("has \(count(b.choices.count, "choice")) here but \(a.choices.count) \(there)")
                } else if positions(a) != positions(b) {
                    let list = { (p: [Int]) in p.map { String($0 + 1) }.joined(separator: ", ") }
                    say("marks choice \(list(positions(b))) as the answer here but choice \(list(positions(a))) \(there)")
                }
            case .open:
                break
            }
        }
        return log.sorted
    }

    /// Every quiz of a lesson with the index of its step.
    private static func located(_ lesson: Lesson) -> [(item: QuizItem, step: Int)] {
        lesson.steps.enumerated().flatMap { k, step in
            step.blocks.compactMap { if case .quiz(let q) = $0 { (q, k) } else { nil } }
        }
    }

    /// The 0-based positions of the answers among the choices.
    private static func positions(_ item: QuizItem) -> [Int] {
        item.answer.compactMap { item.choices.firstIndex(of: $0) }.sorted()
    }

    /// `5`, or `2.5 ± 0.1` when there is a tolerance.
    private static func numeric(_ item: QuizItem) -> String {
        let tolerance = item.tolerance ?? 0
        return item.answer.joined() + (tolerance == 0 ? "" : " ± \(Text.number(tolerance))")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
