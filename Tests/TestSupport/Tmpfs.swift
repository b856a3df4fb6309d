import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Helpers the test targets share (a target of its own, since test targets cannot import each other).

/// A small tmpfs mounted for a test, to fill up.
public struct Tmpfs {
    public let url: URL

    /// Whether this process may mount file systems (root, with mount(2) allowed).
    public static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-tmpfs-probe-\(getpid())")
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mount("tmpfs", probe.path, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(probe.path, 0)
        return true
    }()

    public init(at url: URL, kilobytes: Int) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard mount("tmpfs", url.path, "tmpfs", 0, "size=\(kilobytes)k") == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Writes `file` until the file system has no room left.
    public func fill(_ file: URL) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0x5A, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        fsync(descriptor)
    }

    public func unmount() {
        umount2(url.path, Int32(MNT_DETACH))
    }
}
