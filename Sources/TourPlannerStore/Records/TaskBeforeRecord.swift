import Foundation
import GRDB

/// One row of `outcomeTasksBefore`: a task an outcome changed, as it was before (what undoing the
/// outcome puts back). `status` holds the raw value of the task-status enum (checked when read).
struct TaskBeforeRecord: Codable, StoredRecord, TableRecord, PersistableRecord {
    static let databaseTableName = "outcomeTasksBefore"
    static let rowIDColumn = CodingKeys.taskId.stringValue
    var outcomeId: Int64
    var taskId: String
    var status: String
    var windowStart: Date
    var windowEnd: Date
    var attempt: Int
    var note: String?
    var mergedInto: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case outcomeId, taskId, status, windowStart, windowEnd, attempt, note, mergedInto
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let outcomeId = Column(CodingKeys.outcomeId)
        static let taskId = Column(CodingKeys.taskId)
    }

    /// `task` as it is now, kept for the outcome `outcomeId`.
    init(_ task: TaskRecord, outcomeId: Int64) {
        self.outcomeId = outcomeId
        taskId = task.id
        status = task.status
        windowStart = task.windowStart
        windowEnd = task.windowEnd
        attempt = task.attempt
        note = task.note
        mergedInto = task.mergedInto
    }
}
