import ArgumentParser
import TourPlanner

/// `--db PATH`, else `$TOURPLAN_DB`, else `./tourplan.sqlite` (`StoreLocation`).
///
/// Only `import`, `demo` and `budget actuals add` create a store; every other command opens an
/// existing one and fails with "no store at PATH" (exit 1, nothing created) when the path is
/// wrong; a command that can work without a store does so only when the default one is missing
/// (`StoreAccess.ifPresent`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (default: $TOURPLAN_DB, else ./tourplan.sqlite).")
    var path: String?

    var location: StoreLocation { StoreLocation(option: path) }
    var resolvedPath: String { location.path }

    /// The existing store; never creates one.
    func open() throws -> TourDatabase { try TourDatabase.openExisting(path: resolvedPath) }

    /// The planner over the store (opened as `access` says), with `aliases` added to the bundled place aliases.
    func planner(_ access: StoreAccess = .existing, aliases: String? = nil) throws -> Planner {
        try location.planner(access, aliases: aliases)
    }

    /// The planner over the store that holds the expenses (`budget actuals`); it must exist.
    func expenses() throws -> Planner { try location.expensesPlanner(optional: false) }
}
