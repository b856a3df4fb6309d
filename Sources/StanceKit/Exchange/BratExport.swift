import Foundation

/// The brat standoff format: per article `<name>.txt` (the article text) and `<name>.ann`, plus an
/// `annotation.conf` that declares the types, so brat opens the folder as it is. Offsets count
/// Unicode scalars, which is what brat (Python 3 strings) counts, and the .txt is written from the
/// same text the offsets index.
struct BratExport {
    var document: ExportDocument
    var frame: Frame?

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var used = Set<String>()
        for article in document.articles {
            let name = Self.uniqueName(for: article.file, used: &used)
            try Data(article.text.utf8).write(to: folder.appendingPathComponent(name + ".txt"), options: .atomic)
            try Data(Self.annotations(of: article).utf8).write(to: folder.appendingPathComponent(name + ".ann"), options: .atomic)
        }
        try Data(configuration().utf8).write(to: folder.appendingPathComponent("annotation.conf"), options: .atomic)
    }

    static func entityType(_ kind: ActorKind) -> String {
        switch kind {
        case .person: "Person"
        case .organization: "Organization"
        case .group: "Group"
        }
    }

    static func entityType(_ kind: StatementKind) -> String {
        switch kind {
        case .direct: "Quote"
        case .reported: "Reported"
        case .description: "Description"
        }
    }

    /// The base name of the article file, made safe as a file name and unique in the folder.
    static func uniqueName(for file: String, used: inout Set<String>) -> String {
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        let stem = safe.isEmpty || safe.hasPrefix(".") ? "article" + safe : safe
        var name = stem
        var counter = 1
        while !used.insert(name).inserted {
            counter += 1
            name = "\(stem)-\(counter)"
        }
        return name
    }

    static func annotations(of article: ExportArticle) -> String {
        let scalars = Array(article.text.unicodeScalars)
        var lines: [String] = []
        var nextID = (text: 1, relation: 1, attribute: 1, note: 1)
        var mentionIDs: [String: [(span: TextSpan, id: String)]] = [:]

        func textBound(_ type: String, _ span: TextSpan) -> String? {
            guard span.start >= 0, span.end <= scalars.count, span.length > 0 else { return nil }
            let id = "T\(nextID.text)"
            nextID.text += 1
            let fragments = Self.fragments(span, scalars)
            let offsets = fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
            let words = fragments.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.joined(separator: " ")
            lines.append("\(id)\t\(type) \(offsets)\t\(words)")
            return id
        }

        for actor in article.actors {
            for span in actor.mentions.sorted() {
                if let id = textBound(entityType(actor.kind), span) { mentionIDs[actor.id, default: []].append((span, id)) }
            }
        }
        let names = Dictionary(article.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for statement in article.statements where statement.status != .rejected {
            guard let statementID = textBound(entityType(statement.kind), statement.span) else { continue }
            let nearest = mentionIDs[statement.actor]?.min { a, b in
                distance(a.span, statement.span) < distance(b.span, statement.span)
            }
            if let speaker = nearest {
                lines.append("R\(nextID.relation)\tAttribution Arg1:\(speaker.id) Arg2:\(statementID)")
                nextID.relation += 1
            } else {
                // The speaker is not named in this article's marked mentions: say who, as a note.
                lines.append("#\(nextID.note)\tAnnotatorNotes \(statementID)\tspeaker: \(oneLine(names[statement.actor] ?? statement.actor))")
                nextID.note += 1
            }
            lines.append("A\(nextID.attribute)\tStance \(statementID) \(attributeValue(statement.stance))")
            nextID.attribute += 1
            if let note = statement.note {
                lines.append("#\(nextID.note)\tAnnotatorNotes \(statementID)\t\(oneLine(note))")
                nextID.note += 1
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// brat's text-bound spans cannot cross a line break: a span that does becomes fragments.
    static func fragments(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var fragments: [TextSpan] = []
        var start: Int?
        for offset in span.start..<span.end {
            let isBreak = scalars[offset] == "\n" || scalars[offset] == "\r"
            if isBreak, let open = start {
                fragments.append(TextSpan(start: open, end: offset))
                start = nil
            } else if !isBreak, start == nil {
                start = offset
            }
        }
        if let open = start { fragments.append(TextSpan(start: open, end: span.end)) }
        return fragments.isEmpty ? [span] : fragments
    }

    static func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        a.end <= b.start ? b.start - a.end : (a.start >= b.end ? a.start - b.end : 0)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    /// brat attribute values are single tokens.
    static func attributeValue(_ stance: String) -> String {
        String(stance.map { $0.isWhitespace ? "_" : $0 })
    }

    func configuration() -> String {
        var stances = frame?.stanceValues ?? []
        for article in document.articles {
            for statement in article.statements where !stances.contains(Self.attributeValue(statement.stance)) {
                stances.append(Self.attributeValue(statement.stance))
            }
        }
        for fallback in [Frame.mixed, Frame.none] where !stances.contains(fallback) { stances.append(fallback) }
        let statementTypes = StatementKind.allCases.map(Self.entityType).joined(separator: "|")
        let actorTypes = ActorKind.allCases.map(Self.entityType).joined(separator: "|")
        return """
            [entities]
            \(ActorKind.allCases.map(Self.entityType).joined(separator: "\n"))
            \(StatementKind.allCases.map(Self.entityType).joined(separator: "\n"))

            [relations]
            Attribution\tArg1:\(actorTypes), Arg2:\(statementTypes)

            [events]

            [attributes]
            Stance\tArg:\(statementTypes), Value:\(stances.joined(separator: "|"))

            """
    }
}
