import ConvCore
import TermCanvas
import Testing
import TestSupport
@testable import Tutor

/// Whole frames rendered as text at fixed sizes and compared with stored snapshots.
@Suite("Frame snapshots")
struct FrameSnapshotTests {
    static func explorer(_ configure: @Sendable (inout ExplorerConfig) -> Void = { _ in }, steps: Int = 0, width: Int, height: Int) -> AppState {
        var config = ExplorerConfig()
        configure(&config)
        var explorer = ExplorerState(config: config)
        explorer.step = steps
        return AppState(screen: .explorer(explorer), width: width, height: height)
    }

    static let sizes = [(80, 24), (120, 40)]

    @Test("home screen", arguments: sizes)
    func home(_ width: Int, _ height: Int) {
        let state = AppState(screen: .home(HomeState()), width: width, height: height)
        #expect(snapshotMismatch(view(state).text, named: "home-\(width)x\(height)") == nil)
    }

    @Test("too small a terminal")
    func tooSmall() {
        let state = AppState(screen: .home(HomeState()), width: 40, height: 10)
        #expect(snapshotMismatch(view(state).text, named: "too-small-40x10") == nil)
    }

    static let configs: [(String, @Sendable (inout ExplorerConfig) -> Void)] = [
        ("forward", { $0.stride = Pair(2); $0.padding = Pair(1) }),
        ("true-convolution", { $0.convention = .convolution }),
        ("multichannel", { $0.channels = 2; $0.filters = 2; $0.input = Pair(4, 4); $0.bias = true }),
        ("backward", { $0.mode = .backward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2) }),
        ("conv1d", { $0.mode = .conv1d; $0.input = Pair(1, 3); $0.kernel = Pair(1, 3) }),
        ("correlate1d-valid", { $0.mode = .correlate1d; $0.mode1D = .valid; $0.input = Pair(1, 6) }),
        ("maxpool", { $0.mode = .maxpool; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2); $0.values = .random(seed: 3) }),
        ("avgpool-backward", { $0.mode = .avgpoolBackward; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2) }),
        ("maxpool-backward", { $0.mode = .maxpoolBackward; $0.input = Pair(4, 4); $0.kernel = Pair(3, 3); $0.stride = Pair(1, 1); $0.padding = Pair(1, 1); $0.values = .random(seed: 5) }),
        ("backward-scatter", { $0.mode = .backward; $0.presentation = .scatter; $0.input = Pair(4, 4); $0.kernel = Pair(2, 2); $0.stride = Pair(2, 2) }),
        ("backward-as-convolution", { $0.mode = .backward; $0.presentation = .convolution; $0.input = Pair(5, 5); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1) }),
        ("transposed-scatter", { $0.mode = .transposed; $0.presentation = .scatter; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.bias = true }),
        ("transposed-as-convolution", { $0.mode = .transposed; $0.presentation = .convolution; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1); $0.outputPadding = Pair(1, 1) }),
        ("transposed", { $0.mode = .transposed; $0.input = Pair(2, 2); $0.kernel = Pair(3, 3); $0.stride = Pair(2, 2); $0.padding = Pair(1, 1); $0.outputPadding = Pair(1, 1) }),
    ]

    @Test("every explorer mode at 80x24 and 120x40", arguments: configs.indices)
    func modes(_ k: Int) {
        let (name, configure) = Self.configs[k]
        for (width, height) in Self.sizes {
            let state = Self.explorer(configure, steps: 4, width: width, height: height)
            #expect(snapshotMismatch(view(state).text, named: "explorer-\(name)-\(width)x\(height)") == nil)
        }
    }

    @Test("an invalid configuration shows the reason instead of the grids")
    func invalid() {
        let state = Self.explorer({ $0.input = Pair(3, 3); $0.kernel = Pair(3, 3); $0.dilation = Pair(2, 2) }, width: 80, height: 24)
        #expect(snapshotMismatch(view(state).text, named: "explorer-invalid-80x24") == nil)
    }

    @Test("help over the explorer")
    func help() {
        var state = Self.explorer(width: 80, height: 24)
        state.showingHelp = true
        #expect(snapshotMismatch(view(state).text, named: "help-80x24") == nil)
    }
}
