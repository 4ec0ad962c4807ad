import LessonKit
import Foundation
import Testing

let front = "---\nid: demo\ntitle: Demo\nlang: en\norder: 1\nsummary: A demo.\n---\n"
func show(_ name: String, _ text: String) {
    let (lesson, diags) = LessonParser.parse(text, file: "l.md")
    print("== \(name) lesson=\(lesson != nil)")
    for d in diags { print("   \(d)") }
}

@Test func scratch() {
    show("yaml error fm", "---\nid: demo\ntitle: [oops\nlang: en\n---\n## S\n")
    show("fm list", "---\n- a\n---\n## S\n")
    show("fm empty", "---\n---\n## S\n")
    show("fm bad", "---\nid: Demo One\ntitle: \"\"\nlang: fr\norder: first\nsummary: [a]\nrequires: [demo, Bad]\nauthor: me\nsumary: x\n---\n## S\n")
    show("fm dup", "---\nid: a\nid: b\ntitle: T\nlang: en\norder: 1\nsummary: s\n---\n## S\n")
    show("fm tab", "---\nid: a\n\ttitle: T\n---\n## S\n")
    show("anim", front + "## S\n\n```conv2d\ninput: [4, 5, 6]\nkernel: 13\nstride: 0\npadding: -1\ndilation: 2.5\nchannels: 5\nfilters: 0\ngroups: 9\nbias: maybe\nconvention: flipped\nmode: same\nview: grid\nvalues: zeros\nseed: -3\nstart: 0\nstrides: 2\na: [1, 2]\nx: [[1, 2], [3]]\nw: [[1, a]]\nb: [[1]]\ndout: 7\n```\n")
    show("anim1d", front + "## S\n\n```conv1d\ninput: [3, 4]\nx: [1]\na: [[1, 2]]\nv: []\nmode: middle\n```\n")
    show("anim yaml err", front + "## S\n\n- item\n  ```conv2d\n  input: [4\n  ```\n")
    show("anim not map", front + "## S\n\n```conv2d\n- 1\n```\n")
    show("anim anchors", front + "## S\n\n```conv2d\ninput: &a 3\nkernel: *a\n```\n")
    show("anim many", front + "## S\n\n```conv2d\nx: [" + Array(repeating: "1", count: 401).joined(separator: ",") + "]\nw: [" + Array(repeating: "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]", count: 21).joined(separator: ",") + "]\n```\n")
    show("quiz", front + "## S\n\n```quiz\nfoo: 1\n```\n\n```quiz\nid: Q1\nkind: pick\nprompt: \"\"\nanswer: x\n```\n")
    show("quiz single", front + "## S\n\n```quiz\nid: q1\nkind: single\nprompt: P\nanswer: c\nchoices: [a, b, a, \"\"]\ntolerance: 1\ncode: x\n```\n\n```quiz\nid: q1\nkind: single\nprompt: P\nchoices: [a]\nanswer: [a, b]\n```\n")
    show("quiz multi", front + "## S\n\n```quiz\nid: q2\nkind: multiple\nprompt: P\nchoices: [a, b]\nanswer: []\n```\n\n```quiz\nid: q3\nkind: multiple\nprompt: P\nchoices: [a, b]\nanswer: [a, c]\n```\n\n```quiz\nid: q4\nkind: single\nprompt: P\nanswer: a\n```\n")
    show("quiz numeric", front + "## S\n\n```quiz\nid: q5\nkind: numeric\nprompt: P\nanswer: ten\ntolerance: -1\nchoices: [1]\n```\n\n```quiz\nid: q6\nkind: open\nprompt: P\n```\n\n```quiz\nid: q7\nkind: spot-the-mistake\nprompt: P\ncode: |\n  a = 1\n\n  b = 2\nanswer: c = 3\n```\n\n```quiz\nid: q8\nkind: spot-the-mistake\nprompt: P\nanswer: b\n```\n")
    show("steps", "---\nid: demo\ntitle: Demo\nlang: en\norder: 1\nsummary: A demo.\n---\n# Title\n\nIntro text.\n\n## \n\n# Another\n")
    show("no steps", front + "# Title only\n")
    show("deep", front + "## S\n\n" + String(repeating: ">", count: 10000) + " x\n")
    show("pipes", front + "## S\n\n" + String(repeating: "|x", count: 200) + "\n")
    show("long para", front + "## S\n\n" + String(repeating: "xxxxxxxxxx\n", count: 60000) + "|-|\n")
    show("nul", front + "## S\n\nab\u{0}c\n")
    show("empty", "  \n\n")
    show("missing fm", "## S\n\ntext\n")
    show("unclosed", "---\nid: x\n## S\n")
    show("big", String(repeating: "a", count: 2_000_000))
    show("data", "")
    let (_, d) = LessonParser.parse(data: Data([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), file: "b.md"); print(d)
}
