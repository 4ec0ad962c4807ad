import ConvCore
import Foundation
import Localization
import Testing
@testable import QuizKit

/// The pooling-option families, over the generator tests' seeds: `ceil_mode` sizes against the
/// windows placed one by one under PyTorch's rule, adaptive bounds against the real quotients.
@Suite("Generated pooling-option problems")
struct PoolOptionGeneratorTests {
    typealias G = GeneratorTests

    /// The windows a pooling layer places along an axis, one by one: with `ceil_mode` a next
    /// window is placed while the previous one has not reached the padded input's last cell, but
    /// never one starting in the right padding; without it only windows inside the padded input.
    static func windowsPlaced(input: Int, kernel: Int, stride: Int, padding: Int, ceilMode: Bool) -> Int {
        let last = input + 2 * padding - 1
        var count = 0
        while true {
            let start = count * stride
            if ceilMode {
                let previousEnd = (count - 1) * stride + kernel - 1
                guard count == 0 || previousEnd < last, start - padding < input else { return count }
            } else {
                guard start + kernel - 1 <= last else { return count }
            }
            count += 1
        }
    }

    @Test("ceil-mode-size: the windows placed one by one; a third of the layers lose a window to the drop rule")
    func ceilModeSize() throws {
        var (ceil, floor, dropped) = (0, 0, 0)
        for (seed, p, q) in G.problems(.ceilModeSize) {
            guard case .ceilModeSize(_, let input, let kernel, let stride, let padding, let ceilMode) = p.setup else {
                Issue.record("seed \(seed): setup \(p.setup)")
                continue
            }
            let placed = Self.windowsPlaced(input: input, kernel: kernel, stride: stride, padding: padding, ceilMode: ceilMode)
            #expect(G.number(q) == Double(placed), "seed \(seed)")
            #expect(q.prompt.contains("ceil_mode=\(ceilMode ? "True" : "False")"), "seed \(seed)")
            // Rounding up without the drop rule places one window more.
            let rounded = Int((Double(input + 2 * padding - kernel) / Double(stride)).rounded(.up)) + 1
            if ceilMode && rounded == placed + 1 {
                dropped += 1
                #expect(q.explanation.contains("drops it"), "seed \(seed)")
            }
            if ceilMode { ceil += 1 } else { floor += 1 }
        }
        #expect(ceil > 250 && floor > 80 && dropped > 120)
    }

    @Test("ceil-mode-size: the dropped window of H 3, K 2, S 2, P 1 (PyTorch gives 2, not 3)")
    func dropRuleByHand() {
        #expect(Self.windowsPlaced(input: 3, kernel: 2, stride: 2, padding: 1, ceilMode: true) == 2)
        #expect((try? OutputSize.pooling(input: 3, kernel: 2, stride: 2, padding: 1, ceilMode: true)) == 2)
        // GoogLeNet's MaxPool2d(3, 2, ceil_mode=True): 112 → 56, floor 55.
        #expect(Self.windowsPlaced(input: 112, kernel: 3, stride: 2, padding: 0, ceilMode: true) == 56)
        #expect(Self.windowsPlaced(input: 112, kernel: 3, stride: 2, padding: 0, ceilMode: false) == 55)
    }

    @Test("adaptive-bounds: ⌊i·H/O⌋ or ⌈(i+1)·H/O⌉ from the real quotient; the windows cover every row")
    func adaptiveBounds() throws {
        var (ends, grown) = (0, 0)
        for (seed, p, q) in G.problems(.adaptiveBounds) {
            guard case .adaptiveBounds(_, let input, let output, let i, let end) = p.setup else {
                Issue.record("seed \(seed): setup \(p.setup)")
                continue
            }
            let (h, o) = (Double(input), Double(output))
            let expected = end ? (Double(i + 1) * h / o).rounded(.up) : (Double(i) * h / o).rounded(.down)
            #expect(G.number(q) == expected, "seed \(seed)")
            let starts = (0..<output).map { Int((Double($0) * h / o).rounded(.down)) }
            let stops = (0..<output).map { Int((Double($0 + 1) * h / o).rounded(.up)) }
            #expect(starts[0] == 0 && stops[output - 1] == input, "seed \(seed)")
            #expect(zip(stops, starts.dropFirst()).allSatisfy { $0 >= $1 }, "seed \(seed): a row left out")
            #expect(q.prompt.contains("row \(i)") && q.prompt.contains("height \(input)"), "seed \(seed)")
            if end { ends += 1 }
            if output > input { grown += 1 }
        }
        #expect(ends > 200 && grown > 40)
    }
}
