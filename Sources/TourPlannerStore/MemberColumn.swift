/// The columns of `members` that an import writes, in the one order everything else follows.
///
/// This is the single declaration of the import's columns: the column list, the insert and
/// update SQL, the bind order (parameter `n` is case `n − 1`, then `lastImportId` and
/// `importLine`), the encoded cells of `EncodedMemberRows` and the read-back comparison of a
/// re-import are all generated from it. Adding a column means adding a case here, its value in
/// `EncodedMemberRows.append(_:)` (the compiler points at the switch) and in the importer's
/// `MemberRowParser`.
package enum MemberColumn: Int, CaseIterable, Sendable {
    case id, firstName, lastName, fullName, email, emailKey, phoneRaw, phoneE164, city, region, country,
        countryCode, chapter, gender, joined, willingToHost, organizerInterest, languages, doNotCall, doNotText,
        notes, placeKey, genderCategory, doNotContact, deceased

    /// How a column is stored: text (NULL when absent) or a 0/1 flag (NULL when unknown).
    enum Storage: Sendable {
        case text
        case flag
    }

    /// The column's name in SQL (the case name).
    var name: String { String(describing: self) }

    var storage: Storage {
        switch self {
        case .willingToHost, .organizerInterest, .doNotCall, .doNotText, .doNotContact, .deceased: .flag
        default: .text
        }
    }

    /// The consent flag a column holds, if any: a flag already stored survives a re-import.
    var consentFlag: ConsentFlag? {
        switch self {
        case .doNotCall: .doNotCall
        case .doNotText: .doNotText
        case .doNotContact: .doNotContact
        case .deceased: .deceased
        default: nil
        }
    }

    /// The SQLite parameter (1-based) the column is bound to in every generated statement.
    var parameter: Int32 { Int32(rawValue + 1) }

    /// The result column (0-based) of the column in `selectSQL`.
    var resultColumn: Int32 { Int32(rawValue) }

    /// Parameters after the columns: the row's import id and its line in the file.
    static let importIDParameter = Int32(allCases.count + 1)
    static let importLineParameter = Int32(allCases.count + 2)

    /// `INSERT INTO members (<columns>, lastImportId, importLine) VALUES (?1, …)`.
    static let insertSQL =
        "INSERT INTO members (\(allCases.map(\.name).joined(separator: ", ")), lastImportId, importLine) VALUES ("
        + (1...Int(importLineParameter)).map { "?\($0)" }.joined(separator: ", ") + ")"

    /// `UPDATE members SET <column> = ?n, … WHERE id = ?1`, numbered like the insert so one
    /// binding serves both.
    static let updateSQL =
        "UPDATE members SET "
        + allCases.dropFirst().map { "\($0.name) = ?\($0.parameter)" }.joined(separator: ", ")
        + ", lastImportId = ?\(importIDParameter), importLine = ?\(importLineParameter) WHERE id = ?\(id.parameter)"

    /// `SELECT <columns>, rowid, lastImportId, importLine FROM members WHERE <key> = ?1`.
    static func selectSQL(where key: String) -> String {
        "SELECT \(allCases.map(\.name).joined(separator: ", ")), rowid, lastImportId, importLine FROM members WHERE \(key) = ?1"
    }

    /// Copies a member's stored row into `importPrevious` before an import updates it:
    /// `INSERT INTO importPrevious (importId, memberRowID, <columns>, lastImportId, importLine)
    /// SELECT ?1, rowid, … FROM members WHERE rowid = ?2` (see `TourDatabase.undoLastImport`).
    static let snapshotSQL =
        "INSERT INTO importPrevious (importId, memberRowID, \(allCases.map(\.name).joined(separator: ", ")), "
        + "lastImportId, importLine) SELECT ?1, rowid, \(allCases.map(\.name).joined(separator: ", ")), "
        + "lastImportId, importLine FROM members WHERE rowid = ?2"

    /// Result columns of `selectSQL` after the member columns.
    static let rowIDResultColumn = Int32(allCases.count)
    static let lastImportIDResultColumn = Int32(allCases.count + 1)
    static let importLineResultColumn = Int32(allCases.count + 2)
}
