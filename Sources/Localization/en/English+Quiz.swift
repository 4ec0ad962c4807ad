extension English {
    func quiz(_ phrase: QuizPhrase) -> String {
        switch phrase {
        case .quiz: "Quiz"
        case .questionCounter(let k, let n): "question \(k)/\(n)"
        case .done: "done"
        case .yourAnswer: "Your answer: "
        case .modelAnswer: "Model answer:"
        case .howWell(let intervals):
            "How well did you know it?  " + zip(1...4, ["again", "hard", "good", "easy"]).map { grade, word in
                "\(grade) \(word)" + (intervals.flatMap { $0.indices.contains(grade - 1) ? " " + short($0[grade - 1]) : nil } ?? "")
            }.joined(separator: "   ")
        case .newCard: "new"
        case .reviewCard: "review"
        case .given(let computation): "Given: \(computation)"
        case .right: "✓ Right."
        case .wrong: "✗ Not quite."
        case .youAnswered(let given): "You answered: \(given)"
        case .theAnswer(let expected): "The answer: \(expected)"
        case .gradedByYou(let grade): "Graded by you: \(["again", "hard", "good", "easy"][min(3, max(0, grade - 1))])."
        case .nextReview(let interval): "Next review: \(text(interval))."
        case .notSaved(let reason): "This answer was not saved: \(reason)"
        case .worked(let equation): "Worked: \(equation)"
        case .sessionDone: "Session done."
        case .answered(let k, let n): "answered: \(k) of \(n)"
        case .tally(let right, let wrong, let selfGraded): "right: \(right)   wrong: \(wrong)   graded by you: \(selfGraded)"
        case .nothingToAsk:
            "Nothing to ask right now: no reviews are due and no lesson is finished yet. Finish a lesson, or try convtutor quiz --generated for problems made on the spot."
        case .plainQuestion(let k, let n, let topic): "Question \(k) of \(n) (\(topic)):"
        case .ask(let kind):
            switch kind {
            case .choice: "Answer with a letter or a number:"
            case .choices: "Answer with every right letter (e.g. a c):"
            case .number: "Answer with a number (or invalid):"
            case .open: "Your answer (any text; then the model answer is shown):"
            case .cells: "Answer with the cells as row,col pairs (e.g. 0,0 0,1):"
            }
        case .gridHeading(let grid): "\(grid), rows and columns numbered from 0:"
        case .plainSummary(let answered, let total, let right, let wrong, let selfGraded):
            "Session done: answered \(answered) of \(total); right \(right), wrong \(wrong), graded by you \(selfGraded)."
        }
    }

    func family(_ family: ProblemFamily) -> String {
        switch family {
        case .outputSize: "generated: conv2d output size"
        case .poolOutputSize: "generated: pooling output size"
        case .transposedOutputSize: "generated: transposed convolution output size"
        case .ceilModeSize: "generated: pooling size with ceil_mode"
        case .adaptiveBounds: "generated: adaptive pooling window"
        case .parameters: "generated: parameter count"
        case .macs: "generated: multiply-accumulates"
        case .separableCost: "generated: separable kernel cost"
        case .foldedBias: "generated: folded batch-norm bias"
        case .receptiveField: "generated: receptive field"
        case .outputCell: "generated: an output cell"
        case .dxCell: "generated: a cell of dx"
        case .dwCell: "generated: a cell of dw"
        case .poolCell: "generated: a pooling cell"
        case .receptiveFieldCells: "generated: mark a receptive field"
        case .dxReach: "generated: mark where dOut reaches"
        case .poolMax: "generated: mark a window's maximum"
        }
    }

    /// `1m`, `10m`, `3h`, `1d`, `4d`, `2mo`, `1y`: an interval beside a grade.
    private func short(_ interval: ReviewInterval) -> String {
        switch interval {
        case .aMinute: "1m"
        case .minutes(let n): "\(n)m"
        case .hours(let n): "\(n)h"
        case .tomorrow: "1d"
        case .days(let n): "\(n)d"
        case .months(let n): "\(n)mo"
        case .years(let n): "\(n)y"
        }
    }

    /// `in 10 minutes`, `tomorrow`, `in 4 days`.
    private func text(_ interval: ReviewInterval) -> String {
        switch interval {
        case .aMinute: "in a minute"
        case .minutes(let n): "in \(count(n, "minute"))"
        case .hours(let n): n == 1 ? "in an hour" : "in \(n) hours"
        case .tomorrow: "tomorrow"
        case .days(let n): "in \(count(n, "day"))"
        case .months(let n): "in \(count(n, "month"))"
        case .years(let n): "in \(count(n, "year"))"
        }
    }

    func refusal(_ refusal: Refusal) -> String {
        switch refusal {
        case .grade: "grade yourself: 1 again, 2 hard, 3 good, 4 easy"
        case .number: "type a number, like 4 or -0.5 (or 'invalid' when no output exists)"
        case .cells: "list cells as row,col pairs, e.g. 0,0 0,1 1,0"
        case .choose(let range): "choose \(text(range))"
        case .chooseSeveral(let range): "choose one or more: \(text(range)), e.g. a c"
        case .notAChoice(let typed, let range): "'\(typed)' is not a choice: choose \(text(range))"
        case .notANumber(let typed): "'\(typed)' is not a number: " + self.refusal(.number)
        case .notACell(let typed): "'\(typed)' is not a cell: " + self.refusal(.cells)
        }
    }

    /// `a to d (or 1 to 4)`, `1 to 30`.
    private func text(_ range: ChoiceRange) -> String {
        switch range {
        case .letters(let last, let count): "a to \(last) (or 1 to \(count))"
        case .numbers(let count): "1 to \(count)"
        }
    }
}
