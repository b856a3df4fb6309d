/// A string's Unicode scalars as an array, decoded straight from its UTF-8 storage in one pass.
enum Scalars {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(utf8.count)
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                var v: UInt32
                var length = 1
                if b < 0x80 {
                    v = UInt32(b)
                } else if b < 0xE0, i + 1 < n {
                    v = (UInt32(b & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                    length = 2
                } else if b < 0xF0, i + 2 < n {
                    v = (UInt32(b & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
                    length = 3
                } else if i + 3 < n {
                    v = (UInt32(b & 0x07) << 18) | (UInt32(utf8[i + 1] & 0x3F) << 12) | (UInt32(utf8[i + 2] & 0x3F) << 6)
                        | UInt32(utf8[i + 3] & 0x3F)
                    length = 4
                } else {
                    v = 0xFFFD
                }
                // Swift strings hold valid UTF-8, so every decoded value is a scalar.
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += length
            }
            return out
        }
    }
}
