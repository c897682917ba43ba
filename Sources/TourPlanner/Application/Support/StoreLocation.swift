import Foundation

/// Where a front end's store is: `--db PATH`, else `$TOURPLAN_DB`, else `./tourplan.sqlite`, and
/// whether the user named it (a named store that is missing is a mistake, never ignored).
public struct StoreLocation: Sendable, Hashable {
    /// The store's file.
    public var path: String
    /// Whether the path came from `--db` or `$TOURPLAN_DB` rather than the default.
    package var isNamed: Bool

    /// The store `--db` names (`option`), else `$TOURPLAN_DB` when set and not empty, else
    /// `tourplan.sqlite` in the current folder.
    ///
    /// - Parameters:
    ///   - option: the `--db` value, if given.
    ///   - environment: the variables to read (nil: the process's).
    public init(option: String?, environment: [String: String]? = nil) {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let option {
            (path, isNamed) = (option, true)
        } else if let named = environment["TOURPLAN_DB"], !named.isEmpty {
            (path, isNamed) = (named, true)
        } else {
            (path, isNamed) = ("tourplan.sqlite", false)
        }
    }

    /// The store, opened as `access` says (see `TourDatabase.open(path:access:)`), except that a
    /// store the user named is never optional: `.ifPresent` opens it as `.existing`, so a mistyped
    /// `--db` (or `$TOURPLAN_DB`) is "no store at PATH" for every command, never a silent "no store".
    ///
    /// - Throws: `StoreError` when it cannot be opened (or, for `.existing` and a named store with
    ///   `.ifPresent`, is missing).
    package func open(_ access: StoreAccess = .existing) throws -> TourDatabase? {
        try TourDatabase.open(path: path, access: access == .ifPresent && isNamed ? .existing : access)
    }

    /// A planner over the store (opened as `access` says) and the bundled resources, with the
    /// place aliases of `aliases` added.
    ///
    /// - Throws: `StoreError` for the store; `PlannerError` or `SettingsError` for the resources.
    public func planner(_ access: StoreAccess = .existing, aliases: String? = nil) throws -> Planner {
        Planner(store: try open(access), resources: try PlannerResources(aliasFile: aliases))
    }

    /// A planner for a job on recorded expenses. With `optional` (`budget TEMPLATE`, which shows
    /// the actuals when there are any) a missing store at the default path is none; otherwise
    /// (`budget actuals list|edit|delete`), and always for a store the user named, the store must
    /// exist: nothing is created.
    ///
    /// - Throws: `PlannerError` "no store at PATH; record expenses first …" naming what to do;
    ///   the store's errors.
    public func expensesPlanner(optional: Bool) throws -> Planner {
        let store = try TourDatabase.open(path: path, access: .ifPresent)
        if store == nil && (isNamed || !optional) {
            throw PlannerError(
                "no store at \(path); record expenses first (`tourplan budget actuals add FILE --budget TEMPLATE`)"
                    + " or check --db",
                hint: optional ? "leave out --db (and $TOURPLAN_DB) to budget without recorded expenses" : nil)
        }
        return Planner(store: store, resources: try PlannerResources())
    }
}
