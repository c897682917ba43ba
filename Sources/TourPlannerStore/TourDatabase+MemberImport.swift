package import Foundation
import GRDB

/// What the store records about one imported file.
package struct ImportRecord: Hashable, Sendable, Codable {
    /// The file as the user named it.
    package var fileName: String
    /// SHA-256 of the file's bytes, lowercase hex: an identical re-import is recognized by it.
    package var sha256: String
    /// The file's size in bytes.
    package var byteCount: Int
    /// The format it was read as (`ImportFormat.rawValue`: "csv" or "xml").
    package var format: String
    /// When the import ran.
    package var importedAt: Date
    /// Creates a record.
    package init(fileName: String, sha256: String, byteCount: Int, format: String, importedAt: Date) {
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.importedAt = importedAt
    }
}

extension TourDatabase {
    /// The indexes of `members` (see the v5 migration), left out of a bulk load and built at its end.
    /// There is no e-mail or place index: shared e-mails are found in memory during a bulk load and
    /// by one grouped scan otherwise, per-place counts live in `placeStats`, and the one lookup by
    /// place (`rank --explain`) is a single scan; each index cost more to build or keep up to date
    /// row by row than it saved.
    static let memberIndexes: [(name: String, sql: String)] = [
        ("members_id", "CREATE UNIQUE INDEX IF NOT EXISTS members_id ON members(id)")
    ]

    /// Recomputes `placeStats` and `chapterPlaces` from `members` (after an import, or after a
    /// change of member flags). One scan and a sort each: through the place index every row
    /// would be a random page read once the table outgrows the page cache.
    static func refreshMemberAggregates(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM placeStats")
        try db.execute(
            sql: """
                INSERT INTO placeStats (placeKey, members, unaffiliated, organizers, hosts, unaffiliatedWomen,
                  unaffiliatedGenderStated)
                SELECT placeKey, COUNT(*), SUM(chapter IS NULL), SUM(chapter IS NULL AND organizerInterest IS 1),
                  SUM(willingToHost IS 1), SUM(chapter IS NULL AND genderCategory = 'woman'),
                  SUM(chapter IS NULL AND genderCategory <> 'unstated')
                FROM members NOT INDEXED GROUP BY placeKey
                """)
        try db.execute(sql: "DELETE FROM chapterPlaces")
        try db.execute(
            sql: """
                INSERT INTO chapterPlaces (chapter, placeKey, members)
                SELECT chapter, placeKey, COUNT(*) FROM members NOT INDEXED WHERE chapter IS NOT NULL GROUP BY 1, 2
                """)
    }

