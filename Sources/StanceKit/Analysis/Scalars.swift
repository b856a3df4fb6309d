/// A string's Unicode scalars as an array, decoded straight from its UTF-8 storage in one pass.
enum Scalars {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            // Names and phrases, most calls, are decoded on the stack (see `Array(smallCapacity:initializingWith:)`).
            if utf8.count <= 256 { return [Unicode.Scalar](smallCapacity: utf8.count) { decode(utf8, into: $0) } }
            return [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in count = decode(utf8, into: out) }
        }
    }

    /// Decodes `utf8` into `out`, which has room for a scalar a byte; returns how many scalars it wrote.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        var i = 0
        var n = 0
        let length = utf8.count
        let bytes = UnsafeRawBufferPointer(utf8)
        while i < length {
            // Eight ASCII bytes at once, most of any text: one load and one test for the eight, each
            // widened in turn. The load stays inside the buffer (`i + 8 <= length`).
            if i &+ 8 <= length {
                let chunk = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if chunk & 0x8080_8080_8080_8080 == 0 {
                    var k = 0
                    while k < 8 {
                        out[n &+ k] = Unicode.Scalar(UInt8(truncatingIfNeeded: chunk >> UInt64(k &* 8)))
                        k &+= 1
                    }
                    n &+= 8
                    i &+= 8
                    continue
                }
            }
            let b = utf8[i]
            if b < 0x80 {
                out[n] = Unicode.Scalar(b)
                // Wrapping adds: both stay below `length`, and this runs on nearly every byte.
                n &+= 1
                i &+= 1
                continue
            }
            var v: UInt32
            var width = 1
            if b < 0xE0, i + 1 < length {
                v = (UInt32(b & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                width = 2
            } else if b < 0xF0, i + 2 < length {
                v = (UInt32(b & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
                width = 3
            } else if i + 3 < length {
                v = (UInt32(b & 0x07) << 18) | (UInt32(utf8[i + 1] & 0x3F) << 12) | (UInt32(utf8[i + 2] & 0x3F) << 6)
                    | UInt32(utf8[i + 3] & 0x3F)
                width = 4
            } else {
                v = 0xFFFD
            }
            // Swift strings hold valid UTF-8, so every decoded value is a scalar.
            out[n] = Unicode.Scalar(v) ?? "\u{FFFD}"
            n += 1
            i += width
        }
        return n
    }

    /// The scalars of `range` as a `String`, encoded to UTF-8 directly (the same text as appending them to a
    /// `String.UnicodeScalarView`, without its per-scalar slow path).
    static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let scalars = s[range]
        return String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for c in scalars { n += writeUTF8(c, to: out, at: n) }
            return n
        }
    }

    /// Writes the scalar's UTF-8 bytes at `n`; returns how many (1 to 4).
    @inline(__always)
    static func writeUTF8(_ scalar: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        let v = scalar.value
        if v < 0x80 {
            out[n] = UInt8(v)
            return 1
        }
        if v < 0x800 {
            out[n] = UInt8(0xC0 | (v >> 6))
            out[n + 1] = UInt8(0x80 | (v & 0x3F))
            return 2
        }
        if v < 0x10000 {
            out[n] = UInt8(0xE0 | (v >> 12))
            out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (v & 0x3F))
            return 3
        }
        out[n] = UInt8(0xF0 | (v >> 18))
        out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
        out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
        out[n + 3] = UInt8(0x80 | (v & 0x3F))
        return 4
    }
}
