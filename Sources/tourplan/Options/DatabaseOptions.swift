import ArgumentParser
import Foundation
import TourPlanner

/// `--db PATH`, else `$TOURPLAN_DB`, else `./tourplan.sqlite`.
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

    func open() throws -> TourDatabase {
        try TourDatabase.open(path: resolvedPath)
    }
}
