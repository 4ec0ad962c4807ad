import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// Every generated problem's computation replays on the explorer at 80×24 without losing a grid
/// or cutting a line, opening on the very cell asked for.
@Suite("Generated problems replay")
struct GeneratedReplayTests {
    @Test("each family's animation fits 80×24 at every step in both languages, and opens on the asked cell",
          arguments: ProblemFamily.allCases)
    func replay(_ family: ProblemFamily) throws {
        for seed in UInt64(0)..<30 {
            let language: Language = seed % 2 == 0 ? .en : .zh
            let q = ProblemGenerator.question(family, seed: seed, language: language)
            guard let animation = q.animation else { continue }
            let config = ExplorerConfig(animation: animation)
            let scene = try Scene.build(config)
            var explorer = ExplorerState(config: config)
            for step in scene.steps.indices {
                explorer.step = step
                let clipping = explorer.clipping(width: 80, height: 23, language.catalogue)
                #expect(clipping.isEmpty, "\(family) seed \(seed) step \(step + 1): \(clipping)")
            }
            let opening = try #require(q.animationStep)
            #expect(scene.steps.indices.contains(opening - 1), "\(family) seed \(seed)")
        }
    }
}
