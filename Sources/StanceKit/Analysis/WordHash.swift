/// Words are compared by a 64-bit hash of their lower-cased scalars, so lexicon look-ups never build a
/// `String`. Typographic apostrophes fold to `'` and hyphens are kept, so "Biden’s" and "Biden's" agree.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v >= 65 && v <= 90 { return v + 32 }
        if v < 128 { return v }
        if v == 0x2019 || v == 0x2018 || v == 0x02BC { return 39 }
        if v == 0x2010 || v == 0x2011 { return 45 }
        // Latin-1 and Latin Extended-A capitals: the common accented letters in names.
        if (0xC0...0xDE).contains(v) && v != 0xD7 { return v + 32 }
        if (0x100...0x17F).contains(v) && v % 2 == 0 { return v + 1 }
        if (0x410...0x42F).contains(v) { return v + 32 }
        return v
    }

    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* prime
    }

    /// Hash of `scalars[range]`, skipping scalars hidden by markup.
    static func hash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        var i = start
        while i < end {
            h = mix(h, fold(scalars[i]))
            i += 1
        }
        return h
    }

    static func hash(_ word: some StringProtocol) -> UInt64 {
        var h = seed
        for s in word.unicodeScalars { h = mix(h, fold(s)) }
        return h
    }

    /// Hash of a sequence of word hashes: the key of a multi-word phrase.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019)
    }

    /// Splits a phrase into word hashes the way the tokenizer splits text (a period that ends an
    /// abbreviation is dropped, so "Lt. Gen." and "lt gen" agree).
    static func phrase(_ text: String) -> [UInt64] {
        // Most lexicon lines are ASCII letters and spaces ("Maria", "prime minister"), whose words the tokenizer
        // splits at the spaces: hashed here on the bytes, without its four arrays (about 3,000 instructions a line).
        if let words = text.utf8.withContiguousStorageIfAvailable(lettersAndSpaces), let words { return words }
        let tokens = Tokenizer.tokenize(text)
        return tokens.tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.hash)
    }

    /// The hashes of the words of `bytes` if it holds only ASCII letters and spaces, else nil.
    private static func lettersAndSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64]? {
        var words: [UInt64] = []
        var h = seed, inWord = false
        for byte in bytes {
            if byte == 32 {
                if inWord { words.append(h) }
                h = seed
                inWord = false
            } else if Tokenizer.isASCIILetter(UInt32(byte)) {
                h = mix(h, UInt32(byte) | 32)
                inWord = true
            } else {
                return nil
            }
        }
        if inWord { words.append(h) }
        return words
    }

    static func key(_ hashes: some Sequence<UInt64>) -> UInt64 {
        var k: UInt64 = 0
        for h in hashes { k = combine(k, h) }
        return k
    }
}
