import ConvCore
import Localization
import Scenes
import TermCanvas

extension ExplorerState {
    /// What a frame could not show: grids left out, and lines of arithmetic, formulas and notes
    /// cut at the right edge or dropped at the bottom.
    public struct Clipping: Equatable, Sendable {
        public var hiddenGrids = 0
        public var cutLines: [String] = []
        public var droppedLines: [String] = []

        public var isEmpty: Bool { hiddenGrids == 0 && cutLines.isEmpty && droppedLines.isEmpty }
    }

    /// Draws the explorer over the whole buffer, recording where each grid cell is; `tinted`: the
    /// grids' values as a heat map.
    func draw(into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue, tinted: Bool) {
        _ = drawMeasuring(into: &buffer, hits: &hits, t, tinted: tinted)
    }

    /// What the current step's frame at `width`×`height` cannot show.
    public func clipping(width: Int, height: Int, _ t: any Catalogue) -> Clipping {
        var buffer = CellBuffer(width: width, height: height)
        var hits = Hits()
        return drawMeasuring(into: &buffer, hits: &hits, t, tinted: false)
    }

    /// Draws the frame and tells what did not fit.
    private func drawMeasuring(into buffer: inout CellBuffer, hits: inout Hits, _ t: any Catalogue, tinted: Bool) -> Clipping {
        let width = buffer.width
        var clipping = Clipping()
        var (y, cutTitle) = drawHeader(into: &buffer, t)
        if let cutTitle { clipping.cutLines.append(cutTitle) }
        y += 1
        if let error {
            let lines = Paragraph.wrap(t.explorer(.cannotCompute(t.error(error))), width: width - 2, style: Style(bold: true))
                + [[]] + Paragraph.wrap(t.explorer(.undoAdvice), width: width - 2, style: Style(dim: true))
            for (k, line) in lines.enumerated() { buffer.put(line, x: 1, y: y + k) }
        } else {
            (y, clipping.hiddenGrids) = drawPanels(into: &buffer, hits: &hits, top: y, t, tinted: tinted)
            (clipping.cutLines, clipping.droppedLines) = drawExplanation(into: &buffer, top: y + 1, t)
        }
        drawHints(into: &buffer, t)
        return clipping
    }

    // MARK: Header and parameter bar

    /// The title line and the parameter bar; returns the first free row, and the title if it
    /// had to be cut.
    private func drawHeader(into buffer: inout CellBuffer, _ t: any Catalogue) -> (Int, cut: String?) {
        let width = buffer.width
        var status = ""
        if error == nil, !scene.steps.isEmpty {
            status = t.explorer(.stepCounter(min(step, scene.steps.count - 1) + 1, of: scene.steps.count)) + " · "
                + t.explorer(playing ? .playing : .paused) + " · " + Self.speedText(speed, t)
        }
        // The scene's own title matters more than the screen's name: "explore · " gives way first.
        let name = error == nil ? t.sceneTitle(scene.title) : t.operation(config.mode)
        // At least two columns between the title and the status.
        let room = width - TextWidth.columns(status) - 4
        let screen = t.explorer(.screenName) + " · "
        let title = TextWidth.columns(screen + name) <= room ? screen + name : name
        buffer.put(TextLayout.truncate(title, width: room), x: 1, y: 0, style: Style(bold: true))
        let cut = TextWidth.columns(title) > room ? title : nil
        buffer.put(status, x: width - TextWidth.columns(status) - 1, y: 0)

        // Parameters flow over as many lines as they need; per-axis pairs share one item
        // (`stride 2×1`), and the value being edited is bracketed.
        var x = 1, y = 1
        let selected = focus == .parameters ? config.parameters[min(parameter, config.parameters.count - 1)] : nil
        for item in config.parameterGroups {
            let text = config.text(item, marking: selected, scene: error == nil ? scene : nil, t)
            let isSelected = selected.map(item.contains) ?? false
            let w = TextWidth.columns(text)
            if x + w > width - 1 {
                x = 1
                y += 1
            }
            buffer.put(text, x: x, y: y, style: Style(bold: isSelected, dim: focus != .parameters && !isSelected, reverse: isSelected))
            x += w + 3
        }
        return (y + 1, cut)
    }

