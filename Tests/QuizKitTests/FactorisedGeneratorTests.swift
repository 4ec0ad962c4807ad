import ConvCore
import Foundation
import Localization
import Testing
@testable import QuizKit

/// The factorised-kernel families, over the generator tests' seeds: answers worked again by hand
/// (the passes counted, the batch norm applied), prompts that name what they ask.
@Suite("Generated factorised-kernel problems")
struct FactorisedGeneratorTests {
    typealias G = GeneratorTests

    @Test("separable-cost: a rank-1 kernel's two passes counted term by term, or Inception's two layers' traces at one position")
    func separableCost() throws {
        var (savings, layers) = (0, 0)
        for (seed, p, q) in G.problems(.separableCost) {
            switch p.setup {
            case .separableKernel(let column, let row, let saving):
                // The outer product is an integer kernel of rank 1 whose passes are the correlation.
                let w = Tensor(shape: [1, 1, column.count, row.count], data: column.flatMap { c in row.map { c * $0 } })
                let x = Tensor(shape: [1, 1, column.count + 2, row.count + 2], data: (0..<(column.count + 2) * (row.count + 2)).map { Double($0 % 5) })
                let rows = try Conv2D(x: x, w: Tensor(shape: [1, 1, 1, row.count], data: row)).forward()
                let both = try Conv2D(x: rows, w: Tensor(shape: [1, 1, column.count, 1], data: column)).forward()
                #expect(both == (try Conv2D(x: x, w: w).forward()), "seed \(seed)")
                let direct = try Conv2D(x: x, w: w).traceOutput([0, 0, 0, 0]).terms.count
                let separable = row.count + column.count
                #expect(G.number(q) == Double(saving ? direct - separable : separable), "seed \(seed)")
                #expect(q.prompt.contains("\(column.count)×\(row.count)") && q.prompt.contains("save") == saving)
                if saving { savings += 1 }
            case .inception(let c, let f, let n):
                // Multiply-adds at one output position: the terms of every output channel's trace.
                let terms = { (channels: Int, kernel: Pair) throws -> Int in
                    let layer = try Conv2D(x: Tensor(shape: [1, channels, n, n]), w: Tensor(shape: [f, channels, kernel.h, kernel.w]),
                                           options: Conv2DOptions(padding: Pair(kernel.h / 2, kernel.w / 2)))
                    return try (0..<f).reduce(0) { $0 + (try layer.traceOutput([0, $1, n / 2, n / 2])).terms.count }
                }
                #expect(G.number(q) == Double(try terms(c, Pair(1, n)) + terms(f, Pair(n, 1))), "seed \(seed)")
                #expect(q.prompt.contains("nn.Conv2d(\(c), \(f), kernel_size=(1, \(n))"))
                layers += 1
            default:
                Issue.record("seed \(seed): setup \(p.setup)")
            }
        }
        #expect(savings > 100 && layers > 100)
    }

    @Test("folded-bias: the bias that makes the folded convolution equal the batch norm of the convolution, to 2 decimals")
    func foldedBias() throws {
        var unbiased = 0
        for (seed, p, q) in G.problems(.foldedBias) {
            guard case .foldedBias(let b, let gamma, let beta, let mean, let variance) = p.setup,
                  case .numeric(.number(let answer), let tolerance) = q.kind else {
                Issue.record("seed \(seed): setup or kind")
                return
            }
            #expect(tolerance == 0.005 && q.prompt.contains("2 decimals"))
            // On an input of zeros the convolution gives its bias; the batch norm of that is b′.
            let byHand = gamma * ((b ?? 0) - mean) / (variance + 1e-5).squareRoot() + beta
            #expect(abs(answer - byHand) < 1e-12, "seed \(seed)")
            #expect(q.grade(try q.read(String(format: "%.2f", byHand)).get()).correct == true, "seed \(seed)")
            #expect(q.prompt.contains("γ = \(Text.number(gamma))") && q.prompt.contains("σ² = \(Text.number(variance))"))
            if b == nil {
                unbiased += 1
                #expect(q.prompt.contains("bias=False"))
            }
        }
        #expect(unbiased > 60)
    }
}
