import ConvCore
import Foundation

/// A tensor as the golden files store it: `{"shape": [...], "data": [flat row-major]}`.
public struct GoldenTensor: Decodable, Sendable {
    public let shape: [Int]
    public let data: [Double]

    public var tensor: Tensor { Tensor(shape: shape, data: data) }
}

/// One case of `conv2d.json` or `conv_transpose2d.json`.
public struct GoldenConvCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let x: GoldenTensor
    public let w: GoldenTensor
    public let b: [Double]?
    public let stride: [Int]
    public let padding: [Int]
    public let dilation: [Int]
    public let groups: Int
    public let output_padding: [Int]?
    public let out: GoldenTensor
    public let dout: GoldenTensor
    public let dx: GoldenTensor
    public let dw: GoldenTensor
    public let db: [Double]

    public var options: Conv2DOptions {
        Conv2DOptions(stride: Pair(stride[0], stride[1]), padding: Pair(padding[0], padding[1]),
                      dilation: Pair(dilation[0], dilation[1]), groups: groups)
    }

    public var bias: Tensor? { b.map { Tensor($0) } }
    public var description: String { name }
}

/// One case of `conv2d_padding.json`: a conv2d whose padding has a mode, a layout (`"same"`,
/// `"valid"` or `[h, w]`) and possibly explicit sides `pad = [left, right, top, bottom]`.
public struct GoldenPaddedConvCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let x: GoldenTensor
    public let w: GoldenTensor
    public let b: [Double]?
    public let stride: [Int]
    public let padding: GoldenPadding
    public let pad: [Int]?
    public let padding_mode: String
    public let dilation: [Int]
    public let groups: Int
    public let out: GoldenTensor
    public let dout: GoldenTensor
    public let dx: GoldenTensor
    public let dw: GoldenTensor
    public let db: [Double]

    /// `padding` as the file writes it: `"same"`, `"valid"` or `[h, w]`.
    public enum GoldenPadding: Decodable, Sendable {
        case same, valid
        case amount([Int])

        public init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let amount = try? value.decode([Int].self) {
                self = .amount(amount)
            } else {
                let word = try value.decode(String.self)
                guard word == "same" || word == "valid" else {
                    throw DecodingError.dataCorruptedError(in: value, debugDescription: "padding \(word)")
                }
                self = word == "same" ? .same : .valid
            }
        }
    }

    public var options: Conv2DOptions {
        var o = Conv2DOptions(stride: Pair(stride[0], stride[1]), dilation: Pair(dilation[0], dilation[1]),
                              groups: groups, paddingMode: PaddingMode(rawValue: padding_mode) ?? .zeros)
        switch padding {
        case .same: o.paddingLayout = .same
        case .valid: break
        case .amount(let p): o.padding = Pair(p[0], p[1])
        }
        if let pad { o.paddingLayout = .sides(PaddingSides(pad)) }
        return o
    }

    public var bias: Tensor? { b.map { Tensor($0) } }
    public var description: String { name }
}

/// One case of `pool2d.json`, or of `pool2d_options.json` (which adds `dilation`, `ceil_mode`,
/// `count_include_pad` and `divisor_override`; PyTorch's defaults where absent).
public struct GoldenPoolCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let kind: String
    public let x: GoldenTensor
    public let kernel: [Int]
    public let stride: [Int]
    public let padding: [Int]
    public let dilation: [Int]?
    public let ceil_mode: Bool?
    public let count_include_pad: Bool?
    public let divisor_override: Int?
    public let out: GoldenTensor
    public let dout: GoldenTensor
    public let dx: GoldenTensor
    public var description: String { name }

    public var kernelPair: Pair { Pair(kernel[0], kernel[1]) }

    public var options: Pool2DOptions {
        Pool2DOptions(stride: Pair(stride[0], stride[1]), padding: Pair(padding[0], padding[1]),
                      dilation: dilation.map { Pair($0[0], $0[1]) } ?? Pair(1), ceilMode: ceil_mode ?? false,
                      countIncludePad: count_include_pad ?? true, divisorOverride: divisor_override)
    }
}

/// One case of `adaptive_pool2d.json`.
public struct GoldenAdaptivePoolCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let kind: String
    public let x: GoldenTensor
    public let output_size: [Int]
    public let out: GoldenTensor
    public let dout: GoldenTensor
    public let dx: GoldenTensor

    public var outputSize: Pair { Pair(output_size[0], output_size[1]) }
    public var description: String { name }
}

/// One case of `conv1d.json`.
public struct GoldenConv1DCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let op: String
    public let mode: String
    public let a: [Double]
    public let v: [Double]
    public let out: [Double]
    public var description: String { name }
}

private struct GoldenFile<Case: Decodable>: Decodable {
    let cases: [Case]
}

/// Reads the cases of a golden file in `Tests/ConvCoreTests/Golden/`.
public func goldenCases<Case: Decodable>(_ file: String, as: Case.Type = Case.self) -> [Case] {
    let url = packageRoot.appendingPathComponent("Tests/ConvCoreTests/Golden/\(file)")
    do {
        return try JSONDecoder().decode(GoldenFile<Case>.self, from: Data(contentsOf: url)).cases
    } catch {
        fatalError("cannot read golden file \(url.path): \(error)")
    }
}

/// The package's root folder, found from this source file's location.
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
