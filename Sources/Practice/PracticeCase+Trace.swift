import ConvCore
import LessonKit
import Localization

extension PracticeCase {
    /// Every term of the right value of `name[index]`, from the compute core: what the report
    /// shows beside a wrong cell.
    func trace(_ target: ExerciseTarget, _ name: String, at index: [Int]) -> Trace? {
        let options = Conv2DOptions(stride: Pair(settings.stride), padding: Pair(settings.padding))
        switch target {
        case .conv1d:
            guard let f = tensor("f"), let g = tensor("g") else { return nil }
            return try? Conv1D.trace(.convolve, f.data, g.data, mode: settings.mode, at: index[0])
        case .outputSize:
            return nil
        case .conv2d, .conv2dBackward:
            guard let x = tensor("x"), let w = tensor("W"), let b = tensor("b"),
                  let layer = try? Conv2D(x: x, w: w, b: b, options: options) else { return nil }
            guard target == .conv2dBackward, let dOut = tensor("dout") else { return try? layer.traceOutput(index) }
            let gradient: Conv2D.Gradient = switch name {
            case "dW": .dw
            case "db": .db
            default: .dx
            }
            return try? layer.traceGradient(gradient, at: index, dOut: dOut)
        case .convTranspose2d:
            guard let x = tensor("x"), let w = tensor("W") else { return nil }
            return try? ConvTranspose2D(x: x, w: w, options: options).traceOutput(index)
        case .maxpool2d, .maxpool2dBackward:
            guard let x = tensor("x"), let pool = try? Pool2D(.max, x: x, kernel: settings.kernel, stride: Pair(settings.stride)) else { return nil }
            guard target == .maxpool2dBackward, let dOut = tensor("dout") else { return try? pool.traceOutput(index) }
            return try? pool.traceGradient(at: index, dOut: dOut)
        }
    }
}
