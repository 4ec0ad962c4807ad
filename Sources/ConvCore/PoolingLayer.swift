/// A pooling layer, with fixed windows (`Pool2D`) or adaptive ones (`AdaptivePool2D`): the
/// passes and the traces the explorer, `compute` and the quizzes show.
public protocol PoolingLayer: Sendable {
    /// Max or average.
    var kind: Pool2D.Kind { get }
    /// The input `(N, C, H, W)`.
    var x: Tensor { get }
    /// `(N, C, outH, outW)`.
    var outShape: [Int] { get }
    /// The pooled output.
    func forward() -> Tensor
    /// Every tap of the window of output `[n, c, i, j]`, with the maximum marked for max pooling.
    func traceOutput(_ index: [Int]) throws(ConvError) -> Trace
    /// `dx (N, C, H, W)` from `dOut (N, C, outH, outW)`.
    func backward(_ dOut: Tensor) throws(ConvError) -> Tensor
    /// Every `dOut` cell whose window sends gradient to `dx[n, c, h, w]`.
    func traceGradient(at index: [Int], dOut: Tensor) throws(ConvError) -> Trace
}
