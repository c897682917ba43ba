public import Foundation
public import GRDB

/// The single source of truth: members, imports, chapters (and the later stages' tables),
/// in SQLite through GRDB.
///
/// Wraps an injected `DatabaseWriter`: the CLI opens a `DatabasePool` on a file (WAL,
/// `synchronous=FULL`, foreign keys on, created 0600); tests pass `DatabaseQueue()`.
public struct TourDatabase: Sendable {
    public let writer: any DatabaseWriter

    /// Wraps a writer and applies all migrations.
    ///
    /// - Throws: `StoreError` when the schema cannot be migrated.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(
                path: writer.path, problem: "cannot update the database schema: \(error)",
                hint: "make sure the file is a TourPlanner database written by this or an older version")
        }
    }

    /// An in-memory database, for tests and dry runs.
    public static func makeInMemory() throws -> TourDatabase {
        try TourDatabase(DatabaseQueue())
    }

    /// Opens (or creates, with permissions 0600) the database file at `path`.
    ///
    /// - Throws: `StoreError` naming the path when it cannot be opened.
    public static func open(path: String) throws -> TourDatabase {
        let fileManager = FileManager.default
        let isNew = !fileManager.fileExists(atPath: path)
        if isNew {
            // Create the file ourselves so it is 0600 from its first byte (it holds personal data).
            // SQLite gives -wal and -shm the main file's permissions.
            let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd < 0 {
                let reason = String(cString: strerror(errno))
                throw StoreError(
                    path: path, problem: "cannot create the database file: \(reason)",
                    hint: "check that the folder exists and is writable, or pass --db PATH")
            }
            close(fd)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new file (before WAL mode fixes the size): a million-member import
            // writes and checkpoints a quarter as many WAL frames, and each B-tree page holds ~70 rows.
            if isNew { try db.execute(sql: "PRAGMA page_size = 16384") }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try TourDatabase(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                path: path, problem: "cannot open the database: \(error)",
                hint: "check the path, or pass --db PATH to use another file")
        }
    }
}

/// A failure of the store itself (not of the data put into it).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var path: String
    public var problem: String
    public var hint: String
    public init(path: String, problem: String, hint: String) {
        self.path = path
        self.problem = problem
        self.hint = hint
    }
    public var description: String { "\(path): \(problem)\n  hint: \(hint)" }
    public var errorDescription: String? { description }
}
