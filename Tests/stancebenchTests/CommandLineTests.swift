import Foundation
import Testing

@Suite(.enabled(if: BinaryRunner.binary != nil, "the stancebench binary is built"))
struct CommandLineTests {
    @Test func helpListsTheSubcommands() throws {
        let result = try BinaryRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: stancebench"))
        #expect(result.stdout.contains("workbench (default)"))
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try BinaryRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try BinaryRunner.run(["--frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Unknown option '--frobnicate'"))
        #expect(result.stderr.contains("Usage:"))
    }
}

/// Exit codes and messages of the subcommands, as the README documents them.
@Suite(.enabled(if: BinaryRunner.binary != nil, "the stancebench binary is built"))
struct CommandExitCodeTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let article = """
        Title: Harbour vote
        Source: The Test Gazette
        Date: 2031-03-04

        “We should open talks with the other side now,” said Mara Quist, the harbour minister, on Monday.
        """

    @Test func everySubcommandHasHelpWithExamples() throws {
        for command in ["analyze", "import", "export", "compare", "timeline", "agreement", "replay", "workbench"] {
            let result = try BinaryRunner.run(["help", command])
            #expect(result.status == 0, "help \(command)")
            #expect(result.stdout.contains("Examples:"), "help \(command) has examples")
        }
    }

    @Test func analyzeReportsUnreadableInputsWithExitCodeThreeAndGoesOn() throws {
        let folder = try Self.scratch()
        let good = folder.appendingPathComponent("good.txt")
        try Self.article.write(to: good, atomically: true, encoding: .utf8)
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0, 1, 2, 0, 0, 255, 0]).write(to: binary)
        let result = try BinaryRunner.run(["analyze", "--jsonl", good.path, binary.path, folder.appendingPathComponent("missing.txt").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("looks like binary data"))
        #expect(result.stderr.contains("no such file"))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("Mara Quist"))
    }

    @Test func analyzeReadsStandardInput() throws {
        let result = try BinaryRunner.run(["analyze", "--json", "-"], stdin: Data(Self.article.utf8))
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let articles = document?["articles"] as? [[String: Any]]
        #expect(articles?.first?["published"] as? String == "2031-03-04")
    }

    @Test func conflictingFlagsAreAUsageError() throws {
        let result = try BinaryRunner.run(["analyze", "--json", "--jsonl", "x.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--json and --jsonl cannot be used together"))
    }

    @Test func bratExportNeedsAFolder() throws {
        let result = try BinaryRunner.run(["export", "--format", "brat"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out"))
    }

    @Test func aWorkspaceThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let folder = try Self.scratch()
        let workspace = folder.appendingPathComponent("notes.sqlite")
        let original = Data("these are my notes, not a database\n".utf8)
        try original.write(to: workspace)
        let result = try BinaryRunner.run(["export", "--workspace", workspace.path, "--format", "csv"])
        #expect(result.status == 1)
        #expect(!result.stderr.isEmpty)
        #expect(try Data(contentsOf: workspace) == original)
    }

    @Test func importSkipsDuplicatesAndExportsCSV() throws {
        let folder = try Self.scratch()
        let article = folder.appendingPathComponent("a.txt")
        try Self.article.write(to: article, atomically: true, encoding: .utf8)
        let workspace = folder.appendingPathComponent("w.sqlite").path
        let first = try BinaryRunner.run(["import", "--workspace", workspace, article.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("imported 1 article"))
        let second = try BinaryRunner.run(["import", "--workspace", workspace, folder.path])
        #expect(second.stdout.contains("imported 0 articles, skipped 1"))
        let csv = try BinaryRunner.run(["export", "--workspace", workspace, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("article,outlet,published,actor"))
        #expect(csv.stdout.contains("Mara Quist"))
    }

    @Test func agreementKeepsTheMostActiveOrTheNamedActors() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/StanceKit/Resources/SampleCorpus")
        let workspace = try Self.scratch().appendingPathComponent("w.sqlite").path
        #expect(try BinaryRunner.run(["import", "--workspace", workspace, sample.path]).status == 0)
        let tableRows = { (output: String) in output.split(separator: "\n").filter { $0.contains("·") } }

        let top = try BinaryRunner.run(["agreement", "--workspace", workspace, "--by", "month", "--top", "3"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("The 3 of "))
        #expect(tableRows(top.stdout).count == 3)

        let named = try BinaryRunner.run(["agreement", "--workspace", workspace, "--actor", "Brandvold",
                                          "--actor", "Oldane", "--json"])
        #expect(named.status == 0)
        let names = try JSONDecoder().decode(AgreementActors.self, from: Data(named.stdout.utf8)).actors.map(\.name)
        #expect(names == ["Carla Brandvold", "Kasimir Oldane"])

        let none = try BinaryRunner.run(["agreement", "--workspace", workspace, "--top", "0"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("--top wants a number of actors"))
    }

    private struct AgreementActors: Decodable {
        struct Named: Decodable { var name: String }
        var actors: [Named]
    }

    @Test func compareNamesAnUnknownActor() throws {
        let folder = try Self.scratch()
        let article = folder.appendingPathComponent("a.txt")
        try Self.article.write(to: article, atomically: true, encoding: .utf8)
        let workspace = folder.appendingPathComponent("w.sqlite").path
        _ = try BinaryRunner.run(["import", "--workspace", workspace, article.path])
        let result = try BinaryRunner.run(["compare", "--workspace", workspace, "Quist", "Nobody"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("No actor in the workspace is called 'Nobody'"))
    }
}
