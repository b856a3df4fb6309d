import Foundation
import Testing
@testable import StanceKit

/// Each format written from the same small workspace (two articles, one accepted statement, one
/// note with a comma and quotes, a statement with a line break) and compared with its exact text.
@Suite struct ExportFormatsTests {
    static func exporter(_ analyses: [ArticleAnalysis] = [Fixtures.kyiv, Fixtures.brussels]) throws -> Exporter {
        let workspace = try Fixtures.workspace(analyses)
        let statements = try workspace.allArticles().flatMap(\.statements)
        try workspace.accept(statements[0].id, by: "ana")
        if statements.count > 1 { try workspace.setNote(statements[1].id, to: "said, \"we will\"", by: "ben") }
        return try Exporter(workspace: workspace, frame: Fixtures.frame)
    }

    @Test func csvIsRFC4180() throws {
        let csv = try Self.exporter().csv()
        #expect(csv == #"""
            article,outlet,published,actor,actor_kind,kind,stance,confidence,date,date_text,text,cue,start,end,status,annotator,note\#r
            Talks in Brussels,The Guardian,2022-11-12,General Milley,person,direct,diplomacy,0.9,,,a window for negotiation,repeated,42,66,accepted,ana,\#r
            Talks in Brussels,The Guardian,2022-11-12,Pentagon,organization,direct,support,0.5,2022-11-12,,"We stand with Ukraine,
            and we will.",said,96,131,suggested,ben,"said, ""we will"""\#r
            kyiv.md,Kyiv Independent,,Vitali Klitschko,person,direct,support,0.75,,,No talks while missiles fall.,said,39,68,suggested,,\#r

            """#)
    }

    @Test func csvReadsBackFieldForField() throws {
        let exporter = try Self.exporter()
        let rows = try CSVReader.parse(exporter.csv())
        #expect(rows.first == Exporter.csvColumns)
        let statements = exporter.document.articles.flatMap(\.statements)
        #expect(rows.count == statements.count + 1)
        for (row, statement) in zip(rows.dropFirst(), statements) {
            #expect(row.count == Exporter.csvColumns.count)
            let field = { (name: String) in row[Exporter.csvColumns.firstIndex(of: name)!] }
            #expect(field("text") == statement.text)
            #expect(field("note") == (statement.note ?? ""))
            #expect(Int(field("start")) == statement.start)
            #expect(Double(field("confidence")) == statement.confidence)
        }
    }

