import ConvCore
import Testing
import TestSupport

/// Invalid requests are values, not crashes (design §4): each must throw exactly the listed
/// `ConvError`, whose `field` names the request field at fault and whose `description` starts with
/// that field. Sizes beyond the limits are given as shapes only, never allocated.
@Suite("Invalid requests throw the right ConvError")
struct ValidationTests {
    struct Invalid: Sendable, CustomStringConvertible {
        let description: String
        let expected: ConvError
        let field: String
        let request: @Sendable () throws(ConvError) -> Void

        init(_ description: String, _ expected: ConvError, field: String,
             _ request: @escaping @Sendable () throws(ConvError) -> Void) {
            self.description = description
            self.expected = expected
            self.field = field
            self.request = request
        }

        /// The request throws exactly `expected`, whose field and description name `field`.
        func verify(sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                try request()
                Issue.record("no error; expected \(expected)", sourceLocation: sourceLocation)
            } catch {
                #expect(error == expected, sourceLocation: sourceLocation)
                #expect(error.field == field, sourceLocation: sourceLocation)
                #expect(error.description.hasPrefix(field + ": "), "\(error.description)", sourceLocation: sourceLocation)
            }
        }
    }

    static let cases: [Invalid] = [
        // Parameters below their minimum.
        Invalid("stride 0 on the height", .tooSmall(field: "stride", axis: .height, value: 0, minimum: 1), field: "stride") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 5, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(0, 1)))
        },
        Invalid("stride 0 on the width", .tooSmall(field: "stride", axis: .width, value: 0, minimum: 1), field: "stride") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 5, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(1, 0)))
        },
        Invalid("pool stride 0", .tooSmall(field: "stride", axis: .height, value: 0, minimum: 1), field: "stride") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 4, 4]), kernel: Pair(2), stride: Pair(0, 2))
        },
        Invalid("dilation 0", .tooSmall(field: "dilation", axis: .width, value: 0, minimum: 1), field: "dilation") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 5, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(dilation: Pair(1, 0)))
        },
        Invalid("transposed dilation 0", .tooSmall(field: "dilation", axis: .height, value: 0, minimum: 1), field: "dilation") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(dilation: Pair(0)))
        },
        Invalid("kernel 0 (OutputSize)", .tooSmall(field: "kernel", axis: nil, value: 0, minimum: 1), field: "kernel") { () throws(ConvError) in
            _ = try OutputSize.convolution(input: 5, kernel: 0)
        },
        Invalid("pool kernel 0 on the width", .tooSmall(field: "kernel", axis: .width, value: 0, minimum: 1), field: "kernel") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([1, 1, 4, 4]), kernel: Pair(2, 0), stride: Pair(1))
        },
        Invalid("input 0 (OutputSize)", .tooSmall(field: "input", axis: nil, value: 0, minimum: 1), field: "input") { () throws(ConvError) in
            _ = try OutputSize.pooling(input: 0, kernel: 2, stride: 2)
        },
        Invalid("groups 0", .tooSmall(field: "groups", axis: nil, value: 0, minimum: 1), field: "groups") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 2, 4, 4]), w: ones([2, 2, 3, 3]), options: Conv2DOptions(groups: 0))
        },
        Invalid("transposed groups 0", .tooSmall(field: "groups", axis: nil, value: 0, minimum: 1), field: "groups") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 2, 3, 3]), w: ones([2, 1, 3, 3]), options: Conv2DOptions(groups: 0))
        },
        Invalid("negative padding", .tooSmall(field: "padding", axis: .height, value: -1, minimum: 0), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 5, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(padding: Pair(-1, 0)))
        },
        Invalid("negative pool padding", .tooSmall(field: "padding", axis: .width, value: -1, minimum: 0), field: "padding") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 4, 4]), kernel: Pair(2), padding: Pair(0, -1))
        },

        // Kernels that do not fit.
        Invalid("dilated kernel wider than the padded input",
                .kernelLargerThanInput(field: "kernel", axis: .width, effectiveKernel: 7, paddedInput: 5), field: "kernel") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 8, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(dilation: Pair(1, 3)))
        },
        Invalid("kernel taller than the input",
                .kernelLargerThanInput(field: "kernel", axis: .height, effectiveKernel: 3, paddedInput: 2), field: "kernel") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 2, 4]), w: ones([1, 1, 3, 3]))
        },
        Invalid("pool window larger than the input",
                .kernelLargerThanInput(field: "kernel", axis: .height, effectiveKernel: 5, paddedInput: 4), field: "kernel") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 2, 4]), kernel: Pair(5, 2), padding: Pair(1, 0))
        },

        // Channels and groups.
        Invalid("groups do not divide the input channels",
                .groupsDoNotDivide(channels: 3, of: .inputChannels, groups: 2), field: "groups") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 3, 4, 4]), w: ones([2, 1, 1, 1]), options: Conv2DOptions(groups: 2))
        },
        Invalid("groups do not divide the filters",
                .groupsDoNotDivide(channels: 3, of: .filters(field: "w"), groups: 2), field: "groups") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 4, 4, 4]), w: ones([3, 2, 1, 1]), options: Conv2DOptions(groups: 2))
        },
        Invalid("transposed: groups do not divide the input channels",
                .groupsDoNotDivide(channels: 3, of: .inputChannels, groups: 2), field: "groups") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 3, 2, 2]), w: ones([3, 1, 2, 2]), options: Conv2DOptions(groups: 2))
        },
        Invalid("w.shape[1] is not C/groups",
                .shapeMismatch(field: "w", axis: 1, expected: 2, got: 4, because: .channelsPerGroup(inChannels: 4, groups: 2)), field: "w") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 4, 4, 4]), w: ones([2, 4, 3, 3]), options: Conv2DOptions(groups: 2))
        },
        Invalid("transposed w.shape[0] is not the input channels",
                .shapeMismatch(field: "w", axis: 0, expected: 2, got: 3, because: .oneKernelStackPerInputChannel), field: "w") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 2, 2, 2]), w: ones([3, 1, 2, 2]))
        },

        // Bias.
        Invalid("bias of the wrong length",
                .shapeMismatch(field: "b", axis: 0, expected: 2, got: 3, because: .oneBiasPerFilter), field: "b") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([2, 1, 3, 3]), b: Tensor([1, 2, 3]))
        },
        Invalid("bias of rank 2", .wrongRank(field: "b", expected: [1], got: 2), field: "b") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([2, 1, 3, 3]), b: ones([2, 1]))
        },
        Invalid("transposed bias of the wrong length",
                .shapeMismatch(field: "b", axis: 0, expected: 3, got: 2, because: .oneBiasPerOutputChannel), field: "b") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 2, 2, 2]), w: ones([2, 3, 2, 2]), b: Tensor([1, 2]))
        },

        // Ranks and empty axes.
        Invalid("x of rank 3", .wrongRank(field: "x", expected: [4], got: 3), field: "x") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 4, 4]), w: ones([1, 1, 3, 3]))
        },
        Invalid("w of rank 2", .wrongRank(field: "w", expected: [4], got: 2), field: "w") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([3, 3]))
        },
        Invalid("pool x of rank 3", .wrongRank(field: "x", expected: [4], got: 3), field: "x") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 4, 4]), kernel: Pair(2))
        },
        Invalid("transposed x of rank 5", .wrongRank(field: "x", expected: [4], got: 5), field: "x") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 1, 2, 2]), w: ones([1, 1, 2, 2]))
        },
        Invalid("x with an empty channel axis", .empty(field: "x"), field: "x") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 0, 4, 4]), w: ones([1, 0, 3, 3]))
        },
        Invalid("w with an empty kernel row axis", .empty(field: "w"), field: "w") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 0, 3]))
        },
        Invalid("pool x with an empty batch", .empty(field: "x"), field: "x") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([0, 1, 4, 4]), kernel: Pair(2))
        },
        Invalid("Conv1D empty a", .empty(field: "a"), field: "a") { () throws(ConvError) in
            _ = try Conv1D.convolve([], [1, 2], mode: .full)
        },
        Invalid("Conv1D empty v", .empty(field: "v"), field: "v") { () throws(ConvError) in
            _ = try Conv1D.correlate([1, 2], [], mode: .valid)
        },

        // Upstream gradients of the wrong shape.
        Invalid("Conv2D dout of the wrong width",
                .shapeMismatch(field: "dout", axis: 3, expected: 2, got: 3, because: .outputShape), field: "dout") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3])).backward(ones([1, 1, 2, 3]))
        },
        Invalid("Conv2D dout of rank 3", .wrongRank(field: "dout", expected: [4], got: 3), field: "dout") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3])).backward(ones([1, 2, 2]))
        },
        Invalid("Conv2D trace with a dout of the wrong shape",
                .shapeMismatch(field: "dout", axis: 0, expected: 1, got: 2, because: .outputShape), field: "dout") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3])).traceGradient(.dw, at: [0, 0, 0, 0], dOut: ones([2, 1, 2, 2]))
        },
        Invalid("ConvTranspose2D dout with the input's channels",
                .shapeMismatch(field: "dout", axis: 1, expected: 1, got: 2, because: .outputShape), field: "dout") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 2, 2, 2]), w: ones([2, 1, 3, 3])).backward(ones([1, 2, 4, 4]))
        },
        Invalid("Pool2D dout of the wrong height",
                .shapeMismatch(field: "dout", axis: 2, expected: 2, got: 3, because: .outputShape), field: "dout") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 4, 4]), kernel: Pair(2)).backward(ones([1, 1, 3, 2]))
        },

        // Output padding and transposed output sizes.
        Invalid("output_padding equal to the stride",
                .outputPaddingOutOfRange(axis: .height, value: 2, stride: 2, dilation: 1), field: "output_padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(2)),
                                    outputPadding: Pair(2, 0))
        },
        Invalid("output_padding equal to the dilation (above the stride)",
                .outputPaddingOutOfRange(axis: .width, value: 2, stride: 1, dilation: 2), field: "output_padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(dilation: Pair(2)),
                                    outputPadding: Pair(1, 2))
        },
        Invalid("output_padding 1 with stride and dilation 1 (OutputSize)",
                .outputPaddingOutOfRange(axis: .height, value: 1, stride: 1, dilation: 1), field: "output_padding") { () throws(ConvError) in
            _ = try OutputSize.transposed(input: 3, kernel: 3, outputPadding: 1)
        },
        Invalid("negative output_padding",
                .tooSmall(field: "output_padding", axis: .width, value: -1, minimum: 0), field: "output_padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(2)),
                                    outputPadding: Pair(0, -1))
        },
        Invalid("negative output_padding (OutputSize)",
                .outputPaddingOutOfRange(axis: .height, value: -1, stride: 2, dilation: 1), field: "output_padding") { () throws(ConvError) in
            _ = try OutputSize.transposed(input: 3, kernel: 3, stride: 2, outputPadding: -1)
        },
        Invalid("transposed output of size −1",
                .emptyOutput(field: "padding", axis: .height, size: -1), field: "padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 1, 1]), w: ones([1, 1, 1, 1]), options: Conv2DOptions(padding: Pair(1)))
        },
        Invalid("transposed output of size 0 (OutputSize)",
                .emptyOutput(field: "padding", axis: .width, size: 0), field: "padding") { () throws(ConvError) in
            _ = try OutputSize.transposed(input: 2, kernel: 1, padding: 1, axis: .width)
        },

        // Padding modes and layouts, refused as PyTorch refuses them.
        Invalid("reflect padding as deep as the input",
                .paddingTooDeep(field: "padding", mode: .reflect, axis: .height, padding: 3, input: 3), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 3, 5]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(padding: Pair(3, 1), paddingMode: .reflect))
        },
        Invalid("circular padding beyond one wrap",
                .paddingTooDeep(field: "padding", mode: .circular, axis: .width, padding: 3, input: 2), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 2]), w: ones([1, 1, 1, 1]), options: Conv2DOptions(padding: Pair(1, 3), paddingMode: .circular))
        },
        Invalid("reflect sides: the right one too deep",
                .paddingTooDeep(field: "pad", mode: .reflect, axis: .width, padding: 4, input: 4), field: "pad") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 2, 2]), options: Conv2DOptions(
                paddingMode: .reflect, paddingLayout: .sides(PaddingSides(left: 0, right: 4, top: 0, bottom: 0))))
        },
        Invalid("\"same\" reflect padding a kernel of 5 asks of an input of 2",
                .paddingTooDeep(field: "padding", mode: .reflect, axis: .height, padding: 2, input: 2), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 2, 4]), w: ones([1, 1, 5, 1]), options: Conv2DOptions(paddingMode: .reflect, paddingLayout: .same))
        },
        Invalid("\"same\" with stride 2", .sameNeedsStrideOne(axis: .width, stride: 2), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(1, 2), paddingLayout: .same))
        },
        Invalid("\"same\" with stride 0 is about the stride",
                .tooSmall(field: "stride", axis: .height, value: 0, minimum: 1), field: "stride") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(0), paddingLayout: .same))
        },
        Invalid("pad beside a non-zero padding", .padWithPadding(padding: Pair(1, 0)), field: "pad") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(
                padding: Pair(1, 0), paddingLayout: .sides(PaddingSides(left: 1, right: 0, top: 0, bottom: 0))))
        },
        Invalid("a negative side of pad", .tooSmall(field: "pad", axis: nil, value: -1, minimum: 0), field: "pad") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(
                paddingLayout: .sides(PaddingSides(left: 1, right: 1, top: -1, bottom: 0))))
        },
        Invalid("transposed with reflect padding", .transposedPadding(.mode(.reflect)), field: "padding_mode") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(padding: Pair(1), paddingMode: .reflect))
        },
        Invalid("transposed with \"same\"", .transposedPadding(.same), field: "padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(paddingLayout: .same))
        },
        Invalid("transposed with sides", .transposedPadding(.sides), field: "pad") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(
                paddingLayout: .sides(PaddingSides(left: 1, right: 0, top: 0, bottom: 0))))
        },
        Invalid("dx as one convolution with circular padding", .foldedPaddingGradient(mode: .circular), field: "padding_mode") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 2, 2]), options: Conv2DOptions(padding: Pair(1), paddingMode: .circular))
                .inputGradientAsConvolution(ones([1, 1, 4, 4]))
        },

        // Pooling padding.
        Invalid("pool padding above half the window",
                .poolPaddingTooLarge(axis: .width, padding: 2, kernel: 3), field: "padding") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 5, 5]), kernel: Pair(3), padding: Pair(0, 2))
        },
        Invalid("pool padding 1 with a window of 1",
                .poolPaddingTooLarge(axis: .height, padding: 1, kernel: 1), field: "padding") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([1, 1, 5, 5]), kernel: Pair(1), stride: Pair(1), padding: Pair(1))
        },

        // Limits.
        Invalid("stride above Limits.maxParameter",
                .tooBig(field: "stride", axis: .height, value: Limits.maxParameter + 1, maximum: Limits.maxParameter), field: "stride") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(stride: Pair(Limits.maxParameter + 1, 1)))
        },
        Invalid("padding far above Limits.maxParameter",
                .tooBig(field: "padding", axis: .height, value: 1 << 40, maximum: Limits.maxParameter), field: "padding") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(padding: Pair(1 << 40)))
        },
        Invalid("groups above Limits.maxParameter",
                .tooBig(field: "groups", axis: nil, value: Int.max, maximum: Limits.maxParameter), field: "groups") { () throws(ConvError) in
            _ = try Conv2D(x: ones([1, 1, 4, 4]), w: ones([1, 1, 3, 3]), options: Conv2DOptions(groups: Int.max))
        },
        Invalid("output_padding above Limits.maxParameter",
                .tooBig(field: "output_padding", axis: .height, value: 1 << 25, maximum: Limits.maxParameter), field: "output_padding") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 3, 3]), w: ones([1, 1, 3, 3]), outputPadding: Pair(1 << 25, 0))
        },
        Invalid("input height above Limits.maxParameter (shape only)",
                .tooBig(field: "input", axis: .height, value: 1 << 40, maximum: Limits.maxParameter), field: "input") { () throws(ConvError) in
            _ = try Conv2DGeometry(xShape: [1, 1, 1 << 40, 1], wShape: [1, 1, 1, 1], options: Conv2DOptions())
        },
        Invalid("x above Limits.maxElements (shape only)",
                .tooLarge(field: "x", what: .elements, amount: 8_388_608, limit: Limits.maxElements), field: "x") { () throws(ConvError) in
            _ = try Conv2DGeometry(xShape: [1, 1, 4096, 2048], wShape: [1, 1, 1, 1], options: Conv2DOptions())
        },
        Invalid("w above Limits.maxElements (shape only)",
                .tooLarge(field: "w", what: .elements, amount: 8_388_608, limit: Limits.maxElements), field: "w") { () throws(ConvError) in
            _ = try Conv2DGeometry(xShape: [1, 1, 32, 32], wShape: [8192, 1, 32, 32], options: Conv2DOptions())
        },
        Invalid("transposed output above Limits.maxElements (3001×3001 from a 1×1 input)",
                .tooLarge(field: "out", what: .elements, amount: 9_006_001, limit: Limits.maxElements), field: "out") { () throws(ConvError) in
            _ = try ConvTranspose2D(x: ones([1, 1, 1, 1]), w: ones([1, 1, 2, 2]), options: Conv2DOptions(dilation: Pair(3000)))
        },
        Invalid("multiply-adds above Limits.maxMultiplyAdds (shape only)",
                .tooLarge(field: "x", what: .multiplyAdds, amount: 2_415_919_104, limit: Limits.maxMultiplyAdds), field: "x") { () throws(ConvError) in
            // 64 → 64 channels, 3×3, on 256×256: every tensor within limits, the work 9× above.
            _ = try Conv2DGeometry(xShape: [1, 64, 256, 256], wShape: [64, 64, 3, 3], options: Conv2DOptions(padding: Pair(1)))
        },
        Invalid("pool window reads above Limits.maxMultiplyAdds",
                .tooLarge(field: "x", what: .windowReads, amount: 825_757_696, limit: Limits.maxMultiplyAdds), field: "x") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 512, 512]), kernel: Pair(64), stride: Pair(1))
        },
        Invalid("Conv1D multiply-adds above Limits.maxMultiplyAdds",
                .tooLarge(field: "a", what: .multiplyAdds, amount: 553_644_032, limit: Limits.maxMultiplyAdds), field: "a") { () throws(ConvError) in
            _ = try Conv1D.convolve(Array(repeating: 1, count: 1 << 17), Array(repeating: 1, count: 1 << 12), mode: .full)
        },
        Invalid("a size product that overflows Int (shape only)",
                .tooLarge(field: "x", what: .elements, amount: 0x1p80, limit: Limits.maxElements), field: "x") { () throws(ConvError) in
            _ = try Conv2DGeometry(xShape: [1 << 40, 1 << 40, 1, 1], wShape: [1, 1 << 40, 1, 1], options: Conv2DOptions())
        },
        Invalid("a size product whose running product overflows (shape only)",
                .tooLarge(field: "x", what: .elements, amount: 0x1p63, limit: Limits.maxElements), field: "x") { () throws(ConvError) in
            // 2 · 2⁶² overflows Int before any partial product exceeds the limit.
            _ = try Conv2DGeometry(xShape: [2, 1 << 62, 1, 1], wShape: [1, 1 << 62, 1, 1], options: Conv2DOptions())
        },
    ]

    @Test("throws the exact error, naming the field", arguments: cases)
    func invalid(_ c: Invalid) {
        c.verify()
    }

    /// A few descriptions in full: what a learner reads.
    @Test("descriptions say why, with the numbers", arguments: [
        (ConvError.tooSmall(field: "stride", axis: .height, value: 0, minimum: 1),
         "stride: the height must be at least 1, got 0"),
        (.tooSmall(field: "kernel", axis: nil, value: 0, minimum: 1), "kernel: must be at least 1, got 0"),
        (.kernelLargerThanInput(field: "kernel", axis: .width, effectiveKernel: 7, paddedInput: 5),
         "kernel: effective kernel width 7 is larger than the padded input width 5"),
        (.groupsDoNotDivide(channels: 3, of: .inputChannels, groups: 2),
         "groups: 2 does not divide the 3 input channels"),
        (.outputPaddingOutOfRange(axis: .height, value: 2, stride: 2, dilation: 1),
         "output_padding: the height 2 must be at least 0 and smaller than stride (2) or dilation (1)"),
        (.poolPaddingTooLarge(axis: .width, padding: 2, kernel: 3),
         "padding: the width 2 must be at most half the kernel (3/2 = 1)"),
        (.tooLarge(field: "x", what: .elements, amount: 8_388_608, limit: Limits.maxElements),
         "x: element count 8388608 exceeds the limit of 4194304"),
        (.tooLarge(field: "x", what: .elements, amount: 0x1p80, limit: Limits.maxElements),
         "x: element count 1.21e+24 exceeds the limit of 4194304"),
        (.indexOutOfRange(field: "cell", index: [0, 0, 4, 0], shape: [1, 3, 4, 4]),
         "cell: index [0, 0, 4, 0] is outside the shape (1, 3, 4, 4)"),
    ])
    func descriptions(_ error: ConvError, _ text: String) {
        #expect(error.description == text)
    }

    /// The limits are inclusive: exactly at each one is accepted.
    @Test("requests exactly at the limits are accepted")
    func atTheLimits() throws {
        #expect(try OutputSize.convolution(input: Limits.maxParameter, kernel: 1) == Limits.maxParameter)
        let atElements = try Conv2DGeometry(xShape: [1, 1, 2048, 2048], wShape: [1, 1, 1, 1], options: Conv2DOptions())
        #expect(atElements.outShape == [1, 1, 2048, 2048])
        // 64·256·256·64 = 2²⁸ multiply-adds exactly.
        let atWork = try Conv2DGeometry(xShape: [1, 64, 256, 256], wShape: [64, 64, 1, 1], options: Conv2DOptions())
        #expect(atWork.outShape == [1, 64, 256, 256])
    }
}

