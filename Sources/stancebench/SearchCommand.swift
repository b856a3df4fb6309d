import ArgumentParser
import Foundation
import StanceKit
import Terminal

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find articles in a workspace by their words, best matches first.",
        discussion: """
            Every word must occur (case and accents ignored); "quoted words" must occur in that order; \
            a trailing * matches the start of a word (at least 3 letters: negot*); OR between two terms \
            takes either (ceasefire OR truce). Other punctuation only separates words. Prints rank, title, \
            outlet, date and the words around the match, the match in bold on a terminal and in [brackets] \
            otherwise. When thousands of articles match, the newest of them are ranked.

            Examples:
              stancebench search ceasefire
              stancebench search '"military aid"' 'negot*' --limit 10
              stancebench search --workspace study.sqlite 'ceasefire OR truce' --json | jq '.[].title'
            """
    )

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("What to look for (several words are one query).", valueName: "QUERY"))
    var words: [String]

    private var query: String { words.joined(separator: " ") }

    @Option(name: .long, help: "The most articles to list.")
    var limit = 20

    @Flag(name: .long, help: "Print a JSON array of the hits instead of text.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if query.allSatisfy(\.isWhitespace) { throw ValidationError("Give the words to look for.") }
    }

    func run() throws {
        let opened = try workspaceOptions.open(readOnly: true)
        defer { opened.close() }
        let hits: [SearchHit]
        do {
            hits = try opened.search(query, limit: limit)
        } catch WorkspaceError.invalidValue(let message) {
            throw ValidationError(message)
        } catch {
            printError("stancebench: cannot search \(workspaceOptions.workspacePath): \(error)")
            throw ExitStatus.failure
        }
        if json {
            print(try ReportJSON.encode(hits.enumerated().map { SearchResult(rank: $0.offset + 1, hit: $0.element) }), terminator: "")
        } else if hits.isEmpty {
            printError("stancebench: no article matches \(terminalSafe(query)).")
        } else {
            let bold = isatty(STDOUT_FILENO) == 1
            for (index, hit) in hits.enumerated() {
                print(Self.lines(rank: index + 1, hit: hit, bold: bold))
            }
        }
    }

    /// A hit as two lines: rank, title, outlet and date; then the snippet, indented, its matches
    /// marked. Each piece of article text is sanitised on its own, so the marks stay where the
    /// matches are.
    static func lines(rank: Int, hit: SearchHit, bold: Bool) -> String {
        let details = [hit.source, hit.published?.description].compactMap { $0 }.filter { !$0.isEmpty }
        var heading = "\(rank). \(terminalSafe(hit.title ?? "(untitled)"))"
        if !details.isEmpty { heading += " — " + terminalSafe(details.joined(separator: ", ")) }
        let (open, close) = bold ? ("\u{1B}[1m", "\u{1B}[22m") : ("[", "]")
        let scalars = Array(hit.snippet.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            TerminalText.sanitized(String(String.UnicodeScalarView(scalars[range])))
        }
        var snippet = ""
        var done = 0
        for highlight in hit.highlights where highlight.start >= done && highlight.end <= scalars.count {
            snippet += text(done..<highlight.start) + open + text(highlight.start..<highlight.end) + close
            done = highlight.end
        }
        snippet += text(done..<scalars.count)
        return heading + "\n   " + snippet
    }
}

/// A hit as `search --json` prints it.
private struct SearchResult: Encodable {
    var rank: Int
    var articleID: Int64
    var title: String?
    var source: String?
    var published: String?
    var snippet: String
    /// Where the matches are in `snippet`, in Unicode scalars: [start, end) pairs.
    var highlights: [[Int]]
    /// bm25, lower is better.
    var score: Double

    init(rank: Int, hit: SearchHit) {
        self.rank = rank
        articleID = hit.articleID
        title = hit.title
        source = hit.source
        published = hit.published?.description
        snippet = hit.snippet
        highlights = hit.highlights.map { [$0.start, $0.end] }
        score = hit.score
    }
}
