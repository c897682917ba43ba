import Foundation
import GRDB

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

    private static let columns = [
        "id", "firstName", "lastName", "fullName", "email", "emailKey", "phoneRaw", "phoneE164", "city", "region",
        "country", "countryCode", "chapter", "gender", "joined", "willingToHost", "organizerInterest", "languages",
        "doNotCall", "doNotText", "notes", "placeKey",
    ]
    private static let doNotCallIndex = columns.firstIndex(of: "doNotCall") ?? 18
    private static let doNotTextIndex = columns.firstIndex(of: "doNotText") ?? 19

    init(db: Database, importID: Int64) {
        self.db = db
        self.importID = importID
    }

    private static func values(of member: Member) -> [DatabaseValue] {
        let fields: [(any DatabaseValueConvertible)?] = [
            member.id.rawValue, member.firstName, member.lastName, member.fullName, member.email,
            member.email?.lowercased(), member.phoneRaw, member.phoneE164, member.city, member.region, member.country,
            member.countryCode, member.chapter, member.gender, member.joined, member.willingToHost,
            member.organizerInterest, member.languages.joined(separator: ","), member.doNotCall, member.doNotText,
            member.notes, member.placeKey.rawValue,
        ]
        return fields.map { $0?.databaseValue ?? .null }
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
        var values = Self.values(of: member)
        let insert = try db.cachedStatement(
            sql: "INSERT INTO members (\(Self.columns.joined(separator: ", ")), lastImportId, importLine) VALUES ("
                + Array(repeating: "?", count: Self.columns.count + 2).joined(separator: ", ")
                + ") ON CONFLICT(id) DO NOTHING")
        insert.setUncheckedArguments(StatementArguments(values + [importID.databaseValue, line.databaseValue]))
        try insert.execute()
        if db.changesCount == 1 { return .added }

        let select = try db.cachedStatement(
            sql: "SELECT \(Self.columns.joined(separator: ", ")), lastImportId, importLine FROM members WHERE id = ?")
        guard let row = try Row.fetchOne(select, arguments: [member.id.rawValue]) else { return .unchanged }
        let stored = (0..<Self.columns.count).map { row[$0] as DatabaseValue }
        // A volunteer's do-not-contact flag survives a re-import that says "no".
        for index in [Self.doNotCallIndex, Self.doNotTextIndex] where stored[index] == true.databaseValue {
            values[index] = true.databaseValue
        }
        let lastImport: Int64? = row["lastImportId"]
        if lastImport == importID {
            let firstLine: Int = row["importLine"] ?? 0
            return stored == values ? .duplicateIdentical(firstLine: firstLine) : .duplicateConflict(firstLine: firstLine)
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

    /// Another member of this same import with the same e-mail (case-insensitive), if any.
    public func otherMember(withEmail email: String, excluding id: MemberID) throws -> (id: MemberID, line: Int)? {
        let statement = try db.cachedStatement(
            sql: "SELECT id, importLine FROM members WHERE emailKey = ? AND id <> ? AND lastImportId = ? LIMIT 1")
        guard let row = try Row.fetchOne(statement, arguments: [email.lowercased(), id.rawValue, importID]) else {
            return nil
        }
        return (MemberID(row["id"] as String), row["importLine"] ?? 0)
    }
}
