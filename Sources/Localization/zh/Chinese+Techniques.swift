import ConvCore

/// The Chinese lines of the techniques' compute blocks.
extension Chinese {
    func technique(_ phrase: TechniquePhrase) -> String {
        switch phrase {
        case .paddedLength(let length, let m, let n):
            "L = \(length)，即不小于 \(m) + \(n) − 1 = \(m + n - 1) 的最小的 2 的幂"
        case .kept(let count, let mode):
            mode == .full ? "前 \(count) 个值就是线性卷积"
                : "NumPy 的 \(mode.rawValue) 模式保留线性卷积中的 \(count) 个值"
        case .largestDifference(let d): "与直接求和的最大差：\(d)"
        case .sidesDiffer(let d): "两边的最大差：\(d)"
        case .directCost(let m, let n, let total):
            "直接计算：M·N = \(m)·\(n) = \(grouped(total)) 次乘法"
        case .fftCost(let length, let stages, let butterflies, let total):
            "快速傅里叶变换（FFT）：3 次变换，每次 (L/2)·log₂L = \(grouped(butterflies)) 个蝶形运算，再加 L 次乘积："
                + "6·L·log₂L + 4·L = 6·\(length)·\(stages) + 4·\(length) = \(grouped(total)) 次乘法"
        case .cheaper(let fft, let factor):
            fft ? "FFT 更省：直接求和的乘法次数是它的 \(factor) 倍" : "直接求和更省：FFT 的乘法次数是它的 \(factor) 倍"
        case .crossover(let m, let n):
            n.map { "信号长度为 \(m) 时，卷积核长度从 \($0) 起 FFT 更省" }
                ?? "信号长度为 \(m) 时，卷积核长度不超过 \(m) 的情况下都是直接求和更省"
        case .circularDefinition(let length):
            "循环卷积 (a ⊛ v)[k] = Σₘ a[m]·v[(k − m) mod \(length)]，两者都补零到长度 \(length)"
        case .linear(let values): "线性卷积 a ∗ v = \(values)"
        case .wraps(let count, let length, let m, let n):
            "\(length) < \(m) + \(n) − 1 = \(m + n - 1)：最后 \(count) 个值绕回到开头，叠加在前 \(count) 个值上"
        case .noWrap(let length, let m, let n, let zeros):
            "\(length) ≥ \(m) + \(n) − 1 = \(m + n - 1)：没有值绕回；结果就是线性卷积后面跟 \(zeros) 个零"
        case .viaTransform(let length, let fft, let values):
            "用长度为 \(length) 的\(fft ? "快速傅里叶变换（FFT）" : "离散傅里叶变换（DFT）")：IDFT(DFT(a)·DFT(v)) = \(values)"
        case .tiles(let variant, let tiles):
            variant == .f23
                ? "\(variant.rawValue)：\(tiles.w) 个分块，每块 4 个输入、2 个输出"
                : "F(2×2,3×3)：\(tiles.h)×\(tiles.w) 个分块，每块 4×4 个输入、2×2 个输出"
        case .direct(let values): "直接计算相关：\(values)"
        case .winogradMultiplications(let variant, let tiles, let total, let outputs):
            "Winograd \(name(variant))：\(tiles) 个分块 × \(variant.tileMultiplications) = \(grouped(total)) 次乘法，得到 \(outputs) 个输出"
        case .directMultiplications(let outputs, let taps, let total):
            "直接计算：\(outputs) 个输出 × \(taps) = \(grouped(total)) 次乘法"
        case .fewer(let factor): "直接计算的乘法次数是 Winograd 的 \(factor) 倍"
        case .firstTile(let stage): "\(stage)（第一个分块）"
        case .roundingError(let precision, let winograd, let direct):
            "\(precision.rawValue)：Winograd 的最大误差 \(winograd)，直接求和的最大误差 \(direct)（相对精确和）"
        case .foldedWeights: "批量归一化折叠：w′ = s·w，逐个滤波器："
        case .noBias: "b = 0（卷积没有偏置）"
        case .factorisation(let column, let row): "可分离卷积核：w = c·rᵀ，c = \(column)，r = \(row)"
        case .passes(let k):
            "先用 r 做一次 1×\(k.w) 的卷积，再用 c 做一次 \(k.h)×1 的卷积"
        case .singularValues(let values): "奇异值：\(values)"
        case .rank(let rank, let exact):
            "秩为 \(rank)" + (exact ? "（精确：元素都是整数）" : "（数值：大于 σ₁·max(KH, KW)·ε 的奇异值个数）")
        case .separableCost(let k, let rank, let direct, let separable):
            "每个输出：直接计算 KH·KW = \(k.h)·\(k.w) = \(direct) 次乘法，"
                + (rank == 1 ? "分离后 KH + KW = \(k.h) + \(k.w) = \(separable) 次"
                    : "拆成 \(rank) 个可分离卷积核之和 \(rank)·(KH + KW) = \(rank)·(\(k.h) + \(k.w)) = \(separable) 次")
        case .separableTotal(let input, let output, let k, let direct, let separable):
            "在 \(input.h)×\(input.w) 的输入上（输出 \(output.h)×\(output.w)）：直接计算 \(output.h)·\(output.w)·\(k.h)·\(k.w) = \(grouped(direct)) 次；"
                + "分离后 \(input.h)·\(output.w)·\(k.w) + \(output.h)·\(output.w)·\(k.h) = \(grouped(separable)) 次"
        case .notSeparable(let rank):
            "w 的秩为 \(rank)：它不能写成一列乘一行"
        case .sampling(let f, let g, let dt, let fSamples, let gSamples):
            "f = \(f)，g = \(g)，Δt = \(dt)：分别采样 \(fSamples) 和 \(gSamples) 个点"
        case .exactly(let form): "精确结果：f ∗ g = \(form)"
        case .continuousAt(let t, let sampled, let exact, let error):
            "t = \(t)：采样 \(sampled)，精确 \(exact)，误差 \(error)"
        case .fanIn(let c, let groups, let k, let fanIn):
            "扇入 fan_in = C/groups·KH·KW = \(c)/\(groups)·\(k.h)·\(k.w) = \(grouped(fanIn))"
        case .heStd(let fanIn, let std): "He 初始化：std = √(2/fan_in) = √(2/\(fanIn)) = \(std)"
        case .heBound(let fanIn, let bound): "均匀分布：界 = √(6/fan_in) = √(6/\(fanIn)) = \(bound)"
        case .tfSameAxis(let rows, let h, let k, let s, let d, let out, let total, let before, let after):
            "\(rows ? "行" : "列")：out = ⌈\(h)/\(s)⌉ = \(out)；总填充 = max((\(out)−1)·\(s) + \(d)·(\(k)−1) + 1 − \(h), 0) = \(total)："
                + (rows ? "上边 \(before)，下边 \(after)" : "左边 \(before)，右边 \(after)")
        case .tfSamePad(let sides): "F.pad 的四边 [左, 右, 上, 下] = [\(sides.map(String.init).joined(separator: ", "))]"
        }
    }

    /// `F(2,3)` or `F(2×2,3×3)`.
    private func name(_ variant: Winograd.Variant) -> String {
        variant == .f23 ? "F(2,3)" : "F(2×2,3×3)"
    }
}
