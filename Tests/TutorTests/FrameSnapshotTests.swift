import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import TestSupport
import Testing
@testable import Tutor

/// Whole frames rendered at fixed sizes, in both languages, and compared with stored snapshots as
/// text and styles (a lost highlight fails as a lost character does).
@Suite("Frame snapshots")
struct FrameSnapshotTests {
    static func explorer(_ configure: @Sendable (inout ExplorerConfig) -> Void = { _ in }, steps: Int = 0, width: Int, height: Int,
                         language: Language) -> AppState {
        var config = ExplorerConfig()
        configure(&config)
        var explorer = ExplorerState(config: config)
        explorer.step = steps
        return AppState(screen: .explorer(explorer), width: width, height: height, language: language)
    }

    static let sizes = [(80, 24), (120, 40)]

    /// Compares the frame of `state` with the snapshot `name-<language>-<width>x<height>`.
    static func check(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = "\(name)-\(state.language.rawValue)-\(state.width)x\(state.height)"
        #expect(snapshotMismatch(view(state).styledText, named: file) == nil, sourceLocation: sourceLocation)
    }

    @Test("home screen", arguments: Language.allCases)
    func home(_ language: Language) {
        for (width, height) in Self.sizes {
            Self.check(AppState(screen: .home(HomeState()), width: width, height: height, language: language), "home")
        }
    }

    @Test("too small a terminal", arguments: Language.allCases)
    func tooSmall(_ language: Language) {
        Self.check(AppState(screen: .home(HomeState()), width: 40, height: 10, language: language), "too-small")
    }

