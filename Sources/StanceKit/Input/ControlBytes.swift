extension TextEncoding {
    /// Replaces each NUL byte with U+FFFD. NUL has no meaning in an article, SQLite's text
    /// functions stop at it (a stored text would lose everything after it, and every span with
    /// it), and C libraries downstream treat it as the end. One scalar for one, so offsets hold.
    static func replacingNULs(_ bytes: ArraySlice<UInt8>) -> (bytes: ArraySlice<UInt8>, replaced: Int) {
        let count = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        guard count > 0 else { return (bytes, 0) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2 * count)
        for byte in bytes {
            if byte == 0 { output += [0xEF, 0xBF, 0xBD] } else { output.append(byte) }
        }
        return (output[...], count)
    }
}
