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
