import ConvCore
import Testing
import TestSupport

/// Pooling's options and adaptive pooling: output sizes against PyTorch's rules and published
/// shapes, windows, formulas with today's numbers, and every refusal naming its field.
///
/// PyTorch is not installed here; its rules are written out from its documentation and source:
/// `MaxPool2d`/`AvgPool2d` (docs: `⌊(H + 2p − d(k−1) − 1)/s + 1⌋`, `ceil` with `ceil_mode`,
/// "sliding windows that would start in the right padded region are ignored"), ATen's
/// `Pool.h` (`pooling_output_shape_pad_lr`: `if ((out − 1)·s ≥ H + p) −−out`;
/// `pool2d_shape_check`: `k/2 ≥ p`), `avg_pool2d`'s "divisor must be not zero", and
/// `AdaptivePooling.h` (`start_index = ⌊i·H/O⌋`, `end_index = ⌈(i+1)·H/O⌉`).
@Suite("Pooling options and adaptive pooling")
struct PoolOptionsTests {
    @Test("ceil_mode: ⌈(H + 2P − D·(K−1) − 1)/S⌉ + 1, less a window that would start in the right padding", arguments: [
        // (input, kernel, stride, padding, dilation, expected)
        (5, 2, 2, 0, 1, 3),  // an odd input keeps a last, partial window (floor: 2)
        (112, 3, 2, 0, 1, 56),  // torchvision GoogLeNet's maxpool1 (MaxPool2d(3, 2, ceil_mode=True)): 112 → 56
        (54, 3, 2, 0, 1, 27),  // torchvision SqueezeNet 1.0's second MaxPool2d(3, 2, ceil_mode=True): 54 → 27 (floor: 26)
        (27, 3, 2, 0, 1, 13),  // and its third: 27 → 13, the 13×13 its classifier pools
        (3, 2, 2, 1, 1, 2),  // ⌈3/2⌉ + 1 = 3, but window 2 would start at 2·2 − 1 = 3 ≥ H: dropped
        (4, 4, 3, 2, 1, 2),  // ⌈4/3⌉ + 1 = 3, window 2 would start at 4 ≥ H: dropped
        (1, 2, 2, 0, 1, 1),  // a window wider than the input: only ceil_mode places it
        (4, 2, 2, 0, 1, 2),  // nothing to round: as floor
        (7, 2, 2, 1, 2, 4),  // dilation: ⌈(7 + 2 − 2 − 1)/2⌉ + 1 = 4
    ])
    func ceilMode(_ h: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ expected: Int) throws {
        #expect(try OutputSize.pooling(input: h, kernel: k, stride: s, padding: p, dilation: d, ceilMode: true) == expected)
    }

