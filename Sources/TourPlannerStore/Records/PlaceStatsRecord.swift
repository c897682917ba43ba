import Foundation
import GRDB

/// One row of `placeStats`: member counts of one raw place key, recomputed by every import.
struct PlaceStatsRecord: Codable, StoredRecord, TableRecord {
    static let databaseTableName = "placeStats"
    static let rowIDColumn = CodingKeys.placeKey.stringValue
    var placeKey: String
    var members: Int
    var unaffiliated: Int
    var organizers: Int
    var hosts: Int
    var unaffiliatedWomen: Int
    var unaffiliatedGenderStated: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case placeKey, members, unaffiliated, organizers, hosts, unaffiliatedWomen, unaffiliatedGenderStated
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let placeKey = Column(CodingKeys.placeKey)
        static let members = Column(CodingKeys.members)
        static let unaffiliated = Column(CodingKeys.unaffiliated)
    }
}

/// A chapter's members at one resolved place (`chapterPlaces` joined with `places`).
struct ChapterPlaceRecord: Codable, StoredRecord {
    static let tableNameForErrors = "chapterPlaces"
    static let rowIDColumn = CodingKeys.chapter.stringValue
    var chapter: String
    var placeKey: String
    var members: Int
    var latitude: Double
    var longitude: Double
}
