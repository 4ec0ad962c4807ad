import QuizKit
import Scenes

extension Question {
    /// The computation behind the answer as the explorer plays it: its configuration, and the
    /// step (1-based) that computes the asked cell, if one does.
    ///
    /// A generated problem names its step; a lesson question's computation finds the step of its
    /// cell in the cell-by-cell view.
    var replay: (config: ExplorerConfig, step: Int?)? {
        guard let animation else { return nil }
        var config = ExplorerConfig(animation: animation)
        let step = animationStep ?? computation?.animationStep()
        if animationStep == nil, step != nil { config.presentation = .cells }
        return (config, step)
    }
}
