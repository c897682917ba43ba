import Foundation
import GRDB
import GRDBSQLite
import TourPlannerCore

/// Writes one import's members inside its transaction (see `TourDatabase.performImport`).
///
/// Upserts by member id: a new id is inserted; a known id is updated only when a column
/// differs; a second row with the same id in the same file is reported as a duplicate
/// (identical → merged, different → conflict naming both lines). Consent flags (do-not-call,
/// do-not-text, do-not-contact, deceased) are never cleared by a re-import, whoever set them; a
/// flag an import newly sets is written to the consent log (source: the file and line), and the
/// member's pending calls or texts it stops are cancelled.
package final class MemberWriteSession {
    /// What one row's upsert did.
    package enum Outcome: Equatable, Sendable {
        /// A member id not stored before: inserted.
        case added
        /// A stored member with a differing column: updated.
        case updated
        /// A stored member with the same values: nothing written.
        case unchanged
        /// The id was already written from line `firstLine` of this file, with identical values: merged.
        case duplicateIdentical(firstLine: Int)
        /// The id was already written from line `firstLine` of this file, with different values: the first row is kept.
        case duplicateConflict(firstLine: Int)
    }

    private let db: Database
    /// The `imports` row id of this import, written as `lastImportId` into the member rows it writes.
    package let importID: Int64
    /// The chapters written so far, numbered in the order first seen.
    private var knownChapters = ByteKeyTable()
    /// The statements of the import, prepared on first use (an upsert needs the unique id
    /// index, which a bulk load only builds at its end).
    private var statements = PreparedStatements()

    /// The file named in the consent log for flags this import sets (set by the importer).
    package var sourceFileName = ""
    /// Members whose consent flags this import newly set: (id, line, the flags set).
    private var consentSet: [(id: String, line: Int, flags: [ConsentFlag])] = []
    private let startedAt: Date

    /// A bulk load appends into a `members` table that was empty and has no indexes; the indexes
    /// are built once at the end (a sort instead of a million random B-tree inserts). Past
    /// `bulkLoadLimit` rows it builds them there and goes on row by row, so that its in-memory
    /// tables (16 MiB each at the limit) stop growing: memory stays flat whatever the file size.
    private var isBulkLoad: Bool
    /// Rows past which a bulk load builds its indexes and goes on row by row (see `isBulkLoad`).
    package static let bulkLoadLimit = 1_400_000
    /// Bulk load only: member-id hash → rowid, and e-mail-key hash → rowid of the first member
    /// with that e-mail (every hit is checked against the stored row).
    private var rowsByID = RowIDTable()
    private var rowsByEmail = RowIDTable()
    /// Bulk load only: (row, first row with the same e-mail key), checked when found.
    private var sharedEmailRows: [(row: Int64, first: Int64)] = []
    /// Bulk load only: the counts `refreshMemberAggregates` would compute, tallied as rows are added.
    private var aggregates: MemberAggregates
    private var rowsFinished = false
    /// What `prefetch` read (kept so the reads are not optimized away).
    private var prefetched: UInt64 = 0
    /// Told the place keys still to resolve once the per-place counts are written, so they are
    /// resolved while the rest of the transaction (the id index, the commit) runs; nil: nobody asks.
    var placeKeysPending: PlaceKeysRequest?

    init(
        db: Database, importID: Int64, isBulkLoad: Bool, bulkLoadLimit: Int = MemberWriteSession.bulkLoadLimit,
        startedAt: Date = Date(timeIntervalSince1970: 0), places: PlaceNumbering = PlaceNumbering()
    ) {
        aggregates = MemberAggregates(places: places)
        self.startedAt = startedAt
        self.db = db
        self.importID = importID
        self.isBulkLoad = isBulkLoad
        self.bulkLoadLimitRows = bulkLoadLimit
    }

    private let bulkLoadLimitRows: Int

    /// Ends the bulk load early: the indexes are built now, the rest of the file is merged row by
    /// row, and shared e-mails and per-place counts come from SQL at the end.
    private func leaveBulkLoad() throws {
        for index in TourDatabase.memberIndexes { try db.execute(sql: index.sql) }
        // The id index now takes out-of-order inserts: the larger cache of a row-by-row import.
        try db.execute(sql: "PRAGMA cache_size = -32768")
        isBulkLoad = false
        rowsByID = RowIDTable()
        rowsByEmail = RowIDTable()
        sharedEmailRows = []
        aggregates = MemberAggregates(places: aggregates.places)
    }

    /// Call after the last `upsert`: builds the indexes left out of a bulk load and the per-place
    /// and per-chapter counts that ranking and markers read.
    package func finishRows() throws {
        guard !rowsFinished else { return }
        rowsFinished = true
        if isBulkLoad {
            try write(aggregates)
            // Freed before the index is built: the place resolution may start beside it.
            rowsByID = RowIDTable()
            rowsByEmail = RowIDTable()
            try notePendingPlaces()
            for index in TourDatabase.memberIndexes { try db.execute(sql: index.sql) }
        } else {
            try TourDatabase.refreshMemberAggregates(db)
            try notePendingPlaces()
        }
        try writeConsentLog()
    }

    /// Checks, once, the references SQLite checks row by row when `foreign_keys` is on (the
    /// import runs with it off): the import's own `imports` row, and every chapter a member or
    /// `chapterPlaces` row of this import names (each was numbered in `knownChapters` and
    /// inserted when first seen).
    ///
    /// - Throws: a foreign-key error when one is missing; the import then rolls back.
    package func checkReferences() throws {
        var missing =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM imports WHERE id = ?)", arguments: [importID])
            != true
        let chapter = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM chapters WHERE name = ?)")
        for number in 0..<knownChapters.count where !missing {
            missing = try Bool.fetchOne(chapter, arguments: [knownChapters.key(number)]) != true
        }
        if missing {
            throw DatabaseError(
                resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                message: "an imported member names a chapter or import that is not stored; nothing was imported")
        }
    }

    /// Hands the place keys with no cached resolution (as this transaction sees them) to
    /// `placeKeysPending`.
    private func notePendingPlaces() throws {
        guard let request = placeKeysPending else { return }
        request.deliver(try TourDatabase.pendingPlaceKeys(db, version: request.version))
    }

    /// Logs the flags this import set and cancels the tasks they stop.
    private func writeConsentLog() throws {
        let select = try db.cachedStatement(
            sql: "SELECT doNotCall, doNotText, doNotContact, deceased FROM members WHERE id = ?")
        for entry in consentSet {
            for flag in entry.flags {
                try TourDatabase.log(
                    ConsentLogEntry(
                        memberID: MemberID(entry.id), flag: flag, change: .set, source: .importFile,
                        detail: "\(sourceFileName):\(entry.line)", recordedAt: startedAt), db)
            }
            guard let row = try Row.fetchOne(select, arguments: [entry.id]) else { continue }
            try TourDatabase.cancelTasks(
                of: entry.id, consent: TourDatabase.consent(from: row), because: "import \(sourceFileName)", db)
        }
        consentSet = []
    }

    /// Notes the consent flags of row `index` that are set now and were not before.
    private func noteConsent(_ rows: EncodedMemberRows, at index: Int, line: Int, kept: ContactConsent) {
        var flags: [ConsentFlag] = []
        for column in MemberColumn.allCases {
            if let flag = column.consentFlag, rows.flag(index, column) == 1, !kept[flag] { flags.append(flag) }
        }
        if !flags.isEmpty { consentSet.append((rows.id(index).rawValue, line, flags)) }
    }

    private func write(_ aggregates: MemberAggregates) throws {
        try db.execute(sql: "DELETE FROM placeStats")
        let place = try db.makeStatement(
            sql: """
                INSERT INTO placeStats (placeKey, members, unaffiliated, organizers, hosts, unaffiliatedWomen,
                  unaffiliatedGenderStated) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let keys = aggregates.places.keys()
        // A place numbered by a parsing task whose rows were all rejected or merged has no tally.
        let tallied = aggregates.tallies.indices.filter { aggregates.tallies[$0].members > 0 }
        for index in tallied.sorted(by: { keys[$0] < keys[$1] }) {
            let tally = aggregates.tallies[index]
            try place.execute(arguments: [
                keys[index], tally.members, tally.unaffiliated, tally.organizers, tally.hosts, tally.unaffiliatedWomen,
                tally.unaffiliatedGenderStated,
            ])
        }
        try db.execute(sql: "DELETE FROM chapterPlaces")
        let chapter = try db.makeStatement(
            sql: "INSERT INTO chapterPlaces (chapter, placeKey, members) VALUES (?, ?, ?)")
        for (key, count) in aggregates.chapterPlaces.sorted(by: { $0.key < $1.key }) {
            try chapter.execute(arguments: [knownChapters.key(Int(key >> 32)), keys[Int(key & 0xFFFF_FFFF)], count])
        }
    }

    /// Binds an encoded row (see `EncodedMemberRows`) straight to a prepared insert or update
    /// (parameters numbered by `MemberColumn`) and steps it. GRDB's `StatementArguments` and
    /// SQLite's copies of bound text cost ~25% of a million-row import, so the text is bound from
    /// the batch's buffer (SQLITE_STATIC), which stays alive until the statement has run.
    private func insert(
        _ rows: EncodedMemberRows, at index: Int, line: Int, using statement: OpaquePointer,
        keepingFlags kept: ContactConsent = ContactConsent()
    ) -> Int32 {
        rows.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            for column in MemberColumn.allCases {
                let parameter = column.parameter
                switch column.storage {
                case .text:
                    let (offset, count) = rows.text(index, column)
                    if count < 0 {
                        sqlite3_bind_null(statement, parameter)
                    } else if let base, count > 0 {
                        sqlite3_bind_text(statement, parameter, base + offset, count, nil)
                    } else {
                        sqlite3_bind_text(statement, parameter, "", 0, nil)
                    }
                case .flag:
                    let flag = Self.flag(rows, index, column, keeping: kept)
                    if flag < 0 {
                        sqlite3_bind_null(statement, parameter)
                    } else {
                        sqlite3_bind_int64(statement, parameter, flag)
                    }
                }
            }
            sqlite3_bind_int64(statement, MemberColumn.importIDParameter, importID)
            sqlite3_bind_int64(statement, MemberColumn.importLineParameter, Int64(line))
            let status = sqlite3_step(statement)
            sqlite3_reset(statement)  // every parameter is bound again for the next row
            return status
        }
    }

    /// SQLITE_TRANSIENT (a C macro Swift does not import): SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// An encoded flag (−1 = NULL) as written: a consent flag already stored stays set.
    private static func flag(
        _ rows: EncodedMemberRows, _ index: Int, _ column: MemberColumn, keeping kept: ContactConsent
    ) -> Int64 {
        if let consent = column.consentFlag, kept[consent] { return 1 }
        return rows.flag(index, column)
    }

    /// Inserts or updates one member read at `line` (encodes it first; the importer encodes
    /// whole batches in its writer and calls `upsert(_:encoded:at:line:)`).
    ///
    /// - Throws: a database error (the whole import then rolls back).
    package func upsert(_ member: Member, line: Int) throws -> Outcome {
        var rows = EncodedMemberRows()
        rows.append(member)
        return try upsert(encoded: rows, at: 0, line: line)
    }

    /// Reads, ahead of a batch's upserts, the duplicate tables' slots its rows will probe first.
    ///
    /// The tables are 16 MiB each at a million members and every probe lands on a random page:
    /// `perf annotate` put more than half of the bulk load's own time on those first loads, each
    /// a cache and TLB miss waited for between two SQLite inserts. Read in one pass of
    /// independent loads, the misses overlap; the upserts then find the slots in cache.
    package func prefetch(_ encoded: EncodedMemberRows) {
        guard isBulkLoad else { return }
        prefetched &+= rowsByID.touch(encoded.idHashes) &+ rowsByEmail.touch(encoded.emailHashes.lazy.compactMap { $0 })
    }

    /// Inserts or updates the member of row `index` of `encoded`, read at `line`.
    ///
    /// - Throws: a database error (the whole import then rolls back).
    package func upsert(encoded: EncodedMemberRows, at index: Int, line: Int) throws -> Outcome {
        var chapterNumber: Int?
        if encoded.text(index, .chapter).count >= 0 {
            let chapter = encoded.withText(index, .chapter) { bytes in
                knownChapters.number(hash: stableHash(bytes), bytes: bytes)
            }
            if chapter.isNew {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO chapters (name, firstSeenImportId) VALUES (?, ?)")
                    .execute(arguments: [knownChapters.key(chapter.number), importID])
            }
            chapterNumber = chapter.number
        }
        if isBulkLoad && rowsByID.count >= bulkLoadLimitRows { try leaveBulkLoad() }
        if isBulkLoad { return try append(encoded, at: index, line: line, chapter: chapterNumber) }
        let upsert = try statements.statement(.upsert, in: db)
        try check(insert(encoded, at: index, line: line, using: upsert.sqliteStatement))
        if db.changesCount == 1 {
            noteConsent(encoded, at: index, line: line, kept: ContactConsent())
            return .added
        }
        return try merge(encoded, at: index, line: line)
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Bulk load: appends the row unless its id was seen earlier in this file.
    private func append(_ encoded: EncodedMemberRows, at index: Int, line: Int, chapter: Int?) throws -> Outcome {
        let idHash = encoded.idHashes[index]
        let stored = try rowsByID.find(idHash) { candidate in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM members WHERE rowid = ?"), arguments: [candidate])
                == encoded.id(index).rawValue
        }
        if let row = stored.row { return try merge(encoded, at: index, line: line, rowID: row) }
        let append = try statements.statement(.append, in: db)
        try check(insert(encoded, at: index, line: line, using: append.sqliteStatement))
        let rowID = db.lastInsertedRowID
        rowsByID.fill(stored.slot, idHash, row: rowID)
        if let emailHash = encoded.emailHashes[index] {
            let first = try rowsByEmail.find(emailHash) { candidate in
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT COALESCE(emailKey, email) FROM members WHERE rowid = ?"),
                    arguments: [candidate])
                    == encoded.emailKey(index)
            }
            if let row = first.row {
                sharedEmailRows.append((rowID, row))
            } else {
                rowsByEmail.fill(first.slot, emailHash, row: rowID)
            }
        }
        aggregates.add(encoded, at: index, chapter: chapter)
        noteConsent(encoded, at: index, line: line, kept: ContactConsent())
        return .added
    }

    /// A member whose id is already stored: a duplicate within this file, or an update. The
    /// stored row is compared with the encoded one byte for byte, on SQLite's own statements
    /// (a re-import of a million unchanged members spent most of its time building GRDB rows).
    private func merge(_ encoded: EncodedMemberRows, at index: Int, line: Int, rowID: Int64? = nil) throws -> Outcome {
        let select = try statements.statement(rowID == nil ? .selectByID : .selectByRowID, in: db)
        let update = try statements.statement(.update, in: db)
        let touch = try statements.statement(.touch, in: db)
        let statement = select.sqliteStatement
        defer { sqlite3_reset(statement) }
        if let rowID {
            sqlite3_bind_int64(statement, 1, rowID)
        } else {
            encoded.withText(index, .id) { bytes in
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(statement, 1, text, Int32(bytes.count), Self.transient)
                } else {
                    sqlite3_bind_text(statement, 1, "", 0, Self.transient)
                }
            }
        }
        let status = sqlite3_step(statement)
        guard status == SQLITE_ROW else {
            try check(status)
            return .unchanged
        }
        let storedRowID = sqlite3_column_int64(statement, MemberColumn.rowIDResultColumn)
        let lastImport =
            sqlite3_column_type(statement, MemberColumn.lastImportIDResultColumn) == SQLITE_NULL
            ? nil : sqlite3_column_int64(statement, MemberColumn.lastImportIDResultColumn)
        let firstLine = Int(sqlite3_column_int64(statement, MemberColumn.importLineResultColumn))
        // A consent flag already stored survives a re-import that says "no" (or nothing).
        func stored(_ column: MemberColumn) -> Bool { sqlite3_column_int64(statement, column.resultColumn) == 1 }
        let kept = ContactConsent(
            doNotCall: stored(.doNotCall), doNotText: stored(.doNotText), doNotContact: stored(.doNotContact),
            deceased: stored(.deceased))
        let same = Self.storedRow(statement, equals: encoded, at: index, keeping: kept)
        sqlite3_reset(statement)
        if lastImport == importID {
            return same ? .duplicateIdentical(firstLine: firstLine) : .duplicateConflict(firstLine: firstLine)
        }
        if same {
            try touch.execute(arguments: [importID, line, storedRowID])
            return .unchanged
        }
        try statements.statement(.snapshot, in: db).execute(arguments: [importID, storedRowID])
        try check(insert(encoded, at: index, line: line, using: update.sqliteStatement, keepingFlags: kept))
        noteConsent(encoded, at: index, line: line, kept: kept)
        return .updated
    }

    /// Whether the selected row holds exactly the encoded values (flags kept by volunteers count as set).
    private static func storedRow(
        _ statement: OpaquePointer, equals rows: EncodedMemberRows, at index: Int, keeping kept: ContactConsent
    ) -> Bool {
        rows.bytes.withUnsafeBufferPointer { buffer in
            for column in MemberColumn.allCases {
                let result = column.resultColumn
                let isNull = sqlite3_column_type(statement, result) == SQLITE_NULL
                switch column.storage {
                case .text:
                    let (offset, count) = rows.text(index, column)
                    if count < 0 {
                        if !isNull { return false }
                        continue
                    }
                    if isNull { return false }
                    guard let text = sqlite3_column_text(statement, result) else { return count == 0 }
                    if sqlite3_column_bytes(statement, result) != count { return false }
                    if count > 0, let base = buffer.baseAddress, memcmp(text, base + offset, Int(count)) != 0 {
                        return false
                    }
                case .flag:
                    let stored: Int64 = isNull ? -1 : sqlite3_column_int64(statement, result)
                    if stored != flag(rows, index, column, keeping: kept) { return false }
                }
            }
            return true
        }
    }

    /// Members of this import that share an e-mail (case-insensitive) with an earlier row of it:
    /// (member, its line, the first member with that e-mail, that member's line), by line.
    package func sharedEmails() throws -> [(id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int)]
    {
        try finishRows()
        if isBulkLoad { return try sharedEmailsOfBulkLoad() }
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH keyed AS (
                  SELECT id, importLine, email, lastImportId, COALESCE(emailKey, email) AS emailKey FROM members
                  WHERE email IS NOT NULL),
                shared AS (SELECT emailKey FROM keyed GROUP BY emailKey HAVING COUNT(*) > 1)
                SELECT k.id, k.importLine, k.email, k.emailKey FROM keyed k JOIN shared USING (emailKey)
                WHERE k.lastImportId = ?1 ORDER BY k.emailKey, k.importLine
                """, arguments: [importID])
        var result: [(id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int)] = []
        var first: (key: String, id: MemberID, line: Int)?
        for row in rows {
            let key: String = row["emailKey"]
            let id = MemberID(row["id"] as String)
            let line: Int = row["importLine"] ?? 0
            if let first, first.key == key {
                result.append((id, line, row["email"] ?? "", first.id, first.line))
            } else {
                first = (key, id, line)
            }
        }
        return result.sorted { $0.line < $1.line }
    }

    /// Bulk load: the rows whose e-mail hash was seen before, checked against the stored e-mail
    /// keys (every member is from this file, so the first row with a key is the first member).
    private func sharedEmailsOfBulkLoad() throws -> [(
        id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int
    )] {
        var result: [(id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int)] = []
        let select = try db.cachedStatement(sql: "SELECT id, importLine, email FROM members WHERE rowid = ?")
        for pair in sharedEmailRows {
            guard let row = try Row.fetchOne(select, arguments: [pair.row]),
                let first = try Row.fetchOne(select, arguments: [pair.first])
            else { continue }
            result.append(
                (
                    MemberID(row["id"] as String), row["importLine"] ?? 0, row["email"] ?? "",
                    MemberID(first["id"] as String), first["importLine"] ?? 0
                ))
        }
        return result.sorted { $0.line < $1.line }
    }
}
