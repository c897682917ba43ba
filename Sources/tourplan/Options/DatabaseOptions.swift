import ArgumentParser
import Foundation
import TourPlanner

/// `--db PATH`, else `$TOURPLAN_DB`, else `./tourplan.sqlite`.
///
/// Only `import` and `demo` create a store (`openOrCreate()`); every other command opens an
/// existing one (`open()`) and fails with "no store at PATH" (exit 1, nothing created) when the
/// path is wrong. Commands that can work without a store use `openIfPresent()`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (default: $TOURPLAN_DB, else ./tourplan.sqlite).")
    var path: String?

    var resolvedPath: String {
        if let path { return path }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TOURPLAN_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "tourplan.sqlite"
    }

    /// The existing store; never creates one.
    func open() throws -> TourDatabase {
        try TourDatabase.openExisting(path: resolvedPath)
    }

    /// The store, created when missing (for `import`).
    func openOrCreate() throws -> TourDatabase {
        try TourDatabase.openOrCreate(path: resolvedPath)
    }

    /// The existing store, or nil when there is none (for commands that only enrich their output
    /// from it).
    func openIfPresent() throws -> TourDatabase? {
        do {
            return try TourDatabase.openExisting(path: resolvedPath)
        } catch let error as StoreError where error.kind == .missing {
            return nil
        }
    }

    /// How a command needs the store.
    enum Access {
        /// An existing store (`open()`).
        case existing
        /// Created when missing (`openOrCreate()`).
        case createIfMissing
        /// The store when there is one (`openIfPresent()`).
        case ifPresent
        /// No store.
        case none
    }

    /// The planner over the store (opened as `access` says) and the resources, with `aliases`
    /// added to the bundled place aliases.
    func planner(_ access: Access = .existing, aliases: String? = nil) throws -> Planner {
        let store: TourDatabase?
        switch access {
        case .existing: store = try open()
        case .createIfMissing: store = try openOrCreate()
        case .ifPresent: store = try openIfPresent()
        case .none: store = nil
        }
        return Planner(store: store, resources: try PlannerResources(aliasFile: aliases))
    }
}
