import ConvCore
import Testing

/// Padding modes and layouts on cases small enough to read: a 1×1 kernel of weight 1 returns the
/// padded input itself, which is `F.pad`'s documented result.
@Suite("Padding modes and layouts")
struct PaddingTests {
    /// `x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]`, convolved with `w = [[1]]` and one padding cell.
    static func padded(_ mode: PaddingMode) throws -> [Double] {
        let x = Tensor(shape: [1, 1, 3, 3], data: (1...9).map(Double.init))
        let layer = try Conv2D(x: x, w: Tensor(shape: [1, 1, 1, 1], data: [1]),
                               options: Conv2DOptions(padding: Pair(1), paddingMode: mode))
        return layer.forward().data
    }

    @Test("the ring of each mode, as torch.nn.functional.pad(x, (1, 1, 1, 1), mode) gives it")
    func rings() throws {
        #expect(try Self.padded(.zeros) == [0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 7, 8, 9, 0, 0, 0, 0, 0, 0])
        #expect(try Self.padded(.reflect) == [5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 8, 7, 8, 9, 8, 5, 4, 5, 6, 5])
        #expect(try Self.padded(.replicate) == [1, 1, 2, 3, 3, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 9, 9, 7, 7, 8, 9, 9])
        #expect(try Self.padded(.circular) == [9, 7, 8, 9, 7, 3, 1, 2, 3, 1, 6, 4, 5, 6, 4, 9, 7, 8, 9, 7, 3, 1, 2, 3, 1])
    }

    @Test("a trace names the cell a padding cell copies, and a zero as no copy")
    func traceNamesTheCopy() throws {
        let x = Tensor(shape: [1, 1, 3, 3], data: (1...9).map(Double.init))
        let w = Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4])
        let reflect = try Conv2D(x: x, w: w, options: Conv2DOptions(padding: Pair(1), paddingMode: .reflect))
        let first = try reflect.traceOutput([0, 0, 0, 0]).terms[0].factors[0]
        #expect(first == Factor(tensor: .x, index: [0, 0, -1, -1], value: 5, inPadding: true,
                                copy: PaddingCopy(mode: .reflect, cell: [0, 0, -1, -1], source: [0, 0, 1, 1])))
        let zeros = try Conv2D(x: x, w: w, options: Conv2DOptions(padding: Pair(1)))
        #expect(try zeros.traceOutput([0, 0, 0, 0]).terms[0].factors[0]
            == Factor(tensor: .x, index: [0, 0, -1, -1], value: 0, inPadding: true))
    }

    @Test("dx of a corner collects, through the padding cells that copy it, every window that read them")
    func gradientFoldsBack() throws {
        // Replicate padding of 1 around a 1×1 input: all nine cells of the 3×3 padded input hold
        // x[0,0,0,0], so a 3×3 kernel's one window sends it the sum of the kernel times dOut.
        let layer = try Conv2D(x: Tensor(shape: [1, 1, 1, 1], data: [2]), w: Tensor(shape: [1, 1, 3, 3], data: (1...9).map(Double.init)),
                               options: Conv2DOptions(padding: Pair(1), paddingMode: .replicate))
        let dOut = Tensor(shape: [1, 1, 1, 1], data: [10])
        #expect(try layer.backward(dOut).dx.data == [450])
        let trace = try layer.traceGradient(.dx, at: [0, 0, 0, 0], dOut: dOut)
        #expect(trace.terms.count == 9)
        #expect(trace.terms.filter { $0.via == nil }.count == 1)
        #expect(trace.terms[0].via == PaddingCopy(mode: .replicate, cell: [0, 0, -1, -1], source: [0, 0, 0, 0]))
    }

    @Test("\"same\" keeps the size, the extra row and column at the end; explicit sides as F.pad")
    func layouts() throws {
        let x = Tensor(shape: [1, 1, 4, 5], repeating: 1)
        let same = try Conv2D(x: x, w: Tensor(shape: [1, 1, 2, 4], repeating: 1), options: Conv2DOptions(paddingLayout: .same))
        #expect(same.geometry.outShape == [1, 1, 4, 5])
        #expect(same.geometry.sides == PaddingSides(left: 1, right: 2, top: 0, bottom: 1))
        let sides = PaddingSides([2, 0, 1, 3])
        #expect(sides == PaddingSides(left: 2, right: 0, top: 1, bottom: 3))
        let padded = try Conv2D(x: x, w: Tensor(shape: [1, 1, 3, 3], repeating: 1), options: Conv2DOptions(paddingLayout: .sides(sides)))
        // (4 + 1 + 3 − 2) × (5 + 2 + 0 − 2)
        #expect(padded.geometry.outShape == [1, 1, 6, 5])
        #expect(padded.geometry.padding == Pair(1, 2))
    }

    @Test("the PyTorch call pads first where conv2d cannot", arguments: [
        (Conv2DOptions(padding: Pair(1)), "torch.nn.functional.conv2d(x, w, padding=1)"),
        (Conv2DOptions(stride: Pair(2), padding: Pair(1, 2), paddingMode: .reflect),
         "torch.nn.functional.conv2d(torch.nn.functional.pad(x, (2, 2, 1, 1), mode=\"reflect\"), w, stride=2)"),
        (Conv2DOptions(paddingMode: .circular, paddingLayout: .same),
         "torch.nn.functional.conv2d(torch.nn.functional.pad(x, (1, 1, 1, 1), mode=\"circular\"), w)"),
        (Conv2DOptions(dilation: Pair(2), paddingLayout: .same), "torch.nn.functional.conv2d(x, w, padding=\"same\", dilation=2)"),
        (Conv2DOptions(paddingLayout: .sides(PaddingSides([1, 0, 0, 1]))),
         "torch.nn.functional.conv2d(torch.nn.functional.pad(x, (1, 0, 0, 1)), w)"),
        (Conv2DOptions(padding: Pair(1), paddingMode: .replicate),
         "torch.nn.functional.conv2d(torch.nn.functional.pad(x, (1, 1, 1, 1), mode=\"replicate\"), w)"),
    ])
    func referenceCall(_ options: Conv2DOptions, _ call: String) throws {
        let g = try Conv2DGeometry(xShape: [1, 1, 5, 5], wShape: [1, 1, 3, 3], options: options)
        #expect(ReferenceCall.conv2d(g, bias: false) == call)
    }
}
