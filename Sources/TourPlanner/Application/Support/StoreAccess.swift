/// How a use case needs the store: only `import`, `demo` and recording expenses create one.
public enum StoreAccess: Sendable, Hashable {
    /// An existing store; "no store at PATH" (nothing created) when the path is wrong.
    case existing
    /// The store, created when missing.
    case createIfMissing
    /// The store when there is one (for jobs that only enrich their output from it); a store the
    /// user named (`--db`, `$TOURPLAN_DB`) must exist, as for `.existing` (`StoreLocation.open`).
    case ifPresent
    /// No store.
    case none
}

extension TourDatabase {
    /// The store at `path`, opened as `access` says: nil for `.none`, and for `.ifPresent` when
    /// there is no store at `path`.
    ///
    /// - Throws: `StoreError` when the store cannot be opened (or, for `.existing`, is missing).
    package static func open(path: String, access: StoreAccess) throws -> TourDatabase? {
        switch access {
        case .existing: return try openExisting(path: path)
        case .createIfMissing: return try openOrCreate(path: path)
        case .none: return nil
        case .ifPresent:
            do {
                return try openExisting(path: path)
            } catch let error as StoreError where error.kind == .missing {
                return nil
            }
        }
    }
}
