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
}
