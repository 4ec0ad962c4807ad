import LessonKit

extension Question {
    /// A lesson's quiz block as a question, scheduled under the lesson's card for that block.
    public init(_ item: QuizItem, lesson: String) {
        let kind: Kind
        switch item.kind {
        case .single:
            kind = .single(choices: item.choices, answer: item.choices.firstIndex(of: item.answer.first ?? "") ?? 0)
        case .multiple:
            kind = .multiple(choices: item.choices, answers: Set(item.answer.compactMap { item.choices.firstIndex(of: $0) }))
        case .numeric:
            kind = .numeric(answer: .number(Double(item.answer.first ?? "") ?? .nan), tolerance: item.tolerance ?? 0)
        case .open:
            kind = .open(modelAnswer: item.answer.first ?? "")
        case .spotTheMistake:
            kind = .spotTheMistake(lines: item.choices, wrong: item.choices.firstIndex(of: item.answer.first ?? "") ?? 0,
                                   isCode: item.code != nil)
        }
        // A question that checks its answer against a computation replays it.
        var animation: Animation?
        if let c = item.compute, case .animation = c.subject, c.show == .cell || c.show == .output {
            animation = c.parameters
        }
        self.init(id: .lesson(lesson, question: item.id), prompt: item.prompt, kind: kind,
                  explanation: item.explanation, animation: animation)
        computation = item.compute
    }
}
