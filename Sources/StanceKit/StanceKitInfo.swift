import Foundation

public enum StanceKitInfo {
    public static let version = "0.1.0"
}

/// The articles that ship inside the package, opened when there is no workspace yet.
public enum SampleCorpus {
    /// The folder of sample article files in the resource bundle.
    public static var directory: URL? {
        Bundle.module.url(forResource: "SampleCorpus", withExtension: nil)
    }

    /// File names of the sample articles, sorted.
    public static var articleNames: [String] {
        guard let directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }
}
