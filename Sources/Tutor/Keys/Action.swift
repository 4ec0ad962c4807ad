import TermCanvas

/// What a key asks the tutor to do. The keymap turns keys into actions; the screens' handlers
/// act on actions, never on keys, so one table decides every binding.
public enum Action: Hashable, Sendable {
    // Anywhere
    case help, back, quitNow
    // Lists, menus and scrolled text
    case previousItem, nextItem, firstItem, lastItem, openItem
    case jump(Int)
    case lineUp, lineDown, pageUp, pageDown, textStart, textEnd
    // A lesson
    case previousStep, nextStep, playAnimation, playAnimationNumber(Int), answerQuestions, restart
    // The explorer's steps
    case stepBack, stepForward, playPause, faster, slower, firstStep, lastStep
    case cursorMode, parametersMode, nextMode, previousMode, toggleValues, nextSeed, toggleBias, toggleConvention, undo
    // The explorer's cursor
    case cursorUp, cursorDown, cursorLeft, cursorRight, nextGrid, previousGrid, pin, typeValue, gradientCheck, stepsMode
    // The explorer's parameters
    case previousParameter, nextParameter, increase, decrease, doneEditing
    // Typing a value or an answer
    case submit, erase, cancel
    // A quiz
    case choose(Int), toggleChoice(Int), markCell, grade(Int), nextQuestion, watch, finish
    // A practice exercise
    case checkNow, nextHint, showSolution, exploreWrongCell
}

extension Action {
    /// How a scrolling action moves a page of text; nil for every other action.
    var scrollMove: ScrollPosition.Move? {
        switch self {
        case .lineUp: .lineUp
        case .lineDown: .lineDown
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .textStart: .top
        case .textEnd: .bottom
        default: nil
        }
    }
}