    /// The two rules said in words: floor mode keeps the windows that fit in the padded input;
    /// ceil mode keeps those that end before one more stride past it and start before its right
    /// padding. Counted window by window over a sweep.
    @Test("output sizes equal the windows counted one by one")
    func countedWindows() throws {
        var checked = 0
        for h in 1...12 {
            for k in 1...5 {
                for s in 1...4 {
                    for p in 0...(k / 2) {
                        for d in 1...3 {
                            let extent = d * (k - 1) + 1
                            let starts = (0..<64).map { $0 * s - p }
                            let floor = starts.filter { $0 + extent <= h + p }.count
                            let ceil = starts.filter { $0 + extent <= h + p + s - 1 && $0 < h }.count
                            let gotFloor = try? OutputSize.pooling(input: h, kernel: k, stride: s, padding: p, dilation: d)
                            let gotCeil = try? OutputSize.pooling(input: h, kernel: k, stride: s, padding: p, dilation: d, ceilMode: true)
                            #expect(gotFloor == (floor > 0 ? floor : nil), "floor h\(h) k\(k) s\(s) p\(p) d\(d)")
                            #expect(gotCeil == (ceil > 0 ? ceil : nil), "ceil h\(h) k\(k) s\(s) p\(p) d\(d)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test("formulas with today's numbers: dilation, ceil, the drop")
    func formulas() {
        #expect(OutputSize.poolingFormula(input: 7, kernel: 2, stride: 2, padding: 0, dilation: 2, result: 3)
            == "⌊(7 + 2·0 − 2·(2−1) − 1)/2⌋ + 1 = 3")
        #expect(OutputSize.poolingFormula(input: 5, kernel: 2, stride: 2, padding: 0, ceilMode: true, result: 3)
            == "⌈(5 + 2·0 − 2)/2⌉ + 1 = 3")
        #expect(OutputSize.poolingFormula(input: 3, kernel: 2, stride: 2, padding: 1, ceilMode: true, result: 2)
            == "⌈(3 + 2·1 − 2)/2⌉ + 1 − 1 = 2")
        #expect(OutputSize.poolingDropsLastWindow(input: 3, kernel: 2, stride: 2, padding: 1))
        #expect(!OutputSize.poolingDropsLastWindow(input: 5, kernel: 2, stride: 2, padding: 0))
    }

    @Test("adaptive windows ⌊i·H/O⌋ ..< ⌈(i+1)·H/O⌉: shrinking, overlapping, growing", arguments: [
        (5, 3, [0..<2, 1..<4, 3..<5]),
        (7, 3, [0..<3, 2..<5, 4..<7]),
        (6, 3, [0..<2, 2..<4, 4..<6]),  // divisible: kernel = stride = H/O
        (2, 5, [0..<1, 0..<1, 0..<2, 1..<2, 1..<2]),
        (4, 1, [0..<4]),
    ])
    func adaptiveWindows(_ h: Int, _ o: Int, _ expected: [Range<Int>]) {
        #expect((0..<o).map { AdaptivePool2D.window($0, input: h, output: o) } == expected)
    }

    @Test("adaptive windows formula: every window, or the first three, …, and the last")
    func adaptiveFormula() {
        #expect(AdaptivePool2D.windowsFormula(input: 5, output: 3) == "[⌊i·5/3⌋, ⌈(i+1)·5/3⌉) = [0,2) [1,4) [3,5)")
        #expect(AdaptivePool2D.windowsFormula(input: 12, output: 7)
            == "[⌊i·12/7⌋, ⌈(i+1)·12/7⌉) = [0,2) [1,4) [3,6) … [10,12)")
    }

    @Test("a ceil_mode window's overhang past the padded input")
    func overhang() throws {
        let x = Tensor(shape: [1, 1, 5, 4], repeating: 1)
        #expect(try Pool2D(.max, x: x, kernel: Pair(2), options: Pool2DOptions(ceilMode: true)).overhang == Pair(1, 0))
        #expect(try Pool2D(.max, x: x, kernel: Pair(2), options: Pool2DOptions()).overhang == Pair(0))
        let padded = try Pool2D(.average, x: x, kernel: Pair(3), options: Pool2DOptions(stride: Pair(2), padding: Pair(1), ceilMode: true))
        #expect(padded.output == Pair(3, 3) && padded.overhang == Pair(0, 1))
    }

    @Test("the reference call names each option that is not PyTorch's default")
    func referenceCall() {
        #expect(ReferenceCall.pool2d(.average, kernel: Pair(3), options: Pool2DOptions(
            stride: Pair(2), padding: Pair(1), ceilMode: true, countIncludePad: false, divisorOverride: 4))
            == "torch.nn.functional.avg_pool2d(x, kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=4)")
        #expect(ReferenceCall.pool2d(.max, kernel: Pair(2), options: Pool2DOptions(stride: Pair(2), dilation: Pair(2, 1)))
            == "torch.nn.functional.max_pool2d(x, kernel_size=2, dilation=(2, 1))")
        #expect(ReferenceCall.adaptivePool2d(.max, outputSize: Pair(3, 2)) == "torch.nn.functional.adaptive_max_pool2d(x, (3, 2))")
    }

    static let refusals: [ValidationTests.Invalid] = [
        ValidationTests.Invalid("dilation for average pooling", .optionNotTaken(field: "dilation", kind: .average), field: "dilation") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([1, 1, 4, 4]), kernel: Pair(2), options: Pool2DOptions(dilation: Pair(2)))
        },
        ValidationTests.Invalid("count_include_pad for max pooling", .optionNotTaken(field: "count_include_pad", kind: .max),
                                field: "count_include_pad") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 4, 4]), kernel: Pair(2), options: Pool2DOptions(countIncludePad: false))
        },
        ValidationTests.Invalid("divisor_override for max pooling", .optionNotTaken(field: "divisor_override", kind: .max),
                                field: "divisor_override") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 4, 4]), kernel: Pair(2), options: Pool2DOptions(divisorOverride: 2))
        },
        ValidationTests.Invalid("divisor_override 0", .zeroDivisor(field: "divisor_override"), field: "divisor_override") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([1, 1, 4, 4]), kernel: Pair(2), options: Pool2DOptions(divisorOverride: 0))
        },
        ValidationTests.Invalid("divisor_override below −Limits.maxParameter",
                                .tooSmall(field: "divisor_override", axis: nil, value: -Limits.maxParameter - 1, minimum: -Limits.maxParameter),
                                field: "divisor_override") { () throws(ConvError) in
            _ = try Pool2D(.average, x: ones([1, 1, 4, 4]), kernel: Pair(2), options: Pool2DOptions(divisorOverride: -Limits.maxParameter - 1))
        },
        // Taps at −1 and 1 of a 1-row input: the window reads only padding (PyTorch would give −∞).
        ValidationTests.Invalid("a dilated window over padding only", .windowReadsOnlyPadding(axis: .height, window: 0),
                                field: "dilation") { () throws(ConvError) in
            _ = try Pool2D(.max, x: ones([1, 1, 1, 3]), kernel: Pair(2, 1), options: Pool2DOptions(padding: Pair(1, 0), dilation: Pair(2, 1)))
        },
        ValidationTests.Invalid("ceil_mode with no window at all", .emptyOutput(field: "kernel", axis: .width, size: -1), field: "kernel") { () throws(ConvError) in
            _ = try OutputSize.pooling(input: 1, kernel: 3, stride: 1, ceilMode: true, axis: .width)
        },
        ValidationTests.Invalid("adaptive output_size 0", .tooSmall(field: "output_size", axis: .width, value: 0, minimum: 1),
                                field: "output_size") { () throws(ConvError) in
            _ = try AdaptivePool2D(.average, x: ones([1, 1, 4, 4]), outputSize: Pair(2, 0))
        },
        ValidationTests.Invalid("adaptive x of rank 3", .wrongRank(field: "x", expected: [4], got: 3), field: "x") { () throws(ConvError) in
            _ = try AdaptivePool2D(.max, x: ones([1, 4, 4]), outputSize: Pair(2))
        },
        ValidationTests.Invalid("adaptive dout of the wrong shape",
                                .shapeMismatch(field: "dout", axis: 3, expected: 2, got: 3, because: .outputShape), field: "dout") { () throws(ConvError) in
            _ = try AdaptivePool2D(.max, x: ones([1, 1, 4, 4]), outputSize: Pair(2)).backward(ones([1, 1, 2, 3]))
        },
    ]

    @Test("refusals name the field", arguments: refusals)
    func refusal(_ c: ValidationTests.Invalid) {
        c.verify()
    }

    @Test("refusals say why", arguments: [
        (ConvError.optionNotTaken(field: "dilation", kind: .average), "dilation: average pooling takes no dilation"),
        (.zeroDivisor(field: "divisor_override"), "divisor_override: must not be 0"),
        (.windowReadsOnlyPadding(axis: .height, window: 0),
         "dilation: window 0 along the height reads only padding, so it has no maximum"),
    ])
    func descriptions(_ error: ConvError, _ text: String) {
        #expect(error.description == text)
    }
}

/// A tensor of ones; only ever small here.
private func ones(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, repeating: 1)
}
