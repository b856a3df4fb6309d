// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "StanceBench",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "StanceKit", targets: ["StanceKit"]),
        .executable(name: "stancebench", targets: ["stancebench"]),
        .executable(name: "stancebench-bench", targets: ["stancebench-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries: a module map and a small header each, no pkg-config (see README).
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // How many terminal columns text takes: the screen and the plain-text reports measure alike.
        .target(name: "TextWidth"),

        // The model library: domain, analysis, workspace. Knows nothing of terminals.
        .target(
            name: "StanceKit",
            dependencies: [
                "CLibXML2", "TextWidth",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/Frames"), .copy("Resources/Lexicon"), .copy("Resources/SampleCorpus")]
        ),

        // The built-in theme files, shipped as resources so the binary finds them from any directory.
        .target(name: "Themes", path: "Themes", exclude: ["README.md"], resources: [.copy("builtin")]),

        // The terminal UI kit: cells, screen, layout, widgets, keys, themes; one file imports curses.
        .target(
            name: "Terminal",
            dependencies: [
                "CNCurses", "Themes", "TextWidth",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),

        // The application: state, actions, update(), views drawn into a Screen.
        .target(name: "StanceApp", dependencies: ["StanceKit", "Terminal"]),

        .executableTarget(
            name: "stancebench",
            dependencies: [
                "StanceApp", "StanceKit", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks at corpus scale (docs/PERFORMANCE.md); build it in release.
        .executableTarget(name: "stancebench-bench", dependencies: ["StanceKit", "StanceApp", "Terminal", "TestSupport"]),

        // Helpers shared by the test targets (they cannot import one another) and the benchmark's
        // corpus generator: a seeded random generator, a tmpfs to fill up.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "StanceKitTests", dependencies: ["StanceKit", "TextWidth", "TestSupport"], resources: [.copy("Data")]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TestSupport"]),
        .testTarget(name: "TextWidthTests", dependencies: ["TextWidth"]),
        .testTarget(name: "StanceAppTests", dependencies: ["StanceApp", "StanceKit", "Terminal", "TestSupport"],
                    resources: [.copy("Screens")]),
        .testTarget(name: "stancebenchTests", dependencies: ["StanceKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