    static func speedText(_ speed: Int, _ t: any Catalogue) -> String {
        let perSecond = 1 / speeds[speed]
        return perSecond >= 1 ? t.explorer(.stepsPerSecond(Int(perSecond))) : t.explorer(.secondsPerStep(Int(speeds[speed])))
    }

    // MARK: Panels

    /// The panels in a flowing layout, each cell recorded where it is drawn; returns the row below
    /// the last one drawn and how many panels did not fit. When not every grid fits, given grids
    /// (the widest first) give way so that the grids the mode computes are never the ones left out.
    private func drawPanels(into buffer: inout CellBuffer, hits: inout Hits, top: Int, _ t: any Catalogue,
                            tinted: Bool) -> (bottom: Int, hidden: Int) {
        let marks = self.marks()
        let filter = currentStep.flatMap { scene.filter(of: $0) }
        let visible = scene.panels.filter { $0.filter == nil || filter == nil || $0.filter == filter
            || (focus == .cursor && $0.id == cursor?.panel) }
        let widgets = visible.map { original -> GridWidget in
            var panel = original
            if panel.showsPartial, case .scatter(let s, _)? = currentStep {
                panel.grid = s.partial.plane(panel.prefix[0], panel.prefix[1])
            }
            let cursorCell = focus == .cursor ? cursor.flatMap { $0.panel == panel.id ? ($0.row, $0.col) : nil } : nil
            var widget = Self.widget(panel, marks: marks, cursor: cursorCell, pending: pending(panel), tinted: tinted, t)
            if config.mode.is1D, panel.padding != Pair(0) || visible.allSatisfy({ $0.padding == Pair(0) }) && panel.role == .input {
                addSlidingRow(to: &widget, over: panel, t)
            }
            return widget
        }
        let room = Rect(x: 1, y: top, width: buffer.width - 1, height: buffer.height - reservedBelow - top)
        // Two columns between grids, one when that is what lets them all fit.
        let sizes = widgets.map(\.size)
        var gap = 2
        var dropped = Set<Int>()
        var places = Self.flow(sizes, gap: gap, skipping: dropped, in: room)
        if places.contains(where: { $0 == nil }) {
            gap = 1
            places = Self.flow(sizes, gap: gap, skipping: dropped, in: room)
        }
        while places.indices.contains(where: { places[$0] == nil && visible[$0].isResult }),
              let widest = visible.indices.filter({ !visible[$0].isResult && !dropped.contains($0) })
                  .max(by: { sizes[$0].width < sizes[$1].width }) {
            dropped.insert(widest)
            places = Self.flow(sizes, gap: gap, skipping: dropped, in: room)
        }
        var bottom = top
        for (panel, (widget, place)) in zip(visible, zip(widgets, places)) {
            guard let place else { continue }
            widget.draw(into: &buffer, x: place.x, y: place.y)
            bottom = max(bottom, place.y + widget.size.height)
            // The panel's own rows (a 1-D sliding row below them is not a cell of it).
            let (rows, cols) = panel.drawnSize
            for row in 0..<rows {
                for col in 0..<cols {
                    hits.add(widget.cellRect(row: row, col: col).offsetBy(x: place.x, y: place.y),
                             .gridCell(GridPosition(panel: panel.id, row: row, col: col)))
                }
            }
        }
        let hidden = places.filter { $0 == nil }.count
        if hidden > 0 {
            buffer.put(t.explorer(.moreGrids(hidden)), x: 1, y: min(bottom, room.maxY - 1), style: Style(dim: true))
        }
        return (bottom, hidden)
    }

    /// Where each grid of `sizes` goes when they flow left to right and wrap into rows inside
    /// `room`, `gap` columns and one row apart; `nil` for a grid that does not fit (or is skipped).
    static func flow(_ sizes: [(width: Int, height: Int)], gap: Int, skipping: Set<Int>, in room: Rect) -> [(x: Int, y: Int)?] {
        var (x, y, rowHeight) = (room.x, room.y, 0)
        var places: [(x: Int, y: Int)?] = []
        for (k, size) in sizes.enumerated() {
            guard !skipping.contains(k) else {
                places.append(nil)
                continue
            }
            if x > room.x && x + size.width > room.maxX - 1 {
                x = room.x
                y += rowHeight + 1
                rowHeight = 0
            }
            if y + size.height > room.maxY || x + size.width > room.maxX {
                places.append(nil)
                continue
            }
            places.append((x, y))
            x += size.width + gap
            rowHeight = max(rowHeight, size.height)
        }
        return places
    }

