#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Unicode encodings a byte order mark announces.
enum ByteOrderMark: Equatable, Sendable {
    case utf8, utf16LittleEndian, utf16BigEndian, utf32LittleEndian, utf32BigEndian

    /// The mark at the start of `bytes`, if any. UTF-32 LE is tested before UTF-16 LE because its
    /// mark begins with UTF-16 LE's.
    init?<Bytes: Collection<UInt8>>(prefixOf bytes: Bytes) {
        let head = Array(bytes.prefix(4))
        func starts(with mark: [UInt8]) -> Bool { head.starts(with: mark) }
        if starts(with: [0xEF, 0xBB, 0xBF]) {
            self = .utf8
        } else if starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            self = .utf32LittleEndian
        } else if starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            self = .utf32BigEndian
        } else if starts(with: [0xFF, 0xFE]) {
            self = .utf16LittleEndian
        } else if starts(with: [0xFE, 0xFF]) {
            self = .utf16BigEndian
        } else {
            return nil
        }
    }

    var length: Int {
        switch self {
        case .utf8: return 3
        case .utf16LittleEndian, .utf16BigEndian: return 2
        case .utf32LittleEndian, .utf32BigEndian: return 4
        }
    }

    var encodingName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .utf32LittleEndian: return "UTF-32LE"
        case .utf32BigEndian: return "UTF-32BE"
        }
    }
}

/// Byte-level conversions into UTF-8, each counting what it had to replace.
enum TextEncoding {
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// UTF-16 or UTF-32 (after the byte order mark) as UTF-8; ill-formed units (lone surrogates,
    /// values above U+10FFFF, a truncated last unit) become U+FFFD.
    static func transcodeToUTF8(_ bytes: ArraySlice<UInt8>, from mark: ByteOrderMark)
        -> (utf8: [UInt8], replaced: Int)
    {
        let bigEndian = mark == .utf16BigEndian || mark == .utf32BigEndian
        switch mark {
        case .utf8:
            return (Array(bytes), 0)
        case .utf16LittleEndian, .utf16BigEndian:
            let units = codeUnits(bytes, as: UInt16.self, bigEndian: bigEndian)
            var output: [UInt8] = []
            output.reserveCapacity(units.count + units.count / 2)
            var replaced = 0
            var index = 0
            while index < units.count {
                let unit = units[index]
                index += 1
                let value: UInt32
                if unit & 0xF800 != 0xD800 {
                    value = UInt32(unit)
                } else if unit < 0xDC00, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                    value = 0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(units[index] & 0x3FF))
                    index += 1
                } else {
                    output.append(contentsOf: replacementCharacter)
                    replaced += 1
                    continue
                }
                appendUTF8(value, to: &output)
            }
            if bytes.count % 2 != 0 {
                output.append(contentsOf: replacementCharacter)
                replaced += 1
            }
            return (output, replaced)
        case .utf32LittleEndian, .utf32BigEndian:
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count / 2)
            var replaced = 0
            for value in codeUnits(bytes, as: UInt32.self, bigEndian: bigEndian) {
                if Unicode.Scalar(value) != nil {
                    appendUTF8(value, to: &output)
                } else {
                    output.append(contentsOf: replacementCharacter)
                    replaced += 1
                }
            }
            if bytes.count % 4 != 0 {
                output.append(contentsOf: replacementCharacter)
                replaced += 1
            }
            return (output, replaced)
        }
    }

    /// Appends a valid scalar value as UTF-8.
    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case ..<0x80:
            output.append(UInt8(value))
        case ..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Fixed-width code units in host order; bytes after the last whole unit are left out.
    private static func codeUnits<Unit: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, as _: Unit.Type,
                                                           bigEndian: Bool) -> [Unit] {
        let count = bytes.count / MemoryLayout<Unit>.size
        return bytes.withUnsafeBytes { raw in
            [Unit](unsafeUninitializedCapacity: count) { units, initialized in
                for index in 0..<count {
                    let value = raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Unit>.size, as: Unit.self)
                    units[index] = bigEndian ? Unit(bigEndian: value) : Unit(littleEndian: value)
                }
                initialized = count
            }
        }
    }

    /// Windows-1252 as browsers read it (the WHATWG table), which is also what pages labelled
    /// ISO-8859-1 or US-ASCII really contain: curly quotes and dashes live in 0x80-0x9F.
    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                let value = (0x80...0x9F).contains(byte) ? windows1252HighControls[Int(byte) - 0x80] : UInt32(byte)
                appendUTF8(value, to: &output)
            }
        }
        return output
    }

    /// 0x80-0x9F; the five bytes Windows-1252 leaves undefined map to the C1 control of that value.
    private static let windows1252HighControls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Replaces CRLF and lone CR with LF. Returns the input itself when it has no CR, the usual case.
    static func normalizingLineEnds(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.withUnsafeBytes { input -> ArraySlice<UInt8> in
            guard let base = input.baseAddress, let first = memchr(base, 0x0D, input.count) else { return bytes }
            var carriageReturn = UnsafeRawPointer(first)
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var start = base
            let end = base + input.count
            while true {
                // Copy the run before the CR in one go, then write LF for the CR (and skip a following LF).
                output.append(contentsOf: UnsafeRawBufferPointer(start: start, count: carriageReturn - start))
                output.append(0x0A)
                start = carriageReturn + 1
                if start < end, start.load(as: UInt8.self) == 0x0A { start += 1 }
                guard start < end, let next = memchr(start, 0x0D, end - start) else { break }
                carriageReturn = UnsafeRawPointer(next)
            }
            output.append(contentsOf: UnsafeRawBufferPointer(start: start, count: end - start))
            return output[...]
        }
    }

    /// Whether the first 8 KB look like binary data rather than text in an ASCII-compatible
    /// encoding: any NUL, or more C0 controls than text ever carries (tab, line ends, form feed
    /// and ESC of coloured terminal output excepted).
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        var controls = 0
        for byte in sample where byte < 0x20 {
            switch byte {
            case 0x00: return true
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        return controls > 1 + sample.count / 32
    }

    /// Whether the text starts like a web page: `<!doctype html` or `<html`, after whitespace,
    /// an XML declaration and comments.
    static func looksLikeHTML(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes.prefix(4096)
        func skipWhitespace() {
            rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        }
        func skip(from opener: String, to closer: String) -> Bool {
            guard hasCaseInsensitivePrefix(rest, opener) else { return false }
            let closing = Array(closer.utf8)
            guard let end = rest.firstRange(of: closing) else { return false }
            rest = rest[end.upperBound...]
            return true
        }
        skipWhitespace()
        while skip(from: "<?xml", to: "?>") || skip(from: "<!--", to: "-->") {
            skipWhitespace()
        }
        return hasCaseInsensitivePrefix(rest, "<!doctype html") || hasCaseInsensitivePrefix(rest, "<html")
    }

    private static func hasCaseInsensitivePrefix(_ bytes: ArraySlice<UInt8>, _ prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        guard bytes.count >= wanted.count else { return false }
        return zip(bytes, wanted).allSatisfy { byte, expected in
            let lowered = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            return lowered == expected
        }
    }

    /// The 1-based line of a byte offset, counting LF, CRLF and lone CR as one line end each.
    static func lineNumber(ofOffset offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == 0x0A, previous != 0x0D { line += 1 }
            if byte == 0x0D { line += 1 }
            previous = byte
        }
        return line
    }
}

