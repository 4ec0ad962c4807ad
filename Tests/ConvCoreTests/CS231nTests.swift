import ConvCore
import Testing
import TestSupport

/// The forward passes against the values published in Stanford CS231n's assignment 2, notebook
/// `ConvolutionalNetworks.ipynb` ("Convolution: Naive forward pass" and "Max-Pooling: Naive
/// forward"). The notebook builds its inputs with `np.linspace`, prints `correct_out` to 8 decimals
/// and accepts `rel_error` around 1e-8; we require below 1e-7 (the rounding to 8 decimals alone
/// accounts for 2.2e-8 on the convolution and 4.2e-8 on the pooling).
///
/// The arrays below are copied from the notebook as it prints them (the same in every public copy
/// of the assignment we found); they were also recomputed independently with numpy 2.4
/// (`np.pad` + window sums, and a reshape-max) before being written here, and agreed.
@Suite("CS231n assignment 2 published values")
struct CS231nTests {
    static let tolerance = 1e-7

    /// `x = np.linspace(-0.1, 0.5, num=96).reshape(2, 3, 4, 4)`,
    /// `w = np.linspace(-0.2, 0.3, num=144).reshape(3, 3, 4, 4)`, `b = np.linspace(-0.1, 0.2, num=3)`,
    /// `conv_param = {'stride': 2, 'pad': 1}`.
    @Test("conv_forward_naive: x (2,3,4,4), w (3,3,4,4), stride 2, pad 1")
    func convForwardNaive() throws {
        let x = Tensor(shape: [2, 3, 4, 4], data: linspace(-0.1, 0.5, 96))
        let w = Tensor(shape: [3, 3, 4, 4], data: linspace(-0.2, 0.3, 144))
        let b = Tensor(linspace(-0.1, 0.2, 3))
        let layer = try Conv2D(x: x, w: w, b: b, options: Conv2DOptions(stride: Pair(2), padding: Pair(1)))
        let out = layer.forward()

        // correct_out, as published in the notebook.
        let correctOut = Tensor(shape: [2, 3, 2, 2], data: [
            -0.08759809, -0.10987781,
            -0.18387192, -0.2109216,
            0.21027089, 0.21661097,
            0.22847626, 0.23004637,
            0.50813986, 0.54309974,
            0.64082444, 0.67101435,

            -0.98053589, -1.03143541,
            -1.19128892, -1.24695841,
            0.69108355, 0.66880383,
            0.59480972, 0.56776003,
            2.36270298, 2.36904306,
            2.38090835, 2.38247847,
        ])
        #expect(out.shape == correctOut.shape)
        let error = NumericGradient.relativeError(out, correctOut)
        #expect(error < Self.tolerance, "rel_error \(error)")
    }

    /// `x = np.linspace(-0.3, 0.4, num=96).reshape(2, 3, 4, 4)`,
    /// `pool_param = {'pool_width': 2, 'pool_height': 2, 'stride': 2}`.
    @Test("max_pool_forward_naive: x (2,3,4,4), 2×2 pool, stride 2")
    func maxPoolForwardNaive() throws {
        let x = Tensor(shape: [2, 3, 4, 4], data: linspace(-0.3, 0.4, 96))
        let layer = try Pool2D(.max, x: x, kernel: Pair(2), stride: Pair(2))
        let out = layer.forward()

        // correct_out, as published in the notebook.
        let correctOut = Tensor(shape: [2, 3, 2, 2], data: [
            -0.26315789, -0.24842105,
            -0.20421053, -0.18947368,
            -0.14526316, -0.13052632,
            -0.08631579, -0.07157895,
            -0.02736842, -0.01263158,
            0.03157895, 0.04631579,

            0.09052632, 0.10526316,
            0.14947368, 0.16421053,
            0.20842105, 0.22315789,
            0.26736842, 0.28210526,
            0.32631579, 0.34105263,
            0.38526316, 0.4,
        ])
        #expect(out.shape == correctOut.shape)
        let error = NumericGradient.relativeError(out, correctOut)
        #expect(error < Self.tolerance, "rel_error \(error)")
    }

    /// The inputs above must be numpy's, not merely close: these elements were printed by
    /// numpy 2.4 with `float.hex()`.
    @Test("linspace reproduces numpy.linspace bit for bit")
    func linspaceMatchesNumpy() {
        let x = linspace(-0.1, 0.5, 96)
        #expect(x.count == 96)
        #expect(x[0] == -0.1 && x[95] == 0.5)
        #expect(x[1] == -0x1.7fbb03c5cb2efp-4)
        #expect(x[47] == 0x1.9321f424a5fefp-3)
        #expect(x[94] == 0x1.f9885a8b0c656p-2)
        let w = linspace(-0.2, 0.3, 144)
        #expect(w[1] == -0x1.92706cd841e14p-3)
        #expect(w[47] == -0x1.24298869fafd0p-5)
        #expect(w[142] == 0x1.2f9e9cd287570p-2)
        #expect(linspace(-0.1, 0.2, 3) == [-0x1.999999999999ap-4, 0x1.999999999999cp-5, 0x1.999999999999ap-3])
        let p = linspace(-0.3, 0.4, 96)
        #expect(p[1] == -0x1.2ba79cd56c541p-2)
        #expect(p[47] == 0x1.7b6b40227e1d0p-5)
        #expect(p[94] == 0x1.920e033bd2ba7p-2)
    }
}

/// `numpy.linspace(start, stop, num)`: `start + k·step` with `step = (stop − start)/(num − 1)`, and
/// the last element set to `stop` exactly, as numpy computes it.
private func linspace(_ start: Double, _ stop: Double, _ num: Int) -> [Double] {
    precondition(num >= 2, "linspace needs at least two points")
    let step = (stop - start) / Double(num - 1)
    var values = (0..<num).map { start + Double($0) * step }
    values[num - 1] = stop
    return values
}
