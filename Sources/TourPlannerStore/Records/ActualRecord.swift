import Foundation
import GRDB

/// One row of `actuals`: an actual expense. Money is integer minor units of `currency` (SQL sums
/// it); `rate` is decimal text; `date` is `YYYY-MM-DD`; a deleted expense stays as a tombstone.
struct ActualRecord: Codable, StoredRecord, TableRecord, MutablePersistableRecord {
    static let databaseTableName = "actuals"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: Int64?
    var tour: String
    var date: String
    var category: String
    var trip: String
    var amountMinor: Int64
    var currency: String
    var budgetCurrency: String?
    var rate: String?
    var note: String
    var receipt: String
    var sourceFile: String
    var line: Int
    var occurrence: Int
    var identityKey: String
    var isDeleted: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, tour, date, category, trip, amountMinor, currency, budgetCurrency, rate, note, receipt, sourceFile
        case line, occurrence, identityKey, isDeleted
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let tour = Column(CodingKeys.tour)
        static let date = Column(CodingKeys.date)
        static let identityKey = Column(CodingKeys.identityKey)
        static let isDeleted = Column(CodingKeys.isDeleted)
        static let receipt = Column(CodingKeys.receipt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
