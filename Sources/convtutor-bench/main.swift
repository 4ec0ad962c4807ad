// Timings of the compute core's naive loops at the sizes the tutor and `compute --json` meet.
// Run with `make bench` (a release build); each line is the median of several runs.
// `convtutor-bench WORD` runs only the benchmarks whose name contains WORD.
import ConvCore
import Foundation
import LessonKit
import Scenes
import TermCanvas
import Tutor

/// The median wall time of `runs` calls of `body`, in seconds.
func median(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let elapsed = try ContinuousClock().measure(body)
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return times.sorted()[runs / 2]
}

/// The benchmarks asked for on the command line (all when none is named).
let filter = CommandLine.arguments.dropFirst().first

/// True when the benchmark called `name` should run.
func selected(_ name: String) -> Bool {
    filter.map { name.contains($0) } ?? true
}

/// Prints one result line: the name, the time, and the multiply-add rate.
func report(_ name: String, multiplyAdds: Int, _ measure: () throws -> Double) rethrows {
    guard selected(name) else { return }
    let seconds = try measure()
    let ms = (seconds * 1e3 * 100).rounded() / 100
    let rate = (Double(multiplyAdds) / seconds / 1e6).rounded()
    print("\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(ms) ms   \(Int(rate)) M multiply-adds/s")
}

/// A tensor of seeded values in [-1, 1].
@MainActor func tensor(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in Double(random.next() % 2001) / 1000 - 1 })
}

var random = SeededRandom(seed: 42)

// A typical small CNN layer: 16→16 channels, 32×32, 3×3, padding 1.
let x = tensor([1, 16, 32, 32]), w = tensor([16, 16, 3, 3]), b = tensor([16])
let conv = try Conv2D(x: x, w: w, b: b, options: Conv2DOptions(padding: Pair(1)))
let macs = conv.geometry.outShape.reduce(1, *) * 16 * 9
report("conv2d forward (1,16,32,32) * (16,16,3,3) p1", multiplyAdds: macs) { median { _ = conv.forward() } }
let dOut = tensor(conv.geometry.outShape)
try report("conv2d backward dx, dw, db (same layer)", multiplyAdds: 2 * macs) { try median { _ = try conv.backward(dOut) } }

// Strided, dilated, grouped.
let strided = try Conv2D(x: tensor([2, 8, 48, 48]), w: tensor([8, 2, 5, 5]),
                         options: Conv2DOptions(stride: Pair(2), padding: Pair(2), dilation: Pair(2), groups: 4))
let stridedMacs = strided.geometry.outShape.reduce(1, *) * 2 * 25
report("conv2d forward (2,8,48,48) 5x5 s2 d2 g4", multiplyAdds: stridedMacs) { median { _ = strided.forward() } }

// The transposed convolution that undoes a stride-2 layer.
let up = try ConvTranspose2D(x: tensor([1, 16, 16, 16]), w: tensor([16, 8, 4, 4]),
                             options: Conv2DOptions(stride: Pair(2), padding: Pair(1)))
let upMacs = 16 * 16 * 16 * 8 * 16
report("conv_transpose2d (1,16,16,16) 4x4 s2 p1", multiplyAdds: upMacs) { median { _ = up.forward() } }

// Pooling over a larger map.
let pool = try Pool2D(.max, x: tensor([1, 16, 64, 64]), kernel: Pair(3), stride: Pair(2), padding: Pair(1))
let poolDOut = tensor(pool.outShape)
let reads = pool.outShape.reduce(1, *) * 9
report("maxpool2d forward (1,16,64,64) 3x3 s2 p1", multiplyAdds: reads) { median { _ = pool.forward() } }
try report("maxpool2d backward (same)", multiplyAdds: reads) { try median { _ = try pool.backward(poolDOut) } }

// One trace, as the explorer asks for on every step.
try report("conv2d trace of one cell (same layer)", multiplyAdds: 16 * 9) { try median { _ = try conv.traceOutput([0, 3, 10, 10]) } }

