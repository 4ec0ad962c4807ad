/// The PyTorch or NumPy call that computes the same thing as a configuration, for learners to
/// paste into Python: `torch.nn.functional.conv2d(x, w, stride=2, padding=1)`.
public enum ReferenceCall {
    /// `torch.nn.functional.conv2d(x, w, …)`; a flipped kernel is spelled out, and so is padding
    /// that `conv2d` cannot do itself (explicit sides, or a mode other than zeros): the input is
    /// padded first, `conv2d(torch.nn.functional.pad(x, (1, 1, 1, 1), mode="reflect"), w)`, as
    /// `nn.Conv2d(padding_mode=…)` does.
    public static func conv2d(_ g: Conv2DGeometry, bias: Bool) -> String {
        let o = g.options
        let w = o.convention == .convolution ? "w.flip(-2, -1)" : "w"
        let (x, padding): (String, String?) = switch (g.paddingMode, g.paddingLayout) {
        case (.zeros, .symmetric): ("x", o.padding == Pair(0) ? nil : "padding=\(tuple(o.padding))")
        case (.zeros, .same): ("x", "padding=\"same\"")
        case (.zeros, .sides): ("torch.nn.functional.pad(x, \(g.sides))", nil)
        case (let mode, _): ("torch.nn.functional.pad(x, \(g.sides), mode=\"\(mode.padMode)\")", nil)
        }
        var args = [x, w] + convArguments(o, padding: padding)
        if bias { args.append("bias=b") }
        return "torch.nn.functional.conv2d(\(args.joined(separator: ", ")))"
    }

    /// `torch.nn.functional.conv_transpose2d(x, w, …)`.
    public static func convTranspose2d(_ o: Conv2DOptions, outputPadding: Pair, bias: Bool) -> String {
        var args = ["x", "w"] + convArguments(o, padding: o.padding == Pair(0) ? nil : "padding=\(tuple(o.padding))")
        if outputPadding != Pair(0) { args.append("output_padding=\(tuple(outputPadding))") }
        if bias { args.append("bias=b") }
        return "torch.nn.functional.conv_transpose2d(\(args.joined(separator: ", ")))"
    }

    /// `torch.nn.functional.max_pool2d(x, kernel_size=2)`, with each option that is not PyTorch's
    /// default: `stride` (when not the window), `padding`, `dilation`, `ceil_mode=True`,
    /// `count_include_pad=False`, `divisor_override`.
    public static func pool2d(_ kind: Pool2D.Kind, kernel: Pair, options o: Pool2DOptions) -> String {
        var args = ["x", "kernel_size=\(tuple(kernel))"]
        if let stride = o.stride, stride != kernel { args.append("stride=\(tuple(stride))") }
        if o.padding != Pair(0) { args.append("padding=\(tuple(o.padding))") }
        if o.dilation != Pair(1) { args.append("dilation=\(tuple(o.dilation))") }
        if o.ceilMode { args.append("ceil_mode=True") }
        if !o.countIncludePad { args.append("count_include_pad=False") }
        if let divisor = o.divisorOverride { args.append("divisor_override=\(divisor)") }
        return "torch.nn.functional.\(kind == .max ? "max" : "avg")_pool2d(\(args.joined(separator: ", ")))"
    }

    /// `torch.nn.functional.adaptive_avg_pool2d(x, 3)` or `…(x, (3, 2))`.
    public static func adaptivePool2d(_ kind: Pool2D.Kind, outputSize: Pair) -> String {
        "torch.nn.functional.adaptive_\(kind == .max ? "max" : "avg")_pool2d(x, \(tuple(outputSize)))"
    }

    /// `numpy.convolve(a, v, mode="full")`.
    public static func numpy(_ operation: Conv1D.Operation, mode: Conv1D.Mode) -> String {
        "numpy.\(operation.rawValue)(a, v, mode=\"\(mode.rawValue)\")"
    }

    /// `2` or `(2, 1)`, as PyTorch takes an int-or-tuple argument.
    public static func tuple(_ p: Pair) -> String {
        p.h == p.w ? "\(p.h)" : "(\(p.h), \(p.w))"
    }

    /// `stride=…, padding=…, dilation=…, groups=…` in PyTorch's order, each where it differs from
    /// the default; `padding` is the argument as the caller spells it, if any.
    private static func convArguments(_ o: Conv2DOptions, padding: String?) -> [String] {
        var args: [String] = []
        if o.stride != Pair(1) { args.append("stride=\(tuple(o.stride))") }
        if let padding { args.append(padding) }
        if o.dilation != Pair(1) { args.append("dilation=\(tuple(o.dilation))") }
        if o.groups != 1 { args.append("groups=\(o.groups)") }
        return args
    }
}
