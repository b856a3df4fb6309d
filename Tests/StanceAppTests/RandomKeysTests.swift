import StanceApp
import StanceKit
import TestSupport
import Terminal
import Testing

/// Thousands of keys and resizes in a random but repeatable order: nothing may crash, and every
/// frame has the terminal's size with the status bar on its last row.
@Suite struct RandomKeysTests {
    @Test(arguments: [1, 2, 3])
    func randomSessionsNeverBreak(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let keys: [Key] = [.char("j"), .char("k"), .char("]"), .char("["), .char("n"), .char("N"), .char("/"), .char("b"),
                           .char("r"), .enter, .escape, .tab, .backTab, .char("l"), .char("h"), .char("+"), .char("-"),
                           .char("c"), .char("s"), .char("o"), .char("?"), .char(":"), .backspace, .pageDown, .pageUp,
                           .ctrl("d"), .ctrl("u"), .char("g"), .char("G"), .char(">"), .char("<"), .char("1"),
                           .char("2"), .char("3"), .char("f"), .down, .up, .char("e"), .char(" ")]
        let sizes = [Size(width: 160, height: 48), Size(width: 100, height: 30), Size(width: 80, height: 24),
                     Size(width: 60, height: 20), Size(width: 40, height: 12), Size(width: 30, height: 10),
                     Size(width: 1, height: 1), Size(width: 0, height: 0)]
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        for step in 0..<1_500 {
            if Int.random(in: 0..<40, using: &random) == 0 {
                let screen = runtime.resize(to: sizes.randomElement(using: &random)!)
                #expect(screen.size == runtime.state.size)
            } else {
                let key = keys.randomElement(using: &random)!
                // Quitting would end the session early; the command line's :quit is covered elsewhere.
                if key == .char("q") { continue }
                let screen = runtime.press(key)
                #expect(screen.size == runtime.state.size, "step \(step)")
            }
            #expect(!runtime.hasQuit)
        }
    }
}
