import ConvCore

/// The interface text of one language: every word convtutor shows, keyed by phrases with typed
/// arguments. Each language implements every requirement (the compiler checks that none is
/// missing); `Catalogue+Formatting.swift` builds the text that is the same in every language
/// (equations, aligned formulas) from these words.
///
/// To add a language: a case of `Language`, and a folder beside `en/` and `zh/` with a type
/// that conforms to this protocol.
public protocol Catalogue: Sendable {
    // MARK: Punctuation

    /// Between a label and its value: `: ` in English, `：` in Chinese.
    var colon: String { get }
    /// Between the items of a list: `, ` or `、`.
    var comma: String { get }
    /// `a or b` in the language, for the keys that do one thing.
    func or(_ items: [String]) -> String
    /// Text in parentheses after other text: ` (text)` or `（text）`.
    func parenthesized(_ text: String) -> String
    /// Sentences one after another: with a space between them in English, none in Chinese.
    func sentences(_ parts: [String]) -> String
    /// A key that is written as a word: `space` (空格), `arrows` (方向键).
    func keyName(_ key: KeyName) -> String

    // MARK: The compute core

    /// The name of an operation: `2-D convolution`.
    func operation(_ operation: ConvOperation) -> String
    func sceneTitle(_ title: SceneTitle) -> String
    func note(_ note: SceneNote) -> String
    /// What follows a grid's name, its separating space or parenthesis included.
    func caption(_ caption: PanelCaption) -> String
    /// The library's name and the call, with anything said around it.
    func call(_ call: ReferenceCallText) -> String
    func traceWord(_ word: TraceWord) -> String
    func sizeLabel(_ label: SizeLabel) -> String
    /// Why the compute core refused a request.
    func error(_ error: ConvError) -> String
    /// A compute block's line.
    func compute(_ phrase: ComputePhrase) -> String
    /// A gradient checked cell by cell.
    func gradientCheck(_ phrase: GradientCheckPhrase) -> String
    /// A line of a technique's compute block (FFT, Winograd, folding, separable kernels, …).
    func technique(_ phrase: TechniquePhrase) -> String

    // MARK: Screens

    /// The home screen, the too-small screen and the help page.
    func screen(_ phrase: ScreenPhrase) -> String
    /// What a key does, in hint lines and on the help page.
    func key(_ help: KeyHelp) -> String
    func lesson(_ phrase: LessonPhrase) -> String
    func explorer(_ phrase: ExplorerPhrase) -> String
    func quiz(_ phrase: QuizPhrase) -> String
    func stats(_ phrase: StatsPhrase) -> String
    /// The command line's messages.
    func command(_ phrase: CommandPhrase) -> String
    /// A practice check's report, the practice screens and commands.
    func practice(_ phrase: PracticePhrase) -> String

    // MARK: Questions

    /// The hint for a refused answer.
    func refusal(_ refusal: Refusal) -> String

    // MARK: Generated problems

    /// A family's name, as the statistics and the quiz's headings show it.
    func family(_ family: ProblemFamily) -> String

    /// A sentence of a generated problem's prompt or explanation.
    func problem(_ phrase: ProblemPhrase) -> String
}
