import ArgumentParser
import ConvCore
import LessonKit
import Localization
import Scenes
import Tutor

/// `convtutor explore`: the explorer, opened on the configuration given by the options.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Watch a kernel slide over a grid: every product, sum and gradient, step by step.",
        discussion: """
            Keys: ←/→ step, space play/pause, +/- speed, g/G first/last, Tab cursor mode, \
            e parameters, m mode, v values, u undo, ? all keys, q quit.
            Modes: \(ConvOperation.animated.map(\.rawValue).joined(separator: ", ")).
            """)

    @Option(help: "What to animate: \(ConvOperation.animated.map(\.rawValue).joined(separator: ", ")).")
    var mode: ConvOperation = .conv2d

    @Option(help: "Input size: HxW (1-D modes use W as the length of a).")
    var input = Dims([5, 5])

    @Option(help: "Kernel or pooling window: K or KHxKW (1-D modes use KW as the length of v).")
    var kernel = Dims([3, 3])

    @OptionGroup var window: WindowOptions

    @Option(help: "Padding on each side: P or PHxPW.")
    var padding = Dims([0])

    @OptionGroup var paddingMode: PaddingModeOption

    @Option(help: "Output padding of the transposed convolution: OP or OPHxOPW.")
    var outputPadding = Dims([0])

    @Option(help: "Input channels (1–\(LessonLimits.maxChannels)).")
    var channels = 1

    @Option(help: "Filters, i.e. output channels (1–\(LessonLimits.maxChannels)).")
    var filters = 1

    @Option(help: "Groups.")
    var groups = 1

    @Flag(help: "Add a bias per output channel.")
    var bias = false

    @Option(help: "cross-correlation (deep learning's convolution) or convolution (kernel flipped).")
    var convention: Convention = .crossCorrelation

    @Option(name: .customLong("mode1d"), help: "1-D output mode: full, same or valid.")
    var mode1D: Conv1D.Mode = .full

    @Option(help: "How a backward pass or a transposed convolution is shown: cells, scatter or convolution.")
    var view: Presentation = .cells

    @OptionGroup var language: LanguageOption

    @OptionGroup var values: ValueOptions

    @OptionGroup var screen: ScreenOptions

    @Flag(help: "Print the whole animation as linear text instead of opening the screen (for screen readers and pipes).")
    var plain = false

    /// The configuration the options describe.
    func config() -> ExplorerConfig {
        var c = ExplorerConfig()
        c.mode = mode
        c.input = mode.is1D ? Pair(1, input.values.last ?? 5) : input.pair
        c.kernel = mode.is1D ? Pair(1, kernel.values.last ?? 3) : kernel.pair
        c.stride = window.stride.pair
        c.padding = padding.pair
        c.paddingMode = paddingMode.paddingMode
        c.dilation = window.dilation.pair
        c.outputPadding = outputPadding.pair
        c.channels = channels
        c.filters = filters
        c.groups = groups
        c.bias = bias
        c.convention = convention
        c.mode1D = mode1D
        c.presentation = view
        c.values = values.fill
        return c
    }

    func validate() throws {
        guard ConvOperation.animated.contains(mode) else {
            throw ValidationError("--mode: the explorer animates \(ConvOperation.animated.map(\.rawValue).joined(separator: ", ")); `convtutor compute \(mode.rawValue)` computes \(mode.rawValue)")
        }
        let c = config()
        let extents = [("input", c.input.h), ("input", c.input.w), ("kernel", c.kernel.h), ("kernel", c.kernel.w)]
        for (name, value) in extents where !(1...LessonLimits.maxGridExtent).contains(value) {
            let larger = value > LessonLimits.maxGridExtent ? "; `convtutor compute` takes larger ones" : ""
            throw ValidationError("--\(name): the explorer draws sizes from 1 to \(LessonLimits.maxGridExtent), got \(value)\(larger)")
        }
        for (name, value) in [("stride", c.stride.h), ("stride", c.stride.w), ("dilation", c.dilation.h), ("dilation", c.dilation.w)]
        where !(1...LessonLimits.maxWindowParameter).contains(value) {
            throw ValidationError("--\(name): the explorer draws 1 to \(LessonLimits.maxWindowParameter), got \(value)")
        }
        for (name, value) in [("padding", c.padding.h), ("padding", c.padding.w), ("output-padding", c.outputPadding.h), ("output-padding", c.outputPadding.w)]
        where !(0...LessonLimits.maxWindowParameter).contains(value) {
            throw ValidationError("--\(name): the explorer draws 0 to \(LessonLimits.maxWindowParameter), got \(value)")
        }
        for (name, value) in [("channels", c.channels), ("filters", c.filters), ("groups", c.groups)]
        where !(1...LessonLimits.maxChannels).contains(value) {
            throw ValidationError("--\(name): the explorer draws 1 to \(LessonLimits.maxChannels), got \(value)")
        }
        do {
            _ = try Scene.build(c)
        } catch {
            throw ValidationError(language.language().catalogue.error(error))
        }
    }

    func run() throws {
        let language = language.language()
        if plain {
            // validate() has built this scene once already: it cannot fail here.
            print(try ScenePlain.lines(config(), language.catalogue).joined(separator: "\n"))
            return
        }
        Self.open(config(), language: language, screen: screen.settings)
    }

    /// The explorer's full screen on `config`.
    static func open(_ config: ExplorerConfig, language: Language, screen: ScreenSettings) -> Never {
        launch(AppState(screen: .explorer(ExplorerState(config: config)), width: 80, height: 24, language: language),
               screen: screen, instead: "convtutor explore --plain")
    }
}

extension ConvOperation: ExpressibleByArgument {}
extension Presentation: ExpressibleByArgument {}
