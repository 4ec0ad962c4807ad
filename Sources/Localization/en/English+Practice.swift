import ConvCore

extension English {
    func practice(_ phrase: PracticePhrase) -> String {
        switch phrase {
        case .caseHeading(let k, let n, let label): "case \(k) of \(n) (\(practice(.label(label))))"
        case .label(let label): labelText(label)
        case .convSettings(let x, let w, let stride, let padding):
            "x \(shape(x)), W \(shape(w)), stride \(stride), padding \(padding)"
        case .backwardSettings(let dout, let x, let w, let stride, let padding):
            "dout \(shape(dout)), x \(shape(x)), W \(shape(w)), stride \(stride), padding \(padding)"
        case .transposedSettings(let x, let w, let stride, let padding):
            "x \(shape(x)), W \(shape(w)), stride \(stride), padding \(padding)"
        case .poolSettings(let x, let size, let stride): "x \(shape(x)), size \(size), stride \(stride)"
        case .poolBackwardSettings(let dout, let x, let size, let stride): "dout \(shape(dout)), x \(shape(x)), size \(size), stride \(stride)"
        case .conv1dSettings(let f, let g, let mode): "f of length \(f), g of length \(g), mode '\(mode)'"
        case .sizeSettings(let h, let k, let s, let p, let d): "H=\(h), K=\(k), S=\(s), P=\(p), D=\(d)"
        case .passed: "passed"
        case .notRun: "not run"
        case .stoppedHere: "stopped here"
        case .sameAs(let k): "the same as case \(k)"

        case .raised(let type, let message, let line):
            "raised \(type)" + (line.map { " at line \($0) of your file" } ?? "") + (message.isEmpty ? "" : ": \(message)")
        case .frame(let line, let function, let text): "line \(line), in \(function): \(text)"
        case .expectedArray(let name, let got): "\(name.map { "\($0) should be" } ?? "expected") a NumPy array, got \(got)"
        case .listReturned(let name):
            "\(name ?? "the result") is a Python list: return a NumPy array (np.array(…), or build it with np.zeros)"
        case .expectedTuple(let count, let got): "expected a tuple of \(count) arrays, got \(got)"
        case .expectedInteger(let got): "expected an integer, got \(got)"
        case .wrongCount(let expected, let got): "returned \(got) values; expected \(expected)"
        case .wrongShape(let name, let expected, let got): "\(name) has the shape \(shape(got)); expected \(shape(expected))"
        case .shapeRule(let rule, let detail): ruleText(rule) + (detail.isEmpty ? "" : ": \(detail)")
        case .wrongValue(let name, let index, let expected, let got):
            "first wrong cell: \(Text.cell(name, index)) is \(Text.number(got)); expected \(Text.number(expected))"
        case .rightArithmetic(let equation): "the right arithmetic: \(equation)"
        case .wrongSize(let expected, let got):
            expected.map { "returned \(Text.number(got)); expected \($0)" }
                ?? "returned \(Text.number(got)); no output exists here (return 0 or raise an exception)"
        case .mutated(let names):
            "changed \(names.joined(separator: ", ")) in place: work on a copy (x.copy(), np.pad makes a new array)"

        case .noPython: "python3 was not found: install Python 3 (sudo apt install python3), or set CONVTUTOR_PYTHON to its path"
        case .noNumpy(let python):
            "numpy is not installed for Python \(python): install it (sudo apt install python3-numpy, or python3 -m pip install numpy)"
        case .loadError(let type, let message, let line):
            "your file could not be loaded: \(type)" + (line.map { " at line \($0)" } ?? "") + (message.isEmpty ? "" : ": \(message)")
        case .missingFunction(let name, let defined):
            "your file defines no function \(name)" + (defined.isEmpty ? "" : " (it defines \(defined.joined(separator: ", ")))")
        case .notCallable(let name, let type): "\(name) is a \(type), not a function"
        case .timedOut(let k, let seconds, let settings):
            "stopped after \(Text.number(seconds)) s" + (k.map { ", in case \($0)" } ?? "") + (settings.map { " (\($0))" } ?? "")
                + ": look for a loop that never ends, or pass --timeout"
        case .outputTooLarge(let mb): "stopped: it wrote more than \(mb) MB (prints in a loop?)"
        case .outOfMemory(let mb): "stopped: it needed more than \(mb) MB of memory"
        case .crashed(let how): "Python stopped before the end (\(how))"
        case .exitStatus(let status): "exit status \(status)"
        case .signal(let signal): "signal \(signal)"

        case .allPassed(let n): "All \(count(n, "case")) pass."
        case .somePassed(let k, let n): "\(k) of \(count(n, "case")) pass."
        case .mistake(let d): diagnosisText(d)
        case .printedOut: "Your program printed:"
        case .printedErrors: "On its standard error:"
        case .omitted(let bytes): "… and \(bytes) more bytes"

        case .practice: "Practice"
        case .status(let status):
            switch status {
            case .new: "new"
            case .failing(let n): "failing (\(count(n, "try", "tries")))"
            case .passed(let n): "✓ passed (\(count(n, "try", "tries")))"
            }
        case .yourFile(let path): "Your file: \(path)"
        case .starterWritten: "The starter was written there: open it in your editor."
        case .watching: "Saving the file checks it again."
        case .checking: "Checking…"
        case .notCheckedYet: "Not checked yet: save your file, or press c."
        case .hint(let k, let n): "Hint \(k) of \(n):"
        case .noMoreHints: "No more hints."
        case .solutionAsk: "Show the reference solution? Press s again to see it; any other key keeps trying."
        case .solution: "A reference solution:"
        case .noExercises: "No exercises were found."
        case .yourValue(let cell, let got): "your \(cell) = \(Text.number(got))"
        case .notDrawable(let why): "This case is too large for the explorer: \(why)"
        case .batchSum: "dW and db add up every sample of the batch; the explorer shows one image at a time"

        case .initWrote(let n, let readme, let folder): "Wrote \(count(n, "starter file"))\(readme ? " and a README" : "") to \(folder)."
        case .initKept(let n): "Kept \(count(n, "file")) that already existed."
        case .initReadme:
            """
            # convtutor practice

            One file per exercise. Write the function, then check it:

                convtutor practice check ID FILE

            or open `convtutor practice` and save: each save checks the file again. `convtutor practice list` shows the exercises.
            """
        case .unknownExercise(let id, let known): "no exercise '\(id)'; exercises: \(known.joined(separator: ", "))"
        case .noFile(let path): "no file \(path)"
        }
    }