// MARK: - The tutor's frames

/// One explorer step as the run loop does it: update on a key, draw the frame, diff it.
@MainActor func frameBuild(_ config: ExplorerConfig, width: Int, height: Int) -> Double {
    var state = AppState(screen: .explorer(ExplorerState(config: config)), width: width, height: height, language: .en)
    var previous = view(state)
    return median(runs: 51) {
        _ = update(&state, .key(.right))
        let frame = view(state)
        _ = BufferDiff.changes(from: previous, to: frame)
        previous = frame
    }
}

var busy = ExplorerConfig()
busy.input = Pair(12, 12)
busy.channels = 2
busy.filters = 2
busy.padding = Pair(1)
let frameName = "explorer frame: update + view + diff at 120x40 (12x12, 2→2 channels)"
if selected(frameName) {
    let frameSeconds = frameBuild(busy, width: 120, height: 40)
    print("\(frameName)   \((frameSeconds * 1e6).rounded() / 1e3) ms   (target ≤ 1 ms)")
}

// MARK: - Lessons

/// Every lesson file under the repository's `Lessons/` folder (found from this source file).
func lessonFiles() -> [URL] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons").standardized
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = walker?.nextObject() as? URL {
        if url.pathExtension == "md" && url.lastPathComponent != "README.md" { files.append(url) }
    }
    return files
}

let parseName = "lessons: parse every lesson file under Lessons/"
if selected(parseName) {
    let texts = lessonFiles().compactMap { url in (try? String(contentsOf: url, encoding: .utf8)).map { (url.path, $0) } }
    let seconds = median { for (file, text) in texts { _ = LessonParser.parse(text, file: file) } }
    print("\(parseName) (\(texts.count) files), one core   \((seconds * 1e5).rounded() / 100) ms   (target ≤ 20 ms)")
    // As `convtutor` loads its catalogue: every file parsed at once on the machine's cores.
    let files = texts.map { (data: Data($0.1.utf8), file: $0.0) }
    let parallel = median { _ = LessonParser.parseAll(files) }
    print("\(parseName) (\(texts.count) files), on every core   \((parallel * 1e5).rounded() / 100) ms   (target ≤ 20 ms)")
    // What starting convtutor costs: the catalogue is one language's lessons.
    let english = files.filter { $0.file.contains("/Lessons/en/") }
    let catalogue = median { _ = LessonParser.parseAll(english) }
    print("lessons: the catalogue as convtutor loads it (Lessons/en, \(english.count) files, every core)   \((catalogue * 1e5).rounded() / 100) ms")
}

let checkName = "lessons: check 1,000 generated lessons (parse + every animation through the compute core)"
if selected(checkName) {
    // Varied lessons: three steps, a conv2d animation whose sizes change with k, a quiz.
    let lessons = (0..<1000).map { k in
        """
        ---
        id: generated-\(k)
        title: Generated lesson \(k)
        lang: en
        order: \(k)
        summary: A lesson made for the benchmark.
        ---

        ## One

        Text with `code`, **bold** and $`\\sum_i x_i w_i`$, number \(k).

        ## Two

        ```conv2d
        input: \(4 + k % 6)
        kernel: \(2 + k % 3)
        stride: \(1 + k % 2)
        padding: \(k % 2)
        ```

        ## Three

        ```quiz
        id: q-\(k)
        kind: single
        prompt: Pick one.
        choices: ["a", "b"]
        answer: "a"
        explanation: Because.
        ```
        """
    }
    let seconds = median(runs: 3) {
        for (k, text) in lessons.enumerated() {
            let file = "generated-\(k).md"
            if let lesson = LessonParser.parse(text, file: file).lesson { _ = LessonCheck.animations(of: lesson, file: file) }
        }
    }
    print("\(checkName)   \((seconds * 1e3).rounded() / 1e3) s   (target ≤ 5 s)")
}