    /// Runs one import as one `BEGIN IMMEDIATE … COMMIT` transaction, on the store's writer
    /// queue (GRDB's asynchronous write: the calling task is suspended, no thread of the
    /// concurrency pool waits).
    ///
    /// `body` writes members through the session and returns the final counts, whether to
    /// keep them, and what else it learned; anything but `commit` (or a thrown error, or the
    /// task's cancellation) leaves the database exactly as it was. The `imports` row is written
    /// in the same transaction, so an identical re-import can be recognized.
    ///
    /// `placeKeysPending` is told the place keys with no cached resolution as soon as the
    /// per-place counts are written, before the rest of the transaction (also when the body
    /// then rolls back), and before a commit the answers it has are cached in the transaction.
    ///
    /// - Returns: the body's counts, with `previousImportDate` set when the same bytes were
    ///   imported before, and its outcome.
    package func performImport<Outcome: Sendable>(
        startedAt: Date, bulkLoadLimit: Int = MemberWriteSession.bulkLoadLimit,
        placeKeysPending: PlaceKeysRequest? = nil, places: PlaceNumbering = PlaceNumbering(),
        body: @escaping @Sendable (MemberWriteSession) throws -> (counts: ImportCounts, commit: Bool, outcome: Outcome)
    ) async throws -> (counts: ImportCounts, outcome: Outcome) {
        try await writer.writeWithoutTransaction { db in
            // The import's rows reference only what the import itself wrote first (its `imports`
            // row, the chapters it inserts before their members), so SQLite's per-row foreign-key
            // lookups (a fifth of each insert) are switched off for its transaction and the
            // references are checked once, before the commit (`MemberWriteSession.checkReferences`).
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let written = Result { () throws -> (counts: ImportCounts, outcome: Outcome) in
                try Self.importTransaction(
                    db, startedAt: startedAt, bulkLoadLimit: bulkLoadLimit, placeKeysPending: placeKeysPending,
                    places: places, body: body)
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            return try written.get()
        }
    }

    /// The import's transaction (see `performImport`).
    private static func importTransaction<Outcome: Sendable>(
        _ db: Database, startedAt: Date, bulkLoadLimit: Int, placeKeysPending: PlaceKeysRequest?,
        places: PlaceNumbering,
        body: @escaping @Sendable (MemberWriteSession) throws -> (counts: ImportCounts, commit: Bool, outcome: Outcome)
    ) throws -> (counts: ImportCounts, outcome: Outcome) {
        var result: (counts: ImportCounts, outcome: Outcome)?
        try db.inTransaction(.immediate) {
            let (importID, written) = try Self.writeImport(
                db, startedAt: startedAt, bulkLoadLimit: bulkLoadLimit, placeKeysPending: placeKeysPending,
                places: places, body: body)
            result = (written.counts, written.outcome)
            guard written.commit, let record = written.counts.record else { return .rollback }
            // The place strings resolved while the transaction finished are cached with it.
            if let request = placeKeysPending,
                let collected = request.collect(try Self.pendingPlaceKeys(db, version: request.version))
            {
                try Self.cachePlaces(db, collected.answers, version: collected.version)
            }
            result?.counts.previousImportDate = try Self.recordImport(db, importID, record, written.counts)
            return .commit
        }
        guard let result else { throw CancellationError() }  // inTransaction always runs the block
        return result
    }

    /// The transaction's body: the `imports` row, the bulk-load set-up, the members.
    private static func writeImport<Outcome>(
        _ db: Database, startedAt: Date, bulkLoadLimit: Int, placeKeysPending: PlaceKeysRequest?,
        places: PlaceNumbering,
        body: (MemberWriteSession) throws -> (counts: ImportCounts, commit: Bool, outcome: Outcome)
    ) throws -> (importID: Int64, written: (counts: ImportCounts, commit: Bool, outcome: Outcome)) {
        try db.execute(
            sql: """
                INSERT INTO imports (fileName, sha256, byteCount, format, importedAt, added, updated,
                unchanged, skipped, warnings, errors) VALUES ('', '', 0, '', ?, 0, 0, 0, 0, 0, 0)
                """, arguments: [startedAt])
        let importID = db.lastInsertedRowID
        // What `undoLastImport` needs: the members it adds are those after the last rowid now
        // (members are never deleted otherwise), and the rows it updates are copied as they were.
        // Only the latest import can be undone, so the copies of the one before are dropped.
        try db.execute(sql: "DELETE FROM importPrevious")
        try db.execute(
            sql: "UPDATE imports SET membersRowIDBefore = (SELECT COALESCE(MAX(rowid), 0) FROM members) WHERE id = ?",
            arguments: [importID])
        // Bulk load: into an empty members table, build the indexes once at the end (a sort)
        // instead of row by row (random B-tree inserts). A row-by-row import gets the bigger
        // page cache for the id index's out-of-order inserts; a bulk load only appends and
        // sorts, so it keeps the memory for its in-memory duplicate tables instead.
        let isBulkLoad = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM members LIMIT 1)") == 0
        try db.execute(sql: isBulkLoad ? "PRAGMA cache_size = -8192" : "PRAGMA cache_size = -32768")
        if isBulkLoad {
            for index in memberIndexes {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
            }
        }
        let session = MemberWriteSession(
            db: db, importID: importID, isBulkLoad: isBulkLoad, bulkLoadLimit: bulkLoadLimit, startedAt: startedAt,
            places: places)
        session.placeKeysPending = placeKeysPending
        let written = try body(session)
        try session.finishRows()
        try session.checkReferences()
        return (importID, written)
    }

    /// Completes the import's `imports` row; the date of an earlier import of the same bytes.
    private static func recordImport(
        _ db: Database, _ importID: Int64, _ record: ImportRecord, _ counts: ImportCounts
    ) throws -> Date? {
        let previous = try Date.fetchOne(
            db,
            sql: "SELECT importedAt FROM imports WHERE sha256 = ? AND id <> ? AND undoneAt IS NULL ORDER BY id LIMIT 1",
            arguments: [record.sha256, importID])
        try db.execute(
            sql: """
                UPDATE imports SET fileName = ?, sha256 = ?, byteCount = ?, format = ?, added = ?, updated = ?,
                unchanged = ?, skipped = ?, warnings = ?, errors = ? WHERE id = ?
                """,
            arguments: [
                record.fileName, record.sha256, record.byteCount, record.format, counts.added, counts.updated,
                counts.unchanged, counts.skipped, counts.warnings, counts.errors, importID,
            ])
        return previous
    }
}

/// Counts of one import (see `ImportReport`).
package struct ImportCounts: Hashable, Sendable, Codable {
    /// Rows whose member was not stored before.
    package var added = 0
    /// Rows whose member was stored before with different values.
    package var updated = 0
    /// Rows whose member was stored before with the same values.
    package var unchanged = 0
    /// Rows not written (an error, or a repeat of a member earlier in the file).
    package var skipped = 0
    /// Problems of warning severity.
    package var warnings = 0
    /// Problems of error severity.
    package var errors = 0
    /// The `imports` row to write; nil when the file was not read to its end, and then nothing is committed.
    package var record: ImportRecord?
    /// When the same bytes were imported before (set on commit); nil for a first import.
    package var previousImportDate: Date?
    /// Zero counts, no record.
    package init() {}
}
