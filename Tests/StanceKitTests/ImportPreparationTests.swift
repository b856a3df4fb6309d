import Foundation
import Testing
@testable import StanceKit

/// What the importer's workers prepare for the writer (PreparedArticle): the fast paths must give
/// what the Foundation calls they replaced gave.
@Suite struct ImportPreparationTests {
    @Test func trimmingWhitespaceMatchesFoundationForEveryScalarOfTheBasicPlane() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let around = String(scalar)
            for text in [around + "Ab c" + around, around, around + around, "x" + around] {
                #expect(TrimSet.whitespacesAndNewlines.trim(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(value, radix: 16))")
            }
        }
        #expect(TrimSet.whitespacesAndNewlines.trim("  \t Jake\u{00A0}Sullivan \n") == "Jake\u{00A0}Sullivan")
        #expect(TrimSet.whitespacesAndNewlines.trim(" \u{3000} ") == "")
    }

    @Test func aPersonsShortNameDropsInitialsAndSuffixes() {
        #expect(Workspace.shortName("Rowan T. Achterberg") == "Rowan Achterberg")
        #expect(Workspace.shortName("Harlan J. Pruitt Jr.") == "Harlan Pruitt")
        #expect(Workspace.shortName("Harlan Pruitt, III") == "Harlan Pruitt,")
        #expect(Workspace.shortName("J. Doe") == "J. Doe")
        #expect(Workspace.shortName("Ana ., Núñez") == "Ana Núñez")
        #expect(Workspace.shortName("Mark A. Milley II") == "Mark Milley")
    }

    @Test func actorNamesAreTrimmedAndFoldedOnce() throws {
        let actor = Actor(id: "a1", name: "  Mark A. Milley \n", kind: .person, aliases: [" General Milley", "   ", "Milley"])
        let names = try PreparedArticle.ActorNames(actor)
        #expect(names.name == "Mark A. Milley")
        #expect(names.nameKey == "mark a milley")
        #expect(names.lookupKeys == ["general milley", "mark a milley", "mark milley", "milley"])
        #expect(names.aliases.map(\.text) == ["Mark A. Milley", "General Milley", "Milley", "Mark Milley"])
        #expect(names.aliases.map(\.key) == ["mark a milley", "general milley", "milley", "mark milley"])
        #expect(throws: WorkspaceError.self) { try PreparedArticle.ActorNames(Actor(id: "a2", name: " . ", kind: .person)) }
    }

    /// Spans count Unicode scalars; text that is not ASCII is walked, ASCII text is indexed directly.
    @Test func mentionKeysAreTheWordsAtEachMentionInAnyText() throws {
        let brussels = try PreparedArticle(Fixtures.brussels, fileHash: nil)
        #expect(brussels.mentionKeys == [["general milley"], ["the pentagon"], ["jill sullivan"]])
        let kyiv = try PreparedArticle(Fixtures.kyiv, fileHash: nil)
        #expect(kyiv.mentionKeys == [["vitali klitschko"]])
        let milley = try PreparedArticle(Fixtures.milley, fileHash: nil)
        #expect(milley.mentionKeys == [["gen mark a milley", "general milley"], ["jake sullivan"]])

        // A span may begin inside a character (at a combining accent): scalars, not characters, count.
        var accented = Fixtures.kyiv
        let text = "Vitale\u{301} Klitschko\u{301}: " + accented.article.text
        let scalars = Array(text.unicodeScalars)
        accented.article.text = text
        accented.actors[0].mentions = [TextSpan(start: 6, end: 17), TextSpan(start: 0, end: scalars.count)]
        let prepared = try PreparedArticle(accented, fileHash: nil)
        #expect(prepared.mentionKeys[0] == accented.actors[0].mentions.map { span in
            NameKey.normalize(String(String.UnicodeScalarView(scalars[span.start..<span.end])))
        })
    }

    @Test func spansOutsideTheTextOrInvertedAreRefused() {
        var inverted = TextSpan(start: 4, end: 4)
        inverted.start = 5
        for span in [TextSpan(start: 0, end: Fixtures.kyivText.unicodeScalars.count + 1), inverted] {
            var analysis = Fixtures.kyiv
            analysis.actors[0].mentions = [span]
            #expect(throws: WorkspaceError.self) { try PreparedArticle(analysis, fileHash: nil) }
        }
    }
}
