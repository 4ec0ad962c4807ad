import ConvCore

extension English {
    func operation(_ operation: ConvOperation) -> String {
        switch operation {
        case .conv1d: "1-D convolution (flip and slide)"
        case .correlate1d: "1-D correlation"
        case .conv2d: "2-D convolution"
        case .conv2dBackward: "2-D convolution, backward"
        case .convTranspose2d: "transposed convolution"
        case .convTranspose2dBackward: "transposed convolution, backward"
        case .maxpool2d: "max pooling"
        case .avgpool2d: "average pooling"
        case .maxpool2dBackward: "max pooling, backward"
        case .avgpool2dBackward: "average pooling, backward"
        case .adaptiveMaxpool2d: "adaptive max pooling"
        case .adaptiveAvgpool2d: "adaptive average pooling"
        case .adaptiveMaxpool2dBackward: "adaptive max pooling, backward"
        case .adaptiveAvgpool2dBackward: "adaptive average pooling, backward"
        }
    }

    func sceneTitle(_ title: SceneTitle) -> String {
        switch title {
        case .oneD(let operation, let mode): "\(self.operation(operation)), mode \(mode.rawValue)"
        case .conv2d(.crossCorrelation): "2-D convolution (cross-correlation)"
        case .conv2d(.convolution): "2-D true convolution (kernel flipped)"
        case .backwardCells: "conv2d backward: db, then dw, then dx"
        case .backwardScatter: "conv2d backward: each dOut cell scatters into dx"
        case .backwardAsConvolution: "conv2d backward: dx as an ordinary convolution"
        case .pooling(let kind, let backward): (kind == .max ? "max pooling" : "average pooling") + (backward ? ", backward" : "")
        case .adaptivePooling(let kind, let backward):
            (kind == .max ? "adaptive max pooling" : "adaptive average pooling") + (backward ? ", backward" : "")
        case .transposedCells: "transposed convolution: small x → large out"
        case .transposedScatter: "transposed: each x cell scatters x·w into out"
        case .transposedAsConvolution: "transposed convolution as an ordinary convolution"
        }
    }

    func note(_ note: SceneNote) -> String {
        switch note {
        case .convolve1d:
            "convolution flips v, then slides it along a: out[k] = Σ a[m]·v[k−m]"
        case .correlate1d:
            "correlation slides v unflipped: out[k] = Σ a[n+k]·v[n]"
        case .trueConvolution:
            "true convolution: the window meets the kernel rotated by 180° (w flipped), so x's top-left cell meets w's bottom-right"
        case .sumsOverChannels(let channels, let bias):
            "each output cell sums over all \(count(channels, "input channel")) of its group" + (bias ? ", plus the bias" : "")
        case .backwardCells:
            "db[f] = Σ dOut[f];  dw = x (padded) correlated with dOut;  dx = dOut (dilated by the stride) fully convolved with the flipped kernel"
        case .backwardScatter:
            "each dOut cell sends w·dOut back to the inputs its window covered; dx is the sum of everything that arrives"
        case .backwardAsConvolution:
            "dx is the full convolution of dOut with the flipped kernel: dOut framed by D·(K−1)−P zeros, slid over by w rotated 180°"
        case .backwardAsStridedConvolution(let stride):
            "with stride \(stride), dOut first gets \(zerosBetween(stride)) (S−1: it is dilated), then the full convolution with the flipped kernel"
        case .maxPool:
            "each window keeps its largest value (padding reads −∞); the first maximum in row-major order wins ties"
        case .maxPoolBackward:
            "each dOut goes only to the first maximum of its window; every other cell gets 0"
        case .averagePool(let cells):
            "each window averages all \(cells) cells, padding zeros included"
        case .averagePoolBackward(let cells):
            "each dOut is spread evenly: dOut / \(cells) to every cell of its window"
        case .ceilMode(let dropsWindow):
            "ceil_mode: the size rounds up; blank cells past the padding are read by nothing"
                + (dropsWindow ? "; a window starting in the right padding is dropped (− 1)" : "")
        case .averagePoolCounted(true):
            "each window divides by its cells up to the padding's edge (padding zeros count)"
        case .averagePoolCounted(false):
            "count_include_pad=False: each window divides by its cells inside x only"
        case .divisorOverride(let divisor):
            "divisor_override=\(divisor): every window's sum is divided by \(divisor), however many cells it has"
        case .averagePoolBackwardDivisors:
            "each dOut is divided by its window's divisor and sent to every cell of the window inside x; the shares add up"
        case .adaptivePool(let kind):
            "window i covers rows ⌊i·H/O⌋ to ⌈(i+1)·H/O⌉ − 1 (columns likewise): sizes differ by at most one and windows may overlap; each "
                + (kind == .max ? "keeps its largest value" : "averages its own cells")
        case .adaptivePoolBackward(let kind):
            kind == .max ? "each dOut goes only to the first maximum of its window; overlapping windows add up"
                : "each dOut is shared by its own window: dOut / (its cells) to each; overlapping windows add up"
        case .transposedScatter(let bias):
            "x[i,j]·w lands on out rows i·S−P+kh·D, columns j·S−P+kw·D; overlaps add up"
                + (bias ? "; the bias b is added to every out cell at the end" : "")
        case .transposedCells:
            "each out cell sums x[i,j]·w[kh,kw] over every input cell whose scattered kernel lands on it"
        case .transposedAsConvolution:
            "insert S−1 zeros between the cells of x, frame it with D·(K−1)−P zeros (plus the output padding), and slide the flipped kernel with stride 1"
        }
    }

