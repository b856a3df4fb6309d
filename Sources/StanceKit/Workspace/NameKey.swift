import Foundation

/// The form in which two spellings of a name compare equal: case, diacritics, punctuation and
/// spacing folded ("Gen. Mark A. Milley" and "gen mark a milley"; "Zelenskyy" stays distinct from
/// "Zelensky": transliterations are aliases for a person to merge, not for the machine to guess).
enum NameKey {
    static func normalize(_ name: String) -> String {
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
}
