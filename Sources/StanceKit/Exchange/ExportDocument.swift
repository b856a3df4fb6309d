import Foundation

/// The JSON exchange schema: what `stancebench analyze --json` prints and the workspace exports,
/// plus, per statement, who decided what (absent for a fresh analysis). Optional fields are
/// written as `null` rather than left out, so every reader sees the same keys.
public struct ExportDocument: Hashable, Sendable, Codable {
    /// The frame's id.
    public var frame: String?
    /// The whole frame, when known: then `frame` is written as the frame object (positions, labels,
    /// glyphs, cues), so a reader needs no frame file; otherwise as the id alone.
    public var frameDetails: Frame?
    public var articles: [ExportArticle]

    public init(frame: String?, articles: [ExportArticle]) {
        self.frame = frame
        self.articles = articles
    }

    /// Fresh analyses, ids as the analyser gave them.
    public init(analyses: [ArticleAnalysis], frame: String?) {
        self.init(frame: frame, articles: analyses.map { ExportArticle($0) })
    }

    /// Fresh analyses in a known frame: what `stancebench analyze --json` prints.
    public init(analyses: [ArticleAnalysis], frame: Frame) {
        self.init(analyses: analyses, frame: frame.id)
        frameDetails = frame
    }

    /// Workspace articles, ids being workspace ids (so one actor has one id in every article).
    public init(workspaceArticles: [ArticleDetail], frame: String? = nil) {
        let frames = Set(workspaceArticles.compactMap(\.frameID))
        self.init(frame: frame ?? (frames.count == 1 ? frames.first : nil),
                  articles: workspaceArticles.map { ExportArticle($0) })
    }

    enum CodingKeys: String, CodingKey { case frame, articles }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        (frame, frameDetails) = try FrameField.decode(from: c, forKey: .frame)
        articles = try c.decode([ExportArticle].self, forKey: .articles)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try FrameField.encode(id: frame, details: frameDetails, to: &c, forKey: .frame)
        try c.encode(articles, forKey: .articles)
    }
}

/// The `frame` field: a frame object or a frame id, read either way.
enum FrameField {
    static func decode<Key: CodingKey>(from c: KeyedDecodingContainer<Key>, forKey key: Key) throws -> (String?, Frame?) {
        if let id = try? c.decodeIfPresent(String.self, forKey: key) { return (id, nil) }
        let frame = try c.decodeIfPresent(Frame.self, forKey: key)
        return (frame?.id, frame)
    }

    static func encode<Key: CodingKey>(id: String?, details: Frame?, to c: inout KeyedEncodingContainer<Key>,
                                       forKey key: Key) throws {
        if let details { try c.encode(details, forKey: key) } else { try c.encode(id, forKey: key) }
    }
}

public struct ExportArticle: Hashable, Sendable, Codable {
    /// Only in JSON-lines output, where each line stands alone.
    public var frame: String?
    public var frameDetails: Frame?
    public var file: String
    public var title: String?
    public var source: String?
    public var published: Day?
    public var byline: [String]
    public var url: String?
    public var text: String
    public var blocks: [Block]
    public var warnings: [String]
    public var actors: [ExportActor]
    public var statements: [ExportStatement]

    public init(_ analysis: ArticleAnalysis) {
        self.init(article: analysis.article, actors: analysis.actors,
                  statements: analysis.statements.map { ExportStatement($0, provenance: nil) })
    }

    init(_ detail: ArticleDetail) {
        self.init(article: detail.article, actors: detail.actors,
                  statements: detail.statements.map { ExportStatement($0.statement, provenance: $0) })
    }

    private init(article: Article, actors: [Actor], statements: [ExportStatement]) {
        file = article.file
        title = article.title
        source = article.source
        published = article.published
        byline = article.byline
        url = article.url
        text = article.text
        blocks = article.blocks
        warnings = article.warnings
        self.actors = actors.map(ExportActor.init)
        self.statements = statements
    }

    enum CodingKeys: String, CodingKey {
        case frame, file, title, source, published, byline, url, text, blocks, warnings, actors, statements
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        (frame, frameDetails) = try FrameField.decode(from: c, forKey: .frame)
        file = try c.decode(String.self, forKey: .file)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        published = try c.decodeIfPresent(Day.self, forKey: .published)
        byline = try c.decodeIfPresent([String].self, forKey: .byline) ?? []
        url = try c.decodeIfPresent(String.self, forKey: .url)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        actors = try c.decodeIfPresent([ExportActor].self, forKey: .actors) ?? []
        statements = try c.decodeIfPresent([ExportStatement].self, forKey: .statements) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if frame != nil || frameDetails != nil {
            try FrameField.encode(id: frame, details: frameDetails, to: &c, forKey: .frame)
        }
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(source, forKey: .source)
        try c.encode(published, forKey: .published)
        try c.encode(byline, forKey: .byline)
        try c.encode(url, forKey: .url)
        try c.encode(text, forKey: .text)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(actors, forKey: .actors)
        try c.encode(statements, forKey: .statements)
    }

