/// Reading and validating a `quiz` block: a stable id, a kind, a prompt, and what grading needs.
extension QuizItem {
    /// Every key a quiz block may have.
    static let keys = ["id", "kind", "prompt", "choices", "answer", "tolerance", "explanation", "code", "compute"]

    /// The item a block describes, or `nil` when it has any problem (all reported); also its id and
    /// the id's position when it has a valid one, for the duplicate check across the lesson.
    static func read(body: FencedBody, log: inout DiagnosticLog) -> (item: QuizItem?, id: (String, SourcePosition)?) {
        let before = log.diagnostics.count
        guard let fields = body.fields(what: "a quiz block", log: &log) else { return (nil, nil) }
        YAMLField.reportUnknown(fields, known: keys, in: "a quiz block", log: &log)
        let field = { (key: String) in fields.last { $0.key == key } }

        let id = field("id").flatMap { $0.slug(&log) }
        let kind = field("kind").flatMap { $0.oneOf(Kind.allCases.map(\.rawValue), &log) }.flatMap(Kind.init)
        let prompt = field("prompt").flatMap { $0.nonEmptyText(&log) }
        let explanation = field("explanation").flatMap { $0.text(&log) } ?? ""
        let code = field("code").flatMap { $0.text(&log) }
        let compute = field("compute").flatMap { Computation.read(question: $0, log: &log) }
        var choices = field("choices").flatMap { $0.textList(&log) }
        let fence = body.fence
        for key in ["id", "kind", "prompt", "answer"] where field(key) == nil {
            let hint = key == "kind" ? " (\(YAMLField.alternatives(Kind.allCases.map(\.rawValue))))" : ""
            log.report(fence, "quiz: missing '\(key)'\(hint)")
        }

        var answer: [String]?
        var tolerance: Double?
        if let kind {
            let question = kind.question
            if let code = field("code"), kind != .spotTheMistake {
                log.report(code.position, "code: only spot-the-mistake questions take a code listing")
            }
            if let t = field("tolerance"), kind != .numeric {
                log.report(t.position, "tolerance: only numeric questions take a tolerance")
            }
            if let c = field("compute"), kind == .multiple || kind == .open {
                log.report(c.position, "compute: \(question) has no single answer to compare with a computation")
            }
            switch kind {
            case .single, .multiple, .spotTheMistake:
                if choices == nil, kind == .spotTheMistake, let code {
                    // The listing's non-empty lines are the choices.
                    choices = code.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { line in
                            var kept = line
                            while kept.last?.isWhitespace == true { kept.removeLast() }
                            return String(kept)
                        }
                        .filter { !$0.isEmpty }
                }
                if let choices {
                    checkChoices(choices, question: question, at: field("choices")?.position ?? fence, log: &log)
                } else if field("choices") == nil {
                    let needs = kind == .spotTheMistake ? "'choices' or a 'code' listing" : "'choices'"
                    log.report(fence, "quiz: \(question) needs \(needs)")
                }
                if let a = field("answer"), let choices {
                    answer = chosen(a, among: choices, several: kind == .multiple, question: question, log: &log)
                }
            case .numeric, .open:
                if let c = field("choices") {
                    log.report(c.position, "choices: \(question) takes no choices")
                }
                if kind == .open {
                    answer = field("answer").flatMap { $0.nonEmptyText(&log) }.map { [$0] }
                } else {
                    if let a = field("answer") {
                        if let s = a.value.scalar, let v = s.number, v.isFinite {
                            answer = [v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)]
                        } else {
                            log.report(a.position, "answer: \(question) needs a number, got \(a.value.quoted)")
                        }
                    }
                    tolerance = 0
                    if let t = field("tolerance") {
                        if let s = t.value.scalar, let v = s.number, v.isFinite, v >= 0 {
                            tolerance = v
                        } else {
                            log.report(t.position, "tolerance: expected a number at least 0, got \(t.value.quoted)")
                        }
                    }
                }
            }
        }

        let idAndPlace = id.map { ($0, field("id")!.position) }
        guard log.diagnostics.count == before, let id, let kind, let prompt, let answer else { return (nil, idAndPlace) }
        let item = QuizItem(id: id, kind: kind, line: fence.line, prompt: prompt, choices: choices ?? [],
                            answer: answer, tolerance: tolerance, explanation: explanation, code: code,
                            compute: compute)
        return (item, idAndPlace)
    }

    /// Reports too few, empty or repeated choices.
    private static func checkChoices(_ choices: [String], question: String, at position: SourcePosition,
                                     log: inout DiagnosticLog) {
        if choices.count < 2 {
            log.report(position, "choices: \(question) needs at least two choices")
        }
        var seen = Set<String>()
        for (k, choice) in choices.enumerated() {
            let trimmed = choice.trimmingWhitespace
            if trimmed.isEmpty {
                log.report(position, "choices: choice \(k + 1) is empty")
            } else if !seen.insert(trimmed).inserted {
                log.report(position, "choices: '\(trimmed)' appears twice")
            }
        }
    }

    /// The answer as the texts of the choices it names (compared without surrounding spaces).
    private static func chosen(_ field: YAMLField, among choices: [String], several: Bool, question: String,
                               log: inout DiagnosticLog) -> [String]? {
        let given: [YAMLValue]
        switch field.value {
        case .sequence(let items, _) where several:
            guard !items.isEmpty else {
                log.report(field.position, "answer: \(question) needs at least one answer")
                return nil
            }
            given = items
        case .sequence(let items, _) where items.count == 1:
            given = items
        case .scalar(let s) where !s.isNull:
            given = [field.value]
        default:
            let expected = several ? "one choice or a list of choices" : "one of the choices"
            log.report(field.position, "answer: \(question) needs \(expected), got \(field.value.quoted)")
            return nil
        }
        var answers: [String] = []
        for item in given {
            guard let s = item.scalar, !s.isNull else {
                log.report(item.position, "answer: expected a choice, got \(item.quoted)")
                return nil
            }
            guard let choice = choices.first(where: { $0.trimmingWhitespace == s.text.trimmingWhitespace }) else {
                // A list's item is pointed at; a lone answer at its key.
                let place = item.position == field.value.position ? field.position : item.position
                log.report(place, "answer: '\(s.text)' is not one of the choices")
                return nil
            }
            if !answers.contains(choice) { answers.append(choice) }
        }
        return answers
    }
}

extension QuizItem.Kind {
    /// `a single-choice question`, `an open question`, … for messages.
    var question: String {
        switch self {
        case .single: "a single-choice question"
        case .multiple: "a multiple-choice question"
        case .numeric: "a numeric question"
        case .open: "an open question"
        case .spotTheMistake: "a spot-the-mistake question"
        }
    }
}
