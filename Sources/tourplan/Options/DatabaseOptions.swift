import ArgumentParser
import Foundation
import TourPlanner

/// `--db PATH`, else `$TOURPLAN_DB`, else `./tourplan.sqlite`.
///
/// Only `import` and `demo` create a store; every other command opens an existing one and fails
/// with "no store at PATH" (exit 1, nothing created) when the path is wrong, or works without one
/// (`StoreAccess`).
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
    func open() throws -> TourDatabase { try TourDatabase.openExisting(path: resolvedPath) }

    /// The store opened as `access` says.
    func store(_ access: StoreAccess = .existing) throws -> TourDatabase? {
        try TourDatabase.open(path: resolvedPath, access: access)
    }

    /// The planner over the store (opened as `access` says) and the resources, with `aliases`
    /// added to the bundled place aliases.
    func planner(_ access: StoreAccess = .existing, aliases: String? = nil) throws -> Planner {
        Planner(store: try store(access), resources: try PlannerResources(aliasFile: aliases))
    }
}
