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
public final class MemberWriteSession {
    public enum Outcome: Equatable, Sendable {
        case added
        case updated
        case unchanged
        case duplicateIdentical(firstLine: Int)
        case duplicateConflict(firstLine: Int)
    }

    private let db: Database
    public let importID: Int64
    private var knownChapters: Set<String> = []
    /// Upsert for a table that has rows: a known id is left alone here and updated by `upsert`.
    private lazy var upsertStatement = try? db.makeStatement(sql: Self.insertSQL + " ON CONFLICT(id) DO NOTHING")
    /// Plain append for a bulk load (no unique index yet: duplicates are caught in memory).
    private lazy var appendStatement = try? db.makeStatement(sql: Self.insertSQL)
    private static let insertSQL =
        "INSERT INTO members (\(columns.joined(separator: ", ")), lastImportId, importLine) VALUES ("
        + Array(repeating: "?", count: columns.count + 2).joined(separator: ", ") + ")"

    private static let columns = [
        "id", "firstName", "lastName", "fullName", "email", "emailKey", "phoneRaw", "phoneE164", "city", "region",
        "country", "countryCode", "chapter", "gender", "joined", "willingToHost", "organizerInterest", "languages",
        "doNotCall", "doNotText", "notes", "placeKey", "genderCategory", "doNotContact", "deceased",
    ]
    private static let doNotCallIndex = columns.firstIndex(of: "doNotCall") ?? 18
    private static let doNotTextIndex = columns.firstIndex(of: "doNotText") ?? 19
    private static let doNotContactIndex = columns.firstIndex(of: "doNotContact") ?? 23
    private static let deceasedIndex = columns.firstIndex(of: "deceased") ?? 24
    /// Parameters of the row's import id and line, after the columns.
    private static let importIDParameter = Int32(columns.count + 1)
    private static let importLineParameter = Int32(columns.count + 2)

    /// The file named in the consent log for flags this import sets (set by the importer).
    public var sourceFileName = ""
    /// Members whose consent flags this import newly set: (id, line, the flags set).
    private var consentSet: [(id: String, line: Int, flags: [ConsentFlag])] = []
    private let startedAt: Date

    /// A bulk load appends into a `members` table that was empty and has no indexes; the indexes
    /// are built once at the end (a sort instead of a million random B-tree inserts). Past
    /// `bulkLoadLimit` rows it builds them there and goes on row by row, so that its in-memory
    /// tables (16 MiB each at the limit) stop growing: memory stays flat whatever the file size.
    private var isBulkLoad: Bool
    public static let bulkLoadLimit = 1_400_000
    /// Bulk load only: member-id hash → rowid, and e-mail-key hash → rowid of the first member
    /// with that e-mail (every hit is checked against the stored row).
    private var rowsByID = RowIDTable()
    private var rowsByEmail = RowIDTable()
    /// Bulk load only: (row, first row with the same e-mail key), checked when found.
    private var sharedEmailRows: [(row: Int64, first: Int64)] = []
    /// Bulk load only: the counts `refreshMemberAggregates` would compute, tallied as rows are added.
    private var aggregates = MemberAggregates()
    private var rowsFinished = false

    init(
        db: Database, importID: Int64, isBulkLoad: Bool, bulkLoadLimit: Int = MemberWriteSession.bulkLoadLimit,
        startedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
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
        aggregates = MemberAggregates()
    }

