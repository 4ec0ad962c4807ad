import ConvCore
import Localization
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// The conv2d parameter bar's `padding_mode`: zeros → reflect → replicate → circular, cycled.
extension UpdateTests {
    /// The bar open on `padding_mode`, the tenth entry (after padding h and padding w).
    func paddingModeSelected(_ configure: (inout ExplorerConfig) -> Void) throws -> AppState {
        var state = explorerState(configure)
        send(&state, .character("e"))
        for _ in 0..<9 { send(&state, .down) }
        #expect(try explorer(state).config.parameters[try explorer(state).parameter] == .paddingMode)
        return state
    }

    @Test("padding_mode cycles zeros, reflect, replicate, circular both ways, and the ring follows")
    func paddingModeCycles() throws {
        var state = try paddingModeSelected { $0.padding = Pair(1, 1) }
        var seen: [PaddingMode] = []
        for _ in 0..<4 {
            seen.append(try explorer(state).config.paddingMode)
            send(&state, .right)
        }
        #expect(seen == [.zeros, .reflect, .replicate, .circular])
        #expect(try explorer(state).config.paddingMode == .zeros)
        send(&state, .left)
        #expect(try explorer(state).config.paddingMode == .circular)
        // Circular padding of the 5×5 ramp: the ring's top-left corner is x[4,4] = 25, the
        // cell above x[0,0] is x[4,0] = 21 (torch.nn.functional.pad(x, (1,1,1,1), mode="circular")).
        let e = try explorer(state)
        #expect(e.error == nil)
        let ring = try #require(e.scene.panels.first(where: { $0.tensor == .x })?.ring)
        #expect(ring[[0, 0]] == 25 && ring[[0, 1]] == 21)
        #expect(view(state).lines[2].hasPrefix(" padding_mode [circular]"))
    }

    @Test("reflect padding as deep as the input is refused as other invalid settings are; u undoes it")
    func paddingModeRefused() throws {
        var state = try paddingModeSelected { $0.padding = Pair(5, 5) }
        send(&state, .right)
        var e = try explorer(state)
        #expect(e.config.paddingMode == .reflect)
        #expect(e.error == .paddingTooDeep(field: "padding", mode: .reflect, axis: .height, padding: 5, input: 5))
        #expect(e.lastValid.paddingMode == .zeros)
        let reason = Language.en.catalogue.error(try #require(e.error))
        #expect(view(state).text.contains(String(reason.prefix(30))))
        send(&state, .character("u"))
        e = try explorer(state)
        #expect(e.error == nil && e.config.paddingMode == .zeros)
    }
}
