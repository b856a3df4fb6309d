import Foundation

/// The theme files that ship with StanceBench, found through the resource bundle so that the
/// binary works from any directory.
public enum BuiltinThemes {
    /// The folder holding the built-in `*.toml` theme files.
    public static var directory: URL? {
        Bundle.module.url(forResource: "builtin", withExtension: nil)
    }
}
