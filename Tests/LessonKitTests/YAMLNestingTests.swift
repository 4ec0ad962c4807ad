import LessonKit
import Testing

/// Collections nested 1,000 levels deep are refused as libyaml after 0.2.5 refuses them (the
/// system's libyaml 0.2.5 has no limit): the diagnostics were recorded from the parser when it
/// read YAML with that later libyaml, copied in Yams.
@Suite("YAML nesting limit")
struct YAMLNestingTests {
    typealias T = TestLessons

    @Test("the nesting limit is reported where libyaml reported it", arguments: [
        ("- " + String(repeating: "- ", count: 999) + "1",
         "l.md:11:1999: YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing)"),
        ("a:\n  b: " + String(repeating: "{a: ", count: 1000),
         "l.md:12:3994: YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing)"),
        ("x: " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000),
         "l.md:11:6: x: expected a number, got a list"),
    ])
    func limit(yaml: String, diagnostic: String) {
        #expect(T.bodyDiagnostics("## S\n\n```conv2d\n\(yaml)\n```\n") == [diagnostic])
    }
}
