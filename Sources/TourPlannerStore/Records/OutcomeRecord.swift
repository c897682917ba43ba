import Foundation
import GRDB

/// One row of `outcomes`: what happened on one attempt of a task. `outcome` holds the raw value
/// of the call-outcome enum (checked when read back).
struct OutcomeRecord: Codable, StoredRecord, TableRecord, MutablePersistableRecord {
    static let databaseTableName = "outcomes"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64?
    var taskId: String
    var memberId: String
    var outcome: String
    var note: String?
    var volunteer: String?
    var recordedAt: Date
    var attempt: Int
    /// When the outcome was undone (`calls undo`); nil while it stands. Undone outcomes are kept.
    var undoneAt: Date?
    /// Who undid it.
    var undoneBy: String?
    /// What the undo did (`OutcomeUndoReport.details`).
    var undoSummary: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, taskId, memberId, outcome, note, volunteer, recordedAt, attempt, undoneAt, undoneBy, undoSummary
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let taskId = Column(CodingKeys.taskId)
        static let memberId = Column(CodingKeys.memberId)
        static let outcome = Column(CodingKeys.outcome)
        static let recordedAt = Column(CodingKeys.recordedAt)
        static let undoneAt = Column(CodingKeys.undoneAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the answers query: an RSVP outcome with its task's event and member.
struct AnswerRecord: Codable, StoredRecord {
    static let tableNameForErrors = "outcomes"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64
    var eventId: String
    var memberId: String
    var outcome: String
}
