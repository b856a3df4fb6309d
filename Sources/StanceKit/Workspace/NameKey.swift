import Foundation

/// The form in which two spellings of a name compare equal: case, diacritics, punctuation and
/// spacing folded ("Gen. Mark A. Milley" and "gen mark a milley"; "Zelenskyy" stays distinct from
/// "Zelensky": transliterations are aliases for a person to merge, not for the machine to guess).
enum NameKey {
    static func normalize(_ name: String) -> String {
        // Most names are ASCII: fold them without Foundation's (ICU's) folding, the same way.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var words: [UInt8] = []
            var pendingSpace = false
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingSpace, !words.isEmpty { words.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    words.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                case UInt8(ascii: "'"), UInt8(ascii: "."):
                    continue
                default:
                    pendingSpace = true
                }
            }
            return String(decoding: words, as: UTF8.self)
        }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                continue   // "O'Rourke" = "ORourke", "A." = "A"
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// A person's name key without middle initials and generational suffixes ("rowan t achterberg"
    /// and "harlan j pruitt jr" become "rowan achterberg", "harlan pruitt"): newsrooms write the
    /// same person both ways. Nil when nothing would be left but one word.
    static func withoutInitials(_ key: String) -> String? {
        let suffixes: Set<Substring> = ["jr", "sr", "ii", "iii", "iv"]
        let words = key.split(separator: " ")
        let kept = words.enumerated().filter { index, word in
            index == 0 || (word.count > 1 && !suffixes.contains(word))
        }.map(\.element)
        guard kept.count >= 2, kept.count < words.count else { return nil }
        return kept.joined(separator: " ")
    }
}
