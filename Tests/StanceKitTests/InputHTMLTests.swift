import Foundation
import Testing
@testable import StanceKit

@Suite struct InputHTMLTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Data/input/\(name)"))
        return Array(try Data(contentsOf: url))
    }

    @Test(arguments: ["jsonld-article.html", "opengraph-only.html", "density-no-article.html", "windows-1252.html"])
    func dump(name: String) throws {
        let document = try SourceLoader.decode(Self.fixture(name), path: name)
        print("=== \(name)\n\(document.metadata)\n\(document.warnings)\n\(document.text)")
        let scalars = Array(document.text.unicodeScalars)
        for block in document.blocks {
            print("[\(block.role)] \(String(String.UnicodeScalarView(scalars[block.span.start..<block.span.end])).prefix(60))")
        }
    }
}
