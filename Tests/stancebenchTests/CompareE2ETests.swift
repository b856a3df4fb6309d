import Foundation
import Testing

/// The comparison journey in the real binary: choose an actor, compare with another, open a
/// statement from the comparison, come back.
@Suite(.serialized, .enabled(if: TmuxSession.canRun, "needs tmux and a built .build/debug/stancebench"))
struct CompareE2ETests {
    @Test func comparesTwoActorsOpensAStatementAndComesBack() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        session.send(":")
        session.type("select-actor Lena Brandt")
        session.send("Enter")
        session.send("2", "C")
        try session.waitFor("Compare Lena Brandt with")
        session.type("Tom")
        session.send("Enter")
        // The title shows before the statements arrive: wait for a row.
        var screen = try session.waitFor("a new bridge is now the only")
        #expect(screen.contains("Compare · Lena Brandt and Tomas Reyes"))
        #expect(screen.contains("≠"))
        #expect(screen.contains("a new bridge is now the only"))
        // The second week, the engineer's column, into the article.
        session.send("j", "l", "Enter")
        screen = try session.waitFor("returns to the comparison")
        #expect(screen.contains("Engineers Back New Bridge"))
        #expect(!screen.contains("Compare · Lena Brandt"))
        session.send("Escape")
        screen = try session.waitFor("Compare · Lena Brandt and Tomas Reyes")
        #expect(screen.contains("row 2/2"))
        session.send("Escape")
        try session.waitUntil("the comparison closes") { !$0.contains("Compare · ") }
        try session.quit(expecting: 0)
    }
}
