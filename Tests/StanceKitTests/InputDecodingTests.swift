import Foundation
import Testing
@testable import StanceKit

@Suite struct InputDecodingTests {
    private func decode(_ bytes: [UInt8], path: String = "a.txt", limit: Int? = nil) throws(InputError) -> SourceDocument {
        try SourceLoader.decode(bytes, path: path, limits: limit.map { ReadLimits(maxBytes: $0) } ?? .default)
    }

    private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func plainUTF8StaysAsWritten() throws {
        let document = try decode(utf8("Café “quoted” — 東京\n"))
        #expect(document.text == "Café “quoted” — 東京\n")
        #expect(document.format == .plain)
        #expect(document.warnings.isEmpty)
        #expect(document.blocks.isEmpty)
        #expect(document.path == "a.txt")
    }

    @Test func utf8ByteOrderMarkIsStripped() throws {
        let document = try decode([0xEF, 0xBB, 0xBF] + utf8("Hello"))
        #expect(document.text == "Hello")
        #expect(document.text.unicodeScalars.first == "H")
    }

    @Test(arguments: [
        ([0xFF, 0xFE] as [UInt8], "utf-16le"), ([0xFE, 0xFF], "utf-16be"),
        ([0xFF, 0xFE, 0x00, 0x00], "utf-32le"), ([0x00, 0x00, 0xFE, 0xFF], "utf-32be"),
    ])
    func wideEncodingsWithByteOrderMarkAreDecoded(mark: [UInt8], encoding: String) throws {
        let text = "Grüße “aus” 𝄞 Zürich\r\nzweite Zeile"
        let encodings: [String: String.Encoding] = [
            "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
            "utf-32le": .utf32LittleEndian, "utf-32be": .utf32BigEndian,
        ]
        let body = try #require(text.data(using: encodings[encoding]!))
        let document = try decode(mark + Array(body))
        #expect(document.text == "Grüße “aus” 𝄞 Zürich\nzweite Zeile")
        #expect(document.warnings.isEmpty)
    }

