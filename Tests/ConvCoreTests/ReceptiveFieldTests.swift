import ConvCore
import Testing

/// The receptive-field recurrence against published values and against following the windows
/// back through the layers, index by index.
@Suite("Receptive field")
struct ReceptiveFieldTests {
    typealias L = ReceptiveField.Layer

    @Test("published values: stacked 3×3 layers (VGG) and AlexNet's pool5 (195)")
    func published() throws {
        #expect(try ReceptiveField.growth([L(kernel: 3), L(kernel: 3)]).last?.size == 5)
        #expect(try ReceptiveField.growth([L(kernel: 3), L(kernel: 3), L(kernel: 3)]).last?.size == 7)
        // AlexNet: conv1 11/4, pool 3/2, conv2 5, pool 3/2, conv3–5 3, pool 3/2 (Araujo et al.,
        // "Computing Receptive Fields of Convolutional Neural Networks", Distill 2019: 195).
        let alexNet = [L(kernel: 11, stride: 4), L(kernel: 3, stride: 2), L(kernel: 5), L(kernel: 3, stride: 2),
                       L(kernel: 3), L(kernel: 3), L(kernel: 3), L(kernel: 3, stride: 2)]
        let growth = try ReceptiveField.growth(alexNet)
        #expect(growth.last == ReceptiveField.Growth(size: 195, jump: 32))
        // WaveNet-style dilations 1, 2, 4, 8 with kernel 2: 1 + 1 + 2 + 4 + 8 = 16.
        #expect(try ReceptiveField.growth([1, 2, 4, 8].map { L(kernel: 2, dilation: $0) }).last?.size == 16)
    }

    /// The input cells output cell 0 of the last layer reads, found by following every window
    /// back through the stack.
    static func span(_ layers: [L]) -> Int {
        var cells: Set<Int> = [0]
        for layer in layers.reversed() {
            cells = Set(cells.flatMap { o in (0..<layer.kernel).map { o * layer.stride + $0 * layer.dilation } })
        }
        return cells.max()! - cells.min()! + 1
    }

    @Test("equals the span of the windows followed back, for random stacks")
    func bruteForce() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let depth = rng.int(in: 1...5)
            let layers = (0..<depth).map { _ in
                L(kernel: rng.int(in: 1...5), stride: rng.int(in: 1...3), dilation: rng.int(in: 1...3))
            }
            #expect(try ReceptiveField.growth(layers).last?.size == Self.span(layers), "\(layers)")
        }
    }

    @Test("a parameter below 1 is refused, naming it")
    func invalid() {
        #expect(throws: ConvError.tooSmall(field: "stride", axis: nil, value: 0, minimum: 1)) {
            try ReceptiveField.growth([L(kernel: 3, stride: 0)])
        }
    }
}