    /// Call after the last `upsert`: builds the indexes left out of a bulk load and the per-place
    /// and per-chapter counts that ranking and markers read.
    public func finishRows() throws {
        guard !rowsFinished else { return }
        rowsFinished = true
        if isBulkLoad {
            try write(aggregates)
            for index in TourDatabase.memberIndexes { try db.execute(sql: index.sql) }
            rowsByID = RowIDTable()
            rowsByEmail = RowIDTable()
        } else {
            try TourDatabase.refreshMemberAggregates(db)
        }
        try writeConsentLog()
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
    private func noteConsent(_ rows: EncodedMemberRows, at index: Int, line: Int, id: String, kept: ContactConsent) {
        let base = index * EncodedMemberRows.flagCount
        var flags: [ConsentFlag] = []
        for (offset, flag) in Self.consentFlagOrder.enumerated()
        where rows.flags[base + Self.firstConsentFlag + offset] == 1 && !kept[flag] {
            flags.append(flag)
        }
        if !flags.isEmpty { consentSet.append((id, line, flags)) }
    }

    /// The consent flags in the order `EncodedMemberRows` stores them, from flag `firstConsentFlag` on.
    private static let consentFlagOrder: [ConsentFlag] = [.doNotCall, .doNotText, .doNotContact, .deceased]
    private static let firstConsentFlag = 2

    private func write(_ aggregates: MemberAggregates) throws {
        try db.execute(sql: "DELETE FROM placeStats")
        let place = try db.makeStatement(
            sql: """
                INSERT INTO placeStats (placeKey, members, unaffiliated, organizers, hosts, unaffiliatedWomen,
                  unaffiliatedGenderStated) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (key, tally) in aggregates.places.sorted(by: { $0.key < $1.key }) {
            try place.execute(arguments: [
                key, tally.members, tally.unaffiliated, tally.organizers, tally.hosts, tally.unaffiliatedWomen,
                tally.unaffiliatedGenderStated,
            ])
        }
        try db.execute(sql: "DELETE FROM chapterPlaces")
        let chapter = try db.makeStatement(
            sql: "INSERT INTO chapterPlaces (chapter, placeKey, members) VALUES (?, ?, ?)")
        for (key, count) in aggregates.chapterPlaces {
            try chapter.execute(arguments: [key.chapter, key.placeKey, count])
        }
    }

    /// Parameter numbers of the insert, following `columns`: the texts, then the four flags.
    fileprivate static let textParameters: [Int32] = [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 21, 22, 23,
    ]
    fileprivate static let flagParameters: [Int32] = [16, 17, 19, 20, 24, 25]

    /// Binds an encoded row (see `EncodedMemberRows`) straight to the prepared insert and steps
    /// it. GRDB's `StatementArguments` and SQLite's copies of bound text cost ~25% of a
    /// million-row import, so the text is bound from the batch's buffer (SQLITE_STATIC), which
    /// stays alive until the statement has run.
    private func insert(
        _ rows: EncodedMemberRows, at index: Int, line: Int, using statement: OpaquePointer,
        keepingFlags kept: ContactConsent = ContactConsent()
    ) -> Int32 {
        rows.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            let spanBase = index * EncodedMemberRows.textCount * 2
            for (field, parameter) in Self.textParameters.enumerated() {
                let offset = rows.spans[spanBase + 2 * field], count = rows.spans[spanBase + 2 * field + 1]
                if count < 0 {
                    sqlite3_bind_null(statement, parameter)
                } else if let base, count > 0 {
                    sqlite3_bind_text(statement, parameter, base + Int(offset), count, nil)
                } else {
                    sqlite3_bind_text(statement, parameter, "", 0, nil)
                }
            }
            let flagBase = index * EncodedMemberRows.flagCount
            for (field, parameter) in Self.flagParameters.enumerated() {
                let flag = Self.flag(rows.flags[flagBase + field], parameter: parameter, keeping: kept)
                if flag < 0 {
                    sqlite3_bind_null(statement, parameter)
                } else {
                    sqlite3_bind_int64(statement, parameter, Int64(flag))
                }
            }
            sqlite3_bind_int64(statement, Self.importIDParameter, importID)
            sqlite3_bind_int64(statement, Self.importLineParameter, Int64(line))
            let status = sqlite3_step(statement)
            sqlite3_reset(statement)  // every parameter is bound again for the next row
            return status
        }
    }

    /// SQLITE_TRANSIENT (a C macro Swift does not import): SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let doNotCallParameter = Int32(doNotCallIndex + 1)
    private static let doNotTextParameter = Int32(doNotTextIndex + 1)
    private static let doNotContactParameter = Int32(doNotContactIndex + 1)
    private static let deceasedParameter = Int32(deceasedIndex + 1)

    /// An encoded flag (−1 = NULL) as written: a consent flag already stored stays set.
    private static func flag(_ encoded: Int8, parameter: Int32, keeping kept: ContactConsent) -> Int64 {
        if (parameter == doNotCallParameter && kept.doNotCall) || (parameter == doNotTextParameter && kept.doNotText)
            || (parameter == doNotContactParameter && kept.doNotContact)
            || (parameter == deceasedParameter && kept.deceased)
        {
            return 1
        }
        return Int64(encoded)
    }

    /// Inserts or updates one member read at `line` (encodes it first; the importer encodes
    /// whole batches on its reading thread and calls `upsert(_:encoded:at:line:)`).
    ///
    /// - Throws: a database error (the whole import then rolls back).
    public func upsert(_ member: Member, line: Int) throws -> Outcome {
        var rows = EncodedMemberRows()
        rows.append(member)
        return try upsert(member, encoded: rows, at: 0, line: line)
    }

    /// Inserts or updates `member`, read at `line`, whose columns are row `index` of `encoded`.
    ///
    /// - Throws: a database error (the whole import then rolls back).
    func upsert(_ member: Member, encoded: EncodedMemberRows, at index: Int, line: Int) throws -> Outcome {
        if let chapter = member.chapter, !knownChapters.contains(chapter) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO chapters (name, firstSeenImportId) VALUES (?, ?)")
                .execute(arguments: [chapter, importID])
            knownChapters.insert(chapter)
        }
        if isBulkLoad && rowsByID.count >= bulkLoadLimitRows { try leaveBulkLoad() }
        if isBulkLoad { return try append(member, encoded: encoded, at: index, line: line) }
        guard let insert = upsertStatement else { throw Self.cannotPrepare }
        try check(self.insert(encoded, at: index, line: line, using: insert.sqliteStatement))
        if db.changesCount == 1 {
            noteConsent(encoded, at: index, line: line, id: member.id.rawValue, kept: ContactConsent())
            return .added
        }
        return try merge(member, encoded: encoded, at: index, line: line)
    }

    private static let cannotPrepare = StoreError(
        path: "members", problem: "cannot prepare the member insert", hint: "the database schema may be damaged")

    private func check(_ status: Int32) throws {
        guard status == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Bulk load: appends the row unless its id was seen earlier in this file.
    private func append(_ member: Member, encoded: EncodedMemberRows, at index: Int, line: Int) throws -> Outcome {
        let idHash = encoded.idHashes[index]
        let stored = try rowsByID.find(idHash) { candidate in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM members WHERE rowid = ?"), arguments: [candidate])
                == member.id.rawValue
        }
        if let row = stored.row { return try merge(member, encoded: encoded, at: index, line: line, rowID: row) }
        guard let append = appendStatement else { throw Self.cannotPrepare }
        try check(self.insert(encoded, at: index, line: line, using: append.sqliteStatement))
        let rowID = db.lastInsertedRowID
        rowsByID.fill(stored.slot, idHash, row: rowID)
        if let emailHash = encoded.emailHashes[index] {
            let first = try rowsByEmail.find(emailHash) { candidate in
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT COALESCE(emailKey, email) FROM members WHERE rowid = ?"),
                    arguments: [candidate])
                    == member.email?.lowercasedCheaply
            }
            if let row = first.row {
                sharedEmailRows.append((rowID, row))
            } else {
                rowsByEmail.fill(first.slot, emailHash, row: rowID)
            }
        }
        aggregates.add(member, encoded: encoded, at: index)
        noteConsent(encoded, at: index, line: line, id: member.id.rawValue, kept: ContactConsent())
        return .added
    }

    /// The stored columns (in `columns` order), rowid, lastImportId and importLine of one member.
    private lazy var selectByID = try? db.makeStatement(
        sql: "SELECT \(Self.columns.joined(separator: ", ")), rowid, lastImportId, importLine FROM members WHERE id = ?"
    )
    private lazy var selectByRowID = try? db.makeStatement(
        sql:
            "SELECT \(Self.columns.joined(separator: ", ")), rowid, lastImportId, importLine FROM members WHERE rowid = ?"
    )
    /// Numbered like the insert (?1 is the id), so the same binding serves both.
    private lazy var updateStatement = try? db.makeStatement(
        sql: "UPDATE members SET "
            + Self.columns.enumerated().dropFirst().map { "\($0.element) = ?\($0.offset + 1)" }.joined(separator: ", ")
            + ", lastImportId = ?\(Self.importIDParameter), importLine = ?\(Self.importLineParameter) WHERE id = ?1")
    private lazy var touchStatement = try? db.makeStatement(
        sql: "UPDATE members SET lastImportId = ?, importLine = ? WHERE rowid = ?")

    /// A member whose id is already stored: a duplicate within this file, or an update. The
    /// stored row is compared with the encoded one byte for byte, on SQLite's own statements
    /// (a re-import of a million unchanged members spent most of its time building GRDB rows).
    private func merge(
        _ member: Member, encoded: EncodedMemberRows, at index: Int, line: Int, rowID: Int64? = nil
    ) throws -> Outcome {
        guard let select = rowID == nil ? selectByID : selectByRowID, let update = updateStatement,
            let touch = touchStatement
        else { throw Self.cannotPrepare }
        let statement = select.sqliteStatement
        defer { sqlite3_reset(statement) }
        if let rowID {
            sqlite3_bind_int64(statement, 1, rowID)
        } else {
            sqlite3_bind_text(statement, 1, member.id.rawValue, -1, Self.transient)
        }
        let status = sqlite3_step(statement)
        guard status == SQLITE_ROW else {
            try check(status)
            return .unchanged
        }
        let columnCount = Int32(Self.columns.count)
        let storedRowID = sqlite3_column_int64(statement, columnCount)
        let lastImport =
            sqlite3_column_type(statement, columnCount + 1) == SQLITE_NULL
            ? nil : sqlite3_column_int64(statement, columnCount + 1)
        let firstLine = Int(sqlite3_column_int64(statement, columnCount + 2))
        // A consent flag already stored survives a re-import that says "no" (or nothing).
        let kept = ContactConsent(
            doNotCall: sqlite3_column_int64(statement, Int32(Self.doNotCallIndex)) == 1,
            doNotText: sqlite3_column_int64(statement, Int32(Self.doNotTextIndex)) == 1,
            doNotContact: sqlite3_column_int64(statement, Int32(Self.doNotContactIndex)) == 1,
            deceased: sqlite3_column_int64(statement, Int32(Self.deceasedIndex)) == 1)
        let same = Self.storedRow(statement, equals: encoded, at: index, keeping: kept)
        sqlite3_reset(statement)
        if lastImport == importID {
            return same ? .duplicateIdentical(firstLine: firstLine) : .duplicateConflict(firstLine: firstLine)
        }
        if same {
            try touch.execute(arguments: [importID, line, storedRowID])
            return .unchanged
        }
        try check(self.insert(encoded, at: index, line: line, using: update.sqliteStatement, keepingFlags: kept))
        noteConsent(encoded, at: index, line: line, id: member.id.rawValue, kept: kept)
        return .updated
    }

    /// Whether the selected row holds exactly the encoded values (flags kept by volunteers count as set).
    private static func storedRow(
        _ statement: OpaquePointer, equals rows: EncodedMemberRows, at index: Int, keeping kept: ContactConsent
    ) -> Bool {
        rows.bytes.withUnsafeBufferPointer { buffer in
            let spanBase = index * EncodedMemberRows.textCount * 2
            for (field, parameter) in textParameters.enumerated() {
                let column = parameter - 1
                let offset = Int(rows.spans[spanBase + 2 * field]), count = rows.spans[spanBase + 2 * field + 1]
                let isNull = sqlite3_column_type(statement, column) == SQLITE_NULL
                if count < 0 {
                    if !isNull { return false }
                    continue
                }
                if isNull { return false }
                guard let text = sqlite3_column_text(statement, column) else { return count == 0 }
                let storedCount = sqlite3_column_bytes(statement, column)
                if storedCount != count { return false }
                if count > 0, let base = buffer.baseAddress, memcmp(text, base + offset, Int(count)) != 0 {
                    return false
                }
            }
            let flagBase = index * EncodedMemberRows.flagCount
            for (field, parameter) in flagParameters.enumerated() {
                let column = parameter - 1
                let flag = Self.flag(rows.flags[flagBase + field], parameter: parameter, keeping: kept)
                let stored: Int64 =
                    sqlite3_column_type(statement, column) == SQLITE_NULL ? -1 : sqlite3_column_int64(statement, column)
                if stored != flag { return false }
            }
            return true
        }
    }

    /// Members of this import that share an e-mail (case-insensitive) with an earlier row of it:
    /// (member, its line, the first member with that e-mail, that member's line), by line.
    public func sharedEmails() throws -> [(id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int)] {
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
