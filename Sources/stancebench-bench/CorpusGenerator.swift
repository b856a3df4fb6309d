import Foundation
import StanceKit
import TestSupport

/// Builds a corpus of any size from the sample articles: each generated article has a header in
/// one of the formats the loader reads (front matter, or a pasted news page), and a body of sample
/// paragraphs recombined in a seeded order, with the proper names renamed consistently within the
/// article. Articles therefore differ in text (so the workspace's dedupe keeps them all) while
/// reading like the samples: quotes, cues, titles, dates.
struct CorpusGenerator {
    private struct Sample {
        var title: String
        var source: String
        var byline: String
        var published: Day
    }

    private let samples: [Sample]
    private let paragraphs: [String]
    private let paragraphWords: [Int]
    /// Proper names of the samples, most frequent first.
    private let names: [String]
    private let nameSet: Set<String>
    /// Renamed copies of each paragraph, made on first use: a few dozen naming schemes cover the
    /// corpus without renaming millions of words one by one.
    private var renamed: [Int: String] = [:]
    static let namingSchemes = 48

    init() throws {
        guard let directory = SampleCorpus.directory else { throw BenchError("the sample corpus is missing from the bundle") }
        let analyzer = Analyzer()
        var samples: [Sample] = []
        var paragraphs: [String] = []
        for name in SampleCorpus.articleNames {
            let document = try SourceLoader.load(path: directory.appendingPathComponent(name).path)
            let article = analyzer.analyze(document).article
            let scalars = Array(article.text.unicodeScalars)
            for block in article.blocks where block.role == .body {
                let text = String(String.UnicodeScalarView(scalars[block.span.start..<block.span.end]))
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { paragraphs.append(text) }
            }
            samples.append(Sample(title: article.title ?? name, source: article.source ?? "The Sample Wire",
                                  byline: article.byline.first ?? "Staff Reporter",
                                  published: article.published ?? Day(year: 2031, month: 1, day: 1)!))
        }
        guard !paragraphs.isEmpty else { throw BenchError("the sample corpus has no body paragraphs") }
        self.samples = samples
        self.paragraphs = paragraphs
        self.paragraphWords = paragraphs.map(Self.wordCount)
        self.names = Self.properNames(in: paragraphs + samples.map(\.title))
        self.nameSet = Set(names)
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// One article's file text, and its length in words.
    mutating func article(_ index: Int, words: Int) -> (text: String, words: Int) {
        var random = SeededGenerator(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 1)
        let scheme = index % Self.namingSchemes
        let sample = samples[index % samples.count]
        let published = sample.published.adding(days: Int(random.next() % 400) - 200)
        let title = rename(sample.title, scheme: scheme)
        let source = rename(sample.source, scheme: scheme)
        let byline = rename(sample.byline, scheme: scheme)

        var body: [String] = []
        var count = 0
        while count < words {
            let pick = Int(random.next() % UInt64(paragraphs.count))
            body.append(renamedParagraph(pick, scheme: scheme))
            count += paragraphWords[pick]
        }
        let header: String
        if index.isMultiple(of: 2) {
            header = "---\ntitle: \"\(title.replacingOccurrences(of: "\"", with: "'"))\"\ndate: \(published)\n"
                + "source: \(source)\nauthor: \(byline)\n---\n\n# \(title)\n"
        } else {
            header = "\(source) \(published.day). \(Self.monthNames[published.month - 1]) \(published.year)\n\n"
                + "# \(title)\n\nBy [\(byline)](#) \(Self.monthNames[published.month - 1]) \(published.day), \(published.year)\n"
        }
        let text = header + "\n" + body.joined(separator: "\n\n") + "\n"
        return (text, count + Self.wordCount(header))
    }

    /// Body paragraphs only, about `words` long: the long article the workbench benchmark opens.
    mutating func longArticle(words: Int, seed: Int) -> String {
        article(seed, words: words).text
    }

    /// Proper names a query can look for: a few renamed names of the given article.
    mutating func searchTerms(forArticle index: Int) -> [String] {
        let scheme = index % Self.namingSchemes
        return names.prefix(6).map { rename($0, scheme: scheme) }
    }

    private mutating func renamedParagraph(_ index: Int, scheme: Int) -> String {
        let key = index * Self.namingSchemes + scheme
        if let done = renamed[key] { return done }
        let text = rename(paragraphs[index], scheme: scheme)
        renamed[key] = text
        return text
    }

    /// Replaces each proper name with a variant of it made for `scheme` (scheme 0 keeps the
    /// originals). Variants keep the name's first letters and capital so that titles, aliases and
    /// "Mr. X" still read as names; only the ending changes.
    private func rename(_ text: String, scheme: Int) -> String {
        guard scheme > 0 else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var word = ""
        func flush() {
            if !word.isEmpty {
                result += nameSet.contains(word) ? Self.variant(of: word, scheme: scheme) : word
                word = ""
            }
        }
        for character in text {
            if character.isLetter { word.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }

    private static let syllables = ["ar", "en", "ov", "ik", "al", "us", "or", "an", "el", "ir", "ot", "em"]

    static func variant(of name: String, scheme: Int) -> String {
        let keep = max(3, name.count - 2)
        let first = syllables[scheme % syllables.count]
        let second = syllables[(scheme / syllables.count + name.count) % syllables.count]
        return String(name.prefix(keep)) + first + second
    }

    /// Capitalised words of five letters or more that never appear in lower case, and are not
    /// month or weekday names (renaming those would break the dates the analyser reads).
    private static func properNames(in texts: [String]) -> [String] {
        var capitalised: [String: Int] = [:]
        var lower: Set<String> = []
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 5 {
                if word.first!.isUppercase { capitalised[String(word), default: 0] += 1 } else { lower.insert(String(word)) }
            }
        }
        let calendar = Set(monthNames + ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
        return capitalised.filter { word, _ in
            !lower.contains(word.lowercased()) && !calendar.contains(word) && word.dropFirst().allSatisfy(\.isLowercase)
        }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
