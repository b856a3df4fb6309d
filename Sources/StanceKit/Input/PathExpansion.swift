extension SourceLoader {
    /// The extensions a directory is searched for; a file named directly is read whatever its name.
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"]

    /// Files to import from paths given by the user: files (and `-`) as given, directories
    /// searched recursively for article files in name order, hidden files and folders skipped.
    /// Paths that do not exist, and directories that cannot be listed, are reported as errors.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        var visited: Set<[UInt64]> = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            let found = FileReading.kind(of: path)
            switch found.kind {
            case .missing:
                errors.append(.unreadable(path: path, reason: FileReading.systemReason(found.error)))
            case .file:
                files.append(path)
            case .directory:
                collect(directory: path, identity: found.identity, into: &files, errors: &errors, visited: &visited)
            }
        }
        return (files, errors)
    }

    private static func collect(directory: String, identity: [UInt64], into files: inout [String],
                                errors: inout [InputError], visited: inout Set<[UInt64]>) {
        guard visited.insert(identity).inserted else { return }
        let listing = FileReading.entries(of: directory)
        if listing.error != 0 {
            errors.append(.unreadable(path: directory, reason: FileReading.systemReason(listing.error)))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in listing.names.sorted() where !name.hasPrefix(".") {
            let path = prefix + name
            let found = FileReading.kind(of: path)
            switch found.kind {
            case .directory:
                collect(directory: path, identity: found.identity, into: &files, errors: &errors, visited: &visited)
            case .file:
                if let dot = name.lastIndex(of: "."),
                   articleExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                    files.append(path)
                }
            case .missing:
                // A dangling symbolic link inside a folder is not something the user asked for.
                continue
            }
        }
    }
}
