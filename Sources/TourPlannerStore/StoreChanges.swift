import Foundation
import GRDB

/// Tells a long-running process (the web app) whether anything in the store changed since it
/// last looked, so it can keep what it computed from the store until then.
///
/// A store file is watched with SQLite's `PRAGMA data_version` on a read-only connection of its
/// own: the number changes whenever any other connection commits — this process's writer or
/// another process (a CLI import, `remind schedule`) — and reading it takes no lock an import
/// holds. An in-memory store (tests) has no file to watch: its version is always unknown, so
/// nothing computed from it is kept.
public final class StoreChanges: Sendable {
    /// A point in the store's history: equal versions mean nothing was committed in between.
    public struct Version: Hashable, Sendable {
        fileprivate var dataVersion: Int64
    }

    private let watcher: DatabaseQueue?

    /// Watches `store`'s file (nothing to watch for an in-memory store).
    ///
    /// - Throws: `StoreError` naming the file when the watching connection cannot be opened.
    public init(_ store: TourDatabase) throws {
        let path = store.path
        guard !path.isEmpty, path != ":memory:", FileManager.default.fileExists(atPath: path) else {
            watcher = nil
            return
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "store changes"
        do {
            watcher = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(
                path: path, problem: "cannot open a connection to watch for changes: \(error)",
                hint: "check that the store file is readable")
        }
    }

    /// The store's version now; nil when it cannot be known (an in-memory store).
    ///
    /// - Throws: a database error when the watching connection cannot read the file.
    public func current() throws -> Version? {
        guard let watcher else { return nil }
        return try watcher.read { db in
            try Int64.fetchOne(db, sql: "PRAGMA data_version").map(Version.init(dataVersion:))
        }
    }
}
