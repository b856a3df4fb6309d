import Testing
@testable import StanceKit

@Suite struct WorkspaceNameMergeTests {
    static func article(_ file: String, person: String) -> ArticleAnalysis {
        let text = "\(person) spoke in \(file)."
        return ArticleAnalysis(
            article: Article(file: file, text: text),
            actors: [Actor(id: "a1", name: person, kind: .person, mentions: [TextSpan(start: 0, end: person.count)])],
            statements: [])
    }

    @Test func middleInitialsAndSuffixesMeetAcrossArticles() throws {
        let workspace = try Workspace.inMemory()
        _ = try workspace.addArticle(Self.article("one", person: "Rowan T. Achterberg"))
        _ = try workspace.addArticle(Self.article("two", person: "Rowan Achterberg"))
        _ = try workspace.addArticle(Self.article("three", person: "Harlan Pruitt"))
        _ = try workspace.addArticle(Self.article("four", person: "Harlan J. Pruitt Jr."))
        let names = try workspace.actors().map(\.name).sorted()
        #expect(names == ["Harlan Pruitt", "Rowan T. Achterberg"])
    }

    @Test func differentMiddleInitialsStayApart() throws {
        let workspace = try Workspace.inMemory()
        _ = try workspace.addArticle(Self.article("one", person: "George W. Bush"))
        _ = try workspace.addArticle(Self.article("two", person: "George H. W. Bush"))
        #expect(try workspace.actors().count == 2)
    }

    @Test func shortKeysDropOnlyInitialsAndSuffixes() {
        #expect(NameKey.withoutInitials("harlan j pruitt jr") == "harlan pruitt")
        #expect(NameKey.withoutInitials("jake sullivan") == nil)
        #expect(NameKey.withoutInitials("a smith") == nil)
    }
}