    /// `1 zero between neighbouring cells`, or `1 zero between rows and 2 between columns`.
    private func zerosBetween(_ stride: Pair) -> String {
        stride.h == stride.w ? count(stride.h - 1, "zero") + " between neighbouring cells"
            : "\(count(stride.h - 1, "zero")) between rows and \(stride.w - 1) between columns"
    }

    func caption(_ caption: PanelCaption) -> String {
        switch caption {
        case .flipped: " flipped"
        case .soFar: " so far"
        case .zeroInsertedAndFramed: " zeros in and around"
        case .flippedKernel(let plane): " = \(plane.map { Text.cell(.w, $0) } ?? "w") flipped"
        }
    }

    func call(_ call: ReferenceCallText) -> String {
        switch call {
        case .numpy(let code): "NumPy: " + code
        case .pytorch(let code): "PyTorch: " + code
        case .pytorchBackward(let code): "PyTorch: out = \(code); out.backward(dOut) gives x.grad, w.grad, b.grad"
        }
    }

    func traceWord(_ word: TraceWord) -> String {
        switch word {
        case .nothingReaches: "nothing reaches this cell"
        case .reachesNoCell: "reaches no cell"
        case .padding: "padding"
        case .bias: "bias"
        case .maximum: "max"
        case .paddingMode(let mode): mode.rawValue
        case .via(let cell): "via \(cell)"
        }
    }

    func sizeLabel(_ label: SizeLabel) -> String {
        switch label {
        case .size: "output size"
        case .height: "output height"
        case .width: "output width"
        case .length(let mode): "output length (\(mode.rawValue))"
        case .windows(nil): "windows"
        case .windows(.height?): "height windows"
        case .windows(.width?): "width windows"
        }
    }

    func error(_ error: ConvError) -> String {
        error.description
    }

    func compute(_ phrase: ComputePhrase) -> String {
        switch phrase {
        case .output(let size): "output: \(size.h)×\(size.w)"
        case .parameters(let shape, let biases, let total):
            "parameters: \(product(shape)) weights" + (biases > 0 ? " + \(count(biases, "bias", "biases"))" : "") + " = \(grouped(total))"
        case .transposedMACs(let input, let shape, let total):
            "multiply-accumulates: \(input.h)·\(input.w) input cells × \(product(shape)) = \(grouped(total))"
        case .macs(let output, let shape, let total):
            "output \(output.h)×\(output.w); multiply-accumulates: \(output.h)·\(output.w) cells × \(product(shape)) = \(grouped(total))"
        case .receptiveFieldLayer(let number, let layer, let previous, let result):
            "layer \(number) (K=\(layer.kernel), S=\(layer.stride), D=\(layer.dilation)): "
                + "r = \(previous.size) + \(layer.dilation)·(\(layer.kernel)−1)·\(previous.jump) = \(result.size), "
                + "jump \(previous.jump)·\(layer.stride) = \(result.jump)"
        case .receptiveField(let size): "receptive field: \(size)×\(size) input cells"
        case .adaptiveWindow(let axis, let i, let h, let o, let window):
            "\(axis == .height ? "rows" : "columns") of window \(i): start ⌊\(i)·\(h)/\(o)⌋ = \(window.lowerBound), "
                + "end ⌈\(i + 1)·\(h)/\(o)⌉ = \(window.upperBound) (not included): "
                + "\(window.lowerBound) to \(window.upperBound - 1), \(count(window.count, "cell", "cells"))"
        case .shifted(let name, let k): "\(name) shifted by \(k)"
        case .sidesAgree(let agree): agree ? "both sides agree" : "the two sides differ"
        case .notACell(let cell, let tensor, let plane):
            "cell: \(cell) is not a cell of \(tensor.rawValue)" + (plane.map { " (its planes are \($0.h)×\($0.w))" } ?? "")
        case .sidesDiffer(let property): "the two sides of \(property) differ"
        case .invalid(let reason): "invalid: " + reason
        case .paddedInput(let mode): "the padded input (\(mode.rawValue)), what the window slides over:"
        }
    }

    func gradientCheck(_ phrase: GradientCheckPhrase) -> String {
        switch phrase {
        case .heading(let step): "gradient check: L = Σ dOut ⊙ out, each value moved by ±h, h = \(step)"
        case .rule(let tolerance):
            "relative error = |analytic − numeric| / max(|analytic|, |numeric|); below \(tolerance) the gradient is right"
        case .column(let column):
            switch column {
            case .cell: "cell"
            case .lossPlus: "L(v+h)"
            case .lossMinus: "L(v−h)"
            case .numeric: "(L⁺−L⁻)/2h"
            case .analytic: "analytic"
            case .relativeError: "rel. error"
            }
        case .allAgree(let cells, let largest): "all \(count(cells, "cell")) agree: largest relative error \(largest) ✓"
        case .disagree(let n, let of, let cells):
            "\(n) of \(count(of, "cell")) disagree: \(cells.joined(separator: ", "))\(n > cells.count ? ", …" : "") ✗"
        case .probeLosses(let cell, let plus, let minus, let step):
            "check \(cell): L(v+h) = \(plus), L(v−h) = \(minus), h = \(step)"
        case .probeResult(let numeric, let analytic, let error, let agrees):
            "(L⁺−L⁻)/2h = \(numeric), analytic \(analytic), relative error \(error) " + (agrees ? "✓" : "✗")
        case .probeNeedsGradientCell: "the gradient check is for a cell of dx, dw or db"
        case .probeNeedsBackward: "the gradient check works in mode conv2d-backward (m changes the mode)"
        }
    }

    /// `128·64·3·3`.
    private func product(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "·")
    }
}
