import ConvCore
import Localization

/// A Python value crossing between the tutor and the learner's function: what a case passes in,
/// and what the function gave back, as the harness describes it.
public enum PyValue: Equatable, Sendable {
    /// A NumPy array: its shape, its values in row-major order (as float64), its dtype's name.
    case array(Tensor, dtype: String)
    case number(Double)
    case text(String)
    case tuple([PyValue])
    /// A Python list, with the shape NumPy would give it if it is regular.
    case list(shape: [Int]?)
    case none
    /// Anything else: its type's name.
    case other(typeName: String)

    /// The array of a float64 tensor.
    public static func array(_ tensor: Tensor) -> PyValue { .array(tensor, dtype: "float64") }

    /// The value's Python type, as a learner reads it in a message.
    public var typeName: String {
        switch self {
        case .array(_, let dtype): "numpy.ndarray (\(dtype))"
        case .number: "number"
        case .text: "str"
        case .tuple(let items): "tuple of \(items.count)"
        case .list: "list"
        case .none: "None"
        case .other(let name): name
        }
    }
}
