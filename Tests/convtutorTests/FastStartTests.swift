import Foundation
import Testing
import Scenes
import Tutor
@testable import convtutor

/// The starts that skip argument parsing (a bare `convtutor`, `convtutor explore`) open exactly
/// what parsing no options opens.
@Suite struct FastStartTests {
    @Test func bareConvtutorStartsAsTheParsedDefaults() throws {
        let parsed = TutorStart(lessons: try LessonOptions.parse([]), data: try DataOptions.parse([]),
                                practice: try PracticeOptions.parse([]), screen: try ScreenOptions.parse([]))
        #expect(TutorStart.defaults(environment: ProcessInfo.processInfo.environment) == parsed)
    }

    @Test func bareExploreShowsTheParsedDefaults() throws {
        let explore = try #require(try Convtutor.parseAsRoot(["explore"]) as? Explore)
        #expect(explore.config() == ExplorerConfig())
        #expect(explore.screen.settings == ScreenSettings())
    }
}
