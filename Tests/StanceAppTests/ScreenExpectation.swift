import Foundation
import Terminal
import Testing

/// Compares a screen's text with an expected screen kept in `Screens/NAME.txt`. With
/// `STANCEBENCH_RECORD=1` the file is (re)written instead, deliberately; a mismatch reports the
/// differing lines.
enum ScreenExpectation {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["STANCEBENCH_RECORD"] == "1" }

    static func check(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = screen.lines.joined(separator: "\n") + "\n"
        let file = directory.appendingPathComponent(name + ".txt")
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No expected screen \(name).txt; run with STANCEBENCH_RECORD=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let report: String = "Screen \(name) differs (- expected, + actual):\n" + diff(expected, actual)
            Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
        }
    }

    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for row in 0..<max(a.count, b.count) {
            let x = row < a.count ? String(a[row]) : "<none>"
            let y = row < b.count ? String(b[row]) : "<none>"
            if x != y {
                out.append(String(format: "%3d - |%@|", row + 1, x))
                out.append(String(format: "%3d + |%@|", row + 1, y))
            }
        }
        return out.joined(separator: "\n")
    }
}
