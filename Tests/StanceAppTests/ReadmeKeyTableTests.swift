import Foundation
import StanceApp
import Testing

/// The README's key bindings come from the one command table. `STANCEBENCH_RECORD=1 swift test`
/// rewrites the section between the markers; otherwise a stale README fails here.
@Suite struct ReadmeKeyTableTests {
    static let begin = "<!-- key bindings: generated from CommandTable by ReadmeKeyTableTests -->"
    static let end = "<!-- end of key bindings -->"

    @Test func readmeListsTheCommandTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardized
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end),
              start.upperBound <= stop.lowerBound else {
            Issue.record("README.md has no key bindings markers")
            return
        }
        let generated = "\n" + CommandTable.markdownKeyBindings().trimmingCharacters(in: .newlines) + "\n"
        if ProcessInfo.processInfo.environment["STANCEBENCH_RECORD"] == "1" {
            try text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: generated)
                .write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<stop.lowerBound]) == generated,
                "README.md's key bindings are stale: run STANCEBENCH_RECORD=1 swift test --filter ReadmeKeyTableTests")
    }
}