    /// The cells of a result grid that the animation has not computed yet: it fills in as the
    /// steps go (every cell is shown in cursor mode, where the learner explores the result).
    private func pending(_ panel: Panel) -> Set<Int> {
        guard focus != .cursor, let steps = scene.stepOfCell[panel.id] else { return [] }
        var cells = Set<Int>()
        for (k, s) in steps.enumerated() where (s ?? -1) > step { cells.insert(k) }
        return cells
    }

    /// Flip and slide, drawn: under the longer 1-D array, the other array's values at the
    /// positions the current step multiplies them with (flipped for convolution).
    private func addSlidingRow(to widget: inout GridWidget, over panel: Panel, _ t: any Catalogue) {
        guard let trace = currentStep?.trace else { return }
        let columns = widget.columns
        var row = Array(repeating: "", count: columns)
        var marks = Array(repeating: GridWidget.Mark.none, count: columns)
        var slider: TensorName?
        for term in trace.terms where term.factors.count == 2 {
            let (long, short) = (term.factors[0], term.factors[1])
            guard long.tensor == panel.tensor, let (_, col) = panel.position(of: long.tensor, long.index) else { continue }
            row[col] = Text.number(short.value)
            marks[col] = .highlight
            slider = short.tensor
        }
        guard let slider else { return }
        widget.cells.append(row)
        widget.marks.append(marks)
        widget.faint.append(Array(repeating: false, count: columns))
        // The slider's values are marked, and marks are never tinted.
        widget.tints?.append(Array(repeating: nil, count: columns))
        widget.title = t.explorer(.slidingBelow(grid: panel.name, slider: slider.rawValue, flipped: config.mode == .conv1d))
    }

    /// Rows kept under the panels for the arithmetic, formulas, call, note and key hints.
    private var reservedBelow: Int { 8 }

    /// The marks of each panel, indexed by `row · columns + column`.
    typealias Marks = [Panel.ID: [Int: GridWidget.Mark]]

    /// A panel as a grid widget: its title (with its caption and the padding mark), its values,
    /// the padding ring drawn as `·` and the overhang past it blank, the marks and the cursor's cell.
    /// Cells in `pending` (row · columns + column) are drawn blank, as wide as their values: not
    /// computed yet at this step of the animation. Without `valuesShown` every cell reads `_`: a
    /// grid to fill in, as a select-the-cells question shows the result it asks about. When
    /// `tinted`, every value shown is tinted as a heat map against the largest magnitude of the
    /// panel's grid.
    static func widget(_ panel: Panel, marks: Marks, cursor: (row: Int, col: Int)? = nil, pending: Set<Int> = [],
                       valuesShown: Bool = true, tinted: Bool, _ t: any Catalogue) -> GridWidget {
        let (rows, cols) = panel.drawnSize
        var cells = Array(repeating: Array(repeating: "·", count: cols), count: rows)
        var faint = Array(repeating: Array(repeating: true, count: cols), count: rows)
        var tints = Array(repeating: Array(repeating: Tint?.none, count: cols), count: rows)
        let scale = panel.grid.data.filter(\.isFinite).map(abs).max() ?? 0
        var cellMarks = Array(repeating: Array(repeating: GridWidget.Mark.none, count: cols), count: rows)
        let panelMarks = marks[panel.id] ?? [:]
        for r in 0..<rows {
            for c in 0..<cols {
                let (gr, gc) = (r - panel.padding.h, c - panel.padding.w)
                if gr >= 0, gr < panel.grid.shape[0], gc >= 0, gc < panel.grid.shape[1] {
                    let value = panel.grid[[gr, gc]], text = valuesShown ? Text.compact(value) : "_"
                    let isPending = pending.contains(r * cols + c)
                    cells[r][c] = isPending ? String(repeating: " ", count: TextWidth.columns(text)) : text
                    faint[r][c] = false
                    tints[r][c] = isPending || !valuesShown ? nil : Tint(value: value, scale: scale)
                } else if panel.isOverhang(row: r, col: c) {
                    cells[r][c] = " "
                }
                if faint[r][c], let ring = panel.ring { cells[r][c] = valuesShown ? Text.compact(ring[[r, c]]) : "_" }
                cellMarks[r][c] = panelMarks[r * cols + c] ?? .none
            }
        }
        let title = panel.name + (panel.caption.map(t.caption) ?? "") + (panel.padding == Pair(0) && panel.paddingAfter == Pair(0) ? "" : t.explorer(panel.ring == nil ? .paddingMark : .copiedPaddingMark))
        return GridWidget(title: title, cells: cells, marks: cellMarks, faint: faint, cursor: cursor,
                          tints: tinted ? tints : nil, titleStyle: Style(foreground: roleColor(panel.role), bold: true))
    }

