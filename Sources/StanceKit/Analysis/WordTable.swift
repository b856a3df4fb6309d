/// An open-addressing table keyed by word hashes. Keys are already well mixed 64-bit hashes, so they
/// index buckets directly; this avoids re-hashing them with SipHash on every token look-up.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0
    /// Key 0 marks an empty bucket; a real key of 0 is stored as this instead.
    private static var zeroKey: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
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
            if (count + 1) * 2 > keys.count { grow() }
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
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
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
    init(_ words: [String]) {
        table = WordTable(capacity: words.count)
        for w in words { table[WordHash.hash(w)] = true }
    }
    @inline(__always) func contains(_ hash: UInt64) -> Bool { table[hash] != nil }
}
