// swift-tools-version: 6.1
import PackageDescription

/// One settings list for every target (STYLE.md §2).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "TourPlanner",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TourPlanner", targets: ["TourPlanner"]),
        .executable(name: "tourplan", targets: ["tourplan"]),
    ],
    dependencies: [
        // SQLite store: migrations, WAL, typed records (the issue mandates GRDB).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The CLI: subcommands, validation, help, exit codes.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Heap / Deque / OrderedDictionary instead of hand-rolled containers.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // Budget templates are human-edited TOML with line-accurate errors.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // HTML from templates, escaped by default (shared by the renderers and the web app).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `tourplan serve`: HTTP server (router, middleware, testing) on SwiftNIO and service-lifecycle.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Web sign-in: bcrypt password hashes and session-cookie helpers.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // NIOThreadPool: blocking store calls and bcrypt run off the event loops (comes with Hummingbird).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The server's request log (comes with Hummingbird).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // HTTP field names beyond Hummingbird's re-exports (comes with Hummingbird).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Uploads (member exports, receipts): streaming multipart/form-data parsing.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SHA-256 of imported files (OpenSSL's libcrypto, hardware-accelerated).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The offline gazetteer (GeoNames, CC BY 4.0): data files kept in Cities/ at the top level.
        .target(
            name: "CitiesData",
            path: "Cities",
            exclude: ["README.md", "LICENSE", "build.py"],
            sources: ["CitiesData.swift"],
            resources: [.copy("gazetteer.tsv"), .copy("admin1.tsv"), .copy("countries.tsv"), .copy("aliases.tsv")],
            swiftSettings: swiftSettings
        ),
        // The budget templates kept in Budgets/ at the top level (used by `tourplan demo`).
        .target(
            name: "BudgetTemplates",
            path: "Budgets",
            exclude: ["README.md"],
            sources: ["BudgetTemplates.swift"],
            resources: [.copy("east-coast-2014.toml"), .copy("template.toml")],
            swiftSettings: swiftSettings
        ),
        // Value types every stage shares and that use no stage (dates, times, money, geo
        // points, text folding, identifiers); the compiler keeps it below the stages.
        .target(
            name: "TourPlannerCore",
            dependencies: ["CLibCrypto"],
            swiftSettings: swiftSettings
        ),
        // The stages below the store (accounts, budget, cities, itinerary, members, ranking,
        // reminders, rendering, routing, settings) and their bundled resources.
        .target(
            name: "TourPlannerDomain",
            dependencies: [
                "TourPlannerCore",
                "CitiesData",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The SQLite store (GRDB) over the domain types; the compiler keeps it below the import
        // and the application layer.
        .target(
            name: "TourPlannerStore",
            dependencies: [
                "TourPlannerDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Direct parameter binding on the import hot path (see MemberWriteSession).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Import and the application layer; re-exports the core, domain and store so clients
        // need only `import TourPlanner`.
        .target(
            name: "TourPlanner",
            dependencies: [
                "TourPlannerCore",
                "TourPlannerDomain",
                "TourPlannerStore",
                "CLibXML2",
                "CitiesData",
                .product(name: "Collections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web app (`tourplan serve`): routes, middleware and sign-in over the library's Planner.
        .target(
            name: "TourPlannerWeb",
            dependencies: [
                "TourPlanner",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Public")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tourplan",
            dependencies: [
                "TourPlanner",
                "TourPlannerWeb",
                "CitiesData",
                "BudgetTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // In-process benchmarks (swift run -c release tourplan-bench); see Benchmarks/README.md.
        .executableTarget(
            name: "tourplan-bench",
            dependencies: ["TourPlanner"],
            path: "Benchmarks/tourplan-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TourPlannerTests",
            dependencies: [
                "TourPlanner", "TourPlannerCore", "TourPlannerDomain", "TourPlannerStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TourPlannerWebTests",
            dependencies: [
                "TourPlannerWeb", "TourPlanner", "TourPlannerDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "tourplanTests",
            dependencies: [
                "tourplan", "TourPlanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Read from the source tree via #filePath, not bundled.
            exclude: ["Golden/Fixtures", "Golden/Snapshots", "Golden/README.md"],
            swiftSettings: swiftSettings
        ),
    ]
)
