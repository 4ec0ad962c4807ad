import Localization
import TermCanvas

/// Where the keys are going: each screen, mode and question kind has its own keys.
public enum KeyContext: Hashable, Sendable {
    case home
    case lessonList
    /// The exercises of `convtutor practice`.
    case practiceList
    /// An exercise's page; `explore`: the first wrong cell can be opened in the explorer.
    case exercise(explore: Bool)
    case lesson(animations: Int, questions: Bool)
    case explorerSteps, explorerCursor, explorerParameters, explorerValue
    /// A question answered with one choice, of `count`.
    case quizChoice(count: Int)
    /// A question answered with several choices, of `count`.
    case quizChoices(count: Int)
    case quizNumber, quizOpen, quizCells, quizGrade
    case quizAnswered(replay: Bool)
    case quizSummary
    case stats

    /// True while printable keys are text being typed (so `?` and `q` are typed, not commands).
    var isTyping: Bool {
        switch self {
        case .explorerValue, .quizNumber, .quizOpen: true
        default: false
        }
    }
}

/// A piece of how keys are written: symbols and key names as they are (`←/→`, `q/Esc`, `PgDn`),
/// or a key whose name is a word in each language (`space`, 空格).
public enum KeyText: Hashable, Sendable {
    case text(String)
    case named(KeyName)

    /// The pieces written out in `t`'s language.
    static func written(_ parts: [KeyText], _ t: any Catalogue) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .named(let key): t.keyName(key)
            }
        }.joined()
    }
}

extension Key {
    /// The key as a learner reads it on the screen: `x`, `space`, `↑`, `Tab`, `F5`, `Ctrl-X`.
    func written(_ t: any Catalogue) -> String {
        switch self {
        case .character(" "): t.keyName(.space)
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let n): "F\(n)"
        case .control(let c): "Ctrl-\(c.uppercased())"
        }
    }
}

/// A row of the keymap: keys written as one label, what each does, and the description that the
/// hint line and the help page show.
public struct KeyRow: Sendable {
    /// How the keys are written in hints: `←/→`, `space`, `a–d`.
    public let label: [KeyText]
    /// More keys doing the same, written on the help page only: `h/l`.
    public let also: [KeyText]
    public let bindings: [(key: Key, action: Action)]
    public let help: KeyHelp
    /// Shown in the hint line (the help page lists every row).
    public let hint: Bool

    init(_ label: [KeyText], also: [KeyText] = [], _ bindings: [(Key, Action)], _ help: KeyHelp, hint: Bool = true) {
        self.label = label
        self.also = also
        self.bindings = bindings.map { (key: $0.0, action: $0.1) }
        self.help = help
        self.hint = hint
    }

    init(_ label: String, also: String = "", _ bindings: [(Key, Action)], _ help: KeyHelp, hint: Bool = true) {
        self.init([.text(label)], also: also.isEmpty ? [] : [.text(also)], bindings, help, hint: hint)
    }

    /// The keys as the hint line writes them.
    func label(_ t: any Catalogue) -> String { KeyText.written(label, t) }

    /// The keys as the help page writes them: the label, then the other keys.
    func keys(_ t: any Catalogue) -> String {
        also.isEmpty ? label(t) : label(t) + "  " + KeyText.written(also, t)
    }

    /// The hint: `←/→ step`.
    func text(_ t: any Catalogue) -> String {
        "\(label(t)) \(t.key(help))"
    }
}

