import ConvCore
import LessonKit

/// The checks of a lesson that need the compute core: every animation block must make a scene
/// the explorer can draw, exactly as the player will build it.
public enum LessonCheck {
    /// Diagnostics for animations whose parameters the compute core or the explorer refuses.
    public static func animations(of lesson: Lesson, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for animation in step.animations {
                let config = ExplorerConfig(animation: animation)
                if let problem = drawable(config) {
                    diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1, message: problem))
                    continue
                }
                do {
                    let scene = try Scene.build(config)
                    if let start = animation.startStep, !(1...max(1, scene.steps.count)).contains(start) {
                        diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1,
                            message: "start: step \(start) does not exist; this animation has \(scene.steps.count) steps"))
                    }
                } catch {
                    diagnostics.append(Diagnostic(file: file, line: animation.line, column: 1,
                                                  message: "\(animation.kind.rawValue): \(error.description)"))
                }
            }
        }
        return diagnostics
    }

    /// Why the explorer cannot draw `config`, if it cannot: sizes beyond its grids.
    public static func drawable(_ c: ExplorerConfig) -> String? {
        let extents = [c.input.h, c.input.w, c.kernel.h, c.kernel.w]
        if extents.contains(where: { $0 > ExplorerConfig.maxExtent }) || [c.channels, c.filters].contains(where: { $0 > ExplorerConfig.maxChannels }) {
            return "grid too large to display: the explorer draws at most \(ExplorerConfig.maxExtent)×\(ExplorerConfig.maxExtent) and \(ExplorerConfig.maxChannels) channels"
        }
        return nil
    }
}