    public var analysis: ArticleAnalysis {
        ArticleAnalysis(
            article: Article(file: file, title: title, source: source, published: published, byline: byline, url: url,
                             text: text, blocks: blocks, warnings: warnings),
            actors: actors.map(\.actor), statements: statements.map(\.statement))
    }
}

public struct ExportActor: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    public var role: String?
    public var aliases: [String]
    public var mentions: [TextSpan]
    public var stance: String
    public var confidence: Double
    public var participant: Bool

    init(_ actor: Actor) {
        id = actor.id
        name = actor.name
        kind = actor.kind
        role = actor.role
        aliases = actor.aliases
        mentions = actor.mentions
        stance = actor.stance
        confidence = actor.confidence
        participant = actor.isParticipant
    }

    enum CodingKeys: String, CodingKey { case id, name, kind, role, aliases, mentions, stance, confidence, participant }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(ActorKind.self, forKey: .kind)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        mentions = try c.decodeIfPresent([TextSpan].self, forKey: .mentions) ?? []
        stance = try c.decodeIfPresent(String.self, forKey: .stance) ?? Frame.none
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 0
        participant = try c.decodeIfPresent(Bool.self, forKey: .participant) ?? true
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(role, forKey: .role)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(stance, forKey: .stance)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(participant, forKey: .participant)
    }

    public var actor: Actor {
        Actor(id: id, name: name, kind: kind, role: role, aliases: aliases, mentions: mentions, stance: stance,
              confidence: confidence, isParticipant: participant)
    }
}

public struct ExportStatement: Hashable, Sendable, Codable {
    public var id: String
    public var actor: String
    public var kind: StatementKind
    public var text: String
    public var cue: String?
    public var start: Int
    public var end: Int
    public var date: Day?
    public var dateText: String?
    public var stance: String
    public var confidence: Double
    public var evidence: [String]
    public var origin: StatementOrigin?
    public var status: StatementStatus?
    public var annotator: String?
    public var decidedAt: Date?
    public var note: String?

    init(_ statement: Statement, provenance: WorkspaceStatement?) {
        id = statement.id
        actor = statement.actorID
        kind = statement.kind
        text = statement.text
        cue = statement.cue
        start = statement.span.start
        end = statement.span.end
        date = statement.date
        dateText = statement.dateText
        stance = statement.stance
        confidence = statement.confidence
        evidence = statement.evidence
        origin = provenance?.origin
        status = provenance != nil ? statement.status : (statement.status == .suggested ? nil : statement.status)
        annotator = provenance?.annotator
        decidedAt = provenance?.decidedAt
        note = provenance?.note
    }

    enum CodingKeys: String, CodingKey {
        case id, actor, kind, text, cue, start, end, date, dateText = "date_text", stance, confidence, evidence
        case origin, status, annotator, decidedAt = "decided_at", note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        actor = try c.decode(String.self, forKey: .actor)
        kind = try c.decode(StatementKind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        start = try c.decodeIfPresent(Int.self, forKey: .start) ?? 0
        end = try c.decodeIfPresent(Int.self, forKey: .end) ?? start
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        dateText = try c.decodeIfPresent(String.self, forKey: .dateText)
        stance = try c.decodeIfPresent(String.self, forKey: .stance) ?? Frame.none
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 0
        evidence = try c.decodeIfPresent([String].self, forKey: .evidence) ?? []
        origin = try c.decodeIfPresent(StatementOrigin.self, forKey: .origin)
        status = try c.decodeIfPresent(StatementStatus.self, forKey: .status)
        annotator = try c.decodeIfPresent(String.self, forKey: .annotator)
        decidedAt = try c.decodeIfPresent(String.self, forKey: .decidedAt).flatMap(Timestamp.parse)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    /// Provenance keys are written only when there is provenance (a workspace export), so a
    /// fresh analysis prints exactly the analysis schema.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(actor, forKey: .actor)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(cue, forKey: .cue)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(date, forKey: .date)
        try c.encode(dateText, forKey: .dateText)
        try c.encode(stance, forKey: .stance)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
        if origin != nil || status != nil {
            try c.encode(origin, forKey: .origin)
            try c.encode(status, forKey: .status)
            try c.encode(annotator, forKey: .annotator)
            try c.encode(decidedAt.map(Timestamp.format), forKey: .decidedAt)
            try c.encode(note, forKey: .note)
        }
    }

    public var span: TextSpan { TextSpan(start: start, end: end) }

    public var statement: Statement {
        Statement(id: id, actorID: actor, kind: kind, text: text, cue: cue, span: span, date: date,
                  dateText: dateText, stance: stance, confidence: confidence, evidence: evidence,
                  status: status ?? .suggested)
    }
}
