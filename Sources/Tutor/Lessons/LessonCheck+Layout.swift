import LessonKit
import Localization
import Scenes
import TermCanvas

extension LessonCheck {
    /// Diagnostics for text the player would cut or leave out at `width`×`height`: step titles,
    /// code and math lines, question listings and tables wider than the page (prose wraps and
    /// long pages scroll, so they never are), and animations whose grids or arithmetic do not fit.
    ///
    /// Code lines carry no source line, so their problems are reported at the step's heading with
    /// the line quoted.
    public static func layout(of lesson: Lesson, file: String, width: Int = 80, height: Int = 24) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let size = "\(width)×\(height)"
        // "an 80×24", "a 100×30": the article goes by how the number is said.
        let terminal = (["8", "11", "18"].contains { size.hasPrefix($0) } ? "an " : "a ") + size + " terminal"
        // The lesson plays in its own language: the header and the explorer's words are its.
        let t = (Language(code: lesson.meta.lang) ?? .en).catalogue
        for (k, step) in lesson.steps.enumerated() {
            func report(_ line: Int, _ message: String) {
                diagnostics.append(Diagnostic(file: file, line: line, column: 1, message: message))
            }
            let player = PlayerState(lesson: lesson, step: k)
            if TextWidth.columns(step.title) > player.headerWidth(width, t) {
                report(step.line, "step title too long for \(terminal) (\(TextWidth.columns(step.title)) columns, at most \(player.headerWidth(width, t)))")
            }
            // The page's text width, as the player wraps it.
            for problem in overflow(step.blocks, width: PlayerState.textWidth(Viewport(width: width, height: height)), t) {
                report(problem.line ?? step.line, "too wide for \(terminal), \(problem.what)")
            }
            for animation in step.animations {
                let config = ExplorerConfig(animation: animation)
                guard drawable(config) == nil, let scene = try? Scene.build(config) else { continue }
                var explorer = ExplorerState(config: config)
                var clipping = ExplorerState.Clipping()
                // The explorer draws below the player's header line.
                for s in 0..<max(1, scene.steps.count) {
                    explorer.step = s
                    let c = explorer.clipping(width: width, height: height - 1, t)
                    clipping.hiddenGrids = max(clipping.hiddenGrids, c.hiddenGrids)
                    clipping.cutLines += c.cutLines.filter { !clipping.cutLines.contains($0) }
                    clipping.droppedLines += c.droppedLines.filter { !clipping.droppedLines.contains($0) }
                }
                if clipping.hiddenGrids > 0 {
                    report(animation.line, "\(animation.kind.rawValue): at \(size) \(clipping.hiddenGrids) grid\(clipping.hiddenGrids == 1 ? " does" : "s do") not fit; use smaller sizes or fewer channels")
                }
                if let first = clipping.cutLines.first {
                    report(animation.line, "\(animation.kind.rawValue): at \(size) \(clipping.cutLines.count) line\(clipping.cutLines.count == 1 ? " is" : "s are") cut, e.g. '\(TextLayout.truncate(first, width: 60))'")
                }
                if let first = clipping.droppedLines.first {
                    report(animation.line, "\(animation.kind.rawValue): at \(size) \(clipping.droppedLines.count) line\(clipping.droppedLines.count == 1 ? " does" : "s do") not fit below the grids, e.g. '\(TextLayout.truncate(first, width: 60))'")
                }
            }
        }
        // An exercise's solution is shown as code on its page.
        if let exercise = lesson.exercise {
            for problem in overflow([.code(language: "python", text: exercise.solution)], width: ExerciseState.textWidth(Viewport(width: width, height: height)), t) {
                diagnostics.append(Diagnostic(file: file, line: exercise.spec.line, column: 1, message: "too wide for \(terminal), solution \(problem.what)"))
            }
        }
        return diagnostics
    }

    /// Lines of `blocks` that `LessonText` would cut at `width` (what is not wrapped: code, math,
    /// question listings and tables), with their source line where the block has one.
    static func overflow(_ blocks: [Block], width: Int, _ t: any Catalogue) -> [(line: Int?, what: String)] {
        var problems: [(line: Int?, what: String)] = []
        func tooWide(_ lines: [String], room: Int, _ what: String, line: Int? = nil) {
            for text in lines where TextWidth.columns(text) > room {
                problems.append((line, "\(what) line of \(TextWidth.columns(text)) columns (at most \(room)): '\(TextLayout.truncate(text, width: 40))'"))
            }
        }
        for block in blocks {
            switch block {
            case .code(_, let text):
                tooWide(text.split(separator: "\n").map(String.init), room: width - 4, "code")
            case .math(let text):
                tooWide(text.split(separator: "\n").map(String.init), room: width - 4, "math")
            case .quiz(let q):
                tooWide(q.code?.split(separator: "\n").map(String.init) ?? [], room: width - 6, "question '\(q.id)': listing", line: q.line)
            case .table(let table):
                let cells = [table.header] + table.rows
                let columns = cells.map(\.count).max() ?? 0
                let natural = (0..<columns).map { c in
                    cells.map { c < $0.count ? TextWidth.columns(LessonText.plainText($0[c], t)) : 0 }.max() ?? 0
                }.reduce(0, +) + 3 * max(0, columns - 1)
                if natural > width {
                    problems.append((nil, "a table of \(natural) columns (at most \(width)), headed '\(table.header.map { LessonText.plainText($0, t) }.joined(separator: " | "))'"))
                }
            case .list(let ordered, let start, let items):
                for (k, item) in items.enumerated() {
                    let marker = ordered ? "\(start + k). " : "• "
                    problems += overflow(item, width: width - TextWidth.columns(marker), t)
                }
            case .quote(let inner):
                problems += overflow(inner, width: width - 2, t)
            case .heading, .paragraph, .animation, .compute, .thematicBreak:
                break
            }
        }
        return problems
    }
}
