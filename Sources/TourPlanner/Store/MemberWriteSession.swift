import Foundation
import GRDB
import GRDBSQLite

/// Writes one import's members inside its transaction (see `TourDatabase.performImport`).
///
/// Upserts by member id: a new id is inserted; a known id is updated only when a column
/// differs; a second row with the same id in the same file is reported as a duplicate
/// (identical → merged, different → conflict naming both lines). Flags set by volunteers
/// (do-not-call, do-not-text) are never cleared by a re-import.
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
    private lazy var insertStatement = try? db.makeStatement(
        sql: "INSERT INTO members (\(Self.columns.joined(separator: ", ")), lastImportId, importLine) VALUES ("
            + Array(repeating: "?", count: Self.columns.count + 2).joined(separator: ", ")
            + ") ON CONFLICT(id) DO NOTHING")

    private static let columns = [
        "id", "firstName", "lastName", "fullName", "email", "emailKey", "phoneRaw", "phoneE164", "city", "region",
        "country", "countryCode", "chapter", "gender", "joined", "willingToHost", "organizerInterest", "languages",
        "doNotCall", "doNotText", "notes", "placeKey", "genderCategory",
    ]
    private static let doNotCallIndex = columns.firstIndex(of: "doNotCall") ?? 18
    private static let doNotTextIndex = columns.firstIndex(of: "doNotText") ?? 19

    private let rebuildsIndexes: Bool
    private var rowsFinished = false

    init(db: Database, importID: Int64, rebuildsIndexes: Bool) {
        self.db = db
        self.importID = importID
        self.rebuildsIndexes = rebuildsIndexes
    }

    /// Call after the last `upsert`: rebuilds the secondary indexes dropped for a bulk load and
    /// the per-place and per-chapter counts that ranking and markers read.
    public func finishRows() throws {
        guard !rowsFinished else { return }
        rowsFinished = true
        if rebuildsIndexes {
            for index in TourDatabase.memberSecondaryIndexes { try db.execute(sql: index.sql) }
        }
        try TourDatabase.refreshMemberAggregates(db)
    }

    private static func values(of member: Member) -> [DatabaseValue] {
        let fields: [(any DatabaseValueConvertible)?] = [
            member.id.rawValue, member.firstName, member.lastName, member.fullName, member.email,
            member.email?.lowercased(), member.phoneRaw, member.phoneE164, member.city, member.region, member.country,
            member.countryCode, member.chapter, member.gender, member.joined, member.willingToHost,
            member.organizerInterest, member.languages.joined(separator: ","), member.doNotCall, member.doNotText,
            member.notes, member.placeKey.rawValue, GenderCategory.classify(member.gender).rawValue,
        ]
        return fields.map { $0?.databaseValue ?? .null }
    }

    /// Reused buffer holding one row's text, bound without copies (SQLITE_STATIC is nil).
    private var scratch: [UInt8] = []
    private var spans: [(offset: Int, count: Int)?] = []

    /// Binds a member's columns (in `columns` order), then import id and line, straight to the
    /// prepared insert and steps it. GRDB's `StatementArguments` and SQLite's copies of bound
    /// text cost ~25% of a million-row import, so the row's text goes into one reused buffer
    /// that stays alive until the statement has run.
    private func insert(_ member: Member, line: Int, using statement: OpaquePointer) -> Int32 {
        scratch.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        func text(_ value: String?) {
            guard let value else {
                spans.append(nil)
                return
            }
            let offset = scratch.count
            scratch.append(contentsOf: value.utf8)
            spans.append((offset, scratch.count - offset))
        }
        text(member.id.rawValue)
        text(member.firstName)
        text(member.lastName)
        text(member.fullName)
        text(member.email)
        text(member.email?.lowercased())
        text(member.phoneRaw)
        text(member.phoneE164)
        text(member.city)
        text(member.region)
        text(member.country)
        text(member.countryCode)
        text(member.chapter)
        text(member.gender)
        text(member.joined)
        text(member.languages.joined(separator: ","))
        text(member.notes)
        text(member.placeKey.rawValue)
        text(GenderCategory.classify(member.gender).rawValue)
        let flags: [Bool?] = [member.willingToHost, member.organizerInterest, member.doNotCall, member.doNotText]
        // Parameter numbers follow `columns`: texts, then the four flags at their places.
        let textParameters: [Int32] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 21, 22, 23]
        let flagParameters: [Int32] = [16, 17, 19, 20]
        return scratch.withUnsafeBufferPointer { buffer -> Int32 in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            for (parameter, span) in zip(textParameters, spans) {
                if let span, let base {
                    sqlite3_bind_text(statement, parameter, base + span.offset, Int32(span.count), nil)
                } else if span != nil {
                    sqlite3_bind_text(statement, parameter, "", 0, nil)
                } else {
                    sqlite3_bind_null(statement, parameter)
                }
            }
            for (parameter, flag) in zip(flagParameters, flags) {
                if let flag {
                    sqlite3_bind_int64(statement, parameter, flag ? 1 : 0)
                } else {
                    sqlite3_bind_null(statement, parameter)
                }
            }
            sqlite3_bind_int64(statement, 24, importID)
            sqlite3_bind_int64(statement, 25, Int64(line))
            let status = sqlite3_step(statement)
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            return status
        }
    }

    /// Inserts or updates one member read at `line`.
    ///
    /// - Throws: a database error (the whole import then rolls back).
    public func upsert(_ member: Member, line: Int) throws -> Outcome {
        if let chapter = member.chapter, !knownChapters.contains(chapter) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO chapters (name, firstSeenImportId) VALUES (?, ?)")
                .execute(arguments: [chapter, importID])
            knownChapters.insert(chapter)
        }
        guard let insert = insertStatement else {
            throw StoreError(
                path: "members", problem: "cannot prepare the member insert", hint: "the database schema may be damaged"
            )
        }
        let status = self.insert(member, line: line, using: insert.sqliteStatement)
        guard status == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        if db.changesCount == 1 { return .added }

        let select = try db.cachedStatement(
            sql: "SELECT \(Self.columns.joined(separator: ", ")), lastImportId, importLine FROM members WHERE id = ?")
        guard let row = try Row.fetchOne(select, arguments: [member.id.rawValue]) else { return .unchanged }
        var values = Self.values(of: member)
        let stored = (0..<Self.columns.count).map { row[$0] as DatabaseValue }
        // A volunteer's do-not-contact flag survives a re-import that says "no".
        for index in [Self.doNotCallIndex, Self.doNotTextIndex] where stored[index] == true.databaseValue {
            values[index] = true.databaseValue
        }
        let lastImport: Int64? = row["lastImportId"]
        if lastImport == importID {
            let firstLine: Int = row["importLine"] ?? 0
            return stored == values
                ? .duplicateIdentical(firstLine: firstLine) : .duplicateConflict(firstLine: firstLine)
        }
        let changed = stored != values
        let update = try db.cachedStatement(
            sql: "UPDATE members SET " + Self.columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
                + ", lastImportId = ?, importLine = ? WHERE id = ?")
        update.setUncheckedArguments(
            StatementArguments(Array(values.dropFirst()) + [importID.databaseValue, line.databaseValue, values[0]]))
        try update.execute()
        return changed ? .updated : .unchanged
    }

    /// Members of this import that share an e-mail (case-insensitive) with an earlier row of it:
    /// (member, its line, the first member with that e-mail, that member's line), by line.
    public func sharedEmails() throws -> [(id: MemberID, line: Int, email: String, firstID: MemberID, firstLine: Int)] {
        try finishRows()
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH shared AS (
                  SELECT emailKey FROM members WHERE emailKey IS NOT NULL
                  GROUP BY emailKey HAVING COUNT(*) > 1)
                SELECT m.id, m.importLine, m.email, m.emailKey FROM members m JOIN shared USING (emailKey)
                WHERE m.lastImportId = ?1 ORDER BY m.emailKey, m.importLine
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
}