    /// A colour per role, as a second cue beside the titles (never the only one).
    static func roleColor(_ role: Panel.Role) -> Color {
        switch role {
        case .input: .cyan
        case .kernel: .magenta
        case .bias: .yellow
        case .output: .green
        case .gradient: .red
        }
    }

    /// What to mark: the current step's terms and target, or what the cursor's and the pinned
    /// cell touch (the cursor's own cell is the widget's `cursor`).
    func marks() -> Marks {
        var marks: Marks = [:]
        // Every panel that shows tensor[index] marks it.
        func mark(_ tensor: TensorName, _ index: [Int], _ m: GridWidget.Mark) {
            for panel in scene.panels where panel.tensor == tensor {
                guard let (r, c) = panel.position(of: tensor, index) else { continue }
                marks[panel.id, default: [:]][r * panel.drawnSize.cols + c] = m
            }
        }
        func markStep(_ step: SceneStep) {
            switch step {
            case .cell(let trace):
                for (k, term) in trace.terms.enumerated() {
                    for f in term.factors { mark(f.tensor, f.index, trace.selected == k ? .target : .highlight) }
                }
                if let b = trace.bias { mark(b.tensor, b.index, .highlight) }
            case .scatter(let s, let target):
                for (cell, term) in s.contributions {
                    mark(target, cell, .highlight)
                    for f in term.factors { mark(f.tensor, f.index, .highlight) }
                }
            }
            mark(step.subject.tensor, step.subject.index, .target)
        }
        if focus == .cursor {
            for (position, steps) in [(pinned, pinnedSteps), (cursor, cursorSteps)] {
                guard let position, let (tensor, index, _) = cell(at: position) else { continue }
                for step in steps {
                    if step.isAbout(tensor, index) {
                        // The cell's own computation: its whole receptive field.
                        markStep(step)
                    } else {
                        // A cell that feeds others: those cells, and what it meets on the way.
                        mark(step.subject.tensor, step.subject.index, .target)
                        for factor in step.partners(of: tensor, index) { mark(factor.tensor, factor.index, .highlight) }
                    }
                }
            }
        } else if let step = currentStep {
            markStep(step)
        }
        return marks
    }

    // MARK: Arithmetic and explanations

