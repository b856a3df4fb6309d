/// An open-addressing table keyed by word hashes. Keys are already well mixed 64-bit hashes, so they
/// index buckets directly; this avoids re-hashing them with SipHash on every token look-up.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0
    /// Key 0 marks an empty bucket; a real key of 0 is stored as this instead.
    private static var zeroKey: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// Tables are kept at most a quarter full: most look-ups are of words that are absent, and with linear
    /// probing those probe about 1.4 buckets then, against 2.5 at half full (callgrind: a look-up averaged
    /// 35 instructions at half full).
    static var maxLoadDivisor: Int { 4 }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * Self.maxLoadDivisor { size <<= 1 }
        keys = [UInt64](specialisedRepeating: 0, count: size)
        values = [Value?](specialisedRepeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64) -> UInt64 { key == 0 ? zeroKey : key }

    @inline(__always) private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 7) & mask
    }

    subscript(key: UInt64) -> Value? {
        get {
            let k = Self.slot(key)
            var i = bucket(k)
            while true {
                let stored = keys[i]
                if stored == k { return values[i] }
                if stored == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let newValue else { return }
            if (count + 1) * Self.maxLoadDivisor > keys.count { grow() }
            let k = Self.slot(key)
            var i = bucket(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](specialisedRepeating: 0, count: oldKeys.count * 2)
        values = [Value?](specialisedRepeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            var j = bucket(k)
            while keys[j] != 0 { j = (j + 1) & mask }
            keys[j] = k
            values[j] = oldValues[i]
            count += 1
        }
    }
}

/// A set of words by hash, on the same open-addressing table.
struct WordSet: Sendable {
    private var table = WordTable<Bool>()
    /// Two bits for each word (a Bloom filter in one word): a hash missing either is not in the set, and most
    /// tokens asked about are not, so most look-ups end here without a probe.
    private var filter: UInt64 = 0
    init(_ words: [String]) {
        table = WordTable(capacity: words.count)
        for w in words {
            let hash = WordHash.hash(w)
            table[hash] = true
            filter |= Self.filterBits(hash)
        }
    }
    // The high bits: the last multiplication of `WordHash` mixes every scalar into them.
    @inline(__always) static func filterBits(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) | 1 << ((hash >> 52) & 63) }
    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        let bits = Self.filterBits(hash)
        return filter & bits == bits && table[hash] != nil
    }
}