    static let configs: [(String, @Sendable (inout ExplorerConfig) -> Void)] = [
        ("conv2d", { $0.stride = Pair(2); $0.padding = Pair(1) }),
        ("true-convolution", { $0.convention = .convolution }),
        ("multichannel", { $0.channels = 2; $0.filters = 2; $0.input = Pair(4, 4); $0.bias = true }),
        ("conv2d-backward", { $0.mode = .conv2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2) }),
        ("conv1d", { $0.mode = .conv1d; $0.input = Pair(1, 3); $0.kernel = Pair(1, 3) }),
        ("correlate1d-valid", { $0.mode = .correlate1d; $0.mode1D = .valid; $0.input = Pair(1, 6) }),
        ("maxpool2d", { $0.mode = .maxpool2d; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2); $0.values = .random(seed: 3) }),
        ("avgpool2d-backward", { $0.mode = .avgpool2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2) }),
        ("maxpool2d-backward", { $0.mode = .maxpool2dBackward; $0.input = Pair(4, 4); $0.kernel = Pair(3, 3); $0.stride = Pair(1, 1); $0.padding = Pair(1, 1); $0.values = .random(seed: 5) }),
        ("conv2d-backward-scatter", { $0.mode = .conv2dBackward; $0.presentation = .scatter; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2) }),
        ("conv2d-backward-as-convolution", { $0.mode = .conv2dBackward; $0.presentation = .convolution; $0.input = Pair(5, 5); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1) }),
        ("conv-transpose2d-scatter", { $0.mode = .convTranspose2d; $0.presentation = .scatter; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.bias = true }),
        ("conv-transpose2d-as-convolution", { $0.mode = .convTranspose2d; $0.presentation = .convolution; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1); $0.outputPadding = Pair(1, 1) }),
        ("conv-transpose2d", { $0.mode = .convTranspose2d; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1); $0.outputPadding = Pair(1, 1) }),
        // The last window hangs past the padded input (blank cells); count_include_pad off divides by x's cells only.
        ("avgpool2d-ceil-mode", { $0.mode = .avgpool2d; $0.input = Pair(4, 4); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1); $0.ceilMode = true; $0.countIncludePad = false }),
        ("maxpool2d-dilation", { $0.mode = .maxpool2d; $0.input = Pair(6, 6); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2); $0.dilation = Pair(2, 2); $0.values = .random(seed: 3) }),
        // 5 rows to 3: windows [0,2) [1,4) [3,5), of unequal size and overlapping.
        ("adaptive-avgpool2d", { $0.mode = .adaptiveAvgpool2d; $0.input = Pair(5, 5); $0.outputSize = Pair(3, 3) }),
        ("adaptive-maxpool2d-backward", { $0.mode = .adaptiveMaxpool2dBackward; $0.input = Pair(5, 4); $0.outputSize = Pair(3, 2); $0.values = .random(seed: 2) }),
    ]

    @Test("every explorer mode at 80x24 and 120x40, in both languages", arguments: configs.indices, Language.allCases)
    func modes(_ k: Int, _ language: Language) {
        let (name, configure) = Self.configs[k]
        for (width, height) in Self.sizes {
            Self.check(Self.explorer(configure, steps: 4, width: width, height: height, language: language), "explorer-\(name)")
        }
    }

    @Test("the explorer's cursor and parameter bar", arguments: Language.allCases)
    func focus(_ language: Language) {
        var cursor = Self.explorer(width: 80, height: 24, language: language)
        for key: Key in [.tab, .down, .right, .character("p"), .right] { _ = update(&cursor, .key(key)) }
        Self.check(cursor, "explorer-cursor")
        var parameters = Self.explorer(width: 80, height: 24, language: language)
        for key: Key in [.character("e"), .down, .down, .down, .down, .down] { _ = update(&parameters, .key(key)) }
        Self.check(parameters, "explorer-parameters")
    }

    @Test("the gradient check of the cursor's dx cell, whole at 80x24 and 120x40", arguments: Language.allCases)
    func gradientCheck(_ language: Language) throws {
        let backward = try #require(Self.configs.first { $0.0 == "conv2d-backward" }).1
        for (width, height) in Self.sizes {
            var state = Self.explorer(backward, width: width, height: height, language: language)
            // Tab opens the cursor on x; five grids on is dx (x, w, dOut, db, dw, dx).
            for key: Key in [.tab] + Array(repeating: .character("n"), count: 5) + [.right, .character("d")] {
                _ = update(&state, .key(key))
            }
            guard case .explorer(let e) = state.screen else { throw Failure() }
            #expect(e.probe?.tensor == .dx)
            #expect(e.clipping(width: width, height: height, language.catalogue).isEmpty)
            Self.check(state, "explorer-gradient-check")
        }
    }

    @Test("the gradient check refused outside conv2d backward mode", arguments: Language.allCases)
    func gradientCheckRefused(_ language: Language) throws {
        for (width, height) in Self.sizes {
            var state = Self.explorer(width: width, height: height, language: language)
            for key: Key in [.tab, .character("d")] { _ = update(&state, .key(key)) }
            guard case .explorer(let e) = state.screen else { throw Failure() }
            #expect(e.clipping(width: width, height: height, language.catalogue).isEmpty)
            Self.check(state, "explorer-gradient-check-refused")
        }
    }

    struct Failure: Error {}

    @Test("padding_mode chosen in the bar: the reflect ring, and reflect refused past the input", arguments: Language.allCases)
    func paddingMode(_ language: Language) {
        // padding_mode is the tenth entry of the conv2d bar; → moves zeros to reflect.
        let keys: [Key] = [.character("e")] + Array(repeating: .down, count: 9) + [.right]
        for (width, height) in Self.sizes {
            var state = Self.explorer({ $0.padding = Pair(2, 2) }, width: width, height: height, language: language)
            for key in keys { _ = update(&state, .key(key)) }
            Self.check(state, "explorer-padding-mode")
        }
        var refused = Self.explorer({ $0.padding = Pair(5, 5) }, width: 80, height: 24, language: language)
        for key in keys { _ = update(&refused, .key(key)) }
        Self.check(refused, "explorer-padding-mode-refused")
    }

    @Test("an invalid configuration shows the reason instead of the grids", arguments: Language.allCases)
    func invalid(_ language: Language) {
        Self.check(Self.explorer({ $0.input = Pair(3, 3); $0.kernel = Pair(3, 3); $0.dilation = Pair(2, 2) }, width: 80, height: 24,
                                 language: language), "explorer-invalid")
    }

    @Test("help over the explorer, scrolled", arguments: Language.allCases)
    func help(_ language: Language) {
        var state = Self.explorer(width: 80, height: 24, language: language)
        _ = update(&state, .key(.character("?")))
        Self.check(state, "help")
        _ = update(&state, .key(.pageDown))
        Self.check(state, "help-page2")
    }

    @Test("the lesson list", arguments: Language.allCases)
    func lessons(_ language: Language) {
        var state = AppState(screen: .lessons(LessonListState()), width: 80, height: 24, language: language)
        state.catalogue = LessonCatalogue(lessons: [LessonFixtures.padding])
        Self.check(state, "lessons")
    }
}