    @Test func jsonDocumentHasTheAnalysisSchemaWithProvenance() throws {
        let json = String(decoding: try Self.exporter([Fixtures.kyiv]).json(), as: UTF8.self)
        #expect(json == """
            {
              "articles" : [
                {
                  "actors" : [
                    {
                      "aliases" : [

                      ],
                      "confidence" : 0.75,
                      "id" : "1",
                      "kind" : "person",
                      "mentions" : [
                        {
                          "end" : 30,
                          "start" : 14
                        }
                      ],
                      "name" : "Vitali Klitschko",
                      "participant" : true,
                      "role" : "mayor of Kyiv",
                      "stance" : "support"
                    }
                  ],
                  "blocks" : [

                  ],
                  "byline" : [

                  ],
                  "file" : "kyiv.md",
                  "published" : null,
                  "source" : "Kyiv Independent",
                  "statements" : [
                    {
                      "actor" : "1",
                      "annotator" : "ana",
                      "confidence" : 0.75,
                      "cue" : "said",
                      "date" : null,
                      "date_text" : null,
                      "decided_at" : "2022-11-09T13:20:02.000Z",
                      "end" : 68,
                      "evidence" : [
                        "No talks"
                      ],
                      "id" : "1",
                      "kind" : "direct",
                      "note" : null,
                      "origin" : "machine",
                      "stance" : "support",
                      "start" : 39,
                      "status" : "accepted",
                      "text" : "No talks while missiles fall."
                    }
                  ],
                  "text" : "Kyiv’s mayor, Vitali Klitschko, said: “No talks while missiles fall.”",
                  "title" : null,
                  "url" : null,
                  "warnings" : [

                  ]
                }
              ],
              "frame" : {
                "description" : "Talks now, or arms first",
                "id" : "diplomacy-vs-support",
                "name" : "Diplomacy or support",
                "positions" : [
                  {
                    "cues" : [

                    ],
                    "glyph" : "D",
                    "id" : "diplomacy",
                    "key" : "d",
                    "label" : "Diplomacy"
                  },
                  {
                    "cues" : [

                    ],
                    "glyph" : "S",
                    "id" : "support",
                    "key" : "s",
                    "label" : "Support"
                  }
                ]
              }
            }

            """)
    }

    @Test func jsonLinesHoldOneArticlePerLine() throws {
        let lines = String(decoding: try Self.exporter().jsonLines(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[2] == "")
        #expect(lines[1] == #"{"actors":[{"aliases":[],"confidence":0.75,"id":"1","kind":"person","mentions":[{"end":30,"start":14}],"name":"Vitali Klitschko","participant":true,"role":"mayor of Kyiv","stance":"support"}],"blocks":[],"byline":[],"file":"kyiv.md","frame":{"description":"Talks now, or arms first","id":"diplomacy-vs-support","name":"Diplomacy or support","positions":[{"cues":[],"glyph":"D","id":"diplomacy","key":"d","label":"Diplomacy"},{"cues":[],"glyph":"S","id":"support","key":"s","label":"Support"}]},"published":null,"source":"Kyiv Independent","statements":[{"actor":"1","annotator":null,"confidence":0.75,"cue":"said","date":null,"date_text":null,"decided_at":null,"end":68,"evidence":["No talks"],"id":"1","kind":"direct","note":null,"origin":"machine","stance":"support","start":39,"status":"suggested","text":"No talks while missiles fall."}],"text":"Kyiv’s mayor, Vitali Klitschko, said: “No talks while missiles fall.”","title":null,"url":null,"warnings":[]}"#)
        #expect(lines[0].hasPrefix(#"{"actors":[{"aliases":["Milley"]"#))
    }

    @Test func bratFolderLoadsInBrat() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.exporter().write(.brat, to: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["annotation.conf", "guardian-brussels.ann", "guardian-brussels.txt", "kyiv.ann", "kyiv.txt"])
        let read = { (name: String) in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("guardian-brussels.txt") == Fixtures.brusselsText)
        #expect(try read("guardian-brussels.ann") == """
            T1\tPerson 12 26\tGeneral Milley
            T2\tOrganization 76 88\tThe Pentagon
            T3\tPerson 133 146\tJill Sullivan
            T4\tQuote 42 66\ta window for negotiation
            R1\tAttribution Arg1:T1 Arg2:T4
            A1\tStance T4 diplomacy
            T5\tQuote 96 118;119 131\tWe stand with Ukraine, and we will.
            R2\tAttribution Arg1:T2 Arg2:T5
            A2\tStance T5 support
            #1\tAnnotatorNotes T5\tsaid, "we will"

            """)
        #expect(try read("kyiv.ann") == """
            T1\tPerson 14 30\tVitali Klitschko
            T2\tQuote 39 68\tNo talks while missiles fall.
            R1\tAttribution Arg1:T1 Arg2:T2
            A1\tStance T2 support

            """)
        #expect(try read("annotation.conf") == """
            [entities]
            Person
            Organization
            Group
            Quote
            Reported
            Description

            [relations]
            Attribution\tArg1:Person|Organization|Group, Arg2:Quote|Reported|Description

            [events]

            [attributes]
            Stance\tArg:Quote|Reported|Description, Value:diplomacy|support|mixed|none

            """)
        // Every text-bound annotation quotes its .txt exactly, counting Unicode scalars.
        for name in ["guardian-brussels", "kyiv"] {
            let text = Array(try read(name + ".txt").unicodeScalars)
            for line in try read(name + ".ann").split(separator: "\n") where line.hasPrefix("T") {
                let fields = line.split(separator: "\t")
                let fragments = fields[1].split(separator: " ", maxSplits: 1)[1].split(separator: ";").map { fragment in
                    let bounds = fragment.split(separator: " ").map { Int($0)! }
                    return String(String.UnicodeScalarView(text[bounds[0]..<bounds[1]]))
                }
                #expect(fragments.joined(separator: " ") == String(fields[2]))
            }
        }
    }

    @Test func markdownReportGroupsByActorAndPosition() throws {
        let markdown = try Self.exporter([Fixtures.milley, Fixtures.brussels]).markdown()
        #expect(markdown == """
            # Who said what

            Frame: Diplomacy or support

            ## Jake Sullivan

            person, national security adviser; 2 statements

            ### Support

            - the United States would keep supporting Ukraine (reported) — The New York Times, 2022-11-10 (suggested)
            - “as long as it takes.” (direct) — The New York Times, 2022-11-10 (suggested)

            ## Mark A. Milley

            person, chairman of the Joint Chiefs of Staff; 2 statements

            ### Diplomacy

            - “There has to be a mutual recognition,” (direct) — The New York Times, 2022-11-09
            - “a window for negotiation” (direct) — The Guardian, 2022-11-12 (suggested)

            ## Pentagon

            organization; 1 statement

            ### Support

            - “We stand with Ukraine, and we will.” (direct) — The Guardian, 2022-11-12 (suggested)

            """)
    }

    @Test func analysesRoundTripThroughJSONExactly() throws {
        let analyses = [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv]
        let exporter = Exporter(document: ExportDocument(analyses: analyses, frame: "diplomacy-vs-support"))
        let fromDocument = try JSONImporter.read(exporter.json())
        #expect(fromDocument.analyses == analyses)
        #expect(fromDocument.frame == "diplomacy-vs-support")
        let fromLines = try JSONImporter.read(exporter.jsonLines())
        #expect(fromLines.analyses == analyses)
        #expect(fromLines.frame == "diplomacy-vs-support")
        // A fresh analysis prints no provenance keys.
        #expect(!String(decoding: try exporter.json(), as: UTF8.self).contains("decided_at"))
    }

    /// Workspace export, read back, carries the same content as the analyses that went in (ids
    /// are the workspace's; actors gain the aliases learnt from other articles).
    @Test func workspaceExportReadsBackToTheSameContent() throws {
        let analyses = [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv]
        let workspace = try Fixtures.workspace(analyses)
        let back = try JSONImporter.read(try Exporter(workspace: workspace).json())
        #expect(back.frame == Fixtures.frame.id)
        for original in analyses {
            let read = try #require(back.analyses.first { $0.article.file == original.article.file })
            #expect(read.article == original.article)
            let originalNames = Dictionary(uniqueKeysWithValues: original.actors.map { ($0.id, $0) })
            let readNames = Dictionary(uniqueKeysWithValues: read.actors.map { ($0.id, $0) })
            #expect(Set(read.actors.map(\.mentions)) == Set(original.actors.map(\.mentions)))
            for actor in original.actors {
                let match = try #require(read.actors.first { $0.mentions == actor.mentions })
                #expect(match.kind == actor.kind)
                #expect(match.stance == actor.stance)
                #expect(match.confidence == actor.confidence)
                #expect(match.isParticipant == actor.isParticipant)
                #expect(Set(actor.aliases + [actor.name]).isSubset(of: Set(match.aliases + [match.name])))
            }
            func content(_ statement: Statement, _ actors: [String: Actor]) -> Statement {
                var copy = statement
                copy.id = ""
                copy.actorID = actors[statement.actorID]?.mentions.map { "\($0.start)" }.joined(separator: ",") ?? "?"
                return copy
            }
            #expect(read.statements.map { content($0, readNames) } == original.statements.map { content($0, originalNames) })
        }
        // And the articles go back into a workspace as they came.
        let again = try Workspace.inMemory()
        for analysis in back.analyses { #expect(try again.addArticle(analysis).articleID > 0) }
        #expect(try again.actors().map(\.name) == workspace.actors().map(\.name))
    }
}

@Suite struct ExportJSONReaderTests {
    @Test func readsAMinimalAnalysisDocument() throws {
        let json = #"""
            {"frame": "diplomacy-vs-support", "articles": [{"file": "a.txt", "published": "2022-11-10",
              "actors": [{"id": "a1", "name": "Mark A. Milley", "kind": "person", "aliases": ["Milley"], "stance": "diplomacy"}],
              "statements": [{"id": "s1", "actor": "a1", "kind": "direct", "text": "talk now", "date": null}]}]}
            """#
        let contents = try JSONImporter.read(Data(json.utf8))
        let analysis = try #require(contents.analyses.first)
        #expect(contents.frame == "diplomacy-vs-support")
        #expect(analysis.article.published == Day(iso: "2022-11-10"))
        #expect(analysis.actors.map(\.aliases) == [["Milley"]])
        #expect(analysis.actors.first?.isParticipant == true)
        #expect(analysis.statements.first?.status == .suggested)
        #expect(analysis.statements.first?.span == TextSpan(start: 0, end: 0))
    }

    @Test func reportsWhatIsWrong() {
        #expect(throws: DecodingError.self) {
            try JSONImporter.read(Data(#"{"articles": [{"file": "a.txt", "published": "10 Nov 2022"}]}"#.utf8))
        }
        #expect(throws: WorkspaceError.self) { try JSONImporter.read(Data("{\"file\": \"a\"}\nnot json\n".utf8)) }
    }
}

/// A small RFC 4180 reader, to check the writer from the other side.
enum CSVReader {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var scalars = text.unicodeScalars.makeIterator()
        var inQuotes = false, fieldWasQuoted = false
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw Malformed() }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                row.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                guard next() == "\n" else { throw Malformed() }   // records end in CRLF
                row.append(field); rows.append(row); row = []; field = ""; fieldWasQuoted = false
            case "\n":
                throw Malformed()   // a bare line feed outside quotes
            default:
                guard !fieldWasQuoted else { throw Malformed() }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes, field.isEmpty, row.isEmpty else { throw Malformed() }
        return rows
    }
}
