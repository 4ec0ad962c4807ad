import ConvCore
import Localization
import Scenes

extension Catalogue {
    /// A step's arithmetic on one line: a cell's equation, or a scatter's contributions.
    func equation(of step: SceneStep) -> String {
        switch step {
        case .cell(let trace): equation(trace)
        case .scatter(let s, let target): scatter(s, into: target)
        }
    }

    /// For a convolution output over several input channels: step `k`'s cell as the sum of one
    /// part per channel, plus the bias — `per channel: x[0,0] → 3120 + x[0,1] → 4614 + b 2 = 7736`;
    /// `nil` for a scene or step without channel parts. The explorer shows it under the
    /// arithmetic, and the plain replay under each frame.
    func channelLine(of scene: Scene, step k: Int) -> String? {
        guard scene.channelParts.indices.contains(k), let trace = scene.steps[k].trace else { return nil }
        let parts = scene.channelParts[k].map { "\(Text.cell(.x, $0.plane)) → \(Text.number($0.sum))" }
            + (trace.bias.map { ["b \(Text.number($0.value))"] } ?? [])
        return explorer(.perChannel(parts: parts, total: Text.number(trace.value)))
    }
}
