import Foundation
import GRDB

/// One row of `events`: a training or meeting members are invited to.
///
/// `cities` is the list joined by ", "; `date` is `YYYY-MM-DD`, `start` `HH:MM` (local to
/// `timeZone`); an unknown venue or organizer is stored as "".
struct EventRecord: Codable, StoredRecord, TableRecord, PersistableRecord {
    static let databaseTableName = "events"
    static let rowIDColumn = CodingKeys.id.stringValue
    var id: String
    var metro: String
    var cities: String
    var date: String
    var start: String
    var timeZone: String
    var latitude: Double
    var longitude: Double
    var venue: String
    var organizer: String
    var scheduledAt: Date?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, metro, cities, date, start, timeZone, latitude, longitude, venue, organizer, scheduledAt
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let metro = Column(CodingKeys.metro)
        static let date = Column(CodingKeys.date)
        static let start = Column(CodingKeys.start)
        static let venue = Column(CodingKeys.venue)
        static let organizer = Column(CodingKeys.organizer)
        static let scheduledAt = Column(CodingKeys.scheduledAt)
    }
}
