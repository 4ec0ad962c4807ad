import ConvCore
import Localization

/// One grid on screen: a 2-D slice of a tensor, with an optional ring of padding cells.
public struct Panel: Equatable, Sendable {
    /// Which grid of a scene a panel is, unique within the scene: the tensor, the leading index
    /// of its plane, and whether it is drawn rotated by 180°.
    public struct ID: Hashable, Sendable {
        public var tensor: TensorName
        /// The leading index that selects this plane (`[n, c]`); empty for 1-D and bias tensors.
        public var prefix: [Int]
        /// The grid is the tensor rotated by 180° (the flipped kernel of a true convolution):
        /// positions map through the rotation.
        public var mirrored: Bool

        public init(tensor: TensorName, prefix: [Int] = [], mirrored: Bool = false) {
            self.tensor = tensor
            self.prefix = prefix
            self.mirrored = mirrored
        }
    }

    /// What a grid is to the computation, for its colour.
    public enum Role: Equatable, Sendable {
        case input, kernel, bias, output, gradient
    }

    public var id: ID
    /// Words after the grid's name (`flipped`, `so far`, …).
    public var caption: PanelCaption?
    /// The values as rows × columns.
    public var grid: Tensor
    /// Padding cells drawn before the grid's first row and column: the zeros (or −∞) a window
    /// may read, or the copies `ring` holds.
    public var padding: Pair
    /// Padding cells drawn after the last row and column; `padding` unless the sides differ
    /// (`"same"` with an even kernel, explicit sides).
    public var paddingAfter: Pair
    /// The grid with its padding ring filled, as `F.pad` gives it, when the padding copies input
    /// cells (reflect, replicate, circular); `nil` when the ring holds zeros (or −∞).
    public var ring: Tensor?
    /// Cells drawn past the padding at the bottom and the right, where a `ceil_mode` pooling
    /// window hangs over the padded input; nothing is read there.
    public var overhang = Pair(0)
    public var role: Role
    /// The filter this panel belongs to, if any; panels of other filters are hidden while a
    /// step works on one filter.
    public var filter: Int?
    /// The grid is being built by a scatter: the view shows the current step's partial sums.
    public var showsPartial = false

    public init(id: ID, caption: PanelCaption? = nil, grid: Tensor, padding: Pair = Pair(0), role: Role,
                filter: Int? = nil, showsPartial: Bool = false) {
        self.id = id
        self.caption = caption
        self.grid = grid
        self.padding = padding
        self.paddingAfter = padding
        self.role = role
        self.filter = filter
        self.showsPartial = showsPartial
    }

    public var tensor: TensorName { id.tensor }
    public var prefix: [Int] { id.prefix }
    public var mirrored: Bool { id.mirrored }

    /// The grid's name: `x[0,1]` for a plane of a 4-D tensor, `b` for a vector.
    public var name: String {
        prefix.isEmpty ? tensor.rawValue : Text.cell(tensor, prefix)
    }

    /// Rows and columns as drawn, the padding ring and the overhang included.
    public var drawnSize: (rows: Int, cols: Int) {
        (grid.shape[0] + padding.h + paddingAfter.h + overhang.h, grid.shape[1] + padding.w + paddingAfter.w + overhang.w)
    }

    /// True when drawn position (`row`, `col`) lies in the overhang, past the padding ring.
    public func isOverhang(row: Int, col: Int) -> Bool {
        row >= grid.shape[0] + padding.h + paddingAfter.h || col >= grid.shape[1] + padding.w + paddingAfter.w
    }

    /// Computed by the animation (outputs and gradients), as opposed to given to it.
    public var isResult: Bool {
        showsPartial || [.out, .dx, .dw, .db].contains(tensor)
    }

    /// The grid position (row, column, both including the padding ring) of a tensor index, if the
    /// index lies on this panel.
    public func position(of tensor: TensorName, _ index: [Int]) -> (row: Int, col: Int)? {
        guard tensor == self.tensor else { return nil }
        if prefix.isEmpty && index.count == 1 { return (padding.h, index[0] + padding.w) }
        guard index.count == prefix.count + 2, Array(index.prefix(prefix.count)) == prefix else { return nil }
        var (row, col) = (index[prefix.count] + padding.h, index[prefix.count + 1] + padding.w)
        if mirrored { (row, col) = (grid.shape[0] - 1 - index[prefix.count], grid.shape[1] - 1 - index[prefix.count + 1]) }
        guard row >= 0, row < drawnSize.rows, col >= 0, col < drawnSize.cols else { return nil }
        return (row, col)
    }

    /// The tensor index under a drawn grid position, in the tensor's unpadded coordinates (so a
    /// padding or overhang cell has an index outside the tensor, as traces name it), and whether
    /// it lies outside the tensor.
    public func index(atRow row: Int, col: Int) -> (index: [Int], inPadding: Bool) {
        var (r, c) = (row - padding.h, col - padding.w)
        let inPadding = r < 0 || r >= grid.shape[0] || c < 0 || c >= grid.shape[1]
        if mirrored { (r, c) = (grid.shape[0] - 1 - r, grid.shape[1] - 1 - c) }
        return (prefix.isEmpty ? [c] : prefix + [r, c], inPadding)
    }
}
