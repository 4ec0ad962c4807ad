import ConvCore
import LessonKit
import Localization
import QuizKit
import Scenes
import TermCanvas
import Testing
@testable import Tutor

/// What the player would cut at 80×24 is found by `check`: wide code, math and listings, wide
/// tables, long step titles, and animations whose grids or arithmetic do not fit.
@Suite("Lesson layout at 80×24")
struct LessonLayoutTests {
    static func lesson(_ body: String, title: String = "T") throws -> Lesson {
        let text = "---\nid: t\ntitle: \(title)\nlang: en\norder: 1\nsummary: S.\n---\n" + body
        let result = LessonParser.parse(text, file: "t.md")
        #expect(result.diagnostics == [])
        return try #require(result.lesson)
    }

    static func problems(_ body: String, title: String = "T") throws -> [String] {
        LessonCheck.layout(of: try lesson(body, title: title), file: "t.md").map(\.description)
    }

    @Test("a code line of 72 columns fits, 73 does not")
    func code() throws {
        let fits = String(repeating: "a", count: 72)
        #expect(try Self.problems("## S\n\n```python\n\(fits)\n```\n") == [])
        #expect(try Self.problems("## S\n\n```python\n\(fits)b\n```\n")
            == ["t.md:8:1: too wide for an 80×24 terminal, code line of 73 columns (at most 72): '\(String(repeating: "a", count: 39))…'"])
        // Inside a list item the room is smaller by the marker.
        #expect(try Self.problems("## S\n\n- item\n\n  ```python\n  \(String(repeating: "a", count: 71))\n  ```\n").count == 1)
    }

    @Test("a question's listing has 70 columns; a table must fit in 76")
    func listingAndTable() throws {
        let listing = String(repeating: "x", count: 71)
        #expect(try Self.problems("## S\n\n```quiz\nid: q\nkind: spot-the-mistake\nprompt: Which?\ncode: |\n  a = 1\n  \(listing)\nanswer: a = 1\n```\n")
            == ["t.md:10:1: too wide for an 80×24 terminal, question 'q': listing line of 71 columns (at most 70): '\(String(repeating: "x", count: 39))…'"])
        let wide = String(repeating: "w", count: 40)
        #expect(try Self.problems("## S\n\n| a | b |\n|---|---|\n| \(wide) | \(wide) |\n").count == 1)
        #expect(try Self.problems("## S\n\n| a | b |\n|---|---|\n| \(String(repeating: "w", count: 33)) | \(wide) |\n") == [])
    }

    @Test("CJK counts two columns")
    func wide() throws {
        #expect(try Self.problems("## S\n\n```text\n\(String(repeating: "卷", count: 36))\n```\n") == [])
        #expect(try Self.problems("## S\n\n```text\n\(String(repeating: "卷", count: 37))\n```\n").count == 1)
    }

    @Test("the header falls back to the step title; a step title too long even alone is reported")
    func header() throws {
        let long = try Self.lesson("## \(String(repeating: "s", count: 40))\n\nText.\n", title: String(repeating: "t", count: 40))
        let player = PlayerState(lesson: long)
        let t = Language.en.catalogue
        #expect(player.header(width: 80, t) == String(repeating: "s", count: 40))
        #expect(PlayerState(lesson: try Self.lesson("## Step\n\nText.\n", title: "Lesson")).header(width: 80, t) == "Lesson · Step")
        #expect(try Self.problems("## \(String(repeating: "s", count: 70))\n\nText.\n")
            == ["t.md:8:1: step title too long for an 80×24 terminal (70 columns, at most 68)"])
    }

    @Test("an animation whose grids do not fit is reported, one that fits is not")
    func animations() throws {
        #expect(try Self.problems("## S\n\n```conv2d\ninput: 5\n```\n") == [])
        let big = try Self.problems("## S\n\n```conv2d\ninput: 12\nkernel: 3\nchannels: 4\nfilters: 2\n```\n")
        #expect(big.contains { $0.hasPrefix("t.md:10:1: conv2d: at 80×24 ") && $0.contains("not fit") })
    }

    @Test("the explorer measures what it cuts and drops")
    func clipping() {
        var config = ExplorerConfig()
        config.input = Pair(12, 12)
        config.channels = 4
        let explorer = ExplorerState(config: config)
        #expect(!explorer.clipping(width: 80, height: 23, Language.en.catalogue).isEmpty)
        #expect(ExplorerState(config: ExplorerConfig()).clipping(width: 80, height: 23, Language.en.catalogue).isEmpty)
    }
}

/// The explorer at its default sizes shows every grid at 80×24 (and in the player's 80×23), in
/// every mode and view, at every step: the grid a mode computes is never the one left out.
@Suite("Explorer layout at default sizes")
struct ExplorerDefaultLayoutTests {
    @Test("every mode and view at its defaults fits 80×24 and 80×23 whole", arguments: ConvOperation.animated, Presentation.allCases)
    func defaults(_ mode: ConvOperation, _ view: Presentation) throws {
        var config = ExplorerConfig()
        config.mode = mode
        config.presentation = view
        if mode.isPooling { config.stride = config.kernel }
        for language in Language.allCases {
            var explorer = ExplorerState(config: config)
            for step in explorer.scene.steps.indices {
                explorer.step = step
                for height in [24, 23] {
                    #expect(explorer.clipping(width: 80, height: height, language.catalogue).hiddenGrids == 0,
                            "\(mode) \(view) \(language) step \(step + 1) at 80×\(height)")
                }
            }
        }
    }

    @Test("when grids must give way, the given ones do: dx stays")
    func resultsStay() {
        var config = ExplorerConfig()
        config.mode = .conv2dBackward
        config.input = Pair(8, 8)
        config.kernel = Pair(3, 3)
        let explorer = ExplorerState(config: config)
        var buffer = CellBuffer(width: 80, height: 24)
        explorer.draw(into: &buffer, Language.en.catalogue, tinted: false)
        #expect(buffer.text.contains("dx[0,0]"))
        #expect(buffer.text.contains("dw[0,0]"))
    }
}
