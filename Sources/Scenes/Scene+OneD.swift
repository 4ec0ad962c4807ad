import ConvCore
import Localization

extension Scene {
    /// `numpy.convolve` or `numpy.correlate`: the shorter array slides along the longer one, one
    /// output per step.
    static func oneD(_ c: ExplorerConfig) throws(ConvError) -> Scene {
        let operation: Conv1D.Operation = c.mode == .conv1d ? .convolve : .correlate
        let made = c.values.fill([[c.input.w], [c.kernel.w]])
        let (a, v) = (c.applyingOverrides(made[0], as: .a).data, c.applyingOverrides(made[1], as: .v).data)
        let out = operation == .convolve
            ? try Conv1D.convolve(a, v, mode: c.mode1D) : try Conv1D.correlate(a, v, mode: c.mode1D)
        var traces: [Trace] = []
        for k in out.indices { traces.append(try Conv1D.trace(operation, a, v, mode: c.mode1D, at: k)) }
        // The longer array is the one the other slides along; NumPy's implicit zeros pad it.
        let aIsLong = a.count >= v.count
        let pad = Pair(0, padding(of: traces, on: aIsLong ? .a : .v))
        let row = { (name: TensorName, t: [Double], padding: Pair, role: Panel.Role) in
            Panel(id: Panel.ID(tensor: name), grid: Tensor(shape: [1, t.count], data: t), padding: padding, role: role)
        }
        return Scene(
            title: .oneD(c.mode, c.mode1D),
            panels: [
                row(.a, a, aIsLong ? pad : Pair(0), .input),
                row(.v, v, aIsLong ? Pair(0) : pad, .kernel),
                row(.out, out, Pair(0), .output),
            ],
            steps: traces.map(SceneStep.cell),
            formula: .length(c.mode1D, Conv1D.lengthFormula(a.count, v.count, mode: c.mode1D)),
            call: .numpy(ReferenceCall.numpy(operation, mode: c.mode1D)),
            notes: [operation == .convolve ? .convolve1d : .correlate1d])
    }

    /// How far the longer array's implicit zero padding reaches on either side in `traces`.
    private static func padding(of traces: [Trace], on long: TensorName) -> Int {
        let indices = traces.flatMap { $0.terms.flatMap { $0.factors } }.filter { $0.tensor == long && $0.inPadding }.map { $0.index[0] }
        return indices.map { $0 < 0 ? -$0 : 0 }.max() ?? 0
    }
}
