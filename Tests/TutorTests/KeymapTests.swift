import Foundation
import Localization
import TermCanvas
import Testing
import TestSupport
@testable import Tutor

/// The one keymap: no key does two things in one place, every hint and help line comes from it,
/// and the README's key tables are made from it.
@Suite("Keymap")
struct KeymapTests {
    static let contexts: [KeyContext] = [
        .home, .lessonList, .lesson(animations: 0, questions: false), .lesson(animations: 3, questions: true),
        .explorerSteps, .explorerCursor, .explorerParameters, .explorerValue,
        .quizChoice(count: 4), .quizChoice(count: 11), .quizChoice(count: 20), .quizChoices(count: 5), .quizNumber, .quizOpen,
        .quizCells, .quizGrade, .quizAnswered(replay: true), .quizAnswered(replay: false), .quizSummary, .stats,
    ]

    @Test("in every context a key is bound once", arguments: contexts)
    func unique(_ context: KeyContext) {
        var seen: [Key: Action] = [:]
        for row in Keymap.rows(context) {
            for (key, action) in row.bindings {
                #expect(seen[key] == nil || seen[key] == action, "\(context): \(key) is \(String(describing: seen[key])) and \(action)")
                seen[key] = action
            }
        }
    }

    @Test("a listing of eleven lines is answered with letters only, so that 1 does not answer before 10 or 11")
    func manyChoices() {
        #expect(Keymap.action(for: .character("1"), in: .quizChoice(count: 11)) == nil)
        #expect(Keymap.action(for: .character("k"), in: .quizChoice(count: 11)) == .choose(10))
        #expect(Keymap.action(for: .character("1"), in: .quizChoice(count: 4)) == .choose(0))
        // With 17 choices or more, q is a choice, and Esc alone finishes.
        #expect(Keymap.action(for: .character("q"), in: .quizChoice(count: 20)) == .choose(16))
        #expect(Keymap.action(for: .escape, in: .quizChoice(count: 20)) == .finish)
    }

    @Test("hints come from the rows, in the session's language")
    func hints() {
        #expect(Keymap.hints(.explorerSteps, Language.en.catalogue).prefix(3) == ["←/→ step", "space play", "+/- speed"])
        #expect(Keymap.hints(.explorerSteps, Language.zh.catalogue).prefix(3) == ["←/→ 单步", "空格 播放", "+/- 速度"])
        #expect(Keymap.hints(.home, Language.en.catalogue).last == "q/Esc quit")
        #expect(Keymap.hints(.lessonList, Language.en.catalogue).last == "q/Esc back")
    }

    /// The README's key tables, between the markers, are the keymap's: re-recorded on purpose
    /// with `SNAPSHOT_RECORD=1`.
    @Test("the README's key tables are the keymap's")
    func readme() throws {
        let url = packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let (begin, end) = ("<!-- keymap:begin -->\n", "\n<!-- keymap:end -->")
        let start = try #require(readme.range(of: begin), "README.md has no \(begin)")
        let stop = try #require(readme.range(of: end), "README.md has no \(end)")
        let tables = keymapMarkdown(Language.en.catalogue)
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try (readme[..<start.upperBound] + tables + readme[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == tables, "README.md's key tables differ from the keymap (SNAPSHOT_RECORD=1 rewrites them)")
    }
}
