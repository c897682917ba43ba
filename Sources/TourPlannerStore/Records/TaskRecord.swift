import Foundation
import GRDB

/// One row of `tasks`: a call or text to make. `kind` and `status` hold the raw values of the
/// task kind and status enums (checked when read back).
struct TaskRecord: Codable, StoredRecord, TableRecord, PersistableRecord, BulkWrittenRecord {
    static let databaseTableName = "tasks"
    static let rowIDColumn = CodingKeys.id.stringValue
    /// `eventId/memberId/kind`.
    var id: String
    var eventId: String
    var memberId: String
    var kind: String
    var eventStart: Date
    var windowStart: Date
    var windowEnd: Date
    var timeZone: String
    var volunteer: String
    var status: String
    var attempt: Int
    var note: String?
    var mergedInto: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt
        case note, mergedInto
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let eventId = Column(CodingKeys.eventId)
        static let memberId = Column(CodingKeys.memberId)
        static let kind = Column(CodingKeys.kind)
        static let eventStart = Column(CodingKeys.eventStart)
        static let windowStart = Column(CodingKeys.windowStart)
        static let windowEnd = Column(CodingKeys.windowEnd)
        static let timeZone = Column(CodingKeys.timeZone)
        static let volunteer = Column(CodingKeys.volunteer)
        static let status = Column(CodingKeys.status)
        static let attempt = Column(CodingKeys.attempt)
        static let note = Column(CodingKeys.note)
        static let mergedInto = Column(CodingKeys.mergedInto)
    }

    /// The stored values in `CodingKeys` order, for `BulkWrittenRecord`.
    var databaseValues: [(any DatabaseValueConvertible)?] {
        [
            id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt, note,
            mergedInto,
        ]
    }
}
