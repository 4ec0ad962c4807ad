/// The entries of the home screen, in order.
public enum HomeEntry: CaseIterable, Equatable, Sendable {
    case explore, lessons, quiz, practice, stats, help
}

/// The words of the home screen, the too-small screen and the help page.
public enum ScreenPhrase: Equatable, Sendable {
    /// The line beside the program's name.
    case tagline
    /// An entry's name, and what it offers.
    case entry(HomeEntry)
    case entrySummary(HomeEntry)
    /// Below the minimum size: the request, what is needed and what this terminal has, what to do.
    case enlarge
    case needs(width: Int, height: Int, hasWidth: Int, hasHeight: Int)
    case resizeToContinue
    /// The help page's title, and the heading of each group of keys.
    case keysTitle
    case keysHeading(KeyGroup)
    /// What closes the help page.
    case anyKeyCloses
    /// A key that does nothing where it was pressed, and where to find the keys that do.
    case keyDoesNothing(String)
}

/// The groups of the help page: one per screen or mode with keys of its own.
public enum KeyGroup: CaseIterable, Equatable, Sendable {
    case anywhere, home, lessonList, lesson, exercise, explorerSteps, explorerCursor, explorerParameters, explorerValue
    case quizAsking, quizAnswered, scrolling
    /// Clicks and the wheel, unless `--no-mouse` or the terminal has no mouse.
    case mouse
}

/// A key written as a word, which a language names its own way.
public enum KeyName: Equatable, Sendable {
    case space
    /// The four arrow keys together.
    case arrows
    /// A press of the mouse's button, and a turn of its wheel.
    case click, wheel
}

/// What a key does, as the hint line and the help page describe it.
public enum KeyHelp: Equatable, Sendable {
    // Anywhere
    case help, back, quit, quitNow
    // Lists and menus
    case choose, open, jump, openResumes, firstLast
    // Scrolling text
    case scroll, page, startEnd
    // A lesson
    case changeStep, playAnimation, playAnimationK, answerQuestions, restart
    // The explorer
    case step, playPause, speed, ends, cursorMode, parameters, mode, values, nextSeed, undo
    case moveCursor, nextGrid, pin, typeValue, gradientCheck, steps
    case chooseParameter, changeParameter, done, bias, convention
    case typeNumber, setValue, erase, cancel
    // A quiz
    case pickChoice, pickChoices, submit, typeAnswer, typeNumberOrInvalid, showModelAnswer, markCell, clearOrFinish
    case gradeSelf, nextQuestion, watch, finish, leave
    // A practice exercise
    case openExercise, checkNow, nextHint, showSolution, exploreWrongCell
    // The mouse
    case clickTarget, wheelScroll
}

/// How the tutor shows a number of lines scrolled: `1–20 of 68 lines`.
public struct LineRange: Equatable, Sendable {
    public var first: Int
    public var last: Int
    public var total: Int

    public init(first: Int, last: Int, total: Int) {
        self.first = first
        self.last = last
        self.total = total
    }
}
