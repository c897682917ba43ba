import Foundation
import GRDB

/// One row of `consentLog`. `flag`, `change` and `source` hold the raw values of the consent
/// enums (checked when read back).
struct ConsentLogRecord: Codable, StoredRecord, TableRecord, MutablePersistableRecord, BulkWrittenRecord {
    static let databaseTableName = "consentLog"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64?
    var memberId: String
    var flag: String
    var change: String
    var source: String
    var detail: String?
    var actor: String?
    var reason: String?
    var recordedAt: Date

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, memberId, flag, change, source, detail, actor, reason, recordedAt
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let memberId = Column(CodingKeys.memberId)
        static let flag = Column(CodingKeys.flag)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The stored values in `CodingKeys` order, for `BulkWrittenRecord`.
    var databaseValues: [(any DatabaseValueConvertible)?] {
        [id, memberId, flag, change, source, detail, actor, reason, recordedAt]
    }
}

/// The consent columns of one `members` row (`id` is absent when a query selects only the flags).
struct ConsentColumnsRecord: Codable, StoredRecord, TableRecord {
    static let databaseTableName = "members"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String?
    var doNotCall: Bool
    var doNotText: Bool
    var doNotContact: Bool
    var deceased: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, doNotCall, doNotText, doNotContact, deceased
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let doNotCall = Column(CodingKeys.doNotCall)
        static let doNotText = Column(CodingKeys.doNotText)
        static let doNotContact = Column(CodingKeys.doNotContact)
        static let deceased = Column(CodingKeys.deceased)
    }
}