    /// The arithmetic, formulas, call and notes under the panels; returns the lines cut at the
    /// right edge and those dropped at the bottom.
    private func drawExplanation(into buffer: inout CellBuffer, top: Int, _ t: any Catalogue) -> (cut: [String], dropped: [String]) {
        let width = buffer.width - 2
        var lines: [(String, Style)] = []
        var abbreviated: [String] = []
        if let editor {
            lines.append((t.explorer(.newValue(editor)), Style(bold: true)))
            if editorRefused { lines.append((t.explorer(.numbersOnly), Style(bold: true))) }
        } else if focus == .cursor, let cursor {
            lines += cursorLines(cursor, width: width, t).map { ($0, Style(bold: true)) }
            lines += checkLines(t).flatMap { TextLayout.wrap($0, width: width) }.map { ($0, Style(bold: true)) }
        } else if let step = currentStep {
            let equation = t.equation(of: step)
            lines += Self.equationLines(equation, width: width, maxLines: 3).map { ($0, Style(bold: true)) }
            if TextLayout.wrap(equation, width: width).count > 3 { abbreviated.append(equation) }
            if let channels = t.channelLine(of: scene, step: min(self.step, scene.steps.count - 1)) {
                lines.append((channels, Style(bold: true)))
            }
        }
        if let remark { lines.append((remark, Style(foreground: .red, bold: true))) }
        lines += t.sizeLines(scene.formula).map { ($0, Style.plain) }
        lines += Paragraph.wrap(t.call(scene.call), width: width).map { ($0.plainText, Style(dim: true)) }
        for note in scene.notes { lines += Paragraph.wrap(t.note(note), width: width).map { ($0.plainText, Style(dim: true)) } }
        let bottom = buffer.height - 1
        var cut = abbreviated
        for (k, (text, style)) in lines.enumerated() where top + k < bottom {
            if TextWidth.columns(text) > width { cut.append(text) }
            buffer.put(TextLayout.truncate(text, width: width), x: 1, y: top + k, style: style)
        }
        return (cut, lines.dropFirst(max(0, bottom - top)).map(\.0))
    }

    /// An equation wrapped at its ` + ` signs; if it needs more than `maxLines`, the middle terms
    /// give way to `…` so the start and the result stay visible.
    static func equationLines(_ equation: String, width: Int, maxLines: Int) -> [String] {
        let lines = TextLayout.wrap(equation, width: width)
        guard lines.count > maxLines else { return lines }
        let tail = lines.suffix(maxLines - 1).joined(separator: " ")
        let tailFit = TextWidth.columns(tail) > width * (maxLines - 1)
            ? "… " + String(tail.suffix(width * (maxLines - 1) - 2)) : tail
        return [lines[0] + " …"] + TextLayout.wrap(tailFit, width: width).suffix(maxLines - 1)
    }

    /// What the cursor cell is and what it touches.
    private func cursorLines(_ p: GridPosition, width: Int, _ t: any Catalogue) -> [String] {
        let related = cursorSteps
        guard let (tensor, index, inPadding) = cell(at: p) else { return [] }
        let name = Text.cell(tensor, index) + (inPadding ? t.explorer(.inPadding) : "") + (pinned == p ? t.explorer(.pinned) : "")
        if let own = related.first, related.count == 1, own.isAbout(tensor, index) {
            return Self.equationLines(t.equation(of: own), width: width, maxLines: 3)
        }
        let typing = valueIndex(at: p) == nil ? [] : [t.explorer(.enterTypesValue)]
        // A reflected, replicated or wrapped padding cell says which cell it copies.
        let copy = inPadding ? related.lazy.compactMap(\.trace).flatMap(\.terms).flatMap(\.factors)
            .first { $0.tensor == tensor && $0.index == index && $0.copy != nil }?.copy : nil
        let source = copy.map { [t.copyLine(tensor, $0)] } ?? []
        if related.isEmpty {
            return TextLayout.wrap(t.explorer(.takesNoPart(name)), width: width).prefix(2) + typing
        }
        let targets = related.map { Text.cell($0.subject.tensor, $0.subject.index) }
        return source + Paragraph.wrap(t.explorer(.feeds(name, targets)), width: width).prefix(2).map(\.plainText) + typing
    }

    /// The cursor's gradient check while it is open (or why this cell has none), and why `d`
    /// opened none.
    private func checkLines(_ t: any Catalogue) -> [String] {
        if let checkRefusal { return [t.gradientCheck(checkRefusal)] }
        guard checking else { return [] }
        return probe.map(t.probeLines) ?? [t.gradientCheck(.probeNeedsGradientCell)]
    }

    // MARK: Key hints

    private func drawHints(into buffer: inout CellBuffer, _ t: any Catalogue) {
        var hints = Keymap.hints(keyContext, t)
        if error != nil, let undo = Keymap.rows(keyContext).first(where: { $0.help == .undo }) {
            // With invalid settings, undoing comes first.
            hints.insert(undo.text(t), at: 0)
        }
        let keep = keyContext == .explorerValue ? 1 : 2
        buffer.put(TextLayout.hints(hints, width: buffer.width - 2, keep: keep), x: 1, y: buffer.height - 1, style: Style(dim: true))
    }
}