/// One pass over bytes that should be UTF-8: how many are not, and where the first one is.
struct UTF8Scan: Sendable {
    /// Bytes in ill-formed sequences; each maximal ill-formed subpart becomes one U+FFFD, as
    /// `String(decoding:as:)` does.
    private(set) var invalidByteCount = 0
    private(set) var firstInvalidOffset: Int?
    /// Well-formed non-ASCII sequences: text with many of these is UTF-8 with a few bad bytes,
    /// text with none is more likely a legacy 8-bit encoding.
    private(set) var multibyteSequenceCount = 0

    var isValid: Bool { invalidByteCount == 0 }

    init(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        var index = 0
        while index < count {
            // Articles are mostly ASCII: skip eight bytes at a time while no high bit is set.
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            let sequence = Self.sequence(in: buffer, at: index)
            if sequence.isValid {
                multibyteSequenceCount += 1
            } else {
                invalidByteCount += sequence.length
                if firstInvalidOffset == nil { firstInvalidOffset = index }
            }
            index += sequence.length
        }
    }

    /// The well-formed sequence starting at `index`, or the maximal ill-formed subpart there
    /// (Unicode 15, table 3-7).
    @inline(__always)
    private static func sequence(in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isValid: Bool) {
        let lead = buffer[index]
        let continuationCount: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: continuationCount = 1
        case 0xE0: continuationCount = 2; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuationCount = 2
        case 0xED: continuationCount = 2; secondHigh = 0x9F
        case 0xF0: continuationCount = 3; secondLow = 0x90
        case 0xF1...0xF3: continuationCount = 3
        case 0xF4: continuationCount = 3; secondHigh = 0x8F
        default: return (1, false)
        }
        for position in 1...continuationCount {
            guard index + position < buffer.count else { return (position, false) }
            let byte = buffer[index + position]
            let (low, high) = position == 1 ? (secondLow, secondHigh) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low, byte <= high else { return (position, false) }
        }
        return (continuationCount + 1, true)
    }
}