    @Test func loneSurrogateInUTF16IsReplacedWithAWarning() throws {
        // "A", a lone high surrogate, "B", and a trailing odd byte.
        let document = try decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43])
        #expect(document.text == "A\u{FFFD}B\u{FFFD}")
        #expect(document.warnings == ["2 invalid UTF-16LE code units replaced with U+FFFD"])
    }

    @Test func invalidUTF8IsReplacedAndCountedNeverAnError() throws {
        // Line 2 holds a Latin-1 "é" (0xE9), then a truncated 3-byte sequence and a stray continuation.
        let bytes = utf8("first line\nCaf") + [0xE9] + utf8(" ok ") + [0xE2, 0x82] + utf8(" x ") + [0x80] + utf8(" end")
        let document = try decode(bytes)
        #expect(document.text == "first line\nCaf\u{FFFD} ok \u{FFFD} x \u{FFFD} end")
        #expect(document.warnings == ["4 invalid UTF-8 bytes replaced with U+FFFD (the first at byte 14, line 2)"])
    }

    @Test func invalidUTF8OffsetCountsTheByteOrderMark() throws {
        let document = try decode([0xEF, 0xBB, 0xBF] + utf8("ab") + [0xFF])
        #expect(document.text == "ab\u{FFFD}")
        #expect(document.warnings == ["1 invalid UTF-8 byte replaced with U+FFFD (the first at byte 5, line 1)"])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() throws {
        // C0 AF is an overlong "/", ED A0 80 an encoded surrogate, F4 90 80 80 above U+10FFFF.
        let document = try decode(utf8("a") + [0xC0, 0xAF] + utf8("b") + [0xED, 0xA0, 0x80] + utf8("c") + [0xF4, 0x90, 0x80, 0x80])
        #expect(!document.warnings.isEmpty)
        #expect(document.warnings[0].hasPrefix("9 invalid UTF-8 bytes"))
        #expect(document.text.hasPrefix("a\u{FFFD}\u{FFFD}b"))
    }

    @Test func lineEndsAreNormalised() throws {
        let document = try decode(utf8("one\r\ntwo\rthree\n\r\nfour\r"))
        #expect(document.text == "one\ntwo\nthree\n\nfour\n")
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: InputError.binary(path: "x.bin")) { try decode(utf8("PK") + [0x03, 0x04, 0x00, 0x00] + utf8("data"), path: "x.bin") }
        // UTF-16 without a byte order mark is full of NULs too, and is refused the same way.
        #expect(throws: InputError.binary(path: "u.txt")) { try decode([0x41, 0x00, 0x42, 0x00], path: "u.txt") }
    }

    @Test func manyControlCharactersMeanBinary() throws {
        let noise = (0..<400).map { UInt8([0x01, 0x02, 0x7F, 0x90, 0x03, 0x41][$0 % 6]) }
        #expect(throws: InputError.binary(path: "noise")) { try decode(noise, path: "noise") }
        // A stray control character in real text is kept.
        let text = try decode(utf8("Report\u{07} filed at noon, with a form feed\u{0C} and ESC\u{1B}[0m"))
        #expect(text.text.contains("\u{07}"))
    }

    @Test func emptyAndWhitespaceOnlyAreEmpty() {
        #expect(throws: InputError.empty(path: "e.txt")) { try decode([], path: "e.txt") }
        #expect(throws: InputError.empty(path: "e.txt")) { try decode(utf8(" \n\t\r\n \u{00A0}\u{3000}"), path: "e.txt") }
        #expect(throws: InputError.empty(path: "e.txt")) { try decode([0xEF, 0xBB, 0xBF], path: "e.txt") }
        #expect(throws: InputError.empty(path: "e.md")) { try decode([0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00], path: "e.md") }
    }

    @Test func tooLargeIsRefusedWithSizeAndLimit() throws {
        #expect(throws: InputError.tooLarge(path: "big.txt", size: 11, limit: 10)) {
            try decode(utf8("hello world"), path: "big.txt", limit: 10)
        }
        #expect(try decode(utf8("hello worl"), limit: 10).text == "hello worl")
    }

    @Test func formatComesFromExtensionThenFromSniffing() throws {
        #expect(try decode(utf8("# Title\n\nText"), path: "notes.md").format == .markdown)
        #expect(try decode(utf8("# Title"), path: "NOTES.MARKDOWN").format == .markdown)
        #expect(try decode(utf8("plain"), path: "dir.v2/readme").format == .plain)
        #expect(try decode(utf8("plain"), path: ".profile").format == .plain)
        let page = "<p>Some text that is long enough to be a paragraph of an article.</p>"
        #expect(try decode(utf8(page), path: "page.HTM").format == .html)
        #expect(try decode(utf8("\n  <!DOCTYPE html><html><body>\(page)</body></html>"), path: "saved.txt").format == .html)
        #expect(try decode(utf8("<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML><body>\(page)</body></HTML>"), path: "-").format == .html)
        #expect(try decode(utf8("<b>not a page</b> but text"), path: "x.txt").format == .plain)
    }

    @Test func extremeShapesDecodeQuickly() throws {
        let word = String(repeating: "a", count: 1_000_000)
        #expect(try decode(utf8(word)).text.unicodeScalars.count == 1_000_000)
        let quotes = String(repeating: "“", count: 100_000)
        #expect(try decode(utf8(quotes)).text.unicodeScalars.count == 100_000)
        let line = String(repeating: "All quiet on the line, said the spokesman. ", count: 200_000)
        let bytes = utf8(line)
        let document = try #require(try withinWatchdog(seconds: 60) { try decode(bytes) })   // 8.6 MB
        #expect(document.text.utf8.count == bytes.count)
    }

    @Test func dataOverloadMatchesArray() throws {
        let data = Data("Grüße".utf8)
        #expect(try SourceLoader.decode(data, path: "g.txt") == decode(Array(data), path: "g.txt"))
    }

    @Test func messagesNameThePath() {
        #expect(InputError.unreadable(path: "x.txt", reason: "permission denied").description
            == "cannot read 'x.txt': permission denied")
        #expect(InputError.binary(path: "x.bin").description == "'x.bin' looks like binary data, not text")
        #expect(InputError.empty(path: "e.txt").description == "'e.txt' contains no text")
        #expect(InputError.tooLarge(path: "big.txt", size: 70 * 1024 * 1024 + 200_000, limit: 64 * 1024 * 1024).description
            == "'big.txt' is too large (70.2 MB; the limit is 64.0 MB)")
        #expect(InputError.tooLarge(path: "-", size: 11, limit: 10).description
            == "standard input is too large (11 bytes; the limit is 10 bytes)")
    }
}