/// Output sizes per axis against values worked by hand from the formulas of design §4, and the
/// formula strings shown to learners.
@Suite("OutputSize")
struct OutputSizeTests {
    @Test("convolution: ⌊(H + 2P − D·(K−1) − 1)/S⌋ + 1", arguments: [
        // (input, kernel, stride, padding, dilation, expected)
        (224, 7, 2, 3, 1, 112),  // ResNet stem
        (5, 3, 2, 1, 1, 3),
        (32, 3, 1, 1, 1, 32),  // "same" padding
        (6, 3, 2, 0, 1, 2),  // the floor drops the last incomplete stride
        (7, 3, 1, 0, 2, 3),  // dilated kernel covers 5 cells
        (5, 5, 1, 0, 1, 1),  // kernel exactly the input
        (1, 3, 1, 1, 1, 1),
        (Limits.maxParameter, 1, 1, 0, 1, Limits.maxParameter),
    ])
    func convolution(_ h: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ expected: Int) throws {
        #expect(try OutputSize.convolution(input: h, kernel: k, stride: s, padding: p, dilation: d) == expected)
    }

    @Test("transposed: (H−1)·S − 2P + D·(K−1) + OP + 1", arguments: [
        // (input, kernel, stride, padding, outputPadding, dilation, expected)
        (3, 3, 2, 1, 1, 1, 6),
        (3, 3, 2, 1, 0, 1, 5),
        (4, 4, 2, 1, 0, 1, 8),  // DCGAN doubling
        (2, 3, 1, 0, 0, 2, 6),
        (3, 3, 1, 0, 1, 2, 8),  // output padding allowed by dilation > stride
        (1, 1, 1, 0, 0, 1, 1),
    ])
    func transposed(_ h: Int, _ k: Int, _ s: Int, _ p: Int, _ op: Int, _ d: Int, _ expected: Int) throws {
        #expect(try OutputSize.transposed(input: h, kernel: k, stride: s, padding: p, outputPadding: op,
                                          dilation: d) == expected)
    }

    @Test("pooling: ⌊(H + 2P − K)/S⌋ + 1", arguments: [
        // (input, kernel, stride, padding, expected)
        (4, 2, 2, 0, 2),
        (7, 3, 2, 0, 3),  // floor
        (5, 2, 2, 0, 2),  // the last row is dropped
        (5, 3, 2, 1, 3),
        (6, 3, 3, 0, 2),
        (1, 1, 1, 0, 1),
    ])
    func pooling(_ h: Int, _ k: Int, _ s: Int, _ p: Int, _ expected: Int) throws {
        #expect(try OutputSize.pooling(input: h, kernel: k, stride: s, padding: p) == expected)
    }

    /// A transposed convolution, given the output padding the floor dropped, gives back the
    /// convolution's input size, over a seeded sweep of sizes.
    @Test("transposed inverts convolution")
    func transposedInvertsConvolution() throws {
        var random = SeededRandom(seed: 0x517E)
        var checked = 0
        while checked < 200 {
            let (h, k, s, p, d) = (random.int(in: 1...40), random.int(in: 1...7), random.int(in: 1...5),
                                   random.int(in: 0...3), random.int(in: 1...3))
            guard let out = try? OutputSize.convolution(input: h, kernel: k, stride: s, padding: p, dilation: d)
            else { continue }
            let dropped = (h + 2 * p - d * (k - 1) - 1) % s
            let back = try OutputSize.transposed(input: out, kernel: k, stride: s, padding: p,
                                                 outputPadding: dropped, dilation: d)
            #expect(back == h, "h \(h) k \(k) s \(s) p \(p) d \(d) → \(out) → \(back)")
            checked += 1
        }
    }

    @Test("formula strings with today's numbers")
    func formulas() {
        #expect(OutputSize.convolutionFormula(input: 5, kernel: 3, stride: 2, padding: 1, dilation: 1, result: 3)
            == "⌊(5 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 3")
        #expect(OutputSize.convolutionFormula(input: 224, kernel: 7, stride: 2, padding: 3, dilation: 1, result: 112)
            == "⌊(224 + 2·3 − 1·(7−1) − 1)/2⌋ + 1 = 112")
        #expect(OutputSize.convolutionFormula(input: 4, kernel: 4, stride: 1, before: 1, after: 2, dilation: 1, result: 4)
            == "⌊(4 + 1 + 2 − 1·(4−1) − 1)/1⌋ + 1 = 4")
        #expect(OutputSize.transposedFormula(input: 3, kernel: 3, stride: 2, padding: 1, outputPadding: 1,
                                             dilation: 1, result: 6)
            == "(3−1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 6")
        #expect(OutputSize.poolingFormula(input: 4, kernel: 2, stride: 2, padding: 0, result: 2)
            == "⌊(4 + 2·0 − 2)/2⌋ + 1 = 2")
        #expect(OutputSize.poolingFormula(input: 7, kernel: 3, stride: 2, padding: 0, result: 3)
            == "⌊(7 + 2·0 − 3)/2⌋ + 1 = 3")
        #expect(Conv1D.lengthFormula(3, 3, mode: .full) == "3 + 3 − 1 = 5")
        #expect(Conv1D.lengthFormula(5, 3, mode: .same) == "max(5, 3) = 5")
        #expect(Conv1D.lengthFormula(5, 3, mode: .valid) == "max(5, 3) − min(5, 3) + 1 = 3")
    }
}

/// A tensor of ones; only ever small here.
private func ones(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, repeating: 1)
}
