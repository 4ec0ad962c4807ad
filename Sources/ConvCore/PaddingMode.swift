/// What the padding cells around a convolution's input hold: PyTorch's `nn.Conv2d(padding_mode=…)`,
/// which pads with `F.pad(x, (P_w, P_w, P_h, P_h), mode=…)` and then convolves with padding 0.
///
/// Along one axis of extent `H`, padded position `p` (unpadded coordinates, so `p = −1` is the
/// first padding row) holds:
///
///     zeros      0
///     reflect    x[−p] for p < 0, x[2(H−1) − p] for p ≥ H   (the edge itself is not repeated)
///     replicate  x[clamp(p, 0, H−1)]
///     circular   x[p mod H]
///
/// PyTorch refuses reflect padding of `H` or more and circular padding of more than `H`, where
/// one reflection or wrap would not be enough; so does `Conv2DGeometry`.
public enum PaddingMode: String, CaseIterable, Equatable, Sendable {
    case zeros, reflect, replicate, circular

    /// The real position along one axis of extent `size` whose value padded position `p` holds:
    /// `p` itself inside the input, `nil` where zero padding holds a zero. `p` must lie within the
    /// padding this mode accepts (`limit(for:)`).
    @inline(__always)
    public func source(of p: Int, size: Int) -> Int? {
        if p >= 0 && p < size { return p }
        switch self {
        case .zeros: return nil
        case .reflect: return p < 0 ? -p : 2 * (size - 1) - p
        case .replicate: return min(max(p, 0), size - 1)
        case .circular: return ((p % size) + size) % size
        }
    }

    /// The most padding one side of an axis of extent `size` may have: `size − 1` for reflect,
    /// `size` for circular, no limit (`nil`) for zeros and replicate.
    public func limit(for size: Int) -> Int? {
        switch self {
        case .zeros, .replicate: nil
        case .reflect: size - 1
        case .circular: size
        }
    }

    /// The `mode` of `torch.nn.functional.pad` that fills the padding the same way.
    public var padMode: String {
        switch self {
        case .zeros: "constant"
        case .reflect, .replicate, .circular: rawValue
        }
    }
}
