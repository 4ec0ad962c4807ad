/// The words of practice: a check's report, the exercise screens and the `practice` commands.
public enum PracticePhrase: Equatable, Sendable {
    // MARK: A case

    /// `case 3 of 14 (non-square)`, then what it passes.
    case caseHeading(Int, of: Int, label: CaseLabel)
    case label(CaseLabel)
    /// The case's arguments: the shapes of the arrays, the numbers.
    case convSettings(x: [Int], w: [Int], stride: Int, padding: Int)
    case backwardSettings(dout: [Int], x: [Int], w: [Int], stride: Int, padding: Int)
    case transposedSettings(x: [Int], w: [Int], stride: Int, padding: Int)
    case poolSettings(x: [Int], size: Int, stride: Int)
    case poolBackwardSettings(dout: [Int], x: [Int], size: Int, stride: Int)
    case conv1dSettings(f: Int, g: Int, mode: String)
    case sizeSettings(h: Int, k: Int, s: Int, p: Int, d: Int)
    case passed
    case notRun
    /// The run stopped in this case (a time-out, too much output, a crash).
    case stoppedHere
    /// This case failed as case `k` did.
    case sameAs(Int)

    // MARK: How a case failed

    /// An exception, and the line of the learner's file it came from.
    case raised(type: String, message: String, line: Int?)
    /// A frame of the learner's file in the traceback.
    case frame(line: Int, function: String, text: String)
    case expectedArray(name: String?, got: String)
    case listReturned(name: String?)
    case expectedTuple(count: Int, got: String)
    case expectedInteger(got: String)
    case wrongCount(expected: Int, got: Int)
    case wrongShape(name: String, expected: [Int], got: [Int])
    /// Why the right shape is right: the rule, with the case's numbers (`detail`).
    case shapeRule(ShapeRule, detail: String)
    case wrongValue(name: String, index: [Int], expected: Double, got: Double)
    /// The right value's arithmetic.
    case rightArithmetic(String)
    case wrongSize(expected: Int?, got: Double)
    case mutated([String])

    // MARK: What stopped the run

    case noPython
    case noNumpy(python: String)
    case loadError(type: String, message: String, line: Int?)
    case missingFunction(String, defined: [String])
    case notCallable(String, type: String)
    /// `case` is 1-based; `settings` its arguments.
    case timedOut(case: Int?, seconds: Double, settings: String?)
    case outputTooLarge(megabytes: Int)
    case outOfMemory(megabytes: Int)
    case crashed(String)
    /// How Python ended, inside `crashed`.
    case exitStatus(Int)
    case signal(Int)

    // MARK: The report

    case allPassed(Int)
    case somePassed(Int, of: Int)
    case mistake(Diagnosis)
    /// Headings of the learner's own output.
    case printedOut, printedErrors
    case omitted(bytes: Int)

    // MARK: Screens

    case practice
    case status(ExerciseStatus)
    /// The learner's file, where the exercise is written.
    case yourFile(String)
    case starterWritten
    case watching
    case checking
    case notCheckedYet
    case hint(Int, of: Int)
    case noMoreHints
    case solutionAsk
    case solution
    case noExercises
    /// `a` opens the explorer on the wrong cell: the learner's value beside it.
    case yourValue(cell: String, got: Double)
    case notDrawable(String)
    /// dW and db add up a batch of several samples: one sample does not show them.
    case batchSum

    // MARK: Commands

    /// Starter files written (and the README, when it was not there), and where.
    case initWrote(Int, readme: Bool, folder: String)
    case initKept(Int)
    case initReadme
    case unknownExercise(String, known: [String])
    case noFile(String)
}

/// Where the learner stands on an exercise.
public enum ExerciseStatus: Equatable, Sendable {
    case new
    case failing(attempts: Int)
    case passed(attempts: Int)
}
