import Testing
@testable import Terminal
import TestSupport

@Suite("Terminal invariants") struct TerminalInvariantTests {
    /// Every continuation has a wide character on its left, and every wide character a continuation.
    private func wideCharactersAreWhole(_ screen: Screen) -> Bool {
        for y in 0..<screen.size.height {
            for x in 0..<screen.size.width {
                let cell = screen[x, y]
                if cell.isContinuation, x == 0 || screen[x - 1, y].width != 2 { return false }
                if cell.width == 2, x + 1 >= screen.size.width || !screen[x + 1, y].isContinuation { return false }
            }
        }
        return true
    }

    @Test func randomDrawingNeverSplitsAWideCharacter() {
        var random = SeededGenerator(seed: 2026)
        let samples = ["日本語", "a", "ab日", "😀x", "e\u{301}", "語", " ", "\t", "👩\u{200D}👧", "ｶﾀ", "Ａ"]
        var screen = Screen(width: 13, height: 3)
        for step in 0..<3000 {
            let text = (0..<Int.random(in: 1...3, using: &random)).map { _ in samples.randomElement(using: &random)! }.joined()
            let x = Int.random(in: -3...14, using: &random), y = Int.random(in: 0...2, using: &random)
            switch Int.random(in: 0...3, using: &random) {
            case 0:
                screen.put(text, x: x, y: y)
            case 1:
                let clip = Rect(x: Int.random(in: -1...12, using: &random), y: 0, width: Int.random(in: 0...8, using: &random), height: 3)
                screen.put(text, x: x, y: y, clip: clip)
            case 2:
                screen.put(text, x: x, y: y, maxWidth: Int.random(in: 0...5, using: &random))
            default:
                screen.fill(Rect(x: x, y: y, width: Int.random(in: 0...5, using: &random), height: 2), with: "-")
            }
            if !wideCharactersAreWhole(screen) {
                Issue.record("step \(step): \(screen.lines)")
                return
            }
        }
    }

    @Test func sanitisedTextNeverCarriesControlsOrFormatCharacters() {
        var random = SeededGenerator(seed: 7)
        let pools: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0xFF, 0x200B...0x206F, 0xFE00...0xFEFF,
                                            0x300...0x36F, 0x1F300...0x1F6FF, 0xE000...0xE0FF, 0xE0000...0xE007F]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                let pool = pools.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { text.unicodeScalars.append(scalar) }
            }
            for piece in TerminalText.displayPieces(text) {
                #expect(piece.width == 1 || piece.width == 2)
                for scalar in piece.text.unicodeScalars {
                    let value = scalar.value
                    #expect(value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value), "raw control \(value)")
                    let category = scalar.properties.generalCategory
                    #expect(category != .format || value == 0x200C || value == 0x200D, "format \(value)")
                    #expect(category != .privateUse && category != .unassigned, "unsafe \(value)")
                }
            }
        }
    }
}
