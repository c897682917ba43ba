import GRDB

/// The statements of one import's `MemberWriteSession`, each prepared with `try` on first use
/// (so SQLite's message reaches the user) and kept for the rest of the import.
struct PreparedStatements {
    enum Kind: Int, CaseIterable {
        /// Insert for a table that has rows: a known id is left alone and then merged.
        case upsert
        /// Plain append for a bulk load (no unique index yet: duplicates are caught in memory).
        case append
        /// The stored columns (in `MemberColumn` order), rowid, lastImportId and importLine of one member.
        case selectByID
        case selectByRowID
        /// Numbered like the insert (?1 is the id), so the same binding serves both.
        case update
        /// Marks an unchanged member as seen by this import.
        case touch
        /// Keeps a member's row as it was before this import updates it (for `undoLastImport`).
        case snapshot

        var sql: String {
            switch self {
            case .upsert: MemberColumn.insertSQL + " ON CONFLICT(id) DO NOTHING"
            case .append: MemberColumn.insertSQL
            case .selectByID: MemberColumn.selectSQL(where: "id")
            case .selectByRowID: MemberColumn.selectSQL(where: "rowid")
            case .update: MemberColumn.updateSQL
            case .touch: "UPDATE members SET lastImportId = ?1, importLine = ?2 WHERE rowid = ?3"
            case .snapshot: MemberColumn.snapshotSQL
            }
        }
    }

    private var prepared = [Statement?](repeating: nil, count: Kind.allCases.count)

    /// The statement of `kind`, prepared now if it is its first use.
    ///
    /// - Throws: the `DatabaseError` of SQLite (its message and the SQL) when it cannot be prepared.
    mutating func statement(_ kind: Kind, in db: Database) throws -> Statement {
        if let statement = prepared[kind.rawValue] { return statement }
        let statement = try db.makeStatement(sql: kind.sql)
        prepared[kind.rawValue] = statement
        return statement
    }
}
