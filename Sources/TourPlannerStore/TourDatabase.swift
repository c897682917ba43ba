public import Foundation
package import GRDB

/// The single source of truth: members, imports, chapters (and the later stages' tables),
/// in SQLite through GRDB.
///
/// Wraps an injected `DatabaseWriter`: the CLI opens a `DatabasePool` on a file (WAL,
/// `synchronous=FULL`, foreign keys on, created 0600) — a `DatabaseQueue` with the rollback
/// journal for the command that creates the file — and tests pass `DatabaseQueue()`.
public struct TourDatabase: Sendable {
    /// The GRDB connection every read and write goes through (a `DatabasePool` for a file, a queue in tests).
    package let writer: any DatabaseWriter

    /// The store's file path (`:memory:` for an in-memory store); receipts are kept beside it.
    package var path: String { writer.path }

    /// Wraps a writer and applies all migrations.
    ///
    /// - Throws: `StoreError` when the schema cannot be migrated.
    package init(_ writer: any DatabaseWriter) throws {
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
    package static func makeInMemory() throws -> TourDatabase {
        try TourDatabase(DatabaseQueue())
    }

    /// Opens the existing store at `path`; never creates one.
    ///
    /// Every command but `import` and `demo` uses this, so a mistyped `--db` is an error, not a
    /// new empty store: nothing is created at `path` (no file, no `-wal`, no `-shm`).
    ///
    /// - Throws: `StoreError` with kind `.missing` when there is no file at `path`, or naming the
    ///   path when it cannot be opened.
    public static func openExisting(path: String) throws -> TourDatabase {
        try openExisting(path: path, busyTimeout: 10)
    }

    /// Opens the existing store at `path` like `openExisting(path:)`, with writes that wait up
    /// to `busyTimeout` seconds for another connection's write lock (`tourplan serve` waits
    /// longer than the longest import holds it).
    ///
    /// - Throws: `StoreError` as `openExisting(path:)`.
    public static func openExisting(path: String, busyTimeout: TimeInterval) throws -> TourDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.missing(path: path)
        }
        if isDirectory.boolValue {
            throw StoreError(
                path: path, problem: "is a folder, not a store", hint: "pass the store file with --db PATH")
        }
        try checkIsStore(path: path)
        return try connect(path: path, isNew: false, busyTimeout: busyTimeout)
    }

    /// Refuses a file that is not a TourPlanner store (a CSV given as `--db`, another program's
    /// SQLite database) before anything is written to it: migrating would add our tables to it.
    /// An empty file is accepted (it becomes a store).
    static func checkIsStore(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let tables: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError(
                path: path, problem: "is not a TourPlanner store (not an SQLite file)",
                hint: "pass the store file with --db PATH (a file made by `tourplan import`); nothing was changed")
        } catch {
            throw StoreError(
                path: path, problem: "is not a TourPlanner store (\(error))",
                hint: "pass the store file with --db PATH (a file made by `tourplan import`)")
        }
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreError(
                path: path,
                problem:
                    "is an SQLite database of another program (tables: \(tables.sorted().prefix(5).joined(separator: ", "))), not a TourPlanner store",
                hint: "pass the store file with --db PATH (a file made by `tourplan import`); nothing was changed")
        }
    }

    /// Opens the store at `path`, creating it (permissions 0600) when there is no file there.
    ///
    /// Only the commands that fill a store (`import`, `demo`) use this.
    ///
    /// - Throws: `StoreError` naming the path when it cannot be created or opened.
    public static func openOrCreate(path: String) throws -> TourDatabase {
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
        } else {
            try checkIsStore(path: path)
        }
        return try connect(path: path, isNew: isNew)
    }

    private static func connect(path: String, isNew: Bool, busyTimeout: TimeInterval = 10) throws -> TourDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new file (before WAL mode fixes the size): a million-member import
            // writes and checkpoints a quarter as many WAL frames, and each B-tree page holds ~70 rows.
            if isNew { try db.execute(sql: "PRAGMA page_size = 16384") }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            // A new file is written with SQLite's rollback journal, which writes each page once into
            // the file: in WAL mode a first import of a million members wrote every page to the WAL
            // and copied it into the file at the checkpoint (~1 s more). Nothing else can have the
            // new file open, so nothing needs WAL's concurrent readers yet; the next open (any
            // other command, `tourplan serve`) turns the file into WAL mode for good.
            let writer: any DatabaseWriter =
                isNew
                ? try DatabaseQueue(path: path, configuration: configuration)
                : try DatabasePool(path: path, configuration: configuration)
            return try TourDatabase(writer)
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
    /// Why the store could not be used, for callers that branch on it.
    public enum Kind: Hashable, Sendable {
        /// There is no store at the path (only `import` and `demo` create one).
        case missing
        /// Any other failure (described by `problem`).
        case other
    }

    /// Whether the store is missing or failed otherwise.
    package var kind: Kind
    /// Where: the store's file path, or the part of the store concerned ("members", "consent").
    package var path: String
    /// What went wrong, e.g. "is not a TourPlanner store (not an SQLite file)".
    package var problem: String
    /// What the user can do about it.
    package var hint: String
    /// Creates an error (`kind` defaults to `.other`).
    package init(kind: Kind = .other, path: String, problem: String, hint: String) {
        self.kind = kind
        self.path = path
        self.problem = problem
        self.hint = hint
    }

    /// No store at `path`.
    package static func missing(path: String) -> StoreError {
        StoreError(
            kind: .missing, path: path, problem: "no store at \(path); import first or check --db",
            hint: "`tourplan import FILE --db \(path)` creates it; or pass the right file with --db (or $TOURPLAN_DB)")
    }

    /// "path: problem" (just the problem for a missing store, whose problem names the path), then
    /// "  hint: …" on the next line.
    public var description: String {
        switch kind {
        case .missing: "\(problem)\n  hint: \(hint)"
        case .other: "\(path): \(problem)\n  hint: \(hint)"
        }
    }
    /// The same text as `description`.
    public var errorDescription: String? { description }
}
