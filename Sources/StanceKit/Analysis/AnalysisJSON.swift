import Foundation

/// The JSON form of analyses, as `stancebench analyze --json` prints it and other tools read it.
/// Keys are sorted, so equal analyses give byte-equal output.
public enum AnalysisJSON {
    struct FrameDTO: Encodable {
        var id: String
        var name: String
        var description: String
        var positions: [PositionDTO]
    }
    struct PositionDTO: Encodable {
        var id: String
        var label: String
        var glyph: String
        var key: String
    }
    struct SpanDTO: Encodable {
        var start: Int
        var end: Int
    }
    struct ActorDTO: Encodable {
        var id: String
        var name: String
        var kind: String
        var role: String?
        var aliases: [String]
        var mentions: [SpanDTO]
        var stance: String
        var confidence: Double
        var participant: Bool
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: Key("id"))
            try c.encode(name, forKey: Key("name"))
            try c.encode(kind, forKey: Key("kind"))
            try c.encode(role, forKey: Key("role"))
            try c.encode(aliases, forKey: Key("aliases"))
            try c.encode(mentions, forKey: Key("mentions"))
            try c.encode(stance, forKey: Key("stance"))
            try c.encode(confidence, forKey: Key("confidence"))
            try c.encode(participant, forKey: Key("participant"))
        }
    }
    struct StatementDTO: Encodable {
        var statement: Statement
        func encode(to encoder: any Encoder) throws {
            let s = statement
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(s.id, forKey: Key("id"))
            try c.encode(s.actorID, forKey: Key("actor"))
            try c.encode(s.kind.rawValue, forKey: Key("kind"))
            try c.encode(s.text, forKey: Key("text"))
            try c.encode(s.cue, forKey: Key("cue"))
            try c.encode(s.span.start, forKey: Key("start"))
            try c.encode(s.span.end, forKey: Key("end"))
            try c.encode(s.date?.description, forKey: Key("date"))
            try c.encode(s.dateText, forKey: Key("date_text"))
            try c.encode(s.stance, forKey: Key("stance"))
            try c.encode(s.confidence, forKey: Key("confidence"))
            try c.encode(s.evidence, forKey: Key("evidence"))
        }
    }
    struct ArticleDTO: Encodable {
        var analysis: ArticleAnalysis
        func encode(to encoder: any Encoder) throws {
            let a = analysis.article
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(a.file, forKey: Key("file"))
            try c.encode(a.title, forKey: Key("title"))
            try c.encode(a.source, forKey: Key("source"))
            try c.encode(a.published?.description, forKey: Key("published"))
            try c.encode(a.byline, forKey: Key("byline"))
            try c.encode(a.url, forKey: Key("url"))
            try c.encode(a.warnings, forKey: Key("warnings"))
            try c.encode(analysis.actors.map(AnalysisJSON.actor), forKey: Key("actors"))
            try c.encode(analysis.statements.map(StatementDTO.init), forKey: Key("statements"))
        }
    }
    struct DocumentDTO: Encodable {
        var frame: FrameDTO
        var articles: [ArticleDTO]
    }
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func actor(_ a: Actor) -> ActorDTO {
        ActorDTO(id: a.id, name: a.name, kind: a.kind.rawValue, role: a.role, aliases: a.aliases,
                 mentions: a.mentions.map { SpanDTO(start: $0.start, end: $0.end) }, stance: a.stance,
                 confidence: a.confidence, participant: a.isParticipant)
    }

    static func frameDTO(_ frame: Frame) -> FrameDTO {
        FrameDTO(id: frame.id, name: frame.name, description: frame.description,
                 positions: frame.positions.map { PositionDTO(id: $0.id, label: $0.label, glyph: $0.glyph, key: $0.key) })
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `{"frame": {...}, "articles": [...]}`.
    public static func document(frame: Frame, analyses: [ArticleAnalysis], pretty: Bool = true) throws -> Data {
        try encoder(pretty: pretty).encode(DocumentDTO(frame: frameDTO(frame), articles: analyses.map(ArticleDTO.init)))
    }

    /// One article as a single line of JSON (for JSON Lines output).
    public static func line(_ analysis: ArticleAnalysis) throws -> Data {
        try encoder(pretty: false).encode(ArticleDTO(analysis: analysis))
    }
}
