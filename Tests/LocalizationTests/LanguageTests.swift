import ConvCore
import Foundation
import Localization
import Testing

/// The language is chosen once from `--lang` or the locale; the catalogues write the same values
/// in each language's own conventions.
@Suite("Languages and catalogues")
struct LanguageTests {
    @Test("locale codes name a language; C, POSIX and languages without a catalogue do not", arguments: [
        ("zh_CN.UTF-8", Language.zh), ("zh_TW", .zh), ("zh", .zh), ("zh-Hans", .zh), ("zh_HK.Big5@stroke", .zh),
        ("en_GB.UTF-8", .en), ("en", .en), ("EN_us", .en),
    ])
    func codes(_ code: String, _ language: Language) {
        #expect(Language(code: code) == language)
    }

    @Test("no language for C, POSIX, an empty code or one without a catalogue", arguments: ["C", "POSIX", "C.UTF-8", "", "fr_FR.UTF-8", "zhx"])
    func unknown(_ code: String) {
        #expect(Language(code: code) == nil)
    }

    @Test("LC_ALL, then LC_MESSAGES, then LANG decide; an empty one is skipped; English otherwise")
    func environment() {
        #expect(Language.of(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.of(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.of(environment: ["LC_MESSAGES": "zh_TW", "LANG": "en_US"]) == .zh)
        #expect(Language.of(environment: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.of(environment: ["LC_ALL": "fr_FR.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.of(environment: [:]) == .en)
    }

    @Test("the next review: minutes within the hour, hours within the day, then days, months, years")
    func intervals() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let now = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 9)))
        let after = { (seconds: Double) in ReviewInterval(from: now, to: now.addingTimeInterval(seconds), calendar: calendar) }
        #expect(after(30) == .aMinute)
        #expect(after(10 * 60) == .minutes(10))
        #expect(after(3 * 3600) == .hours(3))
        #expect(after(20 * 3600) == .tomorrow)
        #expect(after(4 * 86400) == .days(4))
        #expect(after(90 * 86400) == .months(3))
        #expect(after(800 * 86400) == .years(2))
        let (en, zh) = (Language.en.catalogue, Language.zh.catalogue)
        #expect(en.quiz(.nextReview(.minutes(10))) == "Next review: in 10 minutes.")
        #expect(en.quiz(.nextReview(.minutes(1))) == "Next review: in 1 minute.")
        #expect(en.quiz(.nextReview(.hours(1))) == "Next review: in an hour.")
        #expect(zh.quiz(.nextReview(.days(4))) == "下次复习：4 天后。")
    }

    @Test("English counts agree in number; Chinese counts take no plural")
    func plurals() {
        let (en, zh) = (Language.en.catalogue, Language.zh.catalogue)
        #expect(en.lesson(.steps(1)) == "1 step")
        #expect(en.lesson(.steps(2)) == "2 steps")
        #expect(en.explorer(.moreGrids(1)) == "(1 more grid: enlarge the terminal or reduce the sizes)")
        #expect(en.explorer(.moreGrids(3)) == "(3 more grids: enlarge the terminal or reduce the sizes)")
        #expect(en.stats(.answersAndStreak(answers: 5, streakDays: 1)) == "answers given: 5; streak: 1 day")
        #expect(en.note(.backwardAsStridedConvolution(stride: Pair(2))).contains("1 zero between neighbouring cells"))
        #expect(en.note(.backwardAsStridedConvolution(stride: Pair(3))).contains("2 zeros between neighbouring cells"))
        #expect(zh.lesson(.steps(2)) == "2 步")
    }

    @Test("size formulas line up after their labels, wide characters counting two columns")
    func sizeLines() {
        let formula = SizeFormula.perAxis(height: "⌊(7 − 3)/1⌋ + 1 = 5", width: "⌊(9 − 3)/1⌋ + 1 = 7")
        #expect(Language.en.catalogue.sizeLines(formula) == ["output height: ⌊(7 − 3)/1⌋ + 1 = 5", "output width:  ⌊(9 − 3)/1⌋ + 1 = 7"])
        #expect(Language.zh.catalogue.sizeLines(formula) == ["输出高度：⌊(7 − 3)/1⌋ + 1 = 5", "输出宽度：⌊(9 − 3)/1⌋ + 1 = 7"])
        #expect(Language.en.catalogue.sizeLines(.axes { _ in "4" }) == ["output size: 4"])
    }

    @Test("a receptive field's step shows its numbers, in each language's punctuation")
    func receptiveField() throws {
        let layer = ReceptiveField.Layer(kernel: 3, stride: 2, dilation: 2)
        let growth = try ReceptiveField.growth([ReceptiveField.Layer(kernel: 3), layer])
        let phrase = ComputePhrase.receptiveFieldLayer(number: 2, layer: layer, previous: growth[0], result: growth[1])
        #expect(Language.en.catalogue.compute(phrase) == "layer 2 (K=3, S=2, D=2): r = 3 + 2·(3−1)·1 = 7, jump 1·2 = 2")
        #expect(Language.zh.catalogue.compute(phrase) == "第 2 层（K=3，S=2，D=2）：r = 3 + 2·(3−1)·1 = 7，跳跃距离 1·2 = 2")
    }

    @Test("the compute core's refusals in Chinese name the field and the numbers")
    func errors() {
        let zh = Language.zh.catalogue
        #expect(zh.error(.tooSmall(field: "stride", axis: .height, value: 0, minimum: 1)) == "步幅：高度方向至少为 1，实际为 0")
        #expect(zh.error(.groupsDoNotDivide(channels: 6, of: .channels, groups: 4)) == "分组：4 不能整除通道数 6")
        #expect(zh.error(.shapeMismatch(field: "dout", axis: 2, expected: 3, got: 4, because: .outputShape))
            == "dout：shape[2] 应为 3（与输出形状一致），实际为 4")
        #expect(Language.en.catalogue.error(.groupsDoNotDivide(channels: 6, of: .channels, groups: 4))
            == "groups: 4 does not divide the 6 channels")
    }
}
