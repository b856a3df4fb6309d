import Foundation
import Testing
@testable import StanceKit

/// Reading from disk and expanding directories, in a fresh temporary folder per test.
@Suite final class InputFileTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stancebench-input-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func write(_ relativePath: String, _ text: String = "Some article text.") throws -> String {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func loadsAFileFromDisk() throws {
        let path = try write("story.md", "---\ntitle: X\n---\r\nBody text\r\n")
        let document = try SourceLoader.load(path: path)
        #expect(document.path == path)
        #expect(document.format == .markdown)
        #expect(document.text == "---\ntitle: X\n---\nBody text\n")
    }

    @Test func missingFileAndDirectoryAreUnreadable() throws {
        let missing = folder.appendingPathComponent("nope.txt").path
        #expect(throws: InputError.unreadable(path: missing, reason: "no such file or directory")) {
            try SourceLoader.load(path: missing)
        }
        #expect(throws: InputError.unreadable(path: folder.path, reason: "is a directory")) {
            try SourceLoader.load(path: folder.path)
        }
    }

    @Test func unreadablePermissionsAreReported() throws {
        let path = try write("secret.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        // The superuser reads files whatever their permissions; the check only means something for others.
        if FileManager.default.isReadableFile(atPath: path) {
            #expect(try SourceLoader.load(path: path).text == "Some article text.")
        } else {
            #expect(throws: InputError.unreadable(path: path, reason: "permission denied")) {
                try SourceLoader.load(path: path)
            }
        }
    }

    @Test func largeFileIsRefusedBeforeReading() throws {
        let path = try write("big.txt", String(repeating: "word ", count: 1000))
        #expect(throws: InputError.tooLarge(path: path, size: 5000, limit: 4096)) {
            try SourceLoader.load(path: path, limits: ReadLimits(maxBytes: 4096))
        }
        #expect(try SourceLoader.load(path: path, limits: ReadLimits(maxBytes: 5000)).text.count == 5000)
    }

    @Test func binaryAndEmptyFilesFail() throws {
        let binary = folder.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: binary)
        #expect(throws: InputError.binary(path: binary.path)) { try SourceLoader.load(path: binary.path) }
        let empty = try write("empty.txt", "")
        #expect(throws: InputError.empty(path: empty)) { try SourceLoader.load(path: empty) }
    }

    @Test func expandsDirectoriesRecursivelyInNameOrder() throws {
        try write("b.txt")
        try write("a.md")
        try write("sub/z.html", "<p>text</p>")
        try write("sub/deeper/c.markdown")
        try write("sub/notes.TEXT")
        try write("sub/picture.jpg")
        try write("sub/page.XHTML")
        try write(".hidden.txt")
        try write(".git/HEAD.txt")
        try write("sub/.cache/old.txt")
        try write("README")
        let direct = try write("other/no-extension")
        let missing = folder.appendingPathComponent("missing").path
        let base = folder.path

        let result = SourceLoader.expand([base + "/", direct, "-", missing])

        #expect(result.files == [
            base + "/a.md", base + "/b.txt", base + "/sub/deeper/c.markdown", base + "/sub/notes.TEXT",
            base + "/sub/page.XHTML", base + "/sub/z.html", direct, "-",
        ])
        #expect(result.errors == [.unreadable(path: missing, reason: "no such file or directory")])
    }
}
