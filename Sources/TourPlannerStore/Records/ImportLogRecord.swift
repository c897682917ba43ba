import Foundation
import GRDB

/// One row of `imports`: one imported file and its counts (the import writes it in its own
/// transaction; readers use this record).
struct ImportLogRecord: Codable, StoredRecord, TableRecord {
    static let databaseTableName = "imports"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64?
    var fileName: String
    var sha256: String
    var byteCount: Int
    var format: String
    var importedAt: Date
    var added: Int
    var updated: Int
    var unchanged: Int
    var skipped: Int
    var warnings: Int
    var errors: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, fileName, sha256, byteCount, format, importedAt, added, updated, unchanged, skipped, warnings, errors
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let fileName = Column(CodingKeys.fileName)
        static let sha256 = Column(CodingKeys.sha256)
        static let importedAt = Column(CodingKeys.importedAt)
    }
}
