/// A half-open range of offsets in Unicode scalars into an article's text. Scalars, not UTF-16
/// units or grapheme clusters, because that is what the JSON schema promises other tools.
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public var length: Int { end - start }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// What a block of an article is. Only `body` (and the headline's standfirst) carries the debate;
/// the rest is shown, dimmed, but never yields statements.
public enum BlockRole: String, Sendable, Codable, CaseIterable {
    case dateline      // "The New York Times 10. November 2022"
    case headline
    case standfirst    // the summary under the headline
    case caption
    case credit
    case byline
    case body
    case subheading
    case sidebar
    case promo         // "Learn more about our process.", newsletter sign-ups, related links
    case contributor   // "X and Y contributed reporting."

    public var isBoilerplate: Bool {
        switch self {
        case .body, .headline, .standfirst, .subheading: return false
        default: return true
        }
    }
}

/// A paragraph-like block of the article text.
public struct Block: Hashable, Sendable, Codable {
    public var role: BlockRole
    public var span: TextSpan
    public init(role: BlockRole, span: TextSpan) {
        self.role = role
        self.span = span
    }
}

/// An article as read from a file: metadata plus its display text and blocks. The text is the
/// file's text (after decoding and, for HTML, extraction); spans index into it.
public struct Article: Hashable, Sendable, Codable {
    public var file: String
    public var title: String?
    public var source: String?
    public var published: Day?
    public var byline: [String]
    public var url: String?
    public var text: String
    public var blocks: [Block]
    /// Problems met while reading (invalid UTF-8 replaced, HTML recovered...), for the user to see.
    public var warnings: [String]

    public init(file: String, title: String? = nil, source: String? = nil, published: Day? = nil,
                byline: [String] = [], url: String? = nil, text: String, blocks: [Block] = [],
                warnings: [String] = []) {
        self.file = file
        self.title = title
        self.source = source
        self.published = published
        self.byline = byline
        self.url = url
        self.text = text
        self.blocks = blocks
        self.warnings = warnings
    }
}

public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case person, organization, group
}

/// Someone who can take a side: a person, an organisation or a group. Within one analysis the id is
/// local to the article; the workspace merges actors across articles.
public struct Actor: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    public var role: String?
    public var aliases: [String]
    /// Where the actor is named in the text.
    public var mentions: [TextSpan]
    /// A position of the frame, or `mixed` / `none`.
    public var stance: String
    public var confidence: Double
    /// Named in the article but not a participant in the debate (author, photo credit, contributor).
    public var isParticipant: Bool

    public init(id: String, name: String, kind: ActorKind, role: String? = nil, aliases: [String] = [],
                mentions: [TextSpan] = [], stance: String = Frame.none, confidence: Double = 0,
                isParticipant: Bool = true) {
        self.id = id
        self.name = name
        self.kind = kind
        self.role = role
        self.aliases = aliases
        self.mentions = mentions
        self.stance = stance
        self.confidence = confidence
        self.isParticipant = isParticipant
    }
}

public enum StatementKind: String, Sendable, Codable, CaseIterable {
    /// Words inside quotation marks.
    case direct
    /// "has made the case that ...", "according to ...".
    case reported
    /// The journalist's description of a position: "a strong voice for diplomacy".
    case description
}

/// Where a statement came from and what a human made of it.
public enum StatementStatus: String, Sendable, Codable, CaseIterable {
    case suggested, accepted, edited, rejected
}

/// One claim by one actor: the unit of analysis, as in discourse network analysis.
public struct Statement: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var actorID: String
    public var kind: StatementKind
    /// For a direct quote, the words inside the marks; otherwise the reported clause.
    public var text: String
    /// The speech verb or phrase that attributes it ("said", "told reporters", "according to").
    public var cue: String?
    public var span: TextSpan
    public var date: Day?
    /// The words that decided the date ("on Wednesday"), nil when the publication date was used.
    public var dateText: String?
    public var stance: String
    public var confidence: Double
    /// The words that decided the stance.
    public var evidence: [String]
    public var status: StatementStatus

    public init(id: String, actorID: String, kind: StatementKind, text: String, cue: String? = nil,
                span: TextSpan, date: Day? = nil, dateText: String? = nil, stance: String = Frame.none,
                confidence: Double = 0, evidence: [String] = [], status: StatementStatus = .suggested) {
        self.id = id
        self.actorID = actorID
        self.kind = kind
        self.text = text
        self.cue = cue
        self.span = span
        self.date = date
        self.dateText = dateText
        self.stance = stance
        self.confidence = confidence
        self.evidence = evidence
        self.status = status
    }
}

/// The analyser's result for one article.
public struct ArticleAnalysis: Hashable, Sendable, Codable {
    public var article: Article
    public var actors: [Actor]
    public var statements: [Statement]
    public init(article: Article, actors: [Actor], statements: [Statement]) {
        self.article = article
        self.actors = actors
        self.statements = statements
    }
}