    /// `(2, 3, 7, 6)`.
    private func shape(_ s: [Int]) -> String { "(" + s.map(String.init).joined(separator: ", ") + (s.count == 1 ? ",)" : ")") }

    private func labelText(_ label: CaseLabel) -> String {
        switch label {
        case .example: "the lessons' example"
        case .batch: "N, C, F > 1"
        case .nonSquare: "non-square"
        case .pointwise: "1×1 kernel"
        case .kernelIsInput: "kernel as large as the input"
        case .strideOverKernel: "stride larger than the kernel"
        case .padded: "padding"
        case .unevenStride: "stride that does not divide evenly"
        case .overlapping: "overlapping windows"
        case .ties: "ties in a window"
        case .dilated: "dilation"
        case .invalid: "no output exists"
        case .longer: "f longer than g"
        case .shorter: "f shorter than g"
        case .sameLength: "f and g of one length"
        case .random: "random"
        }
    }

    private func ruleText(_ rule: ShapeRule) -> String {
        switch rule {
        case .convolution: "out is (N, F, outH, outW), outH = ⌊(H + 2P − KH)/S⌋ + 1"
        case .pooling: "out is (N, C, outH, outW), outH = ⌊(H − size)/stride⌋ + 1"
        case .transposed: "out is (N, F, outH, outW), outH = (H − 1)·S − 2P + KH"
        case .gradient(let tensor): "a gradient has the shape of its tensor: d\(tensor) is \(tensor)'s shape"
        case .perFilter: "db has one value per filter, (F,): dout summed over N, H and W"
        case .conv1d(let mode):
            switch mode {
            case .full: "mode 'full' gives M + N − 1 values"
            case .same: "mode 'same' gives max(M, N) values"
            case .valid: "mode 'valid' gives max(M, N) − min(M, N) + 1 values"
            }
        }
    }

    private func diagnosisText(_ d: Diagnosis) -> String {
        switch d {
        case .biasInWindow(let times):
            "The bias is added inside the window sum, so each cell gets it \(times) times (every cell is off by \(times - 1)·b[f]): add b[f] once, after the sum."
        case .biasMissing: "The bias is missing: every cell of filter f is off by b[f]."
        case .kernelFlipped: "The kernel is flipped: that is the mathematical convolution; a conv layer slides W as it is (cross-correlation)."
        case .strideIgnored: "The stride is not used: the windows start S cells apart (i·S, j·S)."
        case .paddingIgnored: "The padding is not used: pad x with P zeros on every side first (np.pad)."
        case .wrongSizeFormula: "The output size comes from the widely copied wrong formula (H − K + 2P − (S−1)(K−1) − 1)//S + 1; the right one is (H + 2P − K)//S + 1."
        case .offByOne: "The output is one row or column off: count the windows, ⌊(H + 2P − K)/S⌋ + 1."
        case .dxNotCropped: "dx keeps the padded shape: crop the padding off, dx = dx_pad[:, :, P:-P, P:-P] (when P > 0)."
        case .dWNotSummed: "dW has a batch axis: sum the samples' contributions into one (F, C, KH, KW) array."
        case .gradientOverwritten: "Only the last sample's share survives: use += so that every sample adds to dW and db."
        case .gradientAveraged: "The gradient is divided by N: the loss's gradient dout already carries any averaging."
        case .dxKernelNotRotated: "dx uses the kernel unrotated: each dout cell goes back through the weights that met it, i.e. a full convolution with W rotated by 180°."
        case .tiesToEveryMaximum: "Every maximum of a window gets the gradient; PyTorch sends it to the first maximum only (row-major order)."
        case .tiesToLastMaximum: "The last maximum of a window gets the gradient; PyTorch sends it to the first one (row-major order)."
        case .overlapOverwritten: "Overlapping windows overwrite each other's gradient: use += where the windows share a cell."
        case .notFlipped1D: "g is not flipped: that is numpy.correlate; convolution reverses g before sliding it."
        case .sizeNotFloored: "The size is not an integer: use // (floor division), not /."
        case .dilationIgnored: "The dilation is not used: a kernel of size K covers D·(K−1) + 1 cells."
        case .invalidNotDetected: "A size is returned where the kernel does not fit in the padded input: return 0 or raise."
        case .unpackThree:
            "x and W have four axes each, (N, C, H, W) and (F, C, KH, KW): unpack four names from each shape, e.g. N, C, H, Wd = x.shape and F, C, KH, KW = W.shape."
        case .shadowedWeights: "N, C, H, W = x.shape rebinds W, the weights, to the input's width: name the width something else (e.g. H_in, W_in)."
        }
    }
}
