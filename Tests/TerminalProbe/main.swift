// A test fixture, not part of the product: opens the terminal like convtutor does, draws one
import Glibc
// line, and on `t` dies of a Swift trap, so the end-to-end tests can check that the terminal is
// restored after a crash. `q` closes it normally.
import CursesBackend
import TermCanvas

let terminal: CursesTerminal
do {
    terminal = try CursesTerminal.open()
} catch {
    print("probe: \(error)")
    exit(2)
}
var frame = CellBuffer(width: terminal.size.width, height: terminal.size.height)
frame.put("probe ready: t traps, q quits", x: 0, y: 0, style: Style(reverse: true))
terminal.draw(BufferDiff.changes(from: nil, to: frame))
terminal.present()
while true {
    switch terminal.nextEvent(timeout: nil) {
    case .key(.character("t"))?:
        let empty: [Int] = []
        print(empty[Int(terminal.size.width)])  // index out of range: a Swift trap
    case .key(.character("q"))?:
        terminal.close()
        exit(0)
    default:
        continue
    }
}
