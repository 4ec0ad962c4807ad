import Testing
@testable import TermCanvas

@Suite("Heat-map tint")
struct TintTests {
    @Test("the level grows with the magnitude against the grid's largest; zero is not tinted")
    func levels() {
        let names = [-3, -2, -1, -0.01, 0, 0.5, 1.5, 2.5, 3].map { Tint(value: $0, scale: 3)?.name }
        #expect(names == ["neg3", "neg2", "neg1", "neg1", nil, "pos1", "pos2", "pos3", "pos3"])
        #expect(Tint(value: -0.0, scale: 3) == nil)
        #expect(Tint(value: .nan, scale: 3) == nil && Tint(value: -.infinity, scale: 3) == nil)
        #expect(Tint(value: 1, scale: 0) == nil && Tint(value: 1, scale: .infinity) == nil)
        // A value past the scale stays at the deepest step.
        #expect(Tint(value: 7, scale: 3) == Tint(sign: .positive, level: 3))
    }

    @Test("256 colours paint a tint with a readable foreground; eight colours and none drop it")
    func painting() {
        let style = Style(bold: true, tint: Tint(sign: .negative, level: 3))
        #expect(ColorSupport.full256.adapt(style) == Style(foreground: .indexed(231), background: .indexed(25), bold: true))
        #expect(ColorSupport.full256.adapt(Style(tint: Tint(sign: .positive, level: 1)))
            == Style(foreground: .indexed(16), background: .indexed(224)))
        #expect(ColorSupport.eight.adapt(style) == Style(bold: true))
        #expect(ColorSupport.none.adapt(style) == Style(bold: true))
        #expect(ColorSupport.full256.showsTint && !ColorSupport.eight.showsTint && !ColorSupport.none.showsTint)
    }

    @Test("snapshots name the tint; the escape sequences carry its colours")
    func written() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("-2", x: 1, y: 0, style: Style(tint: Tint(sign: .negative, level: 2)))
        #expect(buffer.styledText.hasSuffix("--- styles\n0: 1-2 tint=neg2"))
        let changes = BufferDiff.changes(from: nil, to: buffer)
        #expect(AnsiText.render(changes).contains("\u{1B}[0;38;5;16;48;5;74m-2"))
        #expect(!AnsiText.render(changes, colors: .none).contains("48;5"))
    }
}
