#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw reads through POSIX calls, so that every failure keeps the system's reason
/// ("permission denied", "is a directory") for the message.
enum FileReading {
    static func readAll(path: String, limit: Int) throws(InputError) -> [UInt8] {
        if path == "-" {
            return try readStream(STDIN_FILENO, path: path, limit: limit, expectedSize: 0)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: systemReason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: systemReason(errno)) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw .unreadable(path: path, reason: systemReason(EISDIR)) }
        let isRegular = kind == S_IFREG
        if isRegular, Int(info.st_size) > limit {
            throw .tooLarge(path: path, size: Int(info.st_size), limit: limit)
        }
        return try readStream(descriptor, path: path, limit: limit, expectedSize: isRegular ? Int(info.st_size) : 0)
    }

    /// Reads to the end, straight into the array's storage; pipes and files that grow while
    /// read are cut off just past `limit`.
    private static func readStream(_ descriptor: Int32, path: String, limit: Int, expectedSize: Int)
        throws(InputError) -> [UInt8]
    {
        var bytes: [UInt8] = []
        var capacity = max(expectedSize + 1, 64 * 1024)
        var failure: Int32 = 0
        while failure == 0 {
            let start = bytes.count
            let wanted = min(capacity, limit + 1) - start
            if wanted <= 0 { break }
            let received = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                var filled = 0
                while filled < wanted {
                    let count = read(descriptor, buffer.baseAddress! + filled, wanted - filled)
                    if count > 0 {
                        filled += count
                    } else if count == 0 || errno != EINTR {
                        if count < 0 { failure = errno }
                        break
                    }
                }
                initialized = filled
            }
            if bytes.isEmpty { bytes = received } else { bytes += received }
            if received.count < wanted { break }
            capacity *= 2
        }
        if failure != 0 { throw .unreadable(path: path, reason: systemReason(failure)) }
        if bytes.count > limit { throw .tooLarge(path: path, size: bytes.count, limit: limit) }
        return bytes
    }

    /// The C library's message for an errno value, lower-cased to sit after a colon.
    static func systemReason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        let text = String(cString: message)
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    enum Kind { case directory, file, missing }

    /// What is at `path`, following symbolic links; the device and inode identify directories
    /// already visited when links make a cycle.
    static func kind(of path: String) -> (kind: Kind, identity: [UInt64], error: Int32) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (.missing, [], errno) }
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        return ((info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file, identity, 0)
    }

    /// The names in a directory (without "." and ".."), or the errno that stopped the listing.
    static func entries(of directory: String) -> (names: [String], error: Int32) {
        guard let handle = opendir(directory) else { return ([], errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return (names, 0)
    }
}