/// The one keymap: for every context, its rows in the order hints and help show them. Handlers
/// ask it what a key does; hint lines, the help page and the README's key table are made from it.
public enum Keymap {
    /// What `key` does in `context`, if anything.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        for row in rows(context) {
            if let binding = row.bindings.first(where: { $0.key == key }) { return binding.action }
        }
        return nil
    }

    /// The hint line's items for `context`, most useful first; `back` and `help` close it.
    public static func hints(_ context: KeyContext, _ t: any Catalogue) -> [String] {
        rows(context).filter(\.hint).map { $0.text(t) }
    }

    // MARK: The table

    /// Every row of `context`.
    public static func rows(_ context: KeyContext) -> [KeyRow] {
        switch context {
        case .home:
            return [
                KeyRow("↑/↓", also: "k/j Tab", [(.up, .previousItem), (.character("k"), .previousItem),
                                                 (.down, .nextItem), (.character("j"), .nextItem), (.tab, .nextItem)], .choose),
                KeyRow([.text("Enter")], also: [.text("→ l "), .named(.space)], [(.enter, .openItem), (.right, .openItem), (.character("l"), .openItem),
                                                    (.character(" "), .openItem)], .open),
                KeyRow("1–\(HomeEntry.allCases.count)", (1...HomeEntry.allCases.count).map { (digit($0), .jump($0)) }, .jump),
            ] + closing(quits: true)
        case .lessonList:
            return [
                KeyRow("↑/↓", also: "k/j Tab", [(.up, .previousItem), (.character("k"), .previousItem),
                                                 (.down, .nextItem), (.character("j"), .nextItem), (.tab, .nextItem)], .choose),
                KeyRow("Enter", also: "→ l", [(.enter, .openItem), (.right, .openItem), (.character("l"), .openItem)], .openResumes),
                KeyRow("g/G", also: "Home End", [(.character("g"), .firstItem), (.home, .firstItem),
                                                 (.character("G"), .lastItem), (.end, .lastItem)], .firstLast, hint: false),
            ] + closing()
        case .practiceList:
            return [
                KeyRow("↑/↓", also: "k/j Tab", [(.up, .previousItem), (.character("k"), .previousItem),
                                                 (.down, .nextItem), (.character("j"), .nextItem), (.tab, .nextItem)], .choose),
                KeyRow("Enter", also: "→ l", [(.enter, .openItem), (.right, .openItem), (.character("l"), .openItem)], .openExercise),
                KeyRow("g/G", also: "Home End", [(.character("g"), .firstItem), (.home, .firstItem),
                                                 (.character("G"), .lastItem), (.end, .lastItem)], .firstLast, hint: false),
            ] + closing()
        case .exercise(let explore):
            return (explore ? [KeyRow("a", [(.character("a"), .exploreWrongCell)], .exploreWrongCell)] : [])
                + [KeyRow("c", [(.character("c"), .checkNow)], .checkNow),
                   KeyRow("h", [(.character("h"), .nextHint)], .nextHint),
                   KeyRow("s", [(.character("s"), .showSolution)], .showSolution, hint: false)]
                + scrolling(vi: false) + closing()
        case .lesson(let animations, let questions):
            var rows = [
                KeyRow("←/→", also: "[ ] h/l", [(.left, .previousStep), (.character("["), .previousStep), (.character("h"), .previousStep),
                                                (.right, .nextStep), (.character("]"), .nextStep), (.character("l"), .nextStep)], .changeStep),
            ]
            if animations > 0 {
                rows.append(KeyRow("a", also: "Enter", [(.character("a"), .playAnimation), (.enter, .playAnimation)], .playAnimation))
                if animations > 1 {
                    rows.append(KeyRow("1–\(min(9, animations))", (1...min(9, animations)).map { (digit($0), .playAnimationNumber($0)) },
                                       .playAnimationK, hint: false))
                }
            }
            if questions { rows.append(KeyRow("t", [(.character("t"), .answerQuestions)], .answerQuestions)) }
            return rows + scrolling(vi: true) + [KeyRow("R", [(.character("R"), .restart)], .restart, hint: false)] + closing()
        case .explorerSteps:
            return [
                KeyRow("←/→", also: "h/l", [(.left, .stepBack), (.character("h"), .stepBack),
                                            (.right, .stepForward), (.character("l"), .stepForward)], .step),
                KeyRow([.named(.space)], [(.character(" "), .playPause)], .playPause),
                KeyRow("+/-", [(.character("+"), .faster), (.character("="), .faster),
                               (.character("-"), .slower), (.character("_"), .slower)], .speed),
                KeyRow("g/G", also: "Home End", [(.character("g"), .firstStep), (.home, .firstStep),
                                                 (.character("G"), .lastStep), (.end, .lastStep)], .ends),
                KeyRow("Tab", [(.tab, .cursorMode)], .cursorMode),
                KeyRow("e", also: "p", [(.character("e"), .parametersMode), (.character("p"), .parametersMode)], .parameters),
            ] + explorerCommon() + closing()
        case .explorerCursor:
            return [
                KeyRow([.named(.arrows)], also: [.text("hjkl")], [(.up, .cursorUp), (.character("k"), .cursorUp), (.down, .cursorDown),
                                                                   (.character("j"), .cursorDown), (.left, .cursorLeft), (.character("h"), .cursorLeft),
                                                                   (.right, .cursorRight), (.character("l"), .cursorRight)], .moveCursor),
                KeyRow("n/N", also: "> < . ,", [(.character("n"), .nextGrid), (.character(">"), .nextGrid), (.character("."), .nextGrid),
                                                (.character("N"), .previousGrid), (.character("<"), .previousGrid),
                                                (.character(","), .previousGrid)], .nextGrid),
                KeyRow([.text("p")], also: [.named(.space)], [(.character("p"), .pin), (.character(" "), .pin)], .pin),
                KeyRow("Enter", [(.enter, .typeValue)], .typeValue),
                KeyRow("d", [(.character("d"), .gradientCheck)], .gradientCheck, hint: false),
                KeyRow("Tab", [(.tab, .parametersMode)], .parameters),
                KeyRow("Esc", [(.escape, .stepsMode)], .steps),
            ] + explorerCommon() + closing(escape: false)
        case .explorerParameters:
            return [
                KeyRow("↑/↓", also: "k/j Shift-Tab", [(.up, .previousParameter), (.character("k"), .previousParameter),
                                                       (.backTab, .previousParameter),
                                                       (.down, .nextParameter), (.character("j"), .nextParameter)], .chooseParameter),
                KeyRow("←/→", also: "h/l - +", [(.left, .decrease), (.character("h"), .decrease), (.character("-"), .decrease),
                                                (.right, .increase), (.character("l"), .increase), (.character("+"), .increase),
                                                (.character("="), .increase)], .changeParameter),
                KeyRow("Enter", also: "Tab", [(.enter, .doneEditing), (.tab, .doneEditing)], .done),
                KeyRow("Esc", [(.escape, .stepsMode)], .steps, hint: false),
            ] + explorerCommon() + closing(escape: false)
        case .explorerValue:
            return [
                KeyRow("0–9 - . e", [], .typeNumber),
                KeyRow("Enter", [(.enter, .submit)], .setValue),
                KeyRow("Backspace", [(.backspace, .erase)], .erase),
                KeyRow("Esc", [(.escape, .cancel)], .cancel),
            ]
        case .quizChoice(let count):
            return [choiceRow(count, toggles: false), KeyRow("↑/↓", [(.up, .lineUp), (.down, .lineDown)], .scroll, hint: false),
                    pageRow()] + finishing(qIsAChoice: count > 16)
        case .quizChoices(let count):
            return [choiceRow(count, toggles: true), KeyRow("Enter", [(.enter, .submit)], .submit),
                    KeyRow("↑/↓", [(.up, .lineUp), (.down, .lineDown)], .scroll, hint: false), pageRow()] + finishing(qIsAChoice: count > 16)
        case .quizNumber:
            return [KeyRow("0–9", [], .typeNumberOrInvalid), KeyRow("Enter", [(.enter, .submit)], .submit),
                    KeyRow("Esc", [(.escape, .cancel)], .clearOrFinish), pageRow()]
        case .quizOpen:
            return [KeyRow("a–z", [], .typeAnswer), KeyRow("Enter", [(.enter, .submit)], .showModelAnswer),
                    KeyRow("Esc", [(.escape, .finish)], .finish), pageRow()]
        case .quizCells:
            return [
                KeyRow([.named(.arrows)], also: [.text("hjkl")], [(.up, .cursorUp), (.character("k"), .cursorUp), (.down, .cursorDown),
                                                                   (.character("j"), .cursorDown), (.left, .cursorLeft), (.character("h"), .cursorLeft),
                                                                   (.right, .cursorRight), (.character("l"), .cursorRight)], .moveCursor),
                KeyRow([.named(.space)], also: [.text("x")], [(.character(" "), .markCell), (.character("x"), .markCell)], .markCell),
                KeyRow("Enter", [(.enter, .submit)], .submit),
                pageRow(),
            ] + finishing()
        case .quizGrade:
            return [KeyRow("1–4", (1...4).map { (digit($0), .grade($0)) }, .gradeSelf),
                    KeyRow("↑/↓", [(.up, .lineUp), (.down, .lineDown)], .scroll, hint: false), pageRow()] + finishing()
        case .quizAnswered(let replay):
            return (replay ? [KeyRow("a", [(.character("a"), .watch)], .watch)] : [])
                + [KeyRow([.text("Enter")], also: [.text("→ "), .named(.space), .text(" n")], [(.enter, .nextQuestion), (.right, .nextQuestion), (.character(" "), .nextQuestion),
                                                       (.character("n"), .nextQuestion)], .nextQuestion)]
                + scrolling(vi: true, space: false) + finishing()
        case .quizSummary:
            return [KeyRow([.text("Enter")], also: [.text("q Esc "), .named(.space)], [(.enter, .back), (.character("q"), .back), (.escape, .back),
                                                          (.character(" "), .back)], .leave)]
        case .stats:
            return scrolling(vi: true) + closing(enter: true)
        }
    }

    /// The keys of every explorer focus: mode, values, bias, convention, undo.
    private static func explorerCommon() -> [KeyRow] {
        [
            KeyRow("m/M", [(.character("m"), .nextMode), (.character("M"), .previousMode)], .mode),
            KeyRow("v", [(.character("v"), .toggleValues)], .values, hint: false),
            KeyRow("r", [(.character("r"), .nextSeed)], .nextSeed, hint: false),
            KeyRow("b", [(.character("b"), .toggleBias)], .bias, hint: false),
            KeyRow("c", [(.character("c"), .toggleConvention)], .convention, hint: false),
            KeyRow("u", [(.character("u"), .undo)], .undo, hint: false),
        ]
    }

    /// Reading a long text: lines, pages, start and end.
    private static func scrolling(vi: Bool, space: Bool = true) -> [KeyRow] {
        [
            KeyRow("↑/↓", also: vi ? "k/j" : "", [(.up, .lineUp), (.down, .lineDown)]
                   + (vi ? [(.character("k"), .lineUp), (.character("j"), .lineDown)] : []), .scroll),
            KeyRow([.text("PgUp/PgDn")], also: space ? [.named(.space), .text(" b")] : [], [(.pageUp, .pageUp), (.pageDown, .pageDown)]
                   + (space ? [(.character(" "), .pageDown), (.character("b"), .pageUp)] : []), .page, hint: false),
            KeyRow("Home/End", also: vi ? "g/G" : "", [(.home, .textStart), (.end, .textEnd)]
                   + (vi ? [(.character("g"), .textStart), (.character("G"), .textEnd)] : []), .startEnd, hint: false),
        ]
    }

    /// Page keys alone, where letters are answers.
    private static func pageRow() -> KeyRow {
        KeyRow("PgUp/PgDn", [(.pageUp, .pageUp), (.pageDown, .pageDown)], .page, hint: false)
    }

    /// A choice by its letter, or by its number when there are at most nine (so that `1` of a
    /// listing of eleven lines does not answer before `10` or `11` could be typed).
    private static func choiceRow(_ count: Int, toggles: Bool) -> KeyRow {
        let n = max(1, min(26, count))
        let letters = (0..<n).map { k in (Key.character(Character(Unicode.Scalar(UInt8(97 + k)))), toggles ? Action.toggleChoice(k) : .choose(k)) }
        let digits = count <= 9 && !toggles ? (1...n).map { (digit($0), Action.choose($0 - 1)) } : []
        let last = Character(Unicode.Scalar(UInt8(96 + n)))
        return KeyRow(digits.isEmpty ? "a–\(last)" : "a–\(last) 1–\(n)", letters + digits, toggles ? .pickChoices : .pickChoice)
    }

    /// `?` for help and how to leave: `q`/Esc back (or quit from the top).
    private static func closing(quits: Bool = false, escape: Bool = true, enter: Bool = false) -> [KeyRow] {
        [
            KeyRow("?", [(.character("?"), .help)], .help),
            KeyRow(escape ? "q/Esc" : "q", also: enter ? "Enter" : "",
                   [(.character("q"), .back)] + (escape ? [(.escape, .back)] : []) + (enter ? [(.enter, .back)] : []),
                   quits ? .quit : .back),
        ]
    }

    /// `?` for help and `q`/Esc to finish a quiz session (Esc alone when `q` picks the 17th
    /// choice).
    private static func finishing(qIsAChoice: Bool = false) -> [KeyRow] {
        [KeyRow("?", [(.character("?"), .help)], .help, hint: false),
         qIsAChoice ? KeyRow("Esc", [(.escape, .finish)], .finish) : KeyRow("q/Esc", [(.character("q"), .finish), (.escape, .finish)], .finish)]
    }

    private static func digit(_ n: Int) -> Key {
        .character(Character(String(n)))
    }
}
