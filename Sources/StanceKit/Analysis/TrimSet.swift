import Foundation

/// A character set for trimming, with its ASCII members in a table: those are cut from the UTF-8 bytes
/// directly, and Foundation (slow: it goes through NSString) is asked only when an end is not ASCII, so
/// the result is always `text.trimmingCharacters(in: set)`.
struct TrimSet: Sendable {
    let set: CharacterSet
    private let ascii: [Bool]

    init(_ set: CharacterSet) {
        self.set = set
        ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    static let whitespaces = TrimSet(.whitespaces)
    static let whitespacesAndNewlines = TrimSet(.whitespacesAndNewlines)
    static let quotesAndSpace = TrimSet(CharacterSet(charactersIn: "\"' "))
    static let outletSeparators = TrimSet(CharacterSet(charactersIn: " ,|-—–·"))
    static let nameSeparators = TrimSet(.whitespacesAndNewlines.union(CharacterSet(charactersIn: "|·")))

    func trim<Text: StringProtocol>(_ text: Text) -> String where Text.UTF8View: BidirectionalCollection {
        let utf8 = text.utf8
        var a = utf8.startIndex, b = utf8.endIndex
        while a < b, utf8[a] < 0x80, ascii[Int(utf8[a])] { a = utf8.index(after: a) }
        while b > a {
            let before = utf8.index(before: b)
            guard utf8[before] < 0x80, ascii[Int(utf8[before])] else { break }
            b = before
        }
        let rest = String(decoding: utf8[a..<b], as: UTF8.self)
        guard a < b, utf8[a] >= 0x80 || utf8[utf8.index(before: b)] >= 0x80 else { return rest }
        return rest.trimmingCharacters(in: set)
    }
}
