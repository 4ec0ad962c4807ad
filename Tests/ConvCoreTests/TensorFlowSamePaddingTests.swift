import ConvCore
import Testing

/// TensorFlow's "SAME" padding: the published example, PyTorch's "same" at stride 1, and the
/// convolution the sides give.
@Suite("TensorFlow SAME padding")
struct TensorFlowSamePaddingTests {
    /// TensorFlow's own example of the padding notes (in_width 13, filter 6, stride 5: "SAME"
    /// pads 1 on the left and 2 on the right, three outputs), as quoted in the widely read
    /// Stack Overflow answer "What is the difference between 'SAME' and 'VALID' padding".
    @Test("13 cells, a window of 6, stride 5: 3 outputs, 1 zero before and 2 after")
    func publishedExample() throws {
        let a = try TensorFlowSamePadding.axis(input: 13, kernel: 6, stride: 5)
        #expect([a.out, a.total, a.before, a.after] == [3, 3, 1, 2])
    }

    @Test("at stride 1 the sides are PyTorch's padding='same'", arguments: [(6, 4, 1), (5, 3, 1), (7, 3, 2), (8, 2, 3)])
    func strideOne(_ c: (input: Int, kernel: Int, dilation: Int)) throws {
        let tf = try TensorFlowSamePadding.sides(input: Pair(c.input), kernel: Pair(c.kernel), stride: Pair(1), dilation: Pair(c.dilation))
        let options = Conv2DOptions(dilation: Pair(c.dilation), paddingLayout: .same)
        let torch = try Conv2DGeometry(xShape: [1, 1, c.input, c.input], wShape: [1, 1, c.kernel, c.kernel], options: options)
        #expect(tf.sides == torch.sides)
    }

    /// Every size, window and stride of a small range: a convolution padded with the sides
    /// gives ⌈H/S⌉ outputs, and one zero less on either side would lose a window or
    /// misplace it (the total is the least that keeps ⌈H/S⌉).
    @Test("the sides give ⌈H/S⌉ outputs with the least total padding")
    func sweep() throws {
        for input in 1...12 {
            for kernel in 1...5 {
                for stride in 1...4 {
                    let a = try TensorFlowSamePadding.axis(input: input, kernel: kernel, stride: stride)
                    let pad = PaddingSides(left: a.before, right: a.after, top: 0, bottom: 0)
                    let geometry = try Conv2DGeometry(xShape: [1, 1, 1, input], wShape: [1, 1, 1, kernel],
                                                      options: Conv2DOptions(stride: Pair(1, stride), paddingLayout: .sides(pad)))
                    #expect(geometry.output.w == (input + stride - 1) / stride, "H \(input) K \(kernel) S \(stride)")
                    #expect(a.before == a.total / 2 && a.after - a.before <= 1)
                    #expect((a.out - 1) * stride + kernel <= input + a.total)
                    if a.total > 0 { #expect((a.out - 1) * stride + kernel > input + a.total - 1) }
                }
            }
        }
    }

    @Test("a stride of 0 is refused at its field")
    func refusal() {
        #expect(throws: ConvError.tooSmall(field: "stride", axis: nil, value: 0, minimum: 1)) {
            try TensorFlowSamePadding.axis(input: 5, kernel: 3, stride: 0)
        }
    }
}
