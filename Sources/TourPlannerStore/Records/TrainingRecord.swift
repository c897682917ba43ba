import Foundation
import GRDB

/// One row of `trainings`. `kind` and `chapterFounded` hold the raw values of the visit-kind and
/// chapter-outcome enums (checked when read back); `date` is `YYYY-MM-DD`.
struct TrainingRecord: Codable, StoredRecord, TableRecord, MutablePersistableRecord {
    static let databaseTableName = "trainings"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64?
    var metro: String
    var date: String
    var kind: String
    var invited: Int
    var attended: Int
    var women: Int
    var chapterFounded: String
    var note: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, metro, date, kind, invited, attended, women, chapterFounded, note
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let date = Column(CodingKeys.date)
        static let metro = Column(CodingKeys.metro)
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
